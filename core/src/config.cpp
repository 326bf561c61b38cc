// Configuration parsing and validation (see config.h).
#include "epochcost/config.h"

#include "exact_json.h"
#include "input_limits.h"

namespace epochcost {
namespace {

using detail::Json;

// Reads `key` when present; returns false when present but invalid.
bool ReadOptional(const Json& root, const char* key, const detail::NumberRule& rule, Rational* out, Errors* errors) {
  if (!root.contains(key)) return true;
  auto value = detail::ReadNumber(root[key], key, rule, errors);
  if (value) *out = *value;
  return value.has_value();
}

std::int64_t ToInt64(const Rational& value) { return static_cast<std::int64_t>(value.num()); }

}  // namespace

ConfigResult ParseConfig(std::string_view json_text) {
  ConfigResult result;
  Errors& errors = result.errors;
  auto parsed = detail::ParseExactJson(json_text, "config", kMaxConfigBytes, &errors);
  if (!parsed) return result;
  const Json& root = *parsed;
  if (!root.is_object()) {
    errors.push_back({code::kNotAnObject, "config", {{"type", root.type_name()}}});
    return result;
  }
  detail::CheckKnownKeys(root,
                         {"instance", "gpus", "hours_per_epoch", "data_cost_per_epoch", "ops_cost_per_epoch", "epochs",
                          "price_per_gpu_hour", "billing_increment_seconds", "discount_percent"},
                         "", &errors);
  Config& config = result.config;

  if (root.contains("instance")) {
    if (auto id = detail::ReadString(root["instance"], "instance", 64, &errors)) config.instance = *id;
  }
  if (root.contains("gpus")) {
    if (auto gpus = detail::ReadNumber(root["gpus"], "gpus", limits::kGpus, &errors)) config.gpus = ToInt64(*gpus);
  }
  if (!root.contains("hours_per_epoch")) {
    errors.push_back({code::kMissing, "hours_per_epoch", {}});
  } else {
    ReadOptional(root, "hours_per_epoch", limits::kHoursPerEpoch, &config.hours_per_epoch, &errors);
  }
  if (root.contains("price_per_gpu_hour")) {
    Rational price;
    if (ReadOptional(root, "price_per_gpu_hour", limits::kPricePerGpuHour, &price, &errors)) {
      config.price_per_gpu_hour = price;
    }
  }
  ReadOptional(root, "data_cost_per_epoch", limits::kCostPerEpoch, &config.data_cost_per_epoch, &errors);
  ReadOptional(root, "ops_cost_per_epoch", limits::kCostPerEpoch, &config.ops_cost_per_epoch, &errors);
  Rational epochs(1);
  if (ReadOptional(root, "epochs", limits::kEpochs, &epochs, &errors)) config.epochs = ToInt64(epochs);
  Rational increment(0);
  if (ReadOptional(root, "billing_increment_seconds", limits::kBillingIncrementSeconds, &increment, &errors)) {
    config.billing_increment_seconds = ToInt64(increment);
  }
  ReadOptional(root, "discount_percent", limits::kDiscountPercent, &config.discount_percent, &errors);

  // Without an instance there is neither a table price nor a GPU count.
  if (config.instance.empty() && !root.contains("instance")) {
    if (!root.contains("price_per_gpu_hour")) errors.push_back({code::kMissing, "price_per_gpu_hour", {}});
    if (!root.contains("gpus")) errors.push_back({code::kMissing, "gpus", {}});
  }
  return result;
}

std::string ConfigToJson(const Config& config) {
  Json out = Json::object();
  if (!config.instance.empty()) out["instance"] = config.instance;
  if (config.gpus) out["gpus"] = *config.gpus;
  out["hours_per_epoch"] = ToShortDecimal(config.hours_per_epoch, 12);
  if (config.price_per_gpu_hour) out["price_per_gpu_hour"] = ToShortDecimal(*config.price_per_gpu_hour, 12);
  out["data_cost_per_epoch"] = ToShortDecimal(config.data_cost_per_epoch, 12);
  out["ops_cost_per_epoch"] = ToShortDecimal(config.ops_cost_per_epoch, 12);
  out["epochs"] = config.epochs;
  out["billing_increment_seconds"] = config.billing_increment_seconds;
  out["discount_percent"] = ToShortDecimal(config.discount_percent, 12);
  return out.dump();
}

}  // namespace epochcost
