// The billed-hours parts of an estimate's JSON (see hours_json.h). Keys are
// added in byte order, as JsonObject expects.
#include "hours_json.h"

#include "json_values.h"
#include "json_writer.h"

namespace epochcost::detail {
namespace {

std::string Money(Int128 units, const Estimate& e) { return MinorUnitsToFixed(units, e.minor_unit_digits); }

// The saving as a share of the on-demand total, to one decimal.
std::string SavingPercent(const SpotEstimate& s, const Estimate& e) {
  if (e.total.total == 0) return "0";
  return ToShortDecimal(Rational::Fraction(s.saving * 100, e.total.total), 1);
}

}  // namespace

std::string OverheadsJson(const Estimate& e) {
  if (e.startup_hours.is_zero() && e.eval_hours_per_epoch.is_zero() && e.checkpoint_hours_per_epoch.is_zero()) {
    return "null";
  }
  return JsonObject()
      .String("checkpoint_hours_per_epoch", Quantity(e.checkpoint_hours_per_epoch))
      .String("epoch_hours", Quantity(e.hours_per_epoch + e.eval_hours_per_epoch + e.checkpoint_hours_per_epoch))
      .String("eval_hours_per_epoch", Quantity(e.eval_hours_per_epoch))
      .String("startup_hours", Quantity(e.startup_hours))
      .Text();
}

std::string RangeJson(const Estimate& e) {
  if (!e.range) return "null";
  const EstimateRange& r = *e.range;
  const auto spot = [&e](const std::optional<Int128>& units) {
    return units ? std::optional<std::string>(Money(*units, e)) : std::nullopt;
  };
  return JsonObject()
      .String("hours_per_epoch_high", Quantity(r.hours_per_epoch_high))
      .String("hours_per_epoch_low", Quantity(r.hours_per_epoch_low))
      .String("source", r.source)
      .OptionalString("spot_total_high", spot(r.spot_total_high))
      .OptionalString("spot_total_low", spot(r.spot_total_low))
      .String("total_high", Money(r.total_high, e))
      .String("total_low", Money(r.total_low, e))
      .Text();
}

std::string ScalingJson(const Estimate& e) {
  if (e.scaling_efficiency == Rational(1)) return "null";
  return JsonObject()
      .Bool("applied", e.scaling_applied)
      .String("efficiency", ToShortDecimal(e.scaling_efficiency, 12))
      .Int("instances", e.instances)
      .String("linear_hours_per_epoch", Quantity(e.linear_hours_per_epoch))
      .String("throughput_kept", ToShortDecimal(e.throughput_kept, 9))
      .Text();
}

std::string SpotJson(const Estimate& e) {
  if (!e.spot) return "null";
  const SpotEstimate& s = *e.spot;
  JsonObject out;
  if (s.best_checkpoint_interval_hours) {
    out.String("best_checkpoint_interval_hours", Quantity(*s.best_checkpoint_interval_hours));
  } else {
    out.Null("best_checkpoint_interval_hours");
  }
  return out.String("billed_hours", Quantity(s.billed_hours))
      .String("checkpoint_interval_hours", Quantity(s.checkpoint_interval_hours))
      .String("checkpoint_interval_source", s.interval_source)
      .String("compute", Money(s.compute, e))
      .String("expected_interruptions", Quantity(s.expected_interruptions))
      .String("interruptions_per_hour", ToShortDecimal(s.interruptions_per_hour, 12))
      .String("lost_hours", Quantity(s.lost_hours))
      .String("price_per_gpu_hour", ToShortDecimal(s.price_per_gpu_hour, 12))
      .String("price_source", s.price_source)
      .String("restart_hours", Quantity(s.restart_hours))
      .Bool("rough", s.rough)
      .String("saving", (s.saving < 0 ? "-" : "") + Money(s.saving < 0 ? -s.saving : s.saving, e))
      .String("saving_percent", SavingPercent(s, e))
      .String("total", Money(s.total, e))
      .String("work_hours", Quantity(s.work_hours))
      .Text();
}

}  // namespace epochcost::detail
