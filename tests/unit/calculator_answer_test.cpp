// Calculator::Answer, the page's one call per keystroke, must say what the
// separate calls say: the estimate, the comparison (each row cut to what the
// page shows), the link, and the link's configuration as decoding the link
// gives it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "epochcost/calculator.h"
#include "epochcost/json_api.h"
#include "epochcost/link.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;

// The shared cases, plus a plan (budget and deadline), a custom price and a
// second currency.
std::vector<std::string> Configurations() {
  std::vector<std::string> configs;
  const Json doc = test::ParseJson(test::ReadSourceFile("tests/fixtures/cases.json"));
  for (const Json& c : doc["cases"]) configs.push_back(c["config"].dump());
  configs.push_back(R"({"instance":"a100x4","hours_per_epoch":"1.5","epochs":10,"budget":"500","deadline_hours":"3"})");
  configs.push_back(R"({"gpus":3,"hours_per_epoch":"2","price_per_gpu_hour":"7.25","epochs":2})");
  configs.push_back(R"({"instance":"a100x4","hours_per_epoch":"1.5","epochs":10,"display_currency":)"
                    R"({"code":"USD","rate":"0.1381","date":"2025-08-01","source":"a bank's reference rate"}})");
  return configs;
}

// The fields of a comparison row that the page shows (see Calculator::Answer).
const std::set<std::string> kSummaryKeys = {"cheapest",
                                            "converted",
                                            "currency",
                                            "currency_minor_digits",
                                            "hours_per_epoch",
                                            "instance",
                                            "instance_name",
                                            "memory",
                                            "ok",
                                            "per_epoch",
                                            "range",
                                            "spot",
                                            "total",
                                            "wall_hours"};

// Each summary row holds exactly those fields of the full row, with the same
// values (per_epoch only its total); a failed row is the full one.
void ExpectSummaryOf(const Json& summary, const Json& full, const std::string& config) {
  ASSERT_EQ(summary["ok"], true) << config;
  ASSERT_EQ(summary["rows"].size(), full["rows"].size()) << config;
  for (std::size_t i = 0; i < full["rows"].size(); ++i) {
    const Json& row = summary["rows"][i];
    const Json& whole = full["rows"][i];
    if (whole["ok"] != true) {
      EXPECT_EQ(row, whole) << config;
      continue;
    }
    std::set<std::string> keys;
    for (const auto& [key, value] : row.items()) {
      keys.insert(key);
      if (key == "per_epoch") {
        EXPECT_EQ(value, Json({{"total", whole["per_epoch"]["total"]}})) << config;
      } else {
        EXPECT_EQ(value, whole[key]) << key << " in " << config;
      }
    }
    EXPECT_EQ(keys, kSummaryKeys) << config;
  }
}

void ExpectSameAsTheSeparateCalls(const Calculator& calculator, const std::string& config, bool has_table) {
  const Json answer = test::ParseJson(calculator.Answer(config));
  const Json estimate = test::ParseJson(calculator.Estimate(config));
  if (estimate["ok"] != true) {
    EXPECT_EQ(answer, estimate) << config;  // the same errors
    return;
  }
  EXPECT_EQ(answer["ok"], true);
  EXPECT_EQ(answer["estimate"], estimate) << config;
  if (has_table) {
    ExpectSummaryOf(answer["comparison"], test::ParseJson(calculator.Compare(config)), config);
  } else {
    EXPECT_TRUE(answer["comparison"].is_null()) << config;
  }
  const Json link = test::ParseJson(calculator.EncodeLink(config));
  EXPECT_EQ(answer["link"]["ok"], true);
  EXPECT_EQ(answer["link"]["query"], link["query"]) << config;
  EXPECT_EQ(answer["link"]["config"], test::ParseJson(DecodeLinkToJson(link["query"].get<std::string>()))["config"])
      << config;
}

TEST(CalculatorAnswer, SaysWhatTheSeparateCallsSayForEverySharedCase) {
  const Calculator calculator(test::CiuicJson());
  const std::vector<std::string> configs = Configurations();
  ASSERT_GE(configs.size(), 15u);
  int good = 0;
  for (const std::string& config : configs) {
    ExpectSameAsTheSeparateCalls(calculator, config, true);
    good += test::ParseJson(calculator.Answer(config))["ok"] == true ? 1 : 0;
  }
  EXPECT_GE(good, 10);  // most cases estimate; the rest check the errors
}

TEST(CalculatorAnswer, WithoutATableThereIsNoComparison) {
  const Calculator calculator("");
  const std::string config = R"({"gpus":3,"hours_per_epoch":"2","price_per_gpu_hour":"7.25","epochs":2})";
  ExpectSameAsTheSeparateCalls(calculator, config, false);
  const Json answer = test::ParseJson(calculator.Answer(config));
  EXPECT_EQ(answer["estimate"]["total"], "87.00");
  EXPECT_TRUE(answer["comparison"].is_null());
}

TEST(CalculatorAnswer, ErrorsComeBackAsTheEstimatesErrors) {
  const Calculator calculator(test::CiuicJson());
  const Json answer = test::ParseJson(calculator.Answer(R"({"instance":"a100x4","hours_per_epoch":"-1"})"));
  EXPECT_EQ(answer["ok"], false);
  ASSERT_EQ(answer["errors"].size(), 1u);
  EXPECT_EQ(answer["errors"][0]["field"], "hours_per_epoch");
  EXPECT_FALSE(answer.contains("estimate"));
}

// Without a table, what needs one (the table, a comparison, a comparison's
// export) says that the prices are missing; with a broken table, every
// answer is the table's errors.
TEST(Calculator, WithoutATableWhatNeedsOneSaysSoAndABrokenTableAnswersItsErrors) {
  const std::string seed = test::SeedConfigJson();
  const Calculator none("");
  for (const std::string& text : {none.Table(), none.Compare(seed), none.Export(seed, "compare", "csv", "en")}) {
    const nlohmann::json out = nlohmann::json::parse(text);
    EXPECT_FALSE(out["ok"].get<bool>()) << text;
    EXPECT_EQ(out["errors"][0]["code"], code::kEmptyInput) << text;
    EXPECT_EQ(out["errors"][0]["field"], "prices") << text;
  }
  const Calculator broken(R"({"format": "epochcost-prices/1"})");
  for (const std::string& text : {broken.Table(), broken.Compare(seed), broken.Export(seed, "estimate", "csv", "en"),
                                  broken.Estimate(seed), broken.EncodeLink(seed)}) {
    const nlohmann::json out = nlohmann::json::parse(text);
    EXPECT_FALSE(out["ok"].get<bool>()) << text;
    EXPECT_FALSE(out["errors"].empty()) << text;
    EXPECT_NE(out["errors"][0]["code"], code::kEmptyInput) << text;
  }
}

// A workload no instance can run (T past its limit on each): every row is
// its errors, none is marked cheapest, in the comparison and in the answer.
TEST(Calculator, AWorkloadNoInstanceCanRunHasNoCheapestRow) {
  const Calculator calculator(test::CiuicJson());
  const std::string config =
      R"({"throughput": {"tokens_per_epoch": "1e16", "tokens_per_second_per_gpu": 1}, "epochs": 1})";
  const nlohmann::json compared = nlohmann::json::parse(calculator.Compare(config));
  ASSERT_TRUE(compared["ok"].get<bool>()) << compared.dump();
  ASSERT_EQ(compared["rows"].size(), test::CiuicTable().instances.size());
  for (const auto& row : compared["rows"]) {
    EXPECT_FALSE(row["ok"].get<bool>()) << row.dump();
    EXPECT_FALSE(row["errors"].empty()) << row.dump();
    EXPECT_FALSE(row.value("cheapest", false)) << row.dump();
  }
  const nlohmann::json answer = nlohmann::json::parse(calculator.Answer(
      R"({"instance": "a100x4", "hours_per_epoch": 1, "throughput": {"tokens_per_epoch": "1e16", "tokens_per_second_per_gpu": 1}})"));
  EXPECT_FALSE(answer["ok"].get<bool>()) << answer.dump();
}

// A table that lists a spot price: the table's JSON gives it, spot capacity
// uses it when the configuration gives none, a range carries the spot
// totals at both ends, and the page's comparison rows show the spot total.
// A spot price that is not a number is named.
TEST(Calculator, ATablesSpotPriceIsShownAndUsed) {
  nlohmann::json table = nlohmann::json::parse(test::CiuicJson());
  table["instances"][0]["spot_price_per_gpu_hour"] = "8";
  const Calculator calculator(table.dump());
  const nlohmann::json listed = nlohmann::json::parse(calculator.Table());
  ASSERT_TRUE(listed["ok"].get<bool>()) << listed.dump();
  EXPECT_EQ(listed["table"]["instances"][0]["spot_price_per_gpu_hour"], "8");

  const std::string config =
      R"({"instance": "a100x4", "gpus": 4, "throughput": {"tokens_per_epoch": "1e9", "tokens_per_second_per_gpu": 400,)"
      R"( "range_percent": 25}, "spot": {"interruptions_per_hour": "0.1", "checkpoint_interval_hours": "1"}})";
  const nlohmann::json estimate = nlohmann::json::parse(calculator.Estimate(config));
  ASSERT_TRUE(estimate["ok"].get<bool>()) << estimate.dump();
  EXPECT_FALSE(estimate["spot"].is_null());
  EXPECT_TRUE(estimate["range"]["spot_total_low"].is_string()) << estimate["range"].dump();
  EXPECT_TRUE(estimate["range"]["spot_total_high"].is_string()) << estimate["range"].dump();
  EXPECT_EQ(estimate["range"]["spot_total_low"] <= estimate["spot"]["total"], true);

  const nlohmann::json answer = nlohmann::json::parse(calculator.Answer(config));
  ASSERT_TRUE(answer["ok"].get<bool>()) << answer.dump();
  for (const auto& row : answer["comparison"]["rows"]) {
    if (row["instance"] == "a100x4") {
      EXPECT_EQ(row["spot"]["total"], estimate["spot"]["total"]) << row.dump();
    }
  }

  table["instances"][0]["spot_price_per_gpu_hour"] = "cheap";
  const nlohmann::json broken = nlohmann::json::parse(Calculator(table.dump()).Table());
  EXPECT_FALSE(broken["ok"].get<bool>());
  EXPECT_EQ(broken["errors"][0]["field"], "instances[0].spot_price_per_gpu_hour");
}

// Two tables ranked together from JSON text (the page's call for the
// ranking of tables): the rows in the ranking currency at the stated rate,
// the refusal without a rate, each table's and the workload's errors, and
// rows no instance can run.
TEST(CompareTablesFromJson, RanksBothTablesInTheDisplayCurrency) {
  const std::string deepseek = test::ReadSourceFile("web/prices/deepseek-v3.json");
  const nlohmann::json ranked = nlohmann::json::parse(CompareTablesFromJson(
      test::CiuicJson(), deepseek,
      R"({"hours_per_epoch": 10, "gpus": 8, "display_currency": {"code": "USD", "rate": "0.1381"}})"));
  ASSERT_TRUE(ranked["ok"].get<bool>()) << ranked.dump();
  EXPECT_EQ(ranked["currency"], "USD");
  EXPECT_EQ(ranked["currency_minor_digits"], 2);
  std::vector<std::string> order;
  std::vector<std::string> totals;
  for (const auto& row : ranked["rows"]) {
    order.push_back(row["instance"]);
    totals.push_back(row["ranked_total"]);
  }
  // 10 h x 8 GPUs: RTX3090 400 CNY, V100 960 CNY, A100 1600 CNY at 0.1381;
  // the H800 160 USD as it is.
  EXPECT_EQ(order, (std::vector<std::string>{"rtx3090", "v100x4", "h800x8", "a100x4"}));
  EXPECT_EQ(totals, (std::vector<std::string>{"55.24", "132.58", "160.00", "220.96"}));
  EXPECT_TRUE(ranked["rows"][0]["cheapest"].get<bool>());
  EXPECT_FALSE(ranked["rows"][1]["cheapest"].get<bool>());
  EXPECT_EQ(ranked["rows"][2]["table_currency"], "USD");
  EXPECT_EQ(ranked["rows"][2]["total"], "160.00");
  EXPECT_EQ(ranked["rows"][3]["table_currency"], "CNY");
  EXPECT_EQ(ranked["rows"][3]["total"], "1600.00");
}

TEST(CompareTablesFromJson, RefusesTwoCurrenciesWithoutARateAndNamesBrokenInputs) {
  const std::string deepseek = test::ReadSourceFile("web/prices/deepseek-v3.json");
  const char* workload = R"({"hours_per_epoch": 10, "gpus": 8})";
  const nlohmann::json refused = nlohmann::json::parse(CompareTablesFromJson(test::CiuicJson(), deepseek, workload));
  EXPECT_FALSE(refused["ok"].get<bool>()) << refused.dump();
  ASSERT_EQ(refused["errors"].size(), 1u) << refused.dump();
  EXPECT_EQ(refused["errors"][0]["code"], code::kCurrenciesDiffer);
  EXPECT_EQ(refused["errors"][0]["field"], "display_currency");
  EXPECT_NE(refused["errors"][0]["message_en"].get<std::string>().find("CNY, USD"), std::string::npos)
      << refused.dump();

  // A broken table, first or second, answers its own errors.
  for (const auto& pair : {std::make_pair(std::string(R"({"format": "epochcost-prices/1"})"), deepseek),
                           std::make_pair(test::CiuicJson(), std::string(""))}) {
    const nlohmann::json broken = nlohmann::json::parse(CompareTablesFromJson(pair.first, pair.second, workload));
    EXPECT_FALSE(broken["ok"].get<bool>()) << broken.dump();
    EXPECT_FALSE(broken["errors"].empty()) << broken.dump();
    EXPECT_FALSE(broken.contains("rows")) << broken.dump();
  }

  // A workload without T is named.
  const nlohmann::json no_time =
      nlohmann::json::parse(CompareTablesFromJson(test::CiuicJson(), test::CiuicJson(), R"({"gpus": 8})"));
  EXPECT_FALSE(no_time["ok"].get<bool>()) << no_time.dump();
  ASSERT_FALSE(no_time["errors"].empty()) << no_time.dump();
  EXPECT_EQ(no_time["errors"][0]["code"], code::kMissing) << no_time.dump();
  EXPECT_EQ(no_time["errors"][0]["field"], "hours_per_epoch") << no_time.dump();
}

TEST(CompareTablesFromJson, AWorkloadNoInstanceCanRunGivesFailedRowsWithoutARankedTotal) {
  const nlohmann::json ranked = nlohmann::json::parse(
      CompareTablesFromJson(test::CiuicJson(), test::CiuicJson(),
                            R"({"throughput": {"tokens_per_epoch": "1e16", "tokens_per_second_per_gpu": 1}})"));
  ASSERT_TRUE(ranked["ok"].get<bool>()) << ranked.dump();
  EXPECT_EQ(ranked["currency"], "CNY");
  ASSERT_EQ(ranked["rows"].size(), 2 * test::CiuicTable().instances.size());
  for (const auto& row : ranked["rows"]) {
    EXPECT_FALSE(row["ok"].get<bool>()) << row.dump();
    EXPECT_FALSE(row["cheapest"].get<bool>()) << row.dump();
    EXPECT_EQ(row["errors"][0]["code"], code::kDerivedTooLong) << row.dump();
    EXPECT_EQ(row["provider"], "Ciuic") << row.dump();
    EXPECT_EQ(row["table_currency"], "CNY") << row.dump();
    EXPECT_FALSE(row.contains("ranked_total") && !row["ranked_total"].is_null()) << row.dump();
  }
}

// A table's instance may omit its GPU's memory and peak: the table's JSON
// gives null for them, and the rest as listed.
TEST(Calculator, ATableWithoutAGpusMemoryOrPeakListsThemAsNull) {
  nlohmann::json table = nlohmann::json::parse(test::CiuicJson());
  table["instances"][0].erase("gpu_memory_gb");
  table["instances"][0].erase("gpu_peak_tflops");
  const nlohmann::json listed = nlohmann::json::parse(Calculator(table.dump()).Table());
  ASSERT_TRUE(listed["ok"].get<bool>()) << listed.dump();
  const auto& first = listed["table"]["instances"][0];
  EXPECT_EQ(first["id"], "a100x4");
  EXPECT_TRUE(first["gpu_memory_gb"].is_null()) << first.dump();
  EXPECT_TRUE(first["gpu_peak_tflops"].is_null()) << first.dump();
  EXPECT_EQ(first["price_per_gpu_hour"], "20");
  EXPECT_EQ(listed["table"]["instances"][1]["gpu_memory_gb"], "16");
}

}  // namespace
}  // namespace epochcost
