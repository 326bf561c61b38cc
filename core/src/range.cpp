// The ends of an estimate's range (see range.h).
#include "epochcost/range.h"

namespace epochcost {

std::optional<RangeEnds> RangeEndsOf(const Config& config) {
  RangeEnds ends;
  ends.optimistic = config;
  ends.optimistic.range = RangeInputs();
  ends.pessimistic = ends.optimistic;
  const RangeInputs& range = config.range;
  if (config.time.way == EpochTimeWay::kFlops && (range.mfu_low || range.mfu_high)) {
    ends.source = "mfu";
    if (range.mfu_high) ends.optimistic.time.flops.mfu = *range.mfu_high;
    if (range.mfu_low) ends.pessimistic.time.flops.mfu = *range.mfu_low;
    ends.optimistic_field = "flops.mfu_high";
    ends.pessimistic_field = "flops.mfu_low";
    return ends;
  }
  if (config.time.way == EpochTimeWay::kThroughput && !range.throughput_percent.is_zero()) {
    ends.source = "throughput";
    const Rational share = range.throughput_percent / Rational(100);
    Rational& fast = ends.optimistic.time.throughput.tokens_per_second_per_gpu;
    Rational& slow = ends.pessimistic.time.throughput.tokens_per_second_per_gpu;
    fast = fast * (Rational(1) + share);
    slow = slow * (Rational(1) - share);
    ends.optimistic_field = ends.pessimistic_field = "throughput.range_percent";
    return ends;
  }
  return std::nullopt;
}

}  // namespace epochcost
