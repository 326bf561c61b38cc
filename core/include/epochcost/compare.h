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

}  // namespace epochcost

#endif  // EPOCHCOST_COMPARE_H
