// Words the CLI and the page both print: currency names and the units
// around money and time. One table (core/src/words.cpp), so that the two
// cannot drift apart: the CLI reads it directly, the page through the engine
// (WordsToJson). The export's columns are export.cpp's one table.
#ifndef EPOCHCOST_WORDS_H
#define EPOCHCOST_WORDS_H

#include <string>
#include <string_view>

#include "epochcost/error.h"

namespace epochcost {

// A currency as a word: 元 and 美元 in Chinese; otherwise the ISO code,
// which is unambiguous in any language.
std::string CurrencyName(const std::string& currency, Lang lang);

// A unit or unit template by key, for example "hours_unit" ("h", "小时") or
// "price_unit_short" ("{currency}/GPU·h", "{currency}/GPU·时"); the key itself
// when unknown.
std::string Word(std::string_view key, Lang lang);

// The price per GPU-hour's short unit with the currency filled in:
// "CNY/GPU·h", "元/GPU·时".
std::string PriceUnitShort(const std::string& currency, Lang lang);

// The currency names and units for the page, in both languages:
// {"en":{"currency_CNY":"CNY","hours_unit":"h",...},"zh":{"currency_CNY":"元",...}}.
std::string WordsToJson();

}  // namespace epochcost

#endif  // EPOCHCOST_WORDS_H
