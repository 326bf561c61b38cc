// Shareable link encoding and decoding (see link.h).
#include "epochcost/link.h"

#include <nlohmann/json.hpp>

#include "epochcost/decimal_text.h"
#include "epochcost/estimate.h"
#include "epochcost/json_api.h"
#include "exact_json.h"
#include "input_limits.h"
#include "json_values.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;

struct LinkKey {
  const char* param;
  const char* field;
  const detail::NumberRule* rule;  // null for text: the instance id, the method
};

const LinkKey kKeys[] = {
    {"i", "instance", nullptr},
    {"t", "hours_per_epoch", &limits::kHoursPerEpoch},
    {"p", "price_per_gpu_hour", &limits::kPricePerGpuHour},
    {"n", "gpus", &limits::kGpus},
    {"d", "data_cost_per_epoch", &limits::kCostPerEpoch},
    {"m", "ops_cost_per_epoch", &limits::kCostPerEpoch},
    {"e", "epochs", &limits::kEpochs},
    {"bill", "billing_increment_seconds", &limits::kBillingIncrementSeconds},
    {"disc", "discount_percent", &limits::kDiscountPercent},
    // Ways of getting T other than t (see epoch_time.h).
    {"ts", "trial.steps", &limits::kTrialSteps},
    {"tsec", "trial.seconds", &limits::kTrialSeconds},
    {"tspe", "trial.steps_per_epoch", &limits::kStepsPerEpoch},
    {"tn", "trial.samples", &limits::kSamples},
    {"tb", "trial.global_batch", &limits::kGlobalBatch},
    {"tok", "throughput.tokens_per_epoch", &limits::kTokens},
    {"tps", "throughput.tokens_per_second_per_gpu", &limits::kTokensPerSecond},
    {"fp", "flops.params", &limits::kParams},
    {"ft", "flops.trainable_params", &limits::kTrainableParams},
    {"ftok", "flops.tokens_per_epoch", &limits::kTokens},
    {"fm", "flops.method", nullptr},
    {"mfu", "flops.mfu", &limits::kMfu},
    {"pk", "flops.peak_tflops", &limits::kPeakTflops},
    // Planning backwards.
    {"budget", "budget", &limits::kBudget},
    {"by", "deadline_hours", &limits::kDeadlineHours},
};

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

// Nothing but spaces (a '+' decodes to one): an empty field, as in a configuration.
bool IsBlank(const std::string& text) { return text.find_first_not_of(' ') == std::string::npos; }

