// Renders an estimate as the seed writes it: the formula with the numbers
// substituted, then the breakdown and the totals.
#include "text_report.h"

#include <sstream>

#include "epochcost/words.h"
#include "hours_report.h"
#include "money_report.h"

namespace epochcost::cli {
namespace {

std::string Units(Int128 units, int digits) { return MinorUnitsToFixed(units, digits); }

// " h" or " 小时" after a number of hours (the shared unit, words.h).
std::string Hours(Lang lang) { return " " + Word("hours_unit", lang); }

std::string Short(const Rational& value) {
  bool exact = true;
  std::string text = ToShortDecimal(value, 4, &exact);
  return exact ? text : "≈" + text;
}

}  // namespace

namespace {

std::string Gb(Int128 bytes) { return ToShortDecimal(Rational::Fraction(bytes, 1000000000), 2); }

// The memory per GPU, part by part (docs/memory.md), and what would fit.
std::string TextMemory(const MemoryFit& m, Lang lang) {
  const bool zh = lang == Lang::kZh;
  const MemoryBytes& b = m.bytes;
  std::ostringstream out;
  out << (zh ? "每块 GPU 显存:" : "Memory per GPU: ") << Gb(b.total) << " GB / " << ToShortDecimal(m.gpu_memory_gb, 2)
      << " GB, "
      << (m.fit == Fit::kDoesNotFit ? (zh ? "不够" : "does not fit")
          : m.fit == Fit::kTight    ? (zh ? "紧张" : "tight")
                                    : (zh ? "够用" : "fits"))
      << "\n";
  out << (zh ? "  权重 " : "  weights ") << Gb(b.weights) << (zh ? ",梯度 " : ", gradients ") << Gb(b.gradients)
      << (zh ? ",优化器状态 " : ", optimizer ") << Gb(b.optimizer) << (zh ? ",激活 " : ", activations ")
      << (b.activations_counted ? Gb(b.activations) : std::string(zh ? "未计入" : "not counted"))
      << (zh ? ",CUDA 开销 " : ", CUDA overhead ") << Gb(b.overhead) << " GB\n";
  out << (zh ? "  参数 " : "  parameters ") << Int128ToString(m.params) << (zh ? ",可训练 " : ", trainable ")
      << Int128ToString(m.trainable_params) << "\n";
  for (const FitChange& change : m.changes) {
    out << (zh ? "  可放下:" : "  would fit: ") << change.key << " = " << change.value << " (" << Gb(change.total_bytes)
        << " GB)\n";
  }
  return out.str();
}

}  // namespace

std::string TextReport(const Estimate& e, const PriceTable* table, Lang lang) {
  const bool zh = lang == Lang::kZh;
  const int d = e.minor_unit_digits;
  const std::string cur = CurrencyName(e.currency, lang);
  const Rational epochs(e.epochs);
  const Rational billed_hours_per_epoch = e.billed_hours / epochs;
  const bool from_table = e.table_price_per_gpu_hour && *e.table_price_per_gpu_hour == e.price_per_gpu_hour;
  std::ostringstream out;

  if (table != nullptr) {
    out << (zh ? "价格表:" : "Prices: ") << table->provider << (zh ? ",价格日期 " : ", dated ") << table->prices_date
        << (zh ? "(按每 GPU·小时计价)" : " (per GPU-hour)") << "\n";
  }
  if (!e.instance.empty()) {
    out << (zh ? "实例:" : "Instance: ") << e.instance_name << " (" << e.instance << "), " << e.gpus_per_instance
        << (zh ? " 块 GPU/实例" : " GPUs per instance") << "\n";
  }
  out << (zh ? "单价 P:" : "Price P: ") << Short(e.price_per_gpu_hour) << " " << PriceUnitShort(e.currency, lang)
      << (e.owned      ? (zh ? "(自有 GPU)" : " (owned GPUs)")
          : from_table ? (zh ? "(价格表)" : " (from the table)")
                       : (zh ? "(手动设置)" : " (set by hand)"))
      << "\n\n";

  const bool overheads = !e.eval_hours_per_epoch.is_zero() || !e.checkpoint_hours_per_epoch.is_zero();
  // With overheads, an epoch bills its training, evaluation and saves.
  const std::string epoch_hours = overheads ? "(" + Short(e.hours_per_epoch) + " + " + Short(e.eval_hours_per_epoch) +
                                                  " + " + Short(e.checkpoint_hours_per_epoch) + ")"
                                            : Short(billed_hours_per_epoch);
  std::string compute_formula = epoch_hours + Hours(lang) + " × " + Short(e.price_per_gpu_hour) + " " +
                                PriceUnitShort(e.currency, lang) + " × " + std::to_string(e.gpus_billed) + " GPU";
  if (!e.discount_percent.is_zero()) {
    compute_formula += " × " + Short(Rational(100) - e.discount_percent) + "%";
  }
  out << (overheads ? (zh ? "每 epoch 成本 = (T + 评估 + 保存检查点) × P × N + D + M"
                          : "Cost per epoch = (T + evaluation + checkpoint saves) × P × N + D + M")
                    : (zh ? "每 epoch 成本 = T × P × N + D + M" : "Cost per epoch = T × P × N + D + M"))
      << "\n";
  out << "  = " << compute_formula << " + " << Units(e.per_epoch.data, d) << " + " << Units(e.per_epoch.ops, d) << " = "
      << Units(e.per_epoch.total, d) << " " << cur << "\n\n";
  out << (zh ? "  算力 T×P×N   " : "  compute T×P×N  ") << Units(e.per_epoch.compute, d) << " " << cur << "\n";
  out << TextOverheadParts(e.per_epoch, e, lang);
  out << (zh ? "  数据 D       " : "  data D         ") << Units(e.per_epoch.data, d) << " " << cur << "\n";
  out << (zh ? "  运维 M       " : "  operations M   ") << Units(e.per_epoch.ops, d) << " " << cur << "\n";
  out << (zh ? "  每 epoch 合计 " : "  per epoch      ") << Units(e.per_epoch.total, d) << " " << cur << "\n\n";

  out << (zh ? "总计(" : "Total (") << e.epochs
      << (zh              ? " 个 epoch):"
          : e.epochs == 1 ? " epoch): "
                          : " epochs): ")
      << Units(e.total.total, d) << " " << cur << "\n";
  out << (zh ? "  算力 " : "  compute ") << Units(e.total.compute, d) << TextOverheadTotals(e, lang)
      << (zh ? ",数据 " : ", data ") << Units(e.total.data, d) << (zh ? ",运维 " : ", operations ")
      << Units(e.total.ops, d) << "\n";
  out << TextConverted(e, lang);
  out << TextRange(e, lang) << TextSpot(e, lang);
  out << (zh ? "GPU·小时:" : "GPU-hours: ") << Short(e.gpu_hours) << (zh ? ";运行时长:" : "; wall-clock: ")
      << Short(e.wall_hours) << Hours(lang) << (zh ? ";计费时长:" : "; billed: ") << Short(e.billed_hours)
      << Hours(lang) << "\n";
  if (e.memory) out << TextMemory(*e.memory, lang);
  for (const Note& note : e.notes) out << (zh ? "注:" : "Note: ") << RenderNote(note, lang) << "\n";
  out << (zh ? "金额四舍五入到 " : "Amounts are rounded half away from zero to ") << Units(1, d) << " " << cur
      << (zh ? ",各部分之和等于合计。" : "; the parts add up to the totals.") << "\n";
  return out.str();
}

std::string TextErrors(const Errors& errors, Lang lang) {
  std::string out;
  for (const Error& error : errors) out += (lang == Lang::kZh ? "错误:" : "error: ") + RenderError(error, lang) + "\n";
  return out;
}

std::string TextComparison(const std::vector<ComparisonRow>& rows, Lang lang) {
  const bool zh = lang == Lang::kZh;
  std::ostringstream out;
  out << (zh ? "各实例对比(按总成本排序,价格取自价格表)" : "Every instance, cheapest first (table prices)") << "\n";
  for (const ComparisonRow& row : rows) {
    out << (row.cheapest ? "* " : "  ") << row.instance << ": ";
    if (!row.result.ok()) {
      out << RenderError(row.result.errors.front(), lang) << "\n";
      continue;
    }
    const Estimate& e = row.result.estimate;
    const std::string cur = CurrencyName(e.currency, lang);
    out << "T " << Short(e.hours_per_epoch) << Hours(lang) << ", " << (zh ? "每 epoch " : "per epoch ")
        << Units(e.per_epoch.total, e.minor_unit_digits) << " " << cur << ", " << (zh ? "总计 " : "total ")
        << Units(e.total.total, e.minor_unit_digits) << " " << cur << ", " << (zh ? "运行 " : "wall-clock ")
        << Short(e.wall_hours) << Hours(lang);
    if (e.memory) {
      out << ", "
          << (e.memory->fit == Fit::kDoesNotFit ? (zh ? "显存不足" : "does not fit")
              : e.memory->fit == Fit::kTight    ? (zh ? "显存紧张" : "tight fit")
                                                : (zh ? "显存足够" : "fits"));
    }
    if (e.range) {
      out << " (" << Units(e.range->total_low, e.minor_unit_digits) << "–"
          << Units(e.range->total_high, e.minor_unit_digits) << ")";
    }
    if (e.spot) out << (zh ? ",竞价 " : ", spot ") << Units(e.spot->total, e.minor_unit_digits);
    out << (row.cheapest ? (zh ? "  ← 最便宜" : "  <- cheapest") : "") << "\n";
  }
  return out.str();
}

std::string TextPlan(const Plan& plan, const Config& config, Lang lang) {
  const bool zh = lang == Lang::kZh;
  std::ostringstream out;
  if (config.budget && plan.max_epochs) {
    out << (zh ? "预算 " : "A budget of ") << Short(*config.budget) << (zh ? " 最多可训练 " : " buys at most ")
        << *plan.max_epochs
        << (zh                      ? " 个 epoch。"
            : *plan.max_epochs == 1 ? " epoch."
                                    : " epochs.")
        << "\n";
  }
  if (config.deadline_hours && plan.gpus_for_deadline) {
    out << (zh ? "要在 " : "To finish within ") << Short(*config.deadline_hours) << Hours(lang)
        << (zh ? "内完成,需要 " : " needs ") << *plan.gpus_for_deadline << " GPU" << (zh ? "。" : "s.") << "\n";
  }
  for (const Error& error : plan.errors) out << RenderError(error, lang) << "\n";
  return out.str();
}

}  // namespace epochcost::cli
