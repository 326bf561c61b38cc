// The billed-hours lines of the CLI's text report (see hours_report.h).
#include "hours_report.h"

#include <sstream>

#include "epochcost/words.h"

namespace epochcost::cli {
namespace {

std::string Units(Int128 units, const Estimate& e) { return MinorUnitsToFixed(units, e.minor_unit_digits); }
std::string Short(const Rational& value) { return ToShortDecimal(value, 4); }
std::string H(Lang lang) { return " " + Word("hours_unit", lang); }

}  // namespace

std::string TextOverheadParts(const MoneyParts& parts, const Estimate& e, Lang lang) {
  const bool zh = lang == Lang::kZh;
  const std::string cur = " " + CurrencyName(e.currency, lang) + "\n";
  std::string out;
  if (!e.eval_hours_per_epoch.is_zero())
    out += (zh ? "  评估         " : "  evaluation     ") + Units(parts.eval, e) + cur;
  if (!e.checkpoint_hours_per_epoch.is_zero()) {
    out += (zh ? "  保存检查点   " : "  checkpoints    ") + Units(parts.checkpoint, e) + cur;
  }
  return out;
}

std::string TextOverheadTotals(const Estimate& e, Lang lang) {
  const bool zh = lang == Lang::kZh;
  std::string out;
  if (!e.eval_hours_per_epoch.is_zero()) out += (zh ? ",评估 " : ", evaluation ") + Units(e.total.eval, e);
  if (!e.checkpoint_hours_per_epoch.is_zero()) {
    out += (zh ? ",保存检查点 " : ", checkpoint saves ") + Units(e.total.checkpoint, e);
  }
  if (!e.startup_hours.is_zero()) {
    out += (zh ? ",启动(一次," : ", start-up (once, ") + Short(e.startup_hours) + H(lang) + (zh ? ")" : ") ") +
           Units(e.total.startup, e);
  }
  return out;
}

std::string TextRange(const Estimate& e, Lang lang) {
  if (!e.range) return "";
  const bool zh = lang == Lang::kZh;
  const EstimateRange& r = *e.range;
  const std::string cur = " " + CurrencyName(e.currency, lang);
  std::ostringstream out;
  out << (zh ? "范围(" : "Range (")
      << (r.source == "mfu" ? (zh ? "MFU 上下限" : "MFU high to low") : (zh ? "吞吐量 ±" : "throughput ±"))
      << (zh ? "):T " : "): T ") << Short(r.hours_per_epoch_low) << "–" << Short(r.hours_per_epoch_high) << H(lang)
      << (zh ? ",总计 " : ", total ") << Units(r.total_low, e) << "–" << Units(r.total_high, e) << cur;
  if (r.spot_total_low && r.spot_total_high) {
    out << (zh ? ",竞价 " : ", spot ") << Units(*r.spot_total_low, e) << "–" << Units(*r.spot_total_high, e) << cur;
  }
  out << "\n";
  return out.str();
}

std::string TextSpot(const Estimate& e, Lang lang) {
  if (!e.spot) return "";
  const bool zh = lang == Lang::kZh;
  const SpotEstimate& s = *e.spot;
  const std::string cur = " " + CurrencyName(e.currency, lang);
  std::ostringstream out;
  out << (zh ? "竞价实例(一阶模型):计费小时 = 工作小时 × (1 + λ × (间隔 ÷ 2 + 重启))"
             : "Spot capacity (first-order model): billed hours = work hours × (1 + λ × (interval ÷ 2 + restart))")
      << "\n  = " << Short(s.work_hours) << " × (1 + " << Short(s.interruptions_per_hour) << " × ("
      << Short(s.checkpoint_interval_hours) << " ÷ 2 + " << Short(s.restart_hours)
      << ")) = " << ToShortDecimal(s.work_hours + s.lost_hours, 4) << H(lang) << "\n";
  out << (zh ? "  预计中断 " : "  expected interruptions ") << ToShortDecimal(s.expected_interruptions, 4)
      << (zh ? " 次,损失 " : ", lost ") << ToShortDecimal(s.lost_hours, 4) << H(lang) << "\n";
  out << (zh ? "  按需 " : "  on-demand ") << Units(e.total.total, e) << cur << (zh ? " | 竞价 " : " | spot ")
      << Units(s.total, e) << cur << " (" << Short(s.price_per_gpu_hour) << " " << PriceUnitShort(e.currency, lang)
      << ")" << (s.saving < 0 ? (zh ? " | 多花 " : " | costs more by ") : (zh ? " | 节省 " : " | saving "))
      << Units(s.saving < 0 ? -s.saving : s.saving, e) << cur << "\n";
  out << (zh ? "  模型在 λ × 间隔较小时成立(此处 " : "  The model holds while λ × interval is small (here ")
      << ToShortDecimal(s.interruptions_per_hour * s.checkpoint_interval_hours, 3) << (zh ? ")。" : ").") << "\n";
  return out.str();
}

}  // namespace epochcost::cli
