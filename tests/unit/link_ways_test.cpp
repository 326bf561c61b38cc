// The shareable link for every way of getting T, for planning and for another
// price table: each configuration encodes to a query with short keys, the
// query decodes (as JSON, nested like a configuration) to a configuration
// that the engine takes unchanged, and that encodes back to the same query.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "epochcost/json_api.h"
#include "epochcost/link.h"
#include "expect_error.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;
using test::ConfigText;

std::string Encode(const std::string& config_json) {
  const Json out = Json::parse(EncodeLinkFromJson(config_json, test::CiuicJson()));
  EXPECT_EQ(out["ok"], true) << out.dump();
  return out.value("query", "");
}

// The configuration a query stands for, in the form the page hands to the engine.
Json DecodedConfig(const std::string& query) {
  const Json out = Json::parse(DecodeLinkToJson(query));
  EXPECT_EQ(out["ok"], true) << out.dump();
  EXPECT_EQ(out["errors"].size(), 0u) << out.dump();
  return out["config"];
}

// Encoding `config_json` gives `query`; decoding `query` and encoding again
// gives `query` back; and the decoded configuration, fed to the engine as
// it is, gives the same figures as the original.
void ExpectRoundTrip(const std::string& config_json, const std::string& query) {
  SCOPED_TRACE(config_json);
  EXPECT_EQ(Encode(config_json), query);
  const Json decoded = DecodedConfig(query);
  EXPECT_EQ(Encode(decoded.dump()), query);

  const Json original = Json::parse(EstimateFromJson(test::CiuicJson(), config_json));
  const Json reopened = Json::parse(EstimateFromJson(test::CiuicJson(), decoded.dump()));
  ASSERT_EQ(original["ok"], true) << original.dump();
  ASSERT_EQ(reopened["ok"], true) << reopened.dump();
  for (const char* key : {"time_way", "hours_per_epoch", "steps_per_epoch", "flops_per_epoch", "peak_tflops", "gpus",
                          "gpus_billed", "per_epoch", "totals", "total", "gpu_hours", "plan"}) {
    EXPECT_EQ(reopened.value(key, Json()), original.value(key, Json())) << key;
  }
}

const std::string kBase =
    R"("instance": "a100x4", "gpus": 4, "data_cost_per_epoch": 2, "ops_cost_per_epoch": 1, "epochs": 10)";

TEST(LinkWays, TrialWithStepsPerEpoch) {
  ExpectRoundTrip("{" + kBase + R"(, "trial": {"steps": 50, "seconds": 120, "steps_per_epoch": 1000}})",
                  "i=a100x4&ts=50&tsec=120&tspe=1000&p=20&n=4&d=2&m=1&e=10");
}

TEST(LinkWays, TrialWithSamplesAndGlobalBatch) {
  ExpectRoundTrip("{" + kBase + R"(, "trial": {"steps": 50, "seconds": 120, "samples": 52002, "global_batch": 32}})",
                  "i=a100x4&ts=50&tsec=120&tn=52002&tb=32&p=20&n=4&d=2&m=1&e=10");
}

TEST(LinkWays, Throughput) {
  ExpectRoundTrip("{" + kBase + R"(, "throughput": {"tokens_per_epoch": "1.4e9", "tokens_per_second_per_gpu": 380}})",
                  "i=a100x4&tok=1400000000&tps=380&p=20&n=4&d=2&m=1&e=10");
}

TEST(LinkWays, FlopsLoraWithTheTablesPeak) {
  // No pk: the link lets the instance's GPU give the peak, as the configuration did.
  ExpectRoundTrip(
      "{" + kBase +
          R"(, "flops": {"params": "6.9e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "lora"}})",
      "i=a100x4&fp=6900000000&ft=4200000&ftok=1000000000&mfu=0.35&p=20&n=4&d=2&m=1&e=10");
}

TEST(LinkWays, FlopsFullWithAnOverriddenPeak) {
  ExpectRoundTrip(
      "{" + kBase +
          R"(, "flops": {"params": "7e9", "tokens_per_epoch": "2.5e9", "method": "full", "mfu": "0.4", "peak_tflops": 156}})",
      "i=a100x4&fp=7000000000&ftok=2500000000&mfu=0.4&pk=156&tm=full&p=20&n=4&d=2&m=1&e=10");
}

TEST(LinkWays, BudgetAndDeadline) {
  ExpectRoundTrip("{" + kBase + R"(, "hours_per_epoch": 1.5, "budget": 1000})",
                  "i=a100x4&t=1.5&p=20&n=4&d=2&m=1&e=10&budget=1000");
  ExpectRoundTrip(
      "{" + kBase +
          R"(, "throughput": {"tokens_per_epoch": "3.6e9", "tokens_per_second_per_gpu": 1000}, "deadline_hours": "99.5"})",
      "i=a100x4&tok=3600000000&tps=1000&p=20&n=4&d=2&m=1&e=10&by=99.5");
}

