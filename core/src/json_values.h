// JSON values shared by the text-out functions (json_api, link, export), so
// that none of them has to parse another's output back.
#ifndef EPOCHCOST_JSON_VALUES_H
#define EPOCHCOST_JSON_VALUES_H

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "epochcost/compare.h"
#include "epochcost/error.h"
#include "epochcost/estimate.h"

namespace epochcost::detail {

// The estimate's fields, "ok": true included.
nlohmann::json EstimateObject(const Estimate& estimate);
// [{"code","field","params","message_en","message_zh"}, ...]
nlohmann::json ErrorList(const Errors& errors);
// The comparison rows, each an estimate object plus instance and cheapest.
nlohmann::json CompareRowsJson(const std::vector<ComparisonRow>& rows);
// Compact text; invalid UTF-8 is replaced rather than aborting the instance.
std::string Dump(const nlohmann::json& json);

}  // namespace epochcost::detail

#endif  // EPOCHCOST_JSON_VALUES_H
