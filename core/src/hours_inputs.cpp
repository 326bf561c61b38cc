// Reading and writing the billed-hours inputs (see hours_inputs.h).
#include "hours_inputs.h"

#include <string>

#include "config_tree.h"
#include "epochcost/decimal_text.h"
#include "epochcost/schema.h"
#include "input_limits.h"

namespace epochcost::detail {
namespace {

// `key` of `object` under its schema rule, when present.
std::optional<Rational> Read(const Json& object, const std::string& key, Errors* errors) {
  const std::string leaf = key.substr(key.find('.') + 1);
  if (!object.contains(leaf)) return std::nullopt;
  return ReadNumber(object[leaf], key, limits::RuleOf(key), errors);
}

void ReadOr(const Json& object, const std::string& key, Rational* out, Errors* errors) {
  *out = limits::DefaultOf(key);
  if (auto value = Read(object, key, errors)) *out = *value;
}

void ParseOverheads(const Json& root, Overheads* overheads, Errors* errors) {
  const Json* o = ConfigObject(root, "overheads", errors);
  if (o == nullptr) return;
  ReadOr(*o, "overheads.startup_hours", &overheads->startup_hours, errors);
  ReadOr(*o, "overheads.eval_hours_per_epoch", &overheads->eval_hours_per_epoch, errors);
  ReadOr(*o, "overheads.checkpoint_save_minutes", &overheads->checkpoint_save_minutes, errors);
  ReadOr(*o, "overheads.checkpoints_per_epoch", &overheads->checkpoints_per_epoch, errors);
}

void ParseSpot(const Json& root, std::optional<SpotInputs>* spot, Errors* errors) {
  const Json* s = ConfigObject(root, "spot", errors);
  if (s == nullptr) return;
  SpotInputs inputs;
  inputs.price_per_gpu_hour = Read(*s, "spot.price_per_gpu_hour", errors);
  // Below 1 per hour (the schema's exclusive bound): the first-order model
  // needs interruptions to be rare.
  if (!s->contains("interruptions_per_hour")) {
    errors->push_back({code::kMissing, "spot.interruptions_per_hour", {}});
  } else if (auto rate = Read(*s, "spot.interruptions_per_hour", errors)) {
    inputs.interruptions_per_hour = *rate;
  }
  inputs.checkpoint_interval_hours = Read(*s, "spot.checkpoint_interval_hours", errors);
  ReadOr(*s, "spot.restart_hours", &inputs.restart_hours, errors);
  *spot = inputs;
}

void ParseRange(const Json& root, const EpochTime& time, RangeInputs* range, Errors* errors) {
  if (time.way == EpochTimeWay::kFlops && root.contains("flops") && root["flops"].is_object()) {
    const Json& f = root["flops"];
    range->mfu_low = Read(f, "flops.mfu_low", errors);
    range->mfu_high = Read(f, "flops.mfu_high", errors);
    const Rational& mfu = time.flops.mfu;
    if (range->mfu_low && *range->mfu_low > mfu) {
      errors->push_back({code::kAboveMfu,
                         "flops.mfu_low",
                         {{"value", ToShortDecimal(*range->mfu_low, 12)}, {"mfu", ToShortDecimal(mfu, 12)}}});
    }
    if (range->mfu_high && *range->mfu_high < mfu) {
      errors->push_back({code::kBelowMfu,
                         "flops.mfu_high",
                         {{"value", ToShortDecimal(*range->mfu_high, 12)}, {"mfu", ToShortDecimal(mfu, 12)}}});
    }
  } else if (time.way == EpochTimeWay::kThroughput && root.contains("throughput") && root["throughput"].is_object()) {
    ReadOr(root["throughput"], "throughput.range_percent", &range->throughput_percent, errors);
  }
}

}  // namespace

void ParseHoursInputs(const Json& root, Config* config, Errors* errors) {
  ParseOverheads(root, &config->overheads, errors);
  ParseSpot(root, &config->spot, errors);
  config->scaling_efficiency = limits::DefaultOf("scaling_efficiency");
  if (root.contains("scaling_efficiency")) {
    if (auto value = ReadNumber(root["scaling_efficiency"], "scaling_efficiency", limits::RuleOf("scaling_efficiency"),
                                errors)) {
      config->scaling_efficiency = *value;
    }
  }
  ParseRange(root, config->time, &config->range, errors);
}

void AppendHoursLinkValues(const Config& config, ConfigValues* values) {
  const auto add = [values](std::string_view key, const Rational& value) {
    if (value == limits::DefaultOf(key)) return;
    values->emplace_back(std::string(key), ToShortDecimal(value, kMaxInputPlaces));
  };
  const Overheads& o = config.overheads;
  add("overheads.startup_hours", o.startup_hours);
  add("overheads.eval_hours_per_epoch", o.eval_hours_per_epoch);
  add("overheads.checkpoint_save_minutes", o.checkpoint_save_minutes);
  add("overheads.checkpoints_per_epoch", o.checkpoints_per_epoch);
  if (config.spot) {
    const SpotInputs& s = *config.spot;
    if (s.price_per_gpu_hour) add("spot.price_per_gpu_hour", *s.price_per_gpu_hour);
    // The rate is what turns spot on: written even when zero.
    values->emplace_back("spot.interruptions_per_hour", ToShortDecimal(s.interruptions_per_hour, kMaxInputPlaces));
    if (s.checkpoint_interval_hours) add("spot.checkpoint_interval_hours", *s.checkpoint_interval_hours);
    add("spot.restart_hours", s.restart_hours);
  }
  add("scaling_efficiency", config.scaling_efficiency);
  if (config.time.way == EpochTimeWay::kFlops) {
    if (config.range.mfu_low) add("flops.mfu_low", *config.range.mfu_low);
    if (config.range.mfu_high) add("flops.mfu_high", *config.range.mfu_high);
  }
  if (config.time.way == EpochTimeWay::kThroughput) add("throughput.range_percent", config.range.throughput_percent);
}

}  // namespace epochcost::detail
