// Shareable link encoding and decoding (see link.h).
#include "epochcost/link.h"

#include <nlohmann/json.hpp>

#include "epochcost/decimal_text.h"
#include "epochcost/estimate.h"
#include "epochcost/json_api.h"
#include "exact_json.h"
#include "input_limits.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;

struct LinkKey {
  const char* param;
  const char* field;
  const detail::NumberRule* rule;  // null for the instance id
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
};

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

bool IsInstanceId(const std::string& text) {
  if (text.empty() || text.size() > 32) return false;
  for (const char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  }
  return true;
}

void DecodeParam(const std::string& key, const std::string& value, LinkResult* result) {
  if (key == "lang" || key == "embed") {
    result->settings[key] = detail::Excerpt(value);
    return;
  }
  for (const LinkKey& known : kKeys) {
    if (key != known.param) continue;
    Errors errors;
    if (known.rule == nullptr) {
      if (IsInstanceId(value)) {
        result->config[known.field] = value;
      } else {
        errors.push_back({value.empty() ? code::kEmptyValue : code::kUnknownInstance,
                          known.field,
                          {{"value", detail::Excerpt(value)}}});
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
      {code::kUnknownKey, "link", {{"key", detail::Excerpt(key)}, {"param", detail::Excerpt(key)}}});
}

}  // namespace

LinkResult DecodeLink(std::string_view query) {
  LinkResult result;
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  if (query.size() > kMaxLinkQueryBytes) {
    result.errors.push_back({code::kInputTooLarge, "link", {{"max", std::to_string(kMaxLinkQueryBytes)}}});
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
  add("t", ToShortDecimal(config.hours_per_epoch, kMaxInputPlaces));
  add("p", ToShortDecimal(price, kMaxInputPlaces));
  if (config.gpus) add("n", std::to_string(*config.gpus));
  add("d", ToShortDecimal(config.data_cost_per_epoch, kMaxInputPlaces));
  add("m", ToShortDecimal(config.ops_cost_per_epoch, kMaxInputPlaces));
  add("e", std::to_string(config.epochs));
  if (config.billing_increment_seconds != 0) add("bill", std::to_string(config.billing_increment_seconds));
  if (!config.discount_percent.is_zero()) add("disc", ToShortDecimal(config.discount_percent, kMaxInputPlaces));
  return query;
}

std::string DecodeLinkToJson(std::string_view query) {
  const LinkResult link = DecodeLink(query);
  Json out = Json::parse(ErrorsToJson(link.errors), nullptr, false);
  out["ok"] = link.errors.empty();
  out["config"] = Json::object();
  for (const auto& [key, value] : link.config) out["config"][key] = value;
  out["settings"] = Json::object();
  for (const auto& [key, value] : link.settings) out["settings"][key] = value;
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string EncodeLinkFromJson(std::string_view config_json, std::string_view prices_json) {
  PriceTableResult prices;
  if (!prices_json.empty()) {
    prices = ParsePriceTable(prices_json);
    if (!prices.ok()) return ErrorsToJson(prices.errors);
  }
  const ConfigResult config = ParseConfig(config_json);
  if (!config.ok()) return ErrorsToJson(config.errors);
  const EstimateResult estimate = ComputeEstimate(prices_json.empty() ? nullptr : &prices.table, config.config);
  if (!estimate.ok()) return ErrorsToJson(estimate.errors);
  Json out{{"ok", true}, {"query", EncodeLink(config.config, estimate.estimate.price_per_gpu_hour)}};
  return out.dump();
}

}  // namespace epochcost
