// The money lines of the CLI's text report: the totals in a second
// currency, the run's energy and carbon, where an owner's P came from, and
// several tables ranked together.
#ifndef EPOCHCOST_CLI_MONEY_REPORT_H
#define EPOCHCOST_CLI_MONEY_REPORT_H

#include <string>
#include <vector>

#include "epochcost/compare.h"
#include "epochcost/error.h"
#include "epochcost/estimate.h"
#include "epochcost/price_table.h"

namespace epochcost::cli {

// "P = 30000 / (4 × 8760 h) + 0.7 kW × 1.2 × 0.1 = ..." (empty when rented).
std::string TextOwnedPrice(const Estimate& e, Lang lang);
// "≈ 169.86 USD at 0.1381 USD per CNY (2026-12-01, source)" (empty without).
std::string TextConverted(const Estimate& e, Lang lang);
// "Energy: 1,234 kWh (...), carbon ..., electricity ..." (empty without).
std::string TextEnergy(const Estimate& e, Lang lang);
std::string TextTablesComparison(const std::vector<PriceTable>& tables, const TablesComparison& ranked, Lang lang);

}  // namespace epochcost::cli

#endif  // EPOCHCOST_CLI_MONEY_REPORT_H
