// The words the CLI and the page share (words.h): one spelling of each
// currency and unit, in both languages.
#include "epochcost/words.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "epochcost/error.h"

namespace epochcost {
namespace {

TEST(Words, CurrenciesAndUnitsReadAsReadersWriteThem) {
  struct Case {
    std::string got;
    const char* want;
  };
  const Case cases[] = {
      {CurrencyName("CNY", Lang::kZh), "元"},
      {CurrencyName("USD", Lang::kZh), "美元"},
      {CurrencyName("CNY", Lang::kEn), "CNY"},
      {CurrencyName("USD", Lang::kEn), "USD"},
      // Any other currency keeps its ISO code, in either language.
      {CurrencyName("JPY", Lang::kZh), "JPY"},
      // The price unit carries the currency's word.
      {PriceUnitShort("CNY", Lang::kEn), "CNY/GPU·h"},
      {PriceUnitShort("CNY", Lang::kZh), "元/GPU·时"},
      {PriceUnitShort("USD", Lang::kZh), "美元/GPU·时"},
      {Word("hours_unit", Lang::kEn), "h"},
      {Word("hours_unit", Lang::kZh), "小时"},
      {Word("no_such_word", Lang::kZh), "no_such_word"},
  };
  for (const Case& c : cases) EXPECT_EQ(c.got, c.want);
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
