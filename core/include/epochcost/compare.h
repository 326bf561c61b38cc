// The same workload on every instance type of a price table, cheapest first.
//
// Each row is a full estimate with that instance's table price (a price
// override in the configuration is set aside, or every row would cost the
// same) and the configuration's GPU count rounded up to whole instances.
// A workload whose T depends on the GPU (the FLOPs model, through the GPU's
// peak) makes the comparison meaningful; with a fixed T only the prices
// differ.
#ifndef EPOCHCOST_COMPARE_H
#define EPOCHCOST_COMPARE_H

#include <string>
#include <vector>

#include "epochcost/config.h"
#include "epochcost/estimate.h"
#include "epochcost/price_table.h"

namespace epochcost {

struct ComparisonRow {
  std::string instance;
  EstimateResult result;  // errors when this instance cannot run the workload
  bool cheapest = false;
};

// Rows sorted by total cost, ties by instance order in the table; rows with
// errors come last.
std::vector<ComparisonRow> CompareInstances(const PriceTable& table, const Config& config);

// Every instance of several tables (one provider's CNY table beside
// another's USD one), ranked together in one currency: the tables' own
// when they share it, otherwise the configuration's display currency, each
// table in another currency converted at its rate (docs/money.md). Without
// a rate, tables of different currencies are refused, not ranked.
struct TablesRow {
  std::size_t table = 0;  // index into the tables given
  ComparisonRow row;
  Rational ranked_total_exact;  // the total in `currency`
  Int128 ranked_total = 0;      // rounded once to its minor unit
};
struct TablesComparison {
  std::string currency;  // what the rows are ranked in
  int minor_unit_digits = 2;
  std::vector<TablesRow> rows;  // cheapest first; rows with errors last
  Errors errors;                // why they cannot be ranked together
  bool ok() const { return errors.empty(); }
};
TablesComparison CompareTables(const std::vector<PriceTable>& tables, const Config& config);

}  // namespace epochcost

#endif  // EPOCHCOST_COMPARE_H
