// The accepted range of every number the calculator reads.
//
// A configuration's inputs take theirs from the schema (schema.h); the price
// table's own fields are listed here. docs/formats.md gives them all.
#ifndef EPOCHCOST_INPUT_LIMITS_H
#define EPOCHCOST_INPUT_LIMITS_H

#include <cstddef>
#include <string_view>

#include "epochcost/schema.h"
#include "exact_json.h"

namespace epochcost::limits {

// The rule of an input, from its schema row.
inline detail::NumberRule RuleOf(const Field& field) {
  detail::NumberRule rule;
  rule.integer = field.kind == FieldKind::kInteger;
  rule.allow_zero = field.allow_zero;
  rule.max = Rational(field.max);
  rule.max_exclusive = MaxIsExclusive(field);
  return rule;
}
inline detail::NumberRule RuleOf(std::string_view key) { return RuleOf(FieldOf(key)); }
inline Rational MaxOf(std::string_view key) { return Rational(FieldOf(key).max); }
// The value an absent input takes (0 when it has none).
Rational DefaultOf(std::string_view key);

// The price table's fields (its prices and peaks follow the inputs they
// stand in for: price_per_gpu_hour, flops.peak_tflops).
inline detail::NumberRule PositiveInteger(std::int64_t max) { return {true, false, Rational(max)}; }
inline detail::NumberRule PositiveDecimal(std::int64_t max) { return {false, false, Rational(max)}; }
inline const detail::NumberRule kGpusPerInstance = PositiveInteger(1024);
inline const detail::NumberRule kGpuMemoryGb = PositiveDecimal(10000);
inline const detail::NumberRule kMinorUnitDigits{true, true, Rational(4)};

inline constexpr std::size_t kMaxInstances = 200;

}  // namespace epochcost::limits

#endif  // EPOCHCOST_INPUT_LIMITS_H
