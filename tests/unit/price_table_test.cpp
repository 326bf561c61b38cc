// ParsePriceTable: the provider's table (web/prices/*.json), and an error
// naming its JSON path for every way a table can be wrong.
#include "epochcost/price_table.h"

#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "epochcost/json_api.h"
#include "expect_error.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;

// The real Ciuic table with one change applied.
std::string CiuicWith(const std::function<void(Json&)>& change) {
  Json table = Json::parse(test::CiuicJson());
  change(table);
  return table.dump();
}

// ---- The shipped table -----------------------------------------------------

TEST(PriceTable, CiuicTableIsValid) {
  const PriceTableResult result = ParsePriceTable(test::CiuicJson());
  EXPECT_TRUE(result.ok()) << test::Describe(result.errors);
}

TEST(PriceTable, CiuicTableHasTheSeedsThreeInstancesPerGpuHour) {
  const PriceTable& table = test::CiuicTable();
  EXPECT_EQ(table.provider, "Ciuic");
  EXPECT_EQ(table.currency, "CNY");
  EXPECT_EQ(table.minor_unit_digits, 2);
  EXPECT_EQ(table.price_unit, "gpu_hour");
  EXPECT_EQ(table.prices_date, "2025-08-03");
  EXPECT_FALSE(table.sources.empty());
  ASSERT_EQ(table.instances.size(), 3u);
  EXPECT_EQ(table.instances[0].id, "a100x4");
  EXPECT_EQ(table.instances[0].gpus_per_instance, 4);
  EXPECT_EQ(table.instances[0].price_per_gpu_hour, Rational(20));
  EXPECT_EQ(table.instances[1].id, "v100x4");
  EXPECT_EQ(table.instances[1].gpus_per_instance, 4);
  EXPECT_EQ(table.instances[1].price_per_gpu_hour, Rational(12));
  EXPECT_EQ(table.instances[2].id, "rtx3090");
  EXPECT_EQ(table.instances[2].gpus_per_instance, 1);
  EXPECT_EQ(table.instances[2].price_per_gpu_hour, Rational(5));
}

TEST(PriceTable, FindsInstancesById) {
  const PriceTable& table = test::CiuicTable();
  ASSERT_NE(table.Find("v100x4"), nullptr);
  EXPECT_EQ(table.Find("v100x4")->name, "V100 x4");
  EXPECT_EQ(table.Find("h100x8"), nullptr);
  EXPECT_EQ(table.Find(""), nullptr);
  EXPECT_EQ(table.Find("A100X4"), nullptr);  // ids are exact
}

TEST(PriceTable, PricesAreReadExactly) {
  const PriceTableResult result =
      ParsePriceTable(CiuicWith([](Json& t) { t["instances"][0]["price_per_gpu_hour"] = "19.99"; }));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.table.instances[0].price_per_gpu_hour, Rational::Fraction(1999, 100));
}

TEST(PriceTable, OtherCurrenciesAndMinorUnitsAreHonoured) {
  // A currency without decimals: amounts are shown in whole units.
  const std::string yen = CiuicWith([](Json& t) {
    t["currency"] = "JPY";
    t["minor_unit_digits"] = 0;
  });
  const Json out = Json::parse(EstimateFromJson(yen, test::SeedConfigJson()));
  EXPECT_EQ(out["currency"], "JPY");
  EXPECT_EQ(out["per_epoch"]["total"], "123");
  EXPECT_EQ(out["total"], "1230");
}

// ---- Missing fields --------------------------------------------------------

TEST(PriceTableError, MissingTopLevelFieldsAreNamed) {
  for (const char* key : {"format", "provider", "currency", "price_unit", "prices_date", "sources", "instances"}) {
    EXPECT_TABLE_ERROR(CiuicWith([&](Json& t) { t.erase(key); }), code::kMissing, key);
  }
}

TEST(PriceTableError, MissingInstanceFieldsNameTheirPath) {
  for (const char* key : {"id", "name", "gpu", "gpus_per_instance", "price_per_gpu_hour"}) {
    EXPECT_TABLE_ERROR(CiuicWith([&](Json& t) { t["instances"][1].erase(key); }), code::kMissing,
                       std::string("instances[1].") + key);
  }
}

TEST(PriceTableError, MissingSourceTitle) {
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["sources"][0].erase("title"); }), code::kMissing, "sources[0].title");
}

// ---- Instances -------------------------------------------------------------

TEST(PriceTableError, DuplicateIdsAreRefused) {
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["instances"][2]["id"] = "a100x4"; }), code::kDuplicateId,
                     "instances[2].id");
}

