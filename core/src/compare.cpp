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

namespace {

// The currencies of `tables` other than `code`, once each, in table order.
std::vector<std::string> OtherCurrencies(const std::vector<PriceTable>& tables, const std::string& code) {
  std::vector<std::string> others;
  for (const PriceTable& table : tables) {
    bool seen = table.currency == code;
    for (const std::string& other : others) seen = seen || other == table.currency;
    if (!seen) others.push_back(table.currency);
  }
  return others;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

TablesComparison CompareTables(const std::vector<PriceTable>& tables, const Config& config) {
  TablesComparison out;
  if (tables.empty()) return out;
  const std::string& first = tables.front().currency;
  const std::vector<std::string> all = OtherCurrencies(tables, "");
  if (all.size() == 1) {
    out.currency = first;
    out.minor_unit_digits = tables.front().minor_unit_digits;
  } else if (!config.display_currency) {
    out.errors.push_back({code::kCurrenciesDiffer, "display_currency", {{"currencies", Joined(all)}}});
    return out;
  } else {
    const DisplayCurrency& display = *config.display_currency;
    const std::vector<std::string> others = OtherCurrencies(tables, display.code);
    if (others.size() > 1) {
      out.errors.push_back(
          {code::kRateDoesNotApply, "display_currency.rate", {{"currencies", Joined(others)}, {"code", display.code}}});
      return out;
    }
    out.currency = display.code;
    out.minor_unit_digits = MinorUnitDigitsOf(display.code);
  }
  for (std::size_t i = 0; i < tables.size(); ++i) {
    // A table in the ranking currency needs no rate (and the estimate notes
    // none); one in the other currency is converted at the stated rate.
    const bool convert = tables[i].currency != out.currency;
    for (ComparisonRow& row : CompareInstances(tables[i], config)) {
      TablesRow ranked{i, std::move(row), Rational(), 0};
      if (ranked.row.result.ok()) {
        const Rational& total = ranked.row.result.estimate.total_exact;
        ranked.ranked_total_exact = convert ? total * config.display_currency->rate : total;
        ranked.ranked_total = ranked.ranked_total_exact.RoundToUnits(out.minor_unit_digits);
      }
      out.rows.push_back(std::move(ranked));
    }
  }
  detail::StableSortSmall(&out.rows, [](const TablesRow& a, const TablesRow& b) {
    if (a.row.result.ok() != b.row.result.ok()) return a.row.result.ok();
    return a.row.result.ok() && a.ranked_total_exact < b.ranked_total_exact;
  });
  if (!out.rows.empty() && out.rows.front().row.result.ok()) {
    for (TablesRow& row : out.rows) {
      row.row.cheapest = row.row.result.ok() && row.ranked_total_exact == out.rows.front().ranked_total_exact;
    }
  }
  return out;
}

}  // namespace epochcost
