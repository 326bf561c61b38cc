// Links pasted into chats and configuration files saved before the input
// schema keep opening to the same estimate: tests/fixtures/
// old_links_and_configs.json holds them with the figures they gave then.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "epochcost/calculator.h"
#include "epochcost/link.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;

Json Fixtures() {
  return Json::parse(test::ReadSourceFile("tests/fixtures/old_links_and_configs.json"), nullptr, false);
}

// The estimate's two headline figures for a configuration.
void ExpectFigures(const Calculator& calculator, const std::string& config, const Json& expected,
                   const std::string& what) {
  const Json answer = Json::parse(calculator.Estimate(config), nullptr, false);
  ASSERT_EQ(answer.value("ok", false), true) << what << ": " << answer.dump();
  EXPECT_EQ(answer["per_epoch"]["total"], expected["per_epoch_total"]) << what;
  EXPECT_EQ(answer["total"], expected["total"]) << what;
}

TEST(OldFixtures, EveryOldLinkOpensToItsEstimateAndEncodesBackTheSame) {
  const Json doc = Fixtures();
  ASSERT_GE(doc["links"].size(), 20u);
  const Calculator calculator(test::CiuicJson());
  for (const Json& item : doc["links"]) {
    const std::string query = item["link"];
    const Json decoded = Json::parse(DecodeLinkToJson(query));
    ASSERT_EQ(decoded["ok"], true) << query << ": " << decoded.dump();
    const std::string config = decoded["config"].dump();
    ExpectFigures(calculator, config, item, query);
    EXPECT_EQ(Json::parse(calculator.EncodeLink(config))["query"], query);
  }
}

TEST(OldFixtures, EveryOldConfigurationFileGivesItsEstimate) {
  const Json doc = Fixtures();
  ASSERT_GE(doc["configs"].size(), 3u);
  const Calculator calculator(test::CiuicJson());
  for (const Json& item : doc["configs"]) ExpectFigures(calculator, item["config"].dump(), item, item["config"].dump());
}

}  // namespace
}  // namespace epochcost
