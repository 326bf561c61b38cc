// The words the CLI and the page share (see words.h). The page never spells
// them itself: the build puts WordsToJson() into the page beside the first
// estimate (scripts/first-view.mjs). The export's columns are the engine's
// alone (the page asks the engine for its exports), so they stay out of it.
#include "epochcost/words.h"

#include <iterator>
#include <nlohmann/json.hpp>

namespace epochcost {
namespace {

struct Text {
  const char* key;
  const char* en;
  const char* zh;
};

// Currencies whose Chinese name readers expect instead of the ISO code.
constexpr Text kCurrencies[] = {
    {"CNY", "CNY", "元"},
    {"USD", "USD", "美元"},
};

// Compact units, as the formula and the price list print them. Prose says
// "GPU-hour" / "GPU·小时" (messages.cpp, i18n.js).
constexpr Text kUnits[] = {
    {"hours_unit", "h", "小时"},
    {"price_unit_short", "{currency}/GPU·h", "{currency}/GPU·时"},
    {"price_unit", "{currency} per GPU-hour", "{currency}/GPU·时"},
};

constexpr ExportColumn kColumns[] = {
    {"instance", "Instance", "实例"},
    {"gpus", "GPUs", "GPU 数"},
    {"gpus_billed", "GPUs billed", "计费 GPU 数"},
    {"hours_per_epoch", "Hours per epoch", "每 epoch 小时"},
    {"epochs", "Epochs", "epoch 数"},
    {"price_per_gpu_hour", "Price per GPU-hour", "单价(每 GPU·小时)"},
    {"currency", "Currency", "币种"},
    {"per_epoch_compute", "Compute per epoch", "每 epoch 算力"},
    {"per_epoch_data", "Data per epoch", "每 epoch 数据"},
    {"per_epoch_ops", "Operations per epoch", "每 epoch 运维"},
    {"per_epoch_total", "Per epoch", "每 epoch 合计"},
    {"total", "Total", "总计"},
    {"gpu_hours", "GPU-hours", "GPU·小时"},
    {"wall_hours", "Wall-clock hours", "运行小时"},
    {"billed_hours", "Billed hours", "计费小时"},
    {"fits", "Fits in memory", "显存是否足够"},
    {"cheapest", "Cheapest", "最便宜"},
};

template <std::size_t N>
const Text* Find(const Text (&table)[N], std::string_view key) {
  for (const Text& text : table) {
    if (key == text.key) return &text;
  }
  return nullptr;
}

const char* Pick(const Text& text, Lang lang) { return lang == Lang::kZh ? text.zh : text.en; }

}  // namespace

std::string CurrencyName(const std::string& currency, Lang lang) {
  const Text* text = Find(kCurrencies, currency);
  return text != nullptr ? Pick(*text, lang) : currency;
}

std::string Word(std::string_view key, Lang lang) {
  const Text* text = Find(kUnits, key);
  return text != nullptr ? Pick(*text, lang) : std::string(key);
}

std::string PriceUnitShort(const std::string& currency, Lang lang) {
  std::string unit = Word("price_unit_short", lang);
  const std::string placeholder = "{currency}";
  unit.replace(unit.find(placeholder), placeholder.size(), CurrencyName(currency, lang));
  return unit;
}

ExportColumnList ExportColumns() { return {std::begin(kColumns), std::size(kColumns)}; }

std::string WordsToJson() {
  nlohmann::json words;
  for (const Lang lang : {Lang::kEn, Lang::kZh}) {
    nlohmann::json& out = words[lang == Lang::kZh ? "zh" : "en"];
    for (const Text& text : kCurrencies) out[std::string("currency_") + text.key] = Pick(text, lang);
    for (const Text& text : kUnits) out[text.key] = Pick(text, lang);
  }
  return words.dump();
}

}  // namespace epochcost
