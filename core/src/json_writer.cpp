// Direct JSON text (see json_writer.h).
#include "json_writer.h"

#include <algorithm>
#include <charconv>

#include "small_sort.h"

namespace epochcost::detail {
namespace {

// The well-formed UTF-8 sequence starting at `text[i]`: its length, or 0
// when `text[i]` starts none. `*bad` is then the length of the ill-formed
// prefix to replace: the bytes up to the first one out of place (at least 1).
std::size_t SequenceAt(std::string_view text, std::size_t i, std::size_t* bad) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  // The second byte's range (Unicode table 3-7: no overlong form, no
  // surrogate, nothing past U+10FFFF), then the sequence's length.
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  std::size_t size = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    size = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    size = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    size = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  }
  std::size_t k = 1;
  for (; size != 0 && k < size && i + k < text.size(); ++k) {
    const unsigned char next = byte(k);
    if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) break;
  }
  if (size != 0 && k == size) return size;
  *bad = k;
  return 0;
}

// Whether `text` is written unchanged between quotes: well-formed UTF-8
// with no control character, quote or backslash.
bool IsPlain(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == '"' || c == '\\') return false;
    std::size_t bad = 0;
    const std::size_t size = SequenceAt(text, i, &bad);
    if (size == 0) return false;
    i += size;
  }
  return true;
}

}  // namespace

std::string WellFormedUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t bad = 0;
    const std::size_t size = SequenceAt(text, i, &bad);
    if (size != 0) {
      out.append(text, i, size);
      i += size;
    } else {
      out.append("\xEF\xBF\xBD");  // U+FFFD REPLACEMENT CHARACTER
      i += bad;
    }
  }
  return out;
}

void AppendJsonString(std::string* out, std::string_view text) {
  out->push_back('"');
  if (IsPlain(text)) {
    out->append(text);
    out->push_back('"');
    return;
  }
  // Rare (messages quoting odd input): escapes as nlohmann's dump() wrote
  // them, short forms where JSON has one, lower-case \u00XX otherwise.
  for (const char c : WellFormedUtf8(text)) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          constexpr char kHex[] = "0123456789abcdef";
          out->append("\\u00");
          out->push_back(kHex[(c >> 4) & 0xF]);
          out->push_back(kHex[c & 0xF]);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

std::string* JsonObject::Field(std::string_view key) {
  const bool first = entries_.empty();
  if (!first && key < std::string_view(keys_.data() + entries_.back().key_begin, entries_.back().key_size)) {
    sorted_ = false;
  }
  text_.push_back(first ? '{' : ',');
  entries_.push_back({keys_.size(), key.size(), text_.size()});
  keys_.append(key);
  AppendJsonString(&text_, key);
  text_.push_back(':');
  return &text_;
}

JsonObject& JsonObject::String(std::string_view key, std::string_view value) {
  AppendJsonString(Field(key), value);
  return *this;
}

JsonObject& JsonObject::Int(std::string_view key, std::int64_t value) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  Field(key)->append(digits, end);
  return *this;
}

JsonObject& JsonObject::Bool(std::string_view key, bool value) {
  Field(key)->append(value ? "true" : "false");
  return *this;
}

JsonObject& JsonObject::Null(std::string_view key) {
  Field(key)->append("null");
  return *this;
}

JsonObject& JsonObject::OptionalString(std::string_view key, const std::optional<std::string>& value) {
  return value ? String(key, *value) : Null(key);
}

JsonObject& JsonObject::Raw(std::string_view key, std::string_view json) {
  Field(key)->append(json);
  return *this;
}

std::string JsonObject::Text() const {
  if (entries_.empty()) return "{}";
  if (sorted_) return text_ + "}";
  const auto key = [this](const Entry& entry) {
    return std::string_view(keys_.data() + entry.key_begin, entry.key_size);
  };
  std::vector<std::size_t> order(entries_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  StableSortSmall(&order, [&](std::size_t a, std::size_t b) { return key(entries_[a]) < key(entries_[b]); });
  std::string out;
  out.reserve(text_.size() + 1);
  for (std::size_t i : order) {
    out.push_back(out.empty() ? '{' : ',');
    // A field runs to the comma before the next one.
    const std::size_t end = i + 1 < entries_.size() ? entries_[i + 1].field_begin - 1 : text_.size();
    out.append(text_, entries_[i].field_begin, end - entries_[i].field_begin);
  }
  out.push_back('}');
  return out;
}

std::string JsonArrayText(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& item : items) {
    if (out.size() > 1) out.push_back(',');
    out.append(item);
  }
  out.push_back(']');
  return out;
}

std::string IndentedJson(std::string_view compact, int indent) {
  std::string out;
  out.reserve(compact.size() * 2);
  std::size_t depth = 0;
  const auto new_line = [&](std::size_t level) {
    out.push_back('\n');
    out.append(level * static_cast<std::size_t>(indent), ' ');
  };
  for (std::size_t i = 0; i < compact.size(); ++i) {
    const char c = compact[i];
    if (c == '"') {
      // A string is copied as it is, escapes included, to its closing quote.
      std::size_t end = i + 1;
      while (end < compact.size() && compact[end] != '"') end += compact[end] == '\\' ? 2 : 1;
      end = std::min(end, compact.size() - 1);
      out.append(compact, i, end + 1 - i);
      i = end;
    } else if (c == '{' || c == '[') {
      out.push_back(c);
      if (i + 1 < compact.size() && compact[i + 1] == (c == '{' ? '}' : ']')) {
        out.push_back(compact[++i]);
      } else {
        new_line(++depth);
      }
    } else if (c == '}' || c == ']') {
      new_line(depth > 0 ? --depth : 0);
      out.push_back(c);
    } else if (c == ',') {
      out.push_back(c);
      new_line(depth);
    } else if (c == ':') {
      out.append(": ");
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace epochcost::detail
