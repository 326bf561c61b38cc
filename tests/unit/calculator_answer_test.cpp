// Calculator::Answer, the page's one call per keystroke, must say exactly
// what the separate calls say: the estimate, the comparison, the link, and
// the link's configuration as decoding the link gives it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
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

void ExpectSameAsTheSeparateCalls(const Calculator& calculator, const std::string& config, bool has_table) {
  const Json answer = Parse(calculator.Answer(config));
  const Json estimate = Parse(calculator.Estimate(config));
  if (estimate["ok"] != true) {
    EXPECT_EQ(answer, estimate) << config;  // the same errors
    return;
  }
  EXPECT_EQ(answer["ok"], true);
  EXPECT_EQ(answer["estimate"], estimate) << config;
  EXPECT_EQ(answer["comparison"], has_table ? Parse(calculator.Compare(config)) : Json(nullptr)) << config;
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

}  // namespace
}  // namespace epochcost
