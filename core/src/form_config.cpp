// The page's form as the core reads it (see form_config.h).
#include "form_config.h"

#include "epochcost/config.h"
#include "json_writer.h"

namespace epochcost::detail {

std::string_view FormValue(const FormValues& values, std::string_view key) {
  const auto it = values.find(key);
  return it == values.end() ? std::string_view() : std::string_view(it->second);
}

bool FieldInUse(const Field& field, const FormValues& values) {
  if (!field.way.empty() && field.way != FormValue(values, "way")) return false;
  if (!field.alternative.empty() && field.alternative != FormValue(values, "alternative")) return false;
  if (!field.only_when.empty()) {
    // "training.method=lora|qlora": one of the values after '='.
    // An empty choice is its default (training.method: LoRA).
    const std::size_t eq = field.only_when.find('=');
    const std::string_view key = field.only_when.substr(0, eq);
    std::string_view value = FormValue(values, key);
    if (value.empty()) value = FieldOf(key).default_value;
    std::string_view rest = field.only_when.substr(eq + 1);
    while (true) {
      const std::size_t bar = rest.find('|');
      if (rest.substr(0, bar) == value) return true;
      if (bar == std::string_view::npos) return false;
      rest.remove_prefix(bar + 1);
    }
  }
  return true;
}

void PutAtKey(Json* tree, std::string_view key, std::string_view text) {
  const std::size_t dot = key.find('.');
  if (dot == std::string_view::npos) {
    (*tree)[std::string(key)] = std::string(text);
  } else {
    (*tree)[std::string(key.substr(0, dot))][std::string(key.substr(dot + 1))] = std::string(text);
  }
}

Json FormConfig(const FormValues& values, bool has_table) {
  Json tree = Json::object();
  for (const Field& field : Fields()) {
    if (field.group == FieldGroup::kPage || !FieldInUse(field, values)) continue;
    if (field.key == "instance" && !has_table) continue;
    const std::string_view text = FormValue(values, field.key);
    const bool always = !field.way.empty() && field.need == Need::kRequired;
    if (always || (!IsBlank(text) && text != field.default_value)) PutAtKey(&tree, field.key, text);
  }
  return tree;
}

std::string FieldsInUseJson(const FormValues& values) {
  std::vector<std::string> keys;
  for (const Field& field : Fields()) {
    if (field.group == FieldGroup::kPage || !FieldInUse(field, values)) continue;
    keys.emplace_back();
    AppendJsonString(&keys.back(), field.key);
  }
  return JsonArrayText(keys);
}

namespace {

// Whether the form's values hold `key`: the inputs, the way and the
// trial's alternative. The rest is the page's own.
bool IsFormKey(const std::string& key) {
  if (key == "way" || key == "alternative") return true;
  const Field* field = FindField(key);
  return field != nullptr && field->group != FieldGroup::kPage;
}

// Reads the top-level object's strings straight from nlohmann's SAX events,
// building no document: the page sends this on every keystroke. nlohmann's
// SAX parser keeps its nesting on the heap, so deep nesting costs no stack.
class FormReader {
 public:
  explicit FormReader(FormValuesResult* out) : out_(out) {}

  bool null() { return Value("null"); }
  bool boolean(bool /*value*/) { return Value("boolean"); }
  bool number_integer(Json::number_integer_t /*value*/) { return Value("number"); }
  bool number_unsigned(Json::number_unsigned_t /*value*/) { return Value("number"); }
  bool number_float(Json::number_float_t /*value*/, const std::string& /*text*/) { return Value("number"); }
  bool binary(Json::binary_t& /*value*/) { return Value("binary"); }
  bool string(std::string& value) {
    if (depth_ == 0) return Value("string");
    if (depth_ == 1 && read_) out_->values[key_] = std::move(value);
    return true;
  }
  bool key(std::string& name) {
    if (depth_ != 1) return true;
    read_ = IsFormKey(name);
    key_ = std::move(name);
    if (read_ && out_->values.count(key_) > 0) {
      out_->errors.push_back({code::kDuplicateKey, key_, {{"key", key_}}});
      return false;
    }
    return true;
  }
  bool start_object(std::size_t /*size*/) { return Open("object"); }
  bool start_array(std::size_t /*size*/) { return Open("array"); }
  bool end_object() { return Close(); }
  bool end_array() { return Close(); }
  bool parse_error(std::size_t position, const std::string& /*token*/, const nlohmann::detail::exception& /*e*/) {
    out_->errors.push_back({code::kMalformedJson, "form", {{"position", std::to_string(position)}}});
    return false;
  }

 private:
  // A value other than a string: at the top, the form is no object; as
  // one of its values, a read key has the wrong type.
  bool Value(const char* type) {
    if (depth_ == 0) {
      out_->errors.push_back({code::kNotAnObject, "form", {{"type", type}}});
      return false;
    }
    if (depth_ == 1 && read_) {
      out_->errors.push_back({code::kWrongType, key_, {{"expected", "string"}, {"type", type}}});
    }
    return true;
  }
  bool Open(const char* type) {
    if (depth_ == 0 && std::string_view(type) != "object") return Value(type);
    if (depth_ == 1) Value(type);  // a value of the form, which is never a container
    ++depth_;
    return true;
  }
  bool Close() {
    --depth_;
    return true;
  }

  FormValuesResult* out_;
  int depth_ = 0;
  bool read_ = false;  // the current top-level key is one the form reads
  std::string key_;
};

}  // namespace

FormValuesResult ReadFormValues(std::string_view json_text) {
  FormValuesResult out;
  if (json_text.size() > kMaxConfigBytes) {
    out.errors.push_back({code::kInputTooLarge, "form", {{"max", std::to_string(kMaxConfigBytes)}}});
  } else if (IsBlank(json_text)) {
    out.errors.push_back({code::kEmptyInput, "form", {}});
  } else {
    FormReader reader(&out);
    Json::sax_parse(json_text.begin(), json_text.end(), &reader);
  }
  if (!out.errors.empty()) out.values.clear();
  return out;
}

}  // namespace epochcost::detail
