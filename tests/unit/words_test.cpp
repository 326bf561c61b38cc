// The words the CLI and the page share (words.h): one spelling of each
// currency and unit, in both languages, and one table of export columns.
#include "epochcost/words.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "epochcost/error.h"

namespace epochcost {
namespace {

TEST(Words, CurrenciesReadAsReadersWriteThem) {
  EXPECT_EQ(CurrencyName("CNY", Lang::kZh), "元");
  EXPECT_EQ(CurrencyName("USD", Lang::kZh), "美元");
  EXPECT_EQ(CurrencyName("CNY", Lang::kEn), "CNY");
  EXPECT_EQ(CurrencyName("USD", Lang::kEn), "USD");
  // Any other currency keeps its ISO code, in either language.
  EXPECT_EQ(CurrencyName("JPY", Lang::kZh), "JPY");
}

TEST(Words, PriceUnitCarriesTheCurrencyWord) {
  EXPECT_EQ(PriceUnitShort("CNY", Lang::kEn), "CNY/GPU·h");
  EXPECT_EQ(PriceUnitShort("CNY", Lang::kZh), "元/GPU·时");
  EXPECT_EQ(PriceUnitShort("USD", Lang::kZh), "美元/GPU·时");
  EXPECT_EQ(Word("hours_unit", Lang::kEn), "h");
  EXPECT_EQ(Word("hours_unit", Lang::kZh), "小时");
  EXPECT_EQ(Word("no_such_word", Lang::kZh), "no_such_word");
}

TEST(Words, ThePageGetsEveryWordInBothLanguages) {
  const auto words = nlohmann::json::parse(WordsToJson());
  ASSERT_TRUE(words["en"].is_object());
  ASSERT_TRUE(words["zh"].is_object());
  EXPECT_EQ(words["en"].size(), words["zh"].size());
  for (const auto& [key, text] : words["en"].items()) {
    ASSERT_TRUE(words["zh"].contains(key)) << key;
    EXPECT_FALSE(text.get<std::string>().empty()) << key;
    EXPECT_FALSE(words["zh"][key].get<std::string>().empty()) << key;
  }
  EXPECT_EQ(words["zh"]["currency_USD"], "美元");
  EXPECT_EQ(words["zh"]["price_unit_short"], Word("price_unit_short", Lang::kZh));
}

TEST(Words, NotesNameTheCurrencyAsTheReaderDoes) {
  const Note note{"discount_applied", {{"percent", "10"}, {"amount", "12.00"}, {"currency", "USD"}}};
  EXPECT_EQ(RenderNote(note, Lang::kZh), "算力享 10% 折扣,节省 12.00 美元。");
  EXPECT_EQ(RenderNote(note, Lang::kEn), "A 10% discount on compute saves 12.00 USD.");
}

}  // namespace
}  // namespace epochcost
