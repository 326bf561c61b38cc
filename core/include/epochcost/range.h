// A range, not only a point: low and high estimates beside the expected one,
// from a pessimistic and an optimistic MFU (FLOPs way) or a +/- percentage
// on the tokens per second (throughput way).
#ifndef EPOCHCOST_RANGE_H
#define EPOCHCOST_RANGE_H

#include <optional>
#include <string>

#include "epochcost/config.h"
#include "epochcost/rational.h"

namespace epochcost {

struct EstimateRange {
  std::string source;  // "mfu" or "throughput"
  // "low" is the optimistic end (shortest T, smallest cost).
  Rational hours_per_epoch_low;
  Rational hours_per_epoch_high;
  Int128 total_low = 0;
  Int128 total_high = 0;
  std::optional<Int128> spot_total_low;  // with spot capacity
  std::optional<Int128> spot_total_high;
};

// The two configurations whose estimates are the range's ends, without a
// range of their own; none when the configuration gives no range.
struct RangeEnds {
  std::string source;
  Config optimistic;
  Config pessimistic;
  std::string optimistic_field;  // the input an end's error is reported on
  std::string pessimistic_field;
};
std::optional<RangeEnds> RangeEndsOf(const Config& config);

}  // namespace epochcost

#endif  // EPOCHCOST_RANGE_H
