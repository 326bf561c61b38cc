// The money lines of the CLI's text report: the totals in a second
// currency, and several tables ranked together. (The energy, the carbon and
// an owner's P are the estimate's notes, printed with the others.)
#ifndef EPOCHCOST_CLI_MONEY_REPORT_H
#define EPOCHCOST_CLI_MONEY_REPORT_H

#include <string>
#include <vector>

#include "epochcost/compare.h"
#include "epochcost/error.h"
#include "epochcost/estimate.h"
#include "epochcost/price_table.h"

namespace epochcost::cli {

// "≈ 169.86 USD at 0.1381 USD per CNY (2026-12-01, source)" (empty without).
std::string TextConverted(const Estimate& e, Lang lang);
std::string TextTablesComparison(const std::vector<PriceTable>& tables, const TablesComparison& ranked, Lang lang);

}  // namespace epochcost::cli

#endif  // EPOCHCOST_CLI_MONEY_REPORT_H