TEST(LinkWays, TheJsonFormNestsEachWayLikeAConfiguration) {
  const Json config = DecodedConfig("i=a100x4&ts=50&tsec=120&tn=52002&tb=32&p=20&n=4&e=10&budget=500&by=12");
  EXPECT_EQ(config, Json::parse(R"({
    "instance": "a100x4", "price_per_gpu_hour": "20", "gpus": "4", "epochs": "10",
    "trial": {"steps": "50", "seconds": "120", "samples": "52002", "global_batch": "32"},
    "budget": "500", "deadline_hours": "12"})"));

  EXPECT_EQ(DecodedConfig("tok=1e9&tps=380")["throughput"],
            Json::parse(R"({"tokens_per_epoch": "1000000000", "tokens_per_second_per_gpu": "380"})"));
  EXPECT_EQ(DecodedConfig("fp=6.9e9&ft=4.2e6&ftok=1e9&fm=lora&mfu=0.35&pk=312")["flops"],
            Json::parse(R"({"params": "6900000000", "trainable_params": "4200000", "tokens_per_epoch": "1000000000",
                            "method": "lora", "mfu": "0.35", "peak_tflops": "312"})"));
}

TEST(LinkWays, TheDecodedConfigurationFeedsTheEngineUnchanged) {
  // The trial example: 2.4 s per step x 1626 steps = 1.084 h per epoch.
  const Json config = DecodedConfig("i=a100x4&ts=50&tsec=120&tn=52002&tb=32&n=4");
  const Json out = Json::parse(EstimateFromJson(test::CiuicJson(), config.dump()));
  ASSERT_EQ(out["ok"], true) << out.dump();
  EXPECT_EQ(out["hours_per_epoch"], "1.084");
  EXPECT_EQ(out["steps_per_epoch"], "1626");
}

TEST(LinkWays, TwoWaysInOneLinkAreCaughtByTheEstimateNamingTheSecond) {
  // Each parameter is valid on its own; together they conflict.
  const Json config = DecodedConfig("i=a100x4&t=1.5&tok=1e9&tps=380");
  const Json out = Json::parse(EstimateFromJson(test::CiuicJson(), config.dump()));
  ASSERT_EQ(out["ok"], false);
  EXPECT_EQ(out["errors"][0]["code"], "conflicting");
  EXPECT_EQ(out["errors"][0]["field"], "throughput");
}

// ---- Another price table: a same-origin path only ---------------------------------

TEST(LinkPrices, APathInThePricesFolderIsAPageSetting) {
  const LinkResult link = DecodeLink("i=h800x8&t=1361.328125&n=2048&prices=prices/deepseek-v3.json");
  EXPECT_TRUE(link.errors.empty()) << test::Describe(link.errors);
  EXPECT_EQ(link.settings.at("prices"), "prices/deepseek-v3.json");
  EXPECT_EQ(link.config.count("prices"), 0u);  // not part of the configuration
}

// A table's name is lowercase letters, digits, '-' and '_'.
TEST(LinkPrices, ANameOfLettersDigitsDashAndUnderscoreIsKept) {
  const LinkResult link = DecodeLink("i=a100x4&t=1.5&prices=prices/cloud_2025-q3.json");
  EXPECT_TRUE(link.errors.empty()) << test::Describe(link.errors);
  EXPECT_EQ(link.settings.at("prices"), "prices/cloud_2025-q3.json");
}

TEST(LinkPrices, AnythingElseIsRefusedAndCostsOnlyItself) {
  for (const char* bad :
       {"https://evil.example/x.json", "https%3A%2F%2Fevil.example%2Fx.json", "../x.json", "prices/../x.json",
        "prices/x.js", "prices/X.json", "prices/.json", "/prices/x.json", "prices/a/b.json", "prices/x.json%00", "",
        "javascript:alert(1)", "prices/a~b.json", "prices/a%7Cb.json"}) {
    SCOPED_TRACE(bad);
    const LinkResult link = DecodeLink(std::string("i=a100x4&t=1.5&prices=") + bad);
    ASSERT_EQ(link.errors.size(), 1u) << test::Describe(link.errors);
    EXPECT_EQ(link.errors[0].code, code::kUnknownValue);
    EXPECT_EQ(link.errors[0].field, "prices");
    EXPECT_EQ(link.errors[0].params.at("param"), "prices");
    EXPECT_EQ(link.settings.count("prices"), 0u);
    EXPECT_EQ(link.config.at("instance"), "a100x4");
    EXPECT_EQ(link.config.at("hours_per_epoch"), "1.5");
    EXPECT_TRUE(test::MessagesNameField(link.errors[0]));
  }
}

}  // namespace
}  // namespace epochcost

namespace epochcost {
namespace {

TEST(LinkWays, ATrainingSetupWithoutAModelComesBackAsGiven) {
  // Found by the link fuzzer: adapters given without a model or method were
  // dropped when the link was written again (the method defaults to LoRA).
  ExpectRoundTrip(
      "{" + kBase + R"(, "hours_per_epoch": 1.5, "training": {"lora_rank": 16, "lora_targets": ["q_proj", "k_proj"]}})",
      "i=a100x4&t=1.5&rank=16&tgt=q_proj,k_proj&p=20&n=4&d=2&m=1&e=10");
}

}  // namespace
}  // namespace epochcost
