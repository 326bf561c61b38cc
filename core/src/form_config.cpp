// The page's form as the core reads it (see form_config.h).
#include "form_config.h"

#include "epochcost/config.h"
#include "json_writer.h"

namespace epochcost::detail {

std::string FormValue(const FormValues& values, std::string_view key) {
  const auto it = values.find(key);
  return it == values.end() ? std::string() : it->second;
}

bool FieldInUse(const Field& field, const FormValues& values) {
  if (!field.way.empty() && field.way != FormValue(values, "way")) return false;
  if (!field.alternative.empty() && field.alternative != FormValue(values, "alternative")) return false;
  if (!field.only_when.empty()) {
    // "training.method=lora|qlora": one of the values after '='.
    // An empty choice is its default (training.method: LoRA).
    const std::size_t eq = field.only_when.find('=');
    const std::string_view key = field.only_when.substr(0, eq);
    std::string value = FormValue(values, key);
    if (value.empty()) value = std::string(FieldOf(key).default_value);
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

void PutAtKey(Json* tree, const std::string& key, const std::string& text) {
  const std::size_t dot = key.find('.');
  if (dot == std::string::npos) {
    (*tree)[key] = text;
  } else {
    (*tree)[key.substr(0, dot)][key.substr(dot + 1)] = text;
  }
}

Json FormConfig(const FormValues& values, bool has_table) {
  Json tree = Json::object();
  for (const Field& field : Fields()) {
    if (field.group == FieldGroup::kPage || !FieldInUse(field, values)) continue;
    if (field.key == "instance" && !has_table) continue;
    const std::string key(field.key);
    const std::string text = FormValue(values, key);
    const bool always = !field.way.empty() && field.need == Need::kRequired;
    if (always || (!IsBlank(text) && text != field.default_value)) PutAtKey(&tree, key, text);
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

FormValuesResult ReadFormValues(std::string_view json_text) {
  FormValuesResult out;
  const std::optional<Json> root = ParseExactJson(json_text, "form", kMaxConfigBytes, &out.errors);
  if (!root) return out;
  if (!root->is_object()) {
    out.errors.push_back({code::kNotAnObject, "form", {{"type", TypeName(*root)}}});
    return out;
  }
  for (const auto& [key, value] : root->items()) {
    const Field* field = FindField(key);
    const bool read = key == "way" || key == "alternative" || (field != nullptr && field->group != FieldGroup::kPage);
    if (!read) continue;
    if (value.is_string()) {
      out.values[key] = value.get<std::string>();
    } else {
      out.errors.push_back({code::kWrongType, key, {{"expected", "string"}, {"type", TypeName(value)}}});
    }
  }
  return out;
}

}  // namespace epochcost::detail
