// Comparison of every instance type (see compare.h).
#include "epochcost/compare.h"

#include "small_sort.h"

namespace epochcost {

std::vector<ComparisonRow> CompareInstances(const PriceTable& table, const Config& config) {
  std::vector<ComparisonRow> rows;
  for (const Instance& instance : table.instances) {
    Config variant = config;
    variant.instance = instance.id;
    variant.price_per_gpu_hour.reset();
    rows.push_back({instance.id, ComputeEstimate(&table, variant), false});
  }
  detail::StableSortSmall(&rows, [](const ComparisonRow& a, const ComparisonRow& b) {
    if (a.result.ok() != b.result.ok()) return a.result.ok();
    return a.result.ok() && a.result.estimate.total_exact < b.result.estimate.total_exact;
  });
  if (!rows.empty() && rows.front().result.ok()) {
    // Every row costing the same lowest total is marked.
    for (ComparisonRow& row : rows) {
      row.cheapest = row.result.ok() && row.result.estimate.total_exact == rows.front().result.estimate.total_exact;
    }
  }
  return rows;
}

}  // namespace epochcost
