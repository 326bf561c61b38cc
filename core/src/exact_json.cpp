// Exact JSON parsing and typed field readers (see exact_json.h).
#include "exact_json.h"

#include <utility>
#include <vector>

#include "epochcost/decimal_text.h"
#include "epochcost/rational.h"

namespace epochcost::detail {
namespace {

// Subtype that marks a binary value as "a JSON number kept as its text".
constexpr std::uint8_t kRawNumberSubtype = 0x4E;
// Deeper nesting than this is never a price table or a configuration.
constexpr std::size_t kMaxDepth = 32;

// Builds a Json DOM from SAX events, keeping non-integer numbers as text.
class ExactDomBuilder {
 public:
  explicit ExactDomBuilder(Json* root) : root_(root) {}

  bool null() { return Add(Json(nullptr)) != nullptr; }
  bool boolean(bool value) { return Add(Json(value)) != nullptr; }
  bool number_integer(Json::number_integer_t value) { return Add(Json(value)) != nullptr; }
  bool number_unsigned(Json::number_unsigned_t value) { return Add(Json(value)) != nullptr; }
  bool number_float(Json::number_float_t /*lossy*/, const std::string& text) {
    return Add(Json::binary(Json::binary_t::container_type(text.begin(), text.end()), kRawNumberSubtype)) != nullptr;
  }
  bool string(std::string& value) { return Add(Json(std::move(value))) != nullptr; }
  bool binary(Json::binary_t& value) { return Add(Json(value)) != nullptr; }
  bool key(std::string& name) {
    key_ = std::move(name);
    return true;
  }
  bool start_object(std::size_t /*size*/) { return Open(Json::object()); }
  bool end_object() { return Close(); }
  bool start_array(std::size_t /*size*/) { return Open(Json::array()); }
  bool end_array() { return Close(); }
  bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& e) {
    error_path_ = CurrentPath();
    error_position_ = position;
    error_token_ = token;
    // nlohmann refuses numbers beyond double's range (1e309) as a syntax
    // error; the user deserves "too large" and the field's name instead.
    // Only that error (out_of_range 406): a truncated or malformed number
    // ("1.", "01", "--1") is a syntax error like any other.
    constexpr int kNumberOverflow = 406;
    number_out_of_range_ = e.id == kNumberOverflow;
    return false;
  }

  bool too_deep() const { return too_deep_; }
  bool duplicate_key() const { return duplicate_key_; }
  bool number_out_of_range() const { return number_out_of_range_; }
  const std::string& last_key() const { return key_; }
  // Where the error happened, as the field readers name it ("trial.seconds",
  // "instances[0].price_per_gpu_hour"); empty at the top level.
  const std::string& error_path() const { return error_path_; }
  std::size_t error_position() const { return error_position_; }
  const std::string& error_token() const { return error_token_; }

 private:
  Json* Add(Json value) {
    if (stack_.empty()) {
      *root_ = std::move(value);
      return root_;
    }
    Json* parent = stack_.back();
    if (parent->is_array()) {
      parent->push_back(std::move(value));
      return &parent->back();
    }
    // {"gpus": 4, "gpus": 8} would silently price 8 GPUs: refuse it.
    if (parent->contains(key_)) {
      duplicate_key_ = true;
      error_path_ = CurrentPath();
      return nullptr;
    }
    Json& slot = (*parent)[key_];
    slot = std::move(value);
    return &slot;
  }
  bool Open(Json container) {
    if (stack_.size() >= kMaxDepth) {
      too_deep_ = true;
      return false;
    }
    std::string path = CurrentPath();
    Json* added = Add(std::move(container));
    if (added == nullptr) return false;
    stack_.push_back(added);
    paths_.push_back(std::move(path));
    return true;
  }
  bool Close() {
    stack_.pop_back();
    paths_.pop_back();
    return true;
  }
  // The path of the value being read: the open objects' keys joined by '.'
  // (an empty key by its JSON spelling ""), array elements as [i]. Elements
  // of a top-level array have none.
  std::string CurrentPath() const {
    if (stack_.empty()) return "";
    const std::string& base = paths_.back();
    if (stack_.back()->is_array()) {
      return base.empty() ? "" : base + "[" + Int128ToString(stack_.back()->size()) + "]";
    }
    const std::string name = key_.empty() ? std::string("\"\"") : key_;
    return base.empty() ? name : base + "." + name;
  }

  Json* root_;
  std::vector<Json*> stack_;
  std::vector<std::string> paths_;  // CurrentPath() of each open container
  std::string key_;
  bool too_deep_ = false;
  bool number_out_of_range_ = false;
  bool duplicate_key_ = false;
  std::size_t error_position_ = 0;
  std::string error_token_;
  std::string error_path_;
};

}  // namespace

