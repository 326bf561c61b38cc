// The money lines of the CLI's text report (see money_report.h).
#include "money_report.h"

#include <sstream>

#include "epochcost/words.h"

namespace epochcost::cli {

std::string TextConverted(const Estimate& e, Lang lang) {
  if (!e.converted) return "";
  const bool zh = lang == Lang::kZh;
  const ConvertedTotals& c = *e.converted;
  std::ostringstream out;
  out << (zh ? "折合:" : "In ") << (zh ? "" : c.code + ": ") << MinorUnitsToFixed(c.total, c.minor_unit_digits) << " "
      << c.code << (zh ? "(每 epoch " : " (per epoch ") << MinorUnitsToFixed(c.per_epoch_total, c.minor_unit_digits)
      << " " << c.code << (zh ? "),汇率 1 " : "), at 1 ") << c.from << " = " << ToShortDecimal(c.rate, 12) << " "
      << c.code;
  if (!c.date.empty()) out << (zh ? ",日期 " : ", dated ") << c.date;
  if (!c.source.empty()) out << (zh ? ",来源:" : ", source: ") << c.source;
  out << (zh ? "(精确总额乘以汇率,只舍入一次)" : " (exact total × rate, rounded once)") << "\n";
  return out.str();
}

std::string TextTablesComparison(const std::vector<PriceTable>& tables, const TablesComparison& ranked, Lang lang) {
  const bool zh = lang == Lang::kZh;
  std::ostringstream out;
  out << (zh ? "多个价格表的全部实例,按总成本排序(以 " : "Every instance of every table, cheapest first (in ")
      << ranked.currency << (zh ? " 计)" : ")") << "\n";
  for (const TablesRow& row : ranked.rows) {
    const PriceTable& table = tables[row.table];
    out << (row.row.cheapest ? "* " : "  ") << table.provider << " / " << row.row.instance << ": ";
    if (!row.row.result.ok()) {
      out << RenderError(row.row.result.errors.front(), lang) << "\n";
      continue;
    }
    const Estimate& e = row.row.result.estimate;
    out << MinorUnitsToFixed(row.ranked_total, ranked.minor_unit_digits) << " " << ranked.currency;
    if (e.currency != ranked.currency) {
      out << " (" << MinorUnitsToFixed(e.total.total, e.minor_unit_digits) << " " << e.currency << ")";
    }
    out << (row.row.cheapest ? (zh ? "  ← 最便宜" : "  <- cheapest") : "") << "\n";
  }
  return out.str();
}

}  // namespace epochcost::cli