TEST(PriceTableError, NegativePriceNamesItsPath) {
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["instances"][1]["price_per_gpu_hour"] = "-12"; }), code::kNegative,
                     "instances[1].price_per_gpu_hour");
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["instances"][1]["price_per_gpu_hour"] = -12; }), code::kNegative,
                     "instances[1].price_per_gpu_hour");
}

TEST(PriceTableError, ZeroPriceOrGpusAreRefused) {
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["instances"][0]["price_per_gpu_hour"] = 0; }), code::kZero,
                     "instances[0].price_per_gpu_hour");
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["instances"][0]["gpus_per_instance"] = 0; }), code::kZero,
                     "instances[0].gpus_per_instance");
}

TEST(PriceTableError, GpusPerInstanceIsAWholeNumberWithinRange) {
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["instances"][0]["gpus_per_instance"] = "2.5"; }), code::kNotInteger,
                     "instances[0].gpus_per_instance");
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["instances"][0]["gpus_per_instance"] = 2000; }), code::kAboveMaximum,
                     "instances[0].gpus_per_instance");
}

TEST(PriceTableError, PriceThatIsNotANumber) {
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["instances"][2]["price_per_gpu_hour"] = "5元"; }), code::kNotANumber,
                     "instances[2].price_per_gpu_hour");
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["instances"][2]["price_per_gpu_hour"] = true; }), code::kWrongType,
                     "instances[2].price_per_gpu_hour");
}

TEST(PriceTableError, IdsAreLowercaseLettersDigitsDashAndUnderscore) {
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["instances"][0]["id"] = "A100 x4"; }), code::kUnknownValue,
                     "instances[0].id");
  // Bytes just past 'z' are not letters.
  for (const char* id : {"a100~x4", "a100|x4"}) {
    EXPECT_TABLE_ERROR(CiuicWith([&](Json& t) { t["instances"][0]["id"] = id; }), code::kUnknownValue,
                       "instances[0].id")
        << id;
  }
  const PriceTableResult underscored =
      ParsePriceTable(CiuicWith([](Json& t) { t["instances"][0]["id"] = "a100_x-4"; }));
  ASSERT_TRUE(underscored.ok()) << test::Describe(underscored.errors);
  ASSERT_NE(underscored.table.Find("a100_x-4"), nullptr);
  EXPECT_EQ(underscored.table.Find("a100_x-4")->name, "A100 x4");
}

// A source's link, the GPU figures' source and the date's note are text.
TEST(PriceTableError, OptionalTextThatIsNotTextIsAWrongType) {
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["sources"][0]["url"] = 7; }), code::kWrongType, "sources[0].url");
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["instances"][0]["gpu_specs_source"] = true; }), code::kWrongType,
                     "instances[0].gpu_specs_source");
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["date_note"] = Json::array(); }), code::kWrongType, "date_note");
}

TEST(PriceTableError, EmptyInstanceListIsRefused) {
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["instances"] = Json::array(); }), code::kEmptyList, "instances");
}

TEST(PriceTableError, EmptySourceListIsRefused) {
  // A price table must say where its prices come from.
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["sources"] = Json::array(); }), code::kEmptyList, "sources");
}

TEST(PriceTableError, InstancesMustBeAListOfObjects) {
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["instances"] = Json::object(); }), code::kWrongType, "instances");
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["instances"][0] = "a100x4"; }), code::kWrongType, "instances[0]");
}

TEST(PriceTableError, TooManyInstancesAreRefused) {
  const std::string big = CiuicWith([](Json& t) {
    Json instances = Json::array();
    for (int i = 0; i < 201; ++i) {
      instances.push_back({{"id", "i" + std::to_string(i)},
                           {"name", "I"},
                           {"gpu", "G"},
                           {"gpus_per_instance", 1},
                           {"price_per_gpu_hour", "1"}});
    }
    t["instances"] = instances;
  });
  EXPECT_TABLE_ERROR(big, code::kInputTooLarge, "instances");
}

// ---- Format, currency, date, unit ------------------------------------------

TEST(PriceTableError, UnknownFormatVersionIsUnsupported) {
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["format"] = "epochcost-prices/2"; }), code::kUnsupportedVersion,
                     "format");
}

TEST(PriceTableError, CurrencyMustBeAnIsoCode) {
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["currency"] = "CN"; }), code::kUnknownValue, "currency");
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["currency"] = "CNYY"; }), code::kInputTooLarge, "currency");
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["currency"] = "cny"; }), code::kUnknownValue, "currency");
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["currency"] = "C1Y"; }), code::kUnknownValue, "currency");
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["currency"] = "元"; }), code::kUnknownValue, "currency");
}

