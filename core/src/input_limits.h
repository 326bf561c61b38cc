// The accepted range of every number the calculator reads, in one place.
//
// The bounds are generous for real runs and small enough that the exact
// arithmetic in 128-bit integers cannot overflow for typical inputs; the
// docs (docs/formats.md) list them.
#ifndef EPOCHCOST_INPUT_LIMITS_H
#define EPOCHCOST_INPUT_LIMITS_H

#include <cstddef>

#include "exact_json.h"

namespace epochcost::limits {

inline const detail::NumberRule kHoursPerEpoch{false, false, Rational(100000)};
inline const detail::NumberRule kGpus{true, false, Rational(100000)};
inline const detail::NumberRule kEpochs{true, false, Rational(1000000)};
inline const detail::NumberRule kPricePerGpuHour{false, false, Rational(10000000)};
inline const detail::NumberRule kCostPerEpoch{false, true, Rational(1000000000)};
inline const detail::NumberRule kBillingIncrementSeconds{true, true, Rational(86400)};
inline const detail::NumberRule kDiscountPercent{false, true, Rational(100)};
inline const detail::NumberRule kGpusPerInstance{true, false, Rational(1024)};
inline const detail::NumberRule kMinorUnitDigits{true, true, Rational(4)};

inline const detail::NumberRule kTrialSteps{true, false, Rational(1000000000)};
inline const detail::NumberRule kTrialSeconds{false, false, Rational(10000000)};
inline const detail::NumberRule kStepsPerEpoch{true, false, Rational(1000000000000)};
inline const detail::NumberRule kSamples{true, false, Rational(10000000000000)};
inline const detail::NumberRule kGlobalBatch{true, false, Rational(10000000)};
inline const detail::NumberRule kTokens{false, false, Rational(10000000000000000)};
inline const detail::NumberRule kTokensPerSecond{false, false, Rational(1000000000)};
inline const detail::NumberRule kParams{false, false, Rational(10000000000000)};
inline const detail::NumberRule kTrainableParams{false, false, Rational(10000000000000)};
inline const detail::NumberRule kMfu{false, false, Rational(1)};
inline const detail::NumberRule kPeakTflops{false, false, Rational(100000)};
inline const detail::NumberRule kGpuMemoryGb{false, false, Rational(10000)};
inline const detail::NumberRule kBudget{false, false, Rational(1000000000000)};
inline const detail::NumberRule kDeadlineHours{false, false, Rational(1000000)};

inline constexpr std::size_t kMaxInstances = 200;

}  // namespace epochcost::limits

#endif  // EPOCHCOST_INPUT_LIMITS_H
