// Shareable link encoding and decoding (see link.h).
#include "epochcost/link.h"

#include <algorithm>
#include <map>

#include "config_memory.h"
#include "epochcost/decimal_text.h"
#include "epochcost/schema.h"
#include "epochcost/training.h"
#include "exact_json.h"
#include "hours_inputs.h"
#include "input_limits.h"
#include "json_values.h"
#include "money_inputs.h"

namespace epochcost {
namespace {

// Another price table, same origin only: a file in the page's prices/ folder.
bool IsPriceTablePath(const std::string& text) {
  const std::string prefix = "prices/";
  const std::string suffix = ".json";
  if (text.size() <= prefix.size() + suffix.size() || text.size() > 80) return false;
  if (text.compare(0, prefix.size(), prefix) != 0) return false;
  if (text.compare(text.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
  for (std::size_t i = prefix.size(); i < text.size() - suffix.size(); ++i) {
    const char c = text[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  }
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// application/x-www-form-urlencoded decoding; false on a broken escape.
bool PercentDecode(std::string_view text, std::string* out) {
  out->clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out->push_back(' ');
    } else if (text[i] == '%') {
      if (i + 2 >= text.size()) return false;
      const int hi = HexValue(text[i + 1]);
      const int lo = HexValue(text[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out->push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out->push_back(text[i]);
    }
  }
  return true;
}

void DecodePageSetting(const Field& field, const std::string& value, LinkResult* result) {
  const std::string key(field.key);
  if (field.kind != FieldKind::kText) {
    result->settings[key] = detail::Excerpt(value);
  } else if (IsPriceTablePath(value)) {
    result->settings[key] = value;
  } else {
    result->errors.push_back({code::kUnknownValue,
                              key,
                              {{"value", detail::Excerpt(value)},
                               {"allowed", std::string(field.choices)},
                               {"param", std::string(field.link)}}});
  }
}

void DecodeParam(const std::string& param, const std::string& value, LinkResult* result) {
  const Field* field = FindLinkField(param);
  if (field == nullptr) {
    result->errors.push_back(
        {code::kUnknownParam, "link", {{"key", detail::Excerpt(param)}, {"param", detail::Excerpt(param)}}});
    return;
  }
  if (field->group == FieldGroup::kPage) {
    DecodePageSetting(*field, value, result);
    return;
  }
  const std::string key(field->key);
  Errors errors;
  if (field->kind == FieldKind::kList) {
    // "q_proj,v_proj": each a choice, each once (as the configuration
    // reads a list), so that a value the link keeps is one it can use.
    bool known = !detail::IsBlank(value);
    std::vector<std::string_view> items;
    std::string_view repeated;
    for (std::size_t start = 0; known && start <= value.size();) {
      const std::size_t comma = std::min(value.find(',', start), value.size());
      const std::string_view item = std::string_view(value).substr(start, comma - start);
      known = InChoices(*field, item);
      if (repeated.empty() && std::find(items.begin(), items.end(), item) != items.end()) repeated = item;
      items.push_back(item);
      start = comma + 1;
    }
    if (known && !repeated.empty()) {
      errors.push_back({code::kDuplicateId, key, {{"value", detail::Excerpt(repeated)}}});
    } else if (known) {
      result->config[key] = value;
    } else {
      errors.push_back({detail::IsBlank(value) ? code::kEmptyValue : code::kUnknownValue,
                        key,
                        {{"value", detail::Excerpt(value)}, {"allowed", std::string(field->choices)}}});
    }
  } else if (field->kind == FieldKind::kChoice) {
    // A fixed list (the method), or an instance id (the table is checked
    // later, by the estimate).
    const bool fixed = !field->choices.empty();
    if (fixed ? InChoices(*field, value) : detail::IsInstanceId(value)) {
      result->config[key] = value;
    } else {
      errors.push_back(
          {detail::IsBlank(value) ? code::kEmptyValue : code::kUnknownValue,
           key,
           {{"value", detail::Excerpt(value)}, {"allowed", fixed ? std::string(field->choices) : "a-z 0-9 - _"}}});
    }
  } else if (field->kind == FieldKind::kText) {
    // A rate's date and source: checked as the configuration checks them.
    const bool date = key == "display_currency.date";
    if (detail::IsBlank(value)) {
      errors.push_back({code::kEmptyValue, key, {}});
    } else if (!date && value.size() > detail::kMaxSourceBytes) {
      errors.push_back({code::kInputTooLarge, key, {{"max", std::to_string(detail::kMaxSourceBytes)}}});
    } else if (date ? detail::IsIsoDate(value) : detail::IsPlainText(value)) {
      result->config[key] = value;
    } else {
      errors.push_back({code::kUnknownValue,
                        key,
                        {{"value", detail::Excerpt(value)}, {"allowed", date ? std::string(field->choices) : "text"}}});
    }
  } else if (auto number = detail::ReadNumberText(value, key, limits::RuleOf(*field), &errors)) {
    // A PUE below 1 is refused here as the configuration refuses it, so
    // that a value the link keeps is one the configuration accepts.
    if (!detail::PueBelowOne(key, *number, &errors)) result->config[key] = ToShortDecimal(*number, kMaxInputPlaces);
  }
  for (Error& error : errors) {
    error.params["param"] = std::string(field->link);
    result->errors.push_back(std::move(error));
  }
}

// The model (a preset's id, or its shape) and the training setup, each
// value when not at its default.
void AddModelAndTraining(const Config& config, ConfigValues* values) {
  auto add = [values](std::string_view key, std::string text) {
    values->emplace_back(std::string(key), std::move(text));
  };
  const auto add_unless_default = [&add](std::string_view key, std::string text) {
    if (text != FieldOf(key).default_value) add(key, std::move(text));
  };
  if (!config.model_preset.empty()) {
    add("model.preset", config.model_preset);
  } else if (config.model) {
    const ModelShape& m = *config.model;
    add_unless_default("model.architecture", config.model_architecture);
    add("model.num_hidden_layers", std::to_string(m.num_hidden_layers));
    add("model.hidden_size", std::to_string(m.hidden_size));
    add("model.intermediate_size", std::to_string(m.intermediate_size));
    add("model.num_attention_heads", std::to_string(m.num_attention_heads));
    if (m.num_key_value_heads != m.num_attention_heads)
      add("model.num_key_value_heads", std::to_string(m.num_key_value_heads));
    add("model.vocab_size", std::to_string(m.vocab_size));
    add_unless_default("model.tie_word_embeddings", m.tie_word_embeddings ? "true" : "false");
  }
  const TrainingSetup& t = config.training;
  if (t.method) add_unless_default("training.method", MethodName(*t.method));
  // Adapters matter unless the method is full fine-tuning (none given means
  // the default, LoRA), so a link keeps them as given.
  const TrainingMethod method = t.method ? *t.method : detail::MethodFrom(FieldOf("training.method").default_value);
  if (method != TrainingMethod::kFull) {
    add_unless_default("training.lora_rank", std::to_string(t.lora_rank));
    std::string targets;
    for (const std::string& target : t.lora_targets) targets += (targets.empty() ? "" : ",") + target;
    add_unless_default("training.lora_targets", targets);
  }
  add_unless_default("training.optimizer", OptimizerName(t.optimizer));
  add_unless_default("training.seq_len", std::to_string(t.seq_len));
  add_unless_default("training.micro_batch", std::to_string(t.micro_batch));
  add_unless_default("training.activation_checkpointing", t.activation_checkpointing ? "true" : "false");
  add_unless_default("training.zero_stage", std::to_string(t.zero_stage));
}

}  // namespace

LinkResult DecodeLink(std::string_view query) {
  LinkResult result;
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  if (query.size() > kMaxLinkQueryBytes) {
    result.errors.push_back({code::kInputTooLarge, "link", {{"max", Int128ToString(kMaxLinkQueryBytes)}}});
    return result;
  }
  std::map<std::string, bool> seen;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    std::string key;
    std::string value;
    if (!PercentDecode(pair.substr(0, eq), &key) ||
        (eq != std::string_view::npos && !PercentDecode(pair.substr(eq + 1), &value))) {
      result.errors.push_back({code::kBadEscape,
                               "link",
                               {{"value", detail::Excerpt(pair)}, {"param", detail::Excerpt(pair.substr(0, eq))}}});
      continue;
    }
    if (seen[key]) {
      result.errors.push_back({code::kDuplicateParam, "link", {{"param", detail::Excerpt(key)}}});
      continue;
    }
    seen[key] = true;
    DecodeParam(key, value, &result);
  }
  return result;
}

ConfigValues LinkValues(const Config& config, const Rational& price) {
  ConfigValues values;
  auto add = [&values](std::string_view key, std::string text) {
    values.emplace_back(std::string(key), std::move(text));
  };
  const auto decimal = [](const Rational& value) { return ToShortDecimal(value, kMaxInputPlaces); };
  if (!config.instance.empty()) add("instance", config.instance);
  const EpochTime& time = config.time;
  switch (time.way) {
    case EpochTimeWay::kHours:
      add("hours_per_epoch", decimal(time.hours));
      break;
    case EpochTimeWay::kTrial:
      add("trial.steps", decimal(time.trial.steps));
      add("trial.seconds", decimal(time.trial.seconds));
      if (time.trial.steps_per_epoch) add("trial.steps_per_epoch", decimal(*time.trial.steps_per_epoch));
      if (time.trial.samples) add("trial.samples", decimal(*time.trial.samples));
      if (time.trial.global_batch) add("trial.global_batch", decimal(*time.trial.global_batch));
      break;
    case EpochTimeWay::kThroughput:
      add("throughput.tokens_per_epoch", decimal(time.throughput.tokens_per_epoch));
      add("throughput.tokens_per_second_per_gpu", decimal(time.throughput.tokens_per_second_per_gpu));
      break;
    case EpochTimeWay::kFlops:
      // With a model, the counts follow from its shape (and the method is
      // training.method's, written below).
      if (!config.model) {
        add("flops.params", decimal(time.flops.params));
        if (time.flops.method != TrainingMethod::kFull)
          add("flops.trainable_params", decimal(time.flops.trainable_params));
      }
      add("flops.tokens_per_epoch", decimal(time.flops.tokens_per_epoch));
      add("flops.mfu", decimal(time.flops.mfu));
      if (time.flops.peak_tflops) add("flops.peak_tflops", decimal(*time.flops.peak_tflops));
      break;
  }
  AddModelAndTraining(config, &values);
  // The price the estimate used, so that the link reproduces it exactly
  // (an owner's P follows from the owned inputs, written below).
  if (!config.owned) add("price_per_gpu_hour", decimal(price));
  if (config.gpus) add("gpus", Int128ToString(*config.gpus));
  add("data_cost_per_epoch", decimal(config.data_cost_per_epoch));
  add("ops_cost_per_epoch", decimal(config.ops_cost_per_epoch));
  add("epochs", Int128ToString(config.epochs));
  if (config.billing_increment_seconds != 0)
    add("billing_increment_seconds", Int128ToString(config.billing_increment_seconds));
  if (!config.discount_percent.is_zero()) add("discount_percent", decimal(config.discount_percent));
  if (config.budget) add("budget", decimal(*config.budget));
  if (config.deadline_hours) add("deadline_hours", decimal(*config.deadline_hours));
  detail::AppendHoursLinkValues(config, &values);
  detail::AppendMoneyLinkValues(config, &values);
  return values;
}

std::string EncodeLink(const Config& config, const Rational& price) { return EncodeLink(LinkValues(config, price)); }

namespace {

// Percent-encodes all but the unreserved characters (RFC 3986): instance
// ids and decimal text pass unchanged, a rate's source is escaped.
std::string Escape(const std::string& text) {
  constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~' || c == ',';
    if (unreserved) {
      out.push_back(c);
    } else {
      out += {'%', kHex[byte >> 4], kHex[byte & 15]};
    }
  }
  return out;
}

}  // namespace

std::string EncodeLink(const ConfigValues& values) {
  std::string query;
  for (const auto& [key, text] : values) {
    query += (query.empty() ? "" : "&") + std::string(FieldOf(key).link) + "=" + Escape(text);
  }
  return query;
}

std::string ConfigValuesJson(const ConfigValues& values) {
  // "trial.steps" goes into {"trial": {"steps": ...}}, as in a configuration.
  detail::JsonObject top;
  std::map<std::string, detail::JsonObject, std::less<>> nested;
  for (const auto& [key, text] : values) {
    const std::size_t dot = key.find('.');
    if (dot == std::string::npos) {
      top.String(key, text);
    } else {
      nested[key.substr(0, dot)].String(key.substr(dot + 1), text);
    }
  }
  for (const auto& [head, object] : nested) top.Raw(head, object.Text());
  return top.Text();
}

std::string DecodeLinkToJson(std::string_view query) { return LinkResultJson(DecodeLink(query)); }

std::string LinkResultJson(const LinkResult& link) {
  detail::JsonObject settings;
  for (const auto& [key, value] : link.settings) settings.String(key, value);
  return detail::JsonObject()
      .Raw("config", ConfigValuesJson(ConfigValues(link.config.begin(), link.config.end())))
      .Raw("errors", detail::ErrorList(link.errors))
      .Bool("ok", link.errors.empty())
      .Raw("settings", settings.Text())
      .Text();
}

}  // namespace epochcost
