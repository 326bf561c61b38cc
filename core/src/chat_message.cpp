// The message to paste into a chat (see chat_message.h).
#include "epochcost/chat_message.h"

#include "epochcost/model_shape.h"
#include "epochcost/words.h"
#include "json_writer.h"

namespace epochcost {
namespace {

// Table text on one line: a line break or tab in a provider's or an
// instance's name would break the message's one fact per line.
std::string OneLine(std::string_view text) {
  std::string out = detail::WellFormedUtf8(text);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

// A quantity in at most 4 decimals, or "≈" and 2 when that is not exact
// (T from a FLOPs model: "≈ 17.57", not "≈17.5679").
std::string Short(const Rational& value, const char* equals = "") {
  bool exact = true;
  std::string text = ToShortDecimal(value, 4, &exact);
  return exact ? equals + text : "≈ " + ToShortDecimal(value, 2);
}

std::string Money(Int128 units, const Estimate& e, Lang lang) {
  return GroupedDecimal(MinorUnitsToFixed(units, e.minor_unit_digits)) + " " + CurrencyName(e.currency, lang);
}

// How T was found, when not given: "from a trial run".
const char* TimeWay(EpochTimeWay way, bool zh) {
  switch (way) {
    case EpochTimeWay::kTrial:
      return zh ? "由试运行推算" : "from a trial run";
    case EpochTimeWay::kThroughput:
      return zh ? "由实测吞吐推算" : "from a measured throughput";
    case EpochTimeWay::kFlops:
      return zh ? "由 FLOPs 模型推算" : "from a FLOPs model";
    case EpochTimeWay::kHours:
      break;
  }
  return "";
}

// The model by its preset's name ("model DeepSeek-LLM 7B, "), or else by
// its size for the FLOPs way ("model 6.9B parameters, "), then T.
std::string ModelOrTime(const Estimate& e, const Config& config, bool zh) {
  std::string out;
  const std::string hours = Short(e.hours_per_epoch, "= ") + (zh ? " 小时/epoch" : " h per epoch");
  const ModelPreset* preset = config.model_preset.empty() ? nullptr : FindModelPreset(config.model_preset);
  if (preset != nullptr) {
    out += (zh ? "模型 " : "model ") + OneLine(preset->name) + (zh ? "," : ", ");
  } else if (config.time.way == EpochTimeWay::kFlops) {
    out += (zh ? "模型 " : "model ") + ToShortDecimal(config.time.flops.params / Rational(1000000000), 2) +
           (zh ? "B 参数," : "B parameters, ");
  }
  out += "T " + hours;
  if (config.time.way != EpochTimeWay::kHours) out += std::string(zh ? "(" : " (") + TimeWay(config.time.way, zh) + ")";
  return out;
}

}  // namespace

std::string GroupedDecimal(std::string_view fixed) {
  const std::size_t point = fixed.find('.');
  const std::size_t int_end = point == std::string_view::npos ? fixed.size() : point;
  const std::size_t start = !fixed.empty() && fixed[0] == '-' ? 1 : 0;
  std::string out(fixed.substr(0, start));
  for (std::size_t i = start; i < int_end; ++i) {
    if (i > start && (int_end - i) % 3 == 0) out += ',';
    out += fixed[i];
  }
  out += fixed.substr(int_end);
  return out;
}

std::string ChatMessage(const Estimate& e, const Config& config, const PriceTable* table, Lang lang,
                        std::string_view link) {
  const bool zh = lang == Lang::kZh;
  const char* sep = zh ? "," : ", ";
  std::string out = zh ? "训练成本估算(epochcost)\n" : "Training cost estimate (epochcost)\n";

  // The configuration: model or T, instance, N, epochs.
  out += ModelOrTime(e, config, zh);
  if (!e.instance.empty()) out += sep + OneLine(e.instance_name);
  out += sep + std::string("N = ") + std::to_string(e.gpus) + (zh ? " 块 GPU" : e.gpus == 1 ? " GPU" : " GPUs");
  out += sep + std::to_string(e.epochs) + (zh ? " 个 epoch" : e.epochs == 1 ? " epoch" : " epochs");
  out += "\n";

  // The figures.
  out += (zh ? "每 epoch:" : "Per epoch: ") + Money(e.per_epoch.total, e, lang);
  if (zh) {
    out += ";" + std::to_string(e.epochs) + " 个 epoch 合计:" + Money(e.total.total, e, lang) + "\n";
  } else {
    out += "; total for " + std::to_string(e.epochs) + (e.epochs == 1 ? " epoch: " : " epochs: ") +
           Money(e.total.total, e, lang) + "\n";
  }

  // The total in a second currency, with its rate and date (docs/money.md).
  if (e.converted) {
    const ConvertedTotals& c = *e.converted;
    out += "≈ " + GroupedDecimal(MinorUnitsToFixed(c.total, c.minor_unit_digits)) + " " + c.code + " (1 " + c.from +
           " = " + ToShortDecimal(c.rate, 12) + " " + c.code + (c.date.empty() ? "" : sep + c.date) + ")\n";
  }

  // The prices: the table and its date, and P when set by hand.
  const std::string price = Short(e.price_per_gpu_hour) + " " + PriceUnitShort(e.currency, lang);
  if (table != nullptr) {
    out += (zh ? "价格表:" : "Prices: ") + OneLine(table->provider) + (zh ? ",价格日期 " : ", dated ") +
           OneLine(table->prices_date);
    // A price equal to the table's (a link records it) is the table's.
    const bool by_hand = !e.table_price_per_gpu_hour || *e.table_price_per_gpu_hour != e.price_per_gpu_hour;
    if (e.owned) {
      out += (zh ? ";自有 GPU 的单价 P 为 " : "; P for owned GPUs ") + price;
    } else if (by_hand) {
      out += (zh ? ";单价 P 手动设置为 " : "; P set by hand to ") + price;
    }
  } else {
    out += std::string(e.owned ? (zh ? "自有 GPU 的单价 P 为 " : "P for owned GPUs ")
                               : (zh ? "单价 P 手动设置为 " : "P set by hand to ")) +
           price + (zh ? "(未使用价格表)" : " (no price table)");
  }
  out += "\n";
  out += OneLine(link);
  out += "\n";
  return out;
}

}  // namespace epochcost
