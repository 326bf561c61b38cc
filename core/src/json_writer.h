// JSON text written directly, for the answers the page asks for on every
// keystroke. Building an nlohmann tree, dumping it and freeing it was most of
// an estimate's time in wasm. The text is byte-for-byte what nlohmann's
// dump() gave (keys in byte order, as its std::map keeps them; the same
// escapes; invalid UTF-8 replaced), so the formats do not change.
#ifndef EPOCHCOST_JSON_WRITER_H
#define EPOCHCOST_JSON_WRITER_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace epochcost::detail {

// Appends `text` as a JSON string (quoted and escaped).
void AppendJsonString(std::string* out, std::string_view text);

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

}  // namespace epochcost::detail

#endif  // EPOCHCOST_JSON_WRITER_H
