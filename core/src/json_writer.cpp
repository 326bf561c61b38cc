// Direct JSON text (see json_writer.h).
#include "json_writer.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "small_sort.h"

namespace epochcost::detail {
namespace {

// Whether nlohmann would copy `text` unchanged between its quotes: valid
// UTF-8 with no control character, quote or backslash.
bool IsPlain(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      if (lead < 0x20 || lead == '"' || lead == '\\') return false;
      ++i;
      continue;
    }
    std::size_t size = 0;
    std::uint32_t min = 0;
    if ((lead & 0xE0) == 0xC0) {
      size = 2;
      min = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      size = 3;
      min = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      size = 4;
      min = 0x10000;
    } else {
      return false;
    }
    if (text.size() - i < size) return false;
    std::uint32_t code_point = lead & (0x7Fu >> size);
    for (std::size_t k = 1; k < size; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code_point = (code_point << 6) | (next & 0x3Fu);
    }
    // Overlong forms, surrogates and values past Unicode are invalid.
    if (code_point < min || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return false;
    i += size;
  }
  return true;
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view text) {
  if (IsPlain(text)) {
    out->push_back('"');
    out->append(text);
    out->push_back('"');
    return;
  }
  // Rare (messages quoting odd input): nlohmann's own escaping, so that the
  // text stays what it was.
  out->append(nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
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

}  // namespace epochcost::detail
