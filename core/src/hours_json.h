// The billed-hours parts of an estimate's JSON: "overheads", "range",
// "scaling" and "spot", each null when not asked for.
#ifndef EPOCHCOST_HOURS_JSON_H
#define EPOCHCOST_HOURS_JSON_H

#include <string>

#include "epochcost/estimate.h"

namespace epochcost::detail {

std::string OverheadsJson(const Estimate& e);
std::string RangeJson(const Estimate& e);
std::string ScalingJson(const Estimate& e);
std::string SpotJson(const Estimate& e);

}  // namespace epochcost::detail

#endif  // EPOCHCOST_HOURS_JSON_H
