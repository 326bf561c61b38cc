// The human-readable breakdown the CLI prints, in English or Chinese.
#ifndef EPOCHCOST_CLI_TEXT_REPORT_H
#define EPOCHCOST_CLI_TEXT_REPORT_H

#include <string>
#include <vector>

#include "epochcost/compare.h"
#include "epochcost/config.h"
#include "epochcost/error.h"
#include "epochcost/estimate.h"
#include "epochcost/plan.h"
#include "epochcost/price_table.h"

namespace epochcost::cli {

// `table` may be null (a configuration with its own price).
std::string TextReport(const Estimate& estimate, const PriceTable* table, Lang lang);
std::string TextErrors(const Errors& errors, Lang lang);
std::string TextComparison(const std::vector<ComparisonRow>& rows, Lang lang);
std::string TextPlan(const Plan& plan, const Config& config, Lang lang);

}  // namespace epochcost::cli

#endif  // EPOCHCOST_CLI_TEXT_REPORT_H