bool IsBlank(std::string_view text) {
  for (const char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

std::string TypeName(const Json& value) {
  if (value.is_binary()) return "number";
  if (value.is_number()) return "number";
  return value.type_name();
}

bool IsInstanceId(std::string_view text) {
  if (text.empty() || text.size() > 32) return false;
  for (const char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  }
  return true;
}

std::string Excerpt(std::string_view text) {
  constexpr std::size_t kMax = 40;
  std::string out;
  for (std::size_t i = 0; i < text.size() && out.size() < kMax; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    out.push_back(c < 0x20 || c == 0x7F ? '?' : static_cast<char>(c));
  }
  // Do not cut a UTF-8 sequence in half.
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
  if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  if (out.size() < text.size()) out += "...";
  return out;
}

std::optional<Json> ParseExactJson(std::string_view text, const std::string& field, std::size_t max_bytes,
                                   Errors* errors) {
  if (text.size() > max_bytes) {
    errors->push_back({code::kInputTooLarge, field, {{"max", Int128ToString(max_bytes)}}});
    return std::nullopt;
  }
  if (IsBlank(text)) {
    errors->push_back({code::kEmptyInput, field, {}});
    return std::nullopt;
  }
  Json root;
  ExactDomBuilder builder(&root);
  if (!Json::sax_parse(text.begin(), text.end(), &builder)) {
    if (builder.duplicate_key()) {
      // Named by its path, an empty key ("": 1) by its JSON spelling.
      errors->push_back({code::kDuplicateKey, builder.error_path(), {{"key", Excerpt(builder.last_key())}}});
      return std::nullopt;
    }
    if (builder.number_out_of_range()) {
      errors->push_back({code::kTooLarge,
                         builder.error_path().empty() ? field : builder.error_path(),
                         {{"value", Excerpt(builder.error_token())}}});
      return std::nullopt;
    }
    Error error{code::kMalformedJson, field, {{"position", Int128ToString(builder.error_position())}}};
    if (builder.too_deep()) error.params["reason"] = "nesting";
    errors->push_back(std::move(error));
    return std::nullopt;
  }
  return root;
}

std::optional<Rational> ReadNumberText(std::string_view text, const std::string& field, const NumberRule& rule,
                                       Errors* errors) {
  Rational value;
  if (const char* failure = ParseDecimalText(text, &value)) {
    errors->push_back({failure, field, {{"value", Excerpt(text)}}});
    return std::nullopt;
  }
  const char* failure = nullptr;
  if (value.is_negative()) {
    failure = code::kNegative;
  } else if (value.is_zero() && !rule.allow_zero) {
    failure = code::kZero;
  } else if (rule.integer && !value.is_integer()) {
    failure = code::kNotInteger;
  } else if (rule.max_exclusive && value >= rule.max) {
    failure = code::kNotBelow;
  } else if (value > rule.max) {
    failure = code::kAboveMaximum;
  }
  if (failure != nullptr) {
    errors->push_back({failure, field, {{"value", Excerpt(text)}, {"max", ToShortDecimal(rule.max, 0)}}});
    return std::nullopt;
  }
  return value;
}

std::optional<Rational> ReadNumber(const Json& value, const std::string& field, const NumberRule& rule,
                                   Errors* errors) {
  if (value.is_number_unsigned()) {
    return ReadNumberText(Int128ToString(value.get_ref<const Json::number_unsigned_t&>()), field, rule, errors);
  }
  if (value.is_number_integer()) {
    return ReadNumberText(Int128ToString(value.get_ref<const Json::number_integer_t&>()), field, rule, errors);
  }
  if (value.is_binary()) {  // a number kept as its text: JSON text has no other binary values
    const auto& bytes = value.get_binary();
    return ReadNumberText(std::string(bytes.begin(), bytes.end()), field, rule, errors);
  }
  if (value.is_string()) {
    return ReadNumberText(value.get_ref<const std::string&>(), field, rule, errors);
  }
  errors->push_back({code::kWrongType, field, {{"expected", "number"}, {"type", TypeName(value)}}});
  return std::nullopt;
}

std::optional<std::string> ReadString(const Json& value, const std::string& field, std::size_t max_length,
                                      Errors* errors) {
  if (!value.is_string()) {
    errors->push_back({code::kWrongType, field, {{"expected", "string"}, {"type", TypeName(value)}}});
    return std::nullopt;
  }
  const auto& text = value.get_ref<const std::string&>();
  if (IsBlank(text)) {
    errors->push_back({code::kEmptyValue, field, {}});
    return std::nullopt;
  }
  if (text.size() > max_length) {
    errors->push_back({code::kInputTooLarge, field, {{"max", Int128ToString(max_length)}}});
    return std::nullopt;
  }
  return text;
}

namespace {

template <typename Names>
void CheckKeysIn(const Json& object, const Names& known, const std::string& prefix, Errors* errors) {
  for (const auto& item : object.items()) {
    bool is_known = false;
    for (const auto& name : known) is_known = is_known || item.key() == name;
    if (is_known) continue;
    // An empty key ("": 1) still needs a field to name: its JSON spelling.
    const std::string field = prefix + (item.key().empty() ? std::string("\"\"") : item.key());
    errors->push_back({code::kUnknownKey, field, {{"key", Excerpt(item.key())}}});
  }
}

}  // namespace

void CheckKnownKeys(const Json& object, std::initializer_list<const char*> known, const std::string& prefix,
                    Errors* errors) {
  CheckKeysIn(object, known, prefix, errors);
}

void CheckKnownKeys(const Json& object, const std::vector<std::string>& known, const std::string& prefix,
                    Errors* errors) {
  CheckKeysIn(object, known, prefix, errors);
}

}  // namespace epochcost::detail