void DecodeParam(const std::string& key, const std::string& value, LinkResult* result) {
  if (key == "lang" || key == "embed") {
    result->settings[key] = detail::Excerpt(value);
    return;
  }
  if (key == "prices") {
    if (IsPriceTablePath(value)) {
      result->settings[key] = value;
    } else {
      result->errors.push_back(
          {code::kUnknownValue,
           "prices",
           {{"value", detail::Excerpt(value)}, {"allowed", "prices/NAME.json"}, {"param", "prices"}}});
    }
    return;
  }
  for (const LinkKey& known : kKeys) {
    if (key != known.param) continue;
    Errors errors;
    if (known.rule == nullptr && std::string(known.field) == "flops.method") {
      if (value == "full" || value == "lora") {
        result->config[known.field] = value;
      } else {
        errors.push_back({IsBlank(value) ? code::kEmptyValue : code::kUnknownValue,
                          known.field,
                          {{"value", detail::Excerpt(value)}, {"allowed", "full, lora"}}});
      }
    } else if (known.rule == nullptr) {
      if (detail::IsInstanceId(value)) {
        result->config[known.field] = value;
      } else {
        // Not an id at all (the table is checked later, by the estimate).
        errors.push_back({IsBlank(value) ? code::kEmptyValue : code::kUnknownValue,
                          known.field,
                          {{"value", detail::Excerpt(value)}, {"allowed", "a-z 0-9 - _"}}});
      }
    } else if (auto number = detail::ReadNumberText(value, known.field, *known.rule, &errors)) {
      result->config[known.field] = ToShortDecimal(*number, kMaxInputPlaces);
    }
    for (Error& error : errors) {
      error.params["param"] = known.param;
      result->errors.push_back(std::move(error));
    }
    return;
  }
  result->errors.push_back(
      {code::kUnknownParam, "link", {{"key", detail::Excerpt(key)}, {"param", detail::Excerpt(key)}}});
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

std::string EncodeLink(const Config& config, const Rational& price) {
  std::string query;
  auto add = [&query](const char* key, const std::string& value) {
    query += (query.empty() ? "" : "&") + std::string(key) + "=" + value;
  };
  // Every value is an instance id or decimal text: nothing to escape.
  if (!config.instance.empty()) add("i", config.instance);
  const auto decimal = [](const Rational& value) { return ToShortDecimal(value, kMaxInputPlaces); };
  const EpochTime& time = config.time;
  switch (time.way) {
    case EpochTimeWay::kHours:
      add("t", decimal(time.hours));
      break;
    case EpochTimeWay::kTrial:
      add("ts", decimal(time.trial.steps));
      add("tsec", decimal(time.trial.seconds));
      if (time.trial.steps_per_epoch) add("tspe", decimal(*time.trial.steps_per_epoch));
      if (time.trial.samples) add("tn", decimal(*time.trial.samples));
      if (time.trial.global_batch) add("tb", decimal(*time.trial.global_batch));
      break;
    case EpochTimeWay::kThroughput:
      add("tok", decimal(time.throughput.tokens_per_epoch));
      add("tps", decimal(time.throughput.tokens_per_second_per_gpu));
      break;
    case EpochTimeWay::kFlops:
      add("fp", decimal(time.flops.params));
      if (time.flops.method == TrainingMethod::kLora) add("ft", decimal(time.flops.trainable_params));
      add("ftok", decimal(time.flops.tokens_per_epoch));
      add("fm", MethodName(time.flops.method));
      add("mfu", decimal(time.flops.mfu));
      if (time.flops.peak_tflops) add("pk", decimal(*time.flops.peak_tflops));
      break;
  }
  add("p", decimal(price));
  if (config.gpus) add("n", Int128ToString(*config.gpus));
  add("d", ToShortDecimal(config.data_cost_per_epoch, kMaxInputPlaces));
  add("m", ToShortDecimal(config.ops_cost_per_epoch, kMaxInputPlaces));
  add("e", Int128ToString(config.epochs));
  if (config.billing_increment_seconds != 0) add("bill", Int128ToString(config.billing_increment_seconds));
  if (!config.discount_percent.is_zero()) add("disc", decimal(config.discount_percent));
  if (config.budget) add("budget", decimal(*config.budget));
  if (config.deadline_hours) add("by", decimal(*config.deadline_hours));
  return query;
}

Json detail::LinkConfigObject(const LinkResult& link) {
  Json config = Json::object();
  for (const auto& [key, value] : link.config) {
    // "trial.steps" goes into {"trial": {"steps": ...}}, as in a configuration.
    const std::size_t dot = key.find('.');
    if (dot == std::string::npos) {
      config[key] = value;
    } else {
      config[key.substr(0, dot)][key.substr(dot + 1)] = value;
    }
  }
  return config;
}

std::string DecodeLinkToJson(std::string_view query) {
  const LinkResult link = DecodeLink(query);
  detail::JsonObject settings;
  for (const auto& [key, value] : link.settings) settings.String(key, value);
  return detail::JsonObject()
      .Raw("config", detail::Dump(detail::LinkConfigObject(link)))
      .Raw("errors", detail::ErrorList(link.errors))
      .Bool("ok", link.errors.empty())
      .Raw("settings", settings.Text())
      .Text();
}

}  // namespace epochcost
