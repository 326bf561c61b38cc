// The shared expected figures in tests/fixtures/cases.json, checked
// natively. The wasm and browser tests read the same file, so all three
// prove the same numbers.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "epochcost/json_api.h"
#include "epochcost/link.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;

Json LoadCases() {
  Json doc = Json::parse(test::ReadSourceFile("tests/fixtures/cases.json"), nullptr, false);
  EXPECT_FALSE(doc.is_discarded()) << "tests/fixtures/cases.json is not valid JSON";
  return doc;
}

// Where each expectation of a case is found in the engine's JSON result.
const std::map<std::string, std::string>& ResultPaths() {
  static const std::map<std::string, std::string> paths = {
      {"per_epoch_compute", "/per_epoch/compute"},
      {"per_epoch_data", "/per_epoch/data"},
      {"per_epoch_ops", "/per_epoch/ops"},
      {"per_epoch_total", "/per_epoch/total"},
      {"total_compute", "/totals/compute"},
      {"total_data", "/totals/data"},
      {"total_ops", "/totals/ops"},
      {"total", "/total"},
      {"gpu_hours", "/gpu_hours"},
      {"wall_hours", "/wall_hours"},
      {"billed_hours", "/billed_hours"},
      {"billed_gpu_hours", "/billed_gpu_hours"},
      {"gpus", "/gpus"},
      {"gpus_billed", "/gpus_billed"},
      {"instances", "/instances"},
      {"price_source", "/price_source"},
      {"billing_extra", "/billing_extra"},
      {"idle_gpu_cost", "/idle_gpu_cost"},
      {"discount", "/discount"},
  };
  return paths;
}

const std::set<std::string> kCaseKeys = {"name", "config", "link", "ok", "notes", "error_code", "error_field"};

std::string Prices(const Json& doc) { return test::ReadSourceFile(doc.value("prices", "web/prices/ciuic.json")); }

TEST(SharedCases, FileHasTheSeedAndAtLeastADozenVariedCases) {
  const Json doc = LoadCases();
  ASSERT_TRUE(doc.contains("cases") && doc["cases"].is_array());
  EXPECT_GE(doc["cases"].size(), 13u);
  std::set<std::string> names;
  for (const Json& c : doc["cases"]) {
    ASSERT_TRUE(c.contains("name") && c.contains("config")) << c.dump();
    EXPECT_TRUE(names.insert(c["name"].get<std::string>()).second) << "duplicate name " << c["name"];
  }
  EXPECT_EQ(doc["cases"][0]["per_epoch_total"], "123.00");
  EXPECT_EQ(doc["cases"][0]["total"], "1230.00");
}

TEST(SharedCases, SeedCaseAgreesWithExamplesSeedJson) {
  const Json doc = LoadCases();
  const Json from_file = Json::parse(EstimateFromJson(Prices(doc), test::SeedConfigJson()));
  const Json from_case = Json::parse(EstimateFromJson(Prices(doc), doc["cases"][0]["config"].dump()));
  EXPECT_EQ(from_case["per_epoch"], from_file["per_epoch"]);
  EXPECT_EQ(from_case["totals"], from_file["totals"]);
}

TEST(SharedCases, EveryCaseGivesItsExpectedFigures) {
  const Json doc = LoadCases();
  const std::string prices = Prices(doc);
  for (const Json& c : doc["cases"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const std::string config = c["config"].dump();
    const Json out = Json::parse(EstimateFromJson(prices, config));

    if (!c.value("ok", true)) {
      ASSERT_EQ(out["ok"], false) << out.dump();
      EXPECT_EQ(out["errors"][0]["code"], c["error_code"]) << out.dump();
      EXPECT_EQ(out["errors"][0]["field"], c["error_field"]) << out.dump();
      EXPECT_FALSE(c.contains("link") || c.contains("per_epoch_total") || c.contains("total"));
      continue;
    }
    ASSERT_EQ(out["ok"], true) << out.dump();
    for (const auto& [key, expected] : c.items()) {
      if (key == "notes") {
        Json codes = Json::array();
        for (const Json& note : out["notes"]) codes.push_back(note["code"]);
        EXPECT_EQ(codes, expected);
        continue;
      }
      const auto path = ResultPaths().find(key);
      if (path == ResultPaths().end()) {
        EXPECT_EQ(kCaseKeys.count(key), 1u) << "unknown expectation \"" << key << "\"";
        continue;
      }
      EXPECT_EQ(out.at(Json::json_pointer(path->second)), expected) << key;
    }
  }
}

TEST(SharedCases, EveryCasesLinkIsTheOneTheEngineWritesAndReproducesTheFigures) {
  const Json doc = LoadCases();
  const std::string prices = Prices(doc);
  for (const Json& c : doc["cases"]) {
    if (!c.contains("link")) continue;
    SCOPED_TRACE(c["name"].get<std::string>());
    const Json encoded = Json::parse(EncodeLinkFromJson(c["config"].dump(), prices));
    ASSERT_EQ(encoded["ok"], true) << encoded.dump();
    EXPECT_EQ(encoded["query"], c["link"]);

    // Opening the link gives the same estimate.
    const LinkResult link = DecodeLink(c["link"].get<std::string>());
    EXPECT_TRUE(link.errors.empty());
    Json from_link = Json::object();
    for (const auto& [key, value] : link.config) from_link[key] = value;
    const Json out = Json::parse(EstimateFromJson(prices, from_link.dump()));
    ASSERT_EQ(out["ok"], true) << out.dump();
    EXPECT_EQ(out["per_epoch"]["total"], c["per_epoch_total"]);
    EXPECT_EQ(out["total"], c["total"]);
  }
}

}  // namespace
}  // namespace epochcost
