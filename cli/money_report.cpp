// The money lines of the CLI's text report (see money_report.h).
#include "money_report.h"

#include <sstream>

#include "epochcost/words.h"

namespace epochcost::cli {
namespace {

std::string Short(const Rational& value, int places = 4) {
  bool exact = true;
  std::string text = ToShortDecimal(value, places, &exact);
  return exact ? text : "≈" + text;
}

}  // namespace

std::string TextOwnedPrice(const Estimate& e, Lang lang) {
  if (!e.owned) return "";
  const bool zh = lang == Lang::kZh;
  const OwnedPrice& o = *e.owned;
  std::ostringstream out;
  out << (zh ? "自有 GPU 的 P = " : "Owned GPUs: P = ");
  if (o.way == "purchase") {
    out << Short(*o.purchase_price_per_gpu) << " / (" << Short(*o.service_life_years) << (zh ? " 年" : " years")
        << " × " << kHoursPerServiceYear << " h)";
  } else {
    out << Short(o.amortisation_per_gpu_hour) << (zh ? "(每 GPU·小时折旧)" : " (amortisation per GPU-hour)");
  }
  if (e.energy && e.energy->price_per_kwh) {
    out << " + " << Short(e.energy->watts_per_gpu) << " W / 1000 × " << Short(e.energy->pue) << " PUE × "
        << Short(*e.energy->price_per_kwh) << (zh ? "(电费)" : " (electricity)");
  }
  out << " = " << Short(o.price_per_gpu_hour) << " " << PriceUnitShort(e.currency, lang) << "\n";
  return out.str();
}

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

std::string TextEnergy(const Estimate& e, Lang lang) {
  if (!e.energy) return "";
  const bool zh = lang == Lang::kZh;
  const EnergyEstimate& n = *e.energy;
  std::ostringstream out;
  out << (zh ? "能耗:" : "Energy: ") << Short(n.gpu_hours) << (zh ? " GPU·小时 × " : " GPU-hours × ")
      << Short(n.watts_per_gpu) << " W / 1000 × " << Short(n.pue) << " PUE = " << Short(n.kwh, 3) << " kWh";
  if (n.kg_co2) {
    out << (zh ? ";碳排放 " : "; carbon ") << Short(n.kwh, 3) << " kWh × " << Short(*n.kg_co2_per_kwh, 6)
        << " kg/kWh = " << Short(*n.kg_co2, 3) << " kg CO2eq";
  }
  if (n.cost_exact) {
    out << (zh ? ";电费 " : "; electricity ") << MinorUnitsToFixed(n.cost, e.minor_unit_digits) << " "
        << CurrencyName(e.currency, lang)
        << (n.in_price ? (zh ? "(已计入 P)" : " (in P)") : (zh ? "(不计入总价)" : " (not added to the total)"));
  }
  out << "\n";
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
