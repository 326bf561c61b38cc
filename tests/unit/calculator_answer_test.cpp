// Calculator::Answer, the page's one call per keystroke, must say what the
// separate calls say: the estimate, the comparison (each row cut to what the
// page shows), the link, and the link's configuration as decoding the link
// gives it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "epochcost/calculator.h"
#include "epochcost/link.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;

Json Parse(const std::string& text) {
  Json out = Json::parse(text, nullptr, false);
  EXPECT_FALSE(out.is_discarded()) << text;
  return out;
}

// The shared cases, plus a plan (budget and deadline) and a custom price.
std::vector<std::string> Configurations() {
  std::vector<std::string> configs;
  const Json doc = Parse(test::ReadSourceFile("tests/fixtures/cases.json"));
  for (const Json& c : doc["cases"]) configs.push_back(c["config"].dump());
  configs.push_back(R"({"instance":"a100x4","hours_per_epoch":"1.5","epochs":10,"budget":"500","deadline_hours":"3"})");
  configs.push_back(R"({"gpus":3,"hours_per_epoch":"2","price_per_gpu_hour":"7.25","epochs":2})");
  return configs;
}

// The fields of a comparison row that the page shows (see Calculator::Answer).
const std::set<std::string> kSummaryKeys = {"cheapest",        "currency", "currency_minor_digits",
                                            "hours_per_epoch", "instance", "instance_name",
                                            "memory",          "ok",       "per_epoch",
                                            "range",           "spot",     "total",
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
  const Json answer = Parse(calculator.Answer(config));
  const Json estimate = Parse(calculator.Estimate(config));
  if (estimate["ok"] != true) {
    EXPECT_EQ(answer, estimate) << config;  // the same errors
    return;
  }
  EXPECT_EQ(answer["ok"], true);
  EXPECT_EQ(answer["estimate"], estimate) << config;
  if (has_table) {
    ExpectSummaryOf(answer["comparison"], Parse(calculator.Compare(config)), config);
  } else {
    EXPECT_TRUE(answer["comparison"].is_null()) << config;
  }
  const Json link = Parse(calculator.EncodeLink(config));
  EXPECT_EQ(answer["link"]["ok"], true);
  EXPECT_EQ(answer["link"]["query"], link["query"]) << config;
  EXPECT_EQ(answer["link"]["config"], Parse(DecodeLinkToJson(link["query"].get<std::string>()))["config"]) << config;
}

TEST(CalculatorAnswer, SaysWhatTheSeparateCallsSayForEverySharedCase) {
  const Calculator calculator(test::CiuicJson());
  const std::vector<std::string> configs = Configurations();
  ASSERT_GE(configs.size(), 15u);
  int good = 0;
  for (const std::string& config : configs) {
    ExpectSameAsTheSeparateCalls(calculator, config, true);
    good += Parse(calculator.Answer(config))["ok"] == true ? 1 : 0;
  }
  EXPECT_GE(good, 10);  // most cases estimate; the rest check the errors
}

TEST(CalculatorAnswer, WithoutATableThereIsNoComparison) {
  const Calculator calculator("");
  const std::string config = R"({"gpus":3,"hours_per_epoch":"2","price_per_gpu_hour":"7.25","epochs":2})";
  ExpectSameAsTheSeparateCalls(calculator, config, false);
  const Json answer = Parse(calculator.Answer(config));
  EXPECT_EQ(answer["estimate"]["total"], "87.00");
  EXPECT_TRUE(answer["comparison"].is_null());
}

TEST(CalculatorAnswer, ErrorsComeBackAsTheEstimatesErrors) {
  const Calculator calculator(test::CiuicJson());
  const Json answer = Parse(calculator.Answer(R"({"instance":"a100x4","hours_per_epoch":"-1"})"));
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

}  // namespace
}  // namespace epochcost
