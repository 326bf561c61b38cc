// The money parts of an estimate's JSON: "converted", "energy" and "owned",
// each null when not asked for.
#ifndef EPOCHCOST_MONEY_JSON_H
#define EPOCHCOST_MONEY_JSON_H

#include <string>

#include "epochcost/estimate.h"

namespace epochcost::detail {

std::string ConvertedJson(const Estimate& e);
std::string EnergyJson(const Estimate& e);
std::string OwnedJson(const Estimate& e);

}  // namespace epochcost::detail

#endif  // EPOCHCOST_MONEY_JSON_H
