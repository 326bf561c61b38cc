// The words the CLI and the page share (see words.h). The page never spells
// them itself: the build puts WordsToJson() into the page beside the first
// estimate (scripts/first-view.mjs). The export's columns are the engine's
// alone (the page asks the engine for its exports), so they stay out of it.
#include "epochcost/words.h"

#include "json_writer.h"
#include "text_table.h"

namespace epochcost {
namespace {

using detail::Find;
using detail::Pick;
using detail::Text;

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

std::string WordsToJson() {
  detail::JsonObject words;
  for (const Lang lang : {Lang::kEn, Lang::kZh}) {
    detail::JsonObject out;
    for (const Text& text : kCurrencies) out.String(std::string("currency_").append(text.key), Pick(text, lang));
    for (const Text& text : kUnits) out.String(text.key, Pick(text, lang));
    words.Raw(lang == Lang::kZh ? "zh" : "en", out.Text());
  }
  return words.Text();
}

}  // namespace epochcost
