// JSON values shared by the text-out functions (json_api, link, export), so
// that none of them has to parse another's output back.
#ifndef EPOCHCOST_JSON_VALUES_H
#define EPOCHCOST_JSON_VALUES_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "epochcost/compare.h"
#include "epochcost/error.h"
#include "epochcost/estimate.h"
#include "epochcost/link.h"
#include "json_writer.h"

namespace epochcost::detail {

// Non-money quantities (hours, GPU-hours, FLOPs) as the estimate's JSON and
// the exports write them: exact when short, otherwise six decimals.
inline std::string Quantity(const Rational& value) { return ToShortDecimal(value, 6); }

// The estimate's fields, "ok": true included; a caller may add its own
// before writing the text. A comparison row gives its instance id and
// whether it is the cheapest.
JsonObject EstimateFields(const Estimate& estimate, std::string_view instance, std::optional<bool> cheapest);
inline JsonObject EstimateFields(const Estimate& estimate) {
  return EstimateFields(estimate, estimate.instance, std::nullopt);
}
// {"code","field","params","message_en","message_zh"}; a caller may add more.
JsonObject ErrorFields(const Error& error);
// [{"code","field","params","message_en","message_zh"}, ...]
std::string ErrorList(const Errors& errors);
// The comparison rows with only what the page shows of each (see
// Calculator::Answer): cheapest, converted, currency, currency_minor_digits,
// hours_per_epoch, instance, instance_name, memory, ok, per_epoch.total, range, spot.total,
// total, wall_hours; a failed row as in full.
std::string CompareRowSummariesToJson(const std::vector<ComparisonRow>& rows);

}  // namespace epochcost::detail

#endif  // EPOCHCOST_JSON_VALUES_H
