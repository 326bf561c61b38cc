// Text in, text out: the JSON interface that the CLI (--json) and the wasm
// engine both expose, so that their results are byte-for-byte comparable.
//
// Success: {"ok":true, "currency":..., "per_epoch":{...}, "total":..., ...}
// Failure: {"ok":false, "errors":[{"code","field","params","message_en",
//           "message_zh"}]}
// Money is a decimal string with the currency's minor-unit digits.
#ifndef EPOCHCOST_JSON_API_H
#define EPOCHCOST_JSON_API_H

#include <string>
#include <string_view>

#include "epochcost/compare.h"
#include "epochcost/error.h"
#include "epochcost/estimate.h"
#include "epochcost/model_shape.h"
#include "epochcost/plan.h"
#include "epochcost/price_table.h"

namespace epochcost {

std::string EstimateToJson(const Estimate& estimate);
// The same with "plan": {"errors","gpus_for_deadline","max_epochs"}, for a
// configuration with a budget or a deadline.
std::string EstimateToJson(const Estimate& estimate, const Plan& plan);
// The comparison rows as a JSON array (what `epochcost compare --json` prints).
std::string CompareRowsToJson(const std::vector<ComparisonRow>& rows);
// Several tables ranked together: {"ok","currency","currency_minor_digits",
// "rows":[estimate + "provider","table_currency","ranked_total"]}, or the
// errors that keep them apart (different currencies and no rate).
std::string CompareTablesToJson(const std::vector<PriceTable>& tables, const TablesComparison& comparison);
std::string ErrorsToJson(const Errors& errors);
// The table as the page needs it: {"ok":true,"table":{...}} or errors.
std::string PriceTableToJson(const PriceTable& table);

// Parses both inputs and estimates. `prices_json` may be empty when the
// configuration carries its own price and GPU count.
std::string EstimateFromJson(std::string_view prices_json, std::string_view config_json);
// Every instance of the table for the same workload, cheapest first:
// {"ok":true,"rows":[{"instance","cheapest","fits", ...estimate fields}]}.
std::string CompareFromJson(std::string_view prices_json, std::string_view config_json);
// Two tables' instances ranked together (CompareTablesToJson), for the wasm
// engine: tables of different currencies need the workload's display_currency.
std::string CompareTablesFromJson(std::string_view prices_a, std::string_view prices_b, std::string_view config_json);
// Validates a price table and returns it normalised, or its errors.
std::string PriceTableFromJson(std::string_view prices_json);
// A Hugging Face config.json as a shape the page fills its inputs with:
// {"ok":true,"architecture","model":{"num_hidden_layers":"30",...},
//  "params":{"total",...}} or its errors.
std::string ModelConfigFromJson(std::string_view config_json);
// A shape's parameter count and its parts, as a JSON object of integers.
std::string ParamCountJson(const ModelShape& shape);

}  // namespace epochcost

#endif  // EPOCHCOST_JSON_API_H
