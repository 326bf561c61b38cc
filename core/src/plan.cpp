// Budget and deadline planning by binary search (see plan.h).
#include "epochcost/plan.h"

#include "epochcost/estimate.h"
#include "input_limits.h"

namespace epochcost {
namespace {

std::optional<Estimate> Try(const PriceTable* table, const Config& config) {
  EstimateResult result = ComputeEstimate(table, config);
  if (!result.ok()) return std::nullopt;
  return std::move(result.estimate);
}

// Total cost never falls as epochs rise: find the last E within budget.
std::optional<std::int64_t> MaxEpochs(const PriceTable* table, Config config, const Rational& budget) {
  std::int64_t lo = 0;  // known affordable (0 epochs cost nothing)
  std::int64_t hi = static_cast<std::int64_t>(limits::MaxOf("epochs").num()) + 1;  // known unaffordable or past max
  while (hi - lo > 1) {
    const std::int64_t mid = lo + (hi - lo) / 2;
    config.epochs = mid;
    const auto estimate = Try(table, config);
    if (!estimate) return std::nullopt;
    (estimate->total_exact <= budget ? lo : hi) = mid;
  }
  return lo;
}

}  // namespace

Plan ComputePlan(const PriceTable* table, const Config& config) {
  Plan plan;
  Config base = config;
  base.budget.reset();
  base.deadline_hours.reset();
  // The plan reads on-demand totals and wall-clock hours alone. A spot
  // estimate or a range beside them can fail for a probe's shorter run (a
  // checkpoint interval longer than that run) while saying nothing of those
  // figures, so the probes leave both out.
  base.spot.reset();
  base.range = RangeInputs{};
  const auto estimate = Try(table, base);
  if (!estimate) return plan;  // the estimate itself reports the errors

  if (config.budget) plan.max_epochs = MaxEpochs(table, base, *config.budget);

  if (config.deadline_hours) {
    const EpochTimeWay way = config.time.way;
    if (way != EpochTimeWay::kThroughput && way != EpochTimeWay::kFlops) {
      plan.errors.push_back({code::kNeedsScaling, "deadline_hours", {}});
      return plan;
    }
    const std::int64_t step = estimate->gpus_per_instance > 0 ? estimate->gpus_per_instance : 1;
    std::int64_t max_units = static_cast<std::int64_t>(limits::MaxOf("gpus").num()) / step;
    // Keeping half the throughput or less per doubling, k instances run at
    // k x efficiency^log2(k) <= 1 instance's speed: one instance is the
    // fastest, and if it is late no GPU count can help.
    if (estimate->gpus_per_instance > 0 && config.scaling_efficiency <= Rational::Fraction(1, 2)) {
      Config one = base;
      one.gpus = step;
      const auto single = Try(table, one);
      if (single && single->wall_hours > *config.deadline_hours) {
        plan.errors.push_back({code::kScalingUnreachable,
                               "deadline_hours",
                               {{"value", ToShortDecimal(*config.deadline_hours, 6)},
                                {"efficiency", ToShortDecimal(config.scaling_efficiency, 12)},
                                {"gpus", Int128ToString(step)},
                                {"hours", ToShortDecimal(single->wall_hours, 6)}}});
        return plan;
      }
      max_units = 1;
    }
    // Otherwise wall-clock time never rises with more GPUs: find the fewest
    // whole instances that meet the deadline.
    std::int64_t lo = 0;  // units known too few (0 GPUs never finish)
    std::int64_t hi = max_units + 1;
    while (hi - lo > 1) {
      const std::int64_t mid = lo + (hi - lo) / 2;
      Config variant = base;
      variant.gpus = mid * step;
      const auto trial = Try(table, variant);
      if (trial && trial->wall_hours <= *config.deadline_hours) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    if (hi <= max_units) {
      plan.gpus_for_deadline = hi * step;
      if (estimate->gpus_per_instance > 0) plan.instances_for_deadline = hi;
    } else {
      plan.errors.push_back(
          {code::kDeadlineUnreachable,
           "deadline_hours",
           {{"value", ToShortDecimal(*config.deadline_hours, 6)}, {"max", ToShortDecimal(limits::MaxOf("gpus"), 0)}}});
    }
  }
  return plan;
}

}  // namespace epochcost