TEST(PriceTableError, DateMustBeAnIsoDate) {
  for (const char* date : {"2025-8-3", "2025-13-01", "2025-00-10", "2025-08-32", "2025-08-00", "03/08/2025",
                           "2025-08/03", "2025-1x-01", "2025-1/-01", "yesterday"}) {
    EXPECT_TABLE_ERROR(CiuicWith([&](Json& t) { t["prices_date"] = date; }), code::kUnknownValue, "prices_date")
        << date;
  }
}

TEST(PriceTableError, PriceUnitMustBePerGpuHour) {
  // A per-instance price would be multiplied by the GPU count once too often.
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["price_unit"] = "instance_hour"; }), code::kUnknownValue, "price_unit");
}

TEST(PriceTableError, MinorUnitDigitsWithinRange) {
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["minor_unit_digits"] = 5; }), code::kAboveMaximum, "minor_unit_digits");
}

TEST(PriceTableError, UnknownKeysAreNamedWithTheirPath) {
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["vendor"] = "x"; }), code::kUnknownKey, "vendor");
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["instances"][0]["discount"] = 10; }), code::kUnknownKey,
                     "instances[0].discount");
}

// ---- The document ----------------------------------------------------------

TEST(PriceTableError, TheDocumentItself) {
  EXPECT_TABLE_ERROR("", code::kEmptyInput, "prices");
  EXPECT_TABLE_ERROR("  \n", code::kEmptyInput, "prices");
  EXPECT_TABLE_ERROR("{\"format\":", code::kMalformedJson, "prices");
  EXPECT_TABLE_ERROR("[]", code::kNotAnObject, "prices");
  EXPECT_TABLE_ERROR("1e309", code::kTooLarge, "prices");  // a number beyond double's range, at the top
  // A repeated key is refused whatever its value, a list or object too.
  const PriceTableResult repeated = ParsePriceTable(R"({"sources": [], "sources": [{"title": "x"}]})");
  ASSERT_EQ(repeated.errors.size(), 1u) << test::Describe(repeated.errors);
  EXPECT_EQ(repeated.errors[0].code, code::kDuplicateKey);
  EXPECT_EQ(repeated.errors[0].field, "sources");
  EXPECT_EQ(repeated.errors[0].params.at("key"), "sources");
  std::string padded = test::CiuicJson();
  padded.append(kMaxPriceTableBytes, ' ');
  EXPECT_TABLE_ERROR(padded, code::kInputTooLarge, "prices");
}

TEST(PriceTableError, EveryProblemIsListed) {
  const PriceTableResult result = ParsePriceTable(CiuicWith([](Json& t) {
    t["currency"] = "cny";
    t["instances"][1]["price_per_gpu_hour"] = "-1";
    t["instances"][2]["id"] = "a100x4";
  }));
  ASSERT_EQ(result.errors.size(), 3u) << test::Describe(result.errors);
  EXPECT_EQ(result.errors[0].field, "currency");
  EXPECT_EQ(result.errors[1].field, "instances[1].price_per_gpu_hour");
  EXPECT_EQ(result.errors[2].field, "instances[2].id");
}

TEST(PriceTableError, MessagesNameThePathInBothLanguages) {
  const PriceTableResult result =
      ParsePriceTable(CiuicWith([](Json& t) { t["instances"][1]["price_per_gpu_hour"] = "-12"; }));
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(RenderError(result.errors[0], Lang::kEn).find("instances[1]"), std::string::npos);
  EXPECT_NE(RenderError(result.errors[0], Lang::kZh).find("instances[1]"), std::string::npos);
  EXPECT_NE(RenderError(result.errors[0], Lang::kEn).find("price per GPU-hour"), std::string::npos);
}

TEST(PriceTableError, SourcesThatAreNotAListAreNamed) {
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["sources"] = "https://example.org"; }), code::kWrongType, "sources");
}

// A GPU's memory or peak without the document that states it.
TEST(PriceTableError, GpuFiguresNeedTheirSource) {
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) { t["instances"][0].erase("gpu_specs_source"); }), code::kMissing,
                     "instances[0].gpu_specs_source");
  // The peak alone needs it too.
  EXPECT_TABLE_ERROR(CiuicWith([](Json& t) {
                       t["instances"][0].erase("gpu_specs_source");
                       t["instances"][0].erase("gpu_memory_gb");
                     }),
                     code::kMissing, "instances[0].gpu_specs_source");
}

}  // namespace
}  // namespace epochcost
