// JSON text written directly: the core's one writer of JSON (nlohmann is
// only its parser). It was written for the answers the page asks for on
// every keystroke: building an nlohmann tree, dumping it and freeing it was
// most of an estimate's time in wasm. The text is byte-for-byte what
// nlohmann's dump() gave (keys in byte order, as its std::map keeps them;
// the same escapes; invalid UTF-8 replaced the same way), so the formats
// do not change.
#ifndef EPOCHCOST_JSON_WRITER_H
#define EPOCHCOST_JSON_WRITER_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace epochcost::detail {

// Appends `text` as a JSON string (quoted and escaped; invalid UTF-8
// replaced as WellFormedUtf8 replaces it).
void AppendJsonString(std::string* out, std::string_view text);

// `text` with each ill-formed UTF-8 sequence (its bytes up to the first one
// out of place, or a byte that starts none) replaced by U+FFFD, as
// nlohmann's dump() replaced it: nothing the engine writes can break a
// reader's UTF-8 decoder, and nothing aborts the instance.
std::string WellFormedUtf8(std::string_view text);

// An object whose fields may be added in any order (each key once); Text()
// writes them sorted by key.
class JsonObject {
 public:
  JsonObject& String(std::string_view key, std::string_view value);
  JsonObject& Int(std::string_view key, std::int64_t value);
  JsonObject& Bool(std::string_view key, bool value);
  JsonObject& Null(std::string_view key);
  // The string, or null when there is none.
  JsonObject& OptionalString(std::string_view key, const std::optional<std::string>& value);
  // A value that is already JSON text (a nested object or array).
  JsonObject& Raw(std::string_view key, std::string_view json);
  std::string Text() const;

 private:
  // Writes the key of a new field; its value is then appended to text_.
  std::string* Field(std::string_view key);

  struct Entry {
    std::size_t key_begin;  // in keys_
    std::size_t key_size;
    std::size_t field_begin;  // in text_, at the key's opening quote
  };
  // The fields as added: "{" then "key":value pairs with commas. When they
  // were added in key order (the usual case), this is the text.
  std::string text_;
  std::string keys_;
  std::vector<Entry> entries_;
  bool sorted_ = true;
};

// [item,item,...] from items that are already JSON text.
std::string JsonArrayText(const std::vector<std::string>& items);

// Text of this writer (no white space outside strings) laid out as
// nlohmann's dump(indent) lays it out: one member or element per line,
// `indent` spaces a level, ": " after keys, empty objects and arrays as {}
// and []. For exports a person reads; the answers stay compact.
std::string IndentedJson(std::string_view compact, int indent);

}  // namespace epochcost::detail

#endif  // EPOCHCOST_JSON_WRITER_H
