// The JSON interface shared by the CLI (--json) and the wasm engine: the
// result's fields, money as decimal strings, and errors as values.
#include "epochcost/json_api.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "expect_error.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;
using test::SeedWith;

Json EstimateSeed() { return test::ParseJson(EstimateFromJson(test::CiuicJson(), test::SeedConfigJson())); }

TEST(JsonApi, SeedExampleFields) {
  const Json out = EstimateSeed();
  EXPECT_EQ(out["ok"], true);
  EXPECT_EQ(out["currency"], "CNY");
  EXPECT_EQ(out["epochs"], 10);
  EXPECT_EQ(out["hours_per_epoch"], "1.5");
  EXPECT_EQ(out["gpu_hours"], "60");
  EXPECT_EQ(out["wall_hours"], "15");
  EXPECT_EQ(out["billed_hours"], "15");
  EXPECT_EQ(out["per_epoch"]["compute"], "120.00");
  EXPECT_EQ(out["per_epoch"]["data"], "2.00");
  EXPECT_EQ(out["per_epoch"]["ops"], "1.00");
  EXPECT_EQ(out["per_epoch"]["total"], "123.00");
  EXPECT_EQ(out["total"], "1230.00");
  EXPECT_EQ(out["notes"], Json::array());
}

TEST(JsonApi, SeedExampleDetails) {
  const Json out = EstimateSeed();
  // No overheads given: their parts are zero and the seed's three add up.
  EXPECT_EQ(out["totals"], (Json{{"checkpoint", "0.00"},
                                 {"compute", "1200.00"},
                                 {"data", "20.00"},
                                 {"eval", "0.00"},
                                 {"ops", "10.00"},
                                 {"startup", "0.00"},
                                 {"total", "1230.00"}}));
  EXPECT_EQ(out["overheads"], nullptr);
  EXPECT_EQ(out["spot"], nullptr);
  EXPECT_EQ(out["scaling"], nullptr);
  EXPECT_EQ(out["range"], nullptr);
  EXPECT_EQ(out["instance"], "a100x4");
  EXPECT_EQ(out["instance_name"], "A100 x4");
  EXPECT_EQ(out["gpus"], 4);
  EXPECT_EQ(out["gpus_billed"], 4);
  EXPECT_EQ(out["instances"], 1);
  EXPECT_EQ(out["gpus_per_instance"], 4);
  EXPECT_EQ(out["price_per_gpu_hour"], "20");
  EXPECT_EQ(out["table_price_per_gpu_hour"], "20");
  EXPECT_EQ(out["price_source"], "config");
  EXPECT_EQ(out["billed_gpu_hours"], "60");
  EXPECT_EQ(out["billing_extra"], "0.00");
  EXPECT_EQ(out["idle_gpu_cost"], "0.00");
  EXPECT_EQ(out["discount"], "0.00");
  EXPECT_EQ(out["currency_minor_digits"], 2);
}

TEST(JsonApi, MoneyIsAlwaysADecimalStringWithTwoDecimals) {
  const Json out = EstimateSeed();
  for (const char* group : {"per_epoch", "totals"}) {
    for (const auto& [key, value] : out[group].items()) {
      ASSERT_TRUE(value.is_string()) << group << "." << key;
      const std::string text = value.get<std::string>();
      EXPECT_EQ(text.size() - text.find('.'), 3u) << group << "." << key << " = " << text;
    }
  }
}

TEST(JsonApi, DecimalStringsAndJsonNumbersGiveIdenticalResults) {
  const std::string prices = test::CiuicJson();
  const std::string as_numbers = R"({"instance":"v100x4","gpus":6,"hours_per_epoch":0.35,"data_cost_per_epoch":0.1,
      "ops_cost_per_epoch":0.2,"epochs":7,"price_per_gpu_hour":12.5,"billing_increment_seconds":60,
      "discount_percent":7.5})";
  const std::string as_strings = R"({"instance":"v100x4","gpus":"6","hours_per_epoch":"0.35",
      "data_cost_per_epoch":"0.1","ops_cost_per_epoch":"0.2","epochs":"7","price_per_gpu_hour":"12.5",
      "billing_increment_seconds":"60","discount_percent":"7.5"})";
  EXPECT_EQ(EstimateFromJson(prices, as_numbers), EstimateFromJson(prices, as_strings));
  EXPECT_EQ(EstimateFromJson(prices, SeedWith("hours_per_epoch", "1.5")),
            EstimateFromJson(prices, SeedWith("hours_per_epoch", "\"1.5\"")));
  EXPECT_EQ(EstimateFromJson(prices, SeedWith("hours_per_epoch", "1.5")),
            EstimateFromJson(prices, SeedWith("hours_per_epoch", "15e-1")));
}

TEST(JsonApi, TenthOfAnHourResultIsPointNine) {
  const Json out = test::ParseJson(
      EstimateFromJson(test::CiuicJson(), R"({"hours_per_epoch":0.1,"price_per_gpu_hour":3,"gpus":1,"epochs":3})"));
  EXPECT_EQ(out["total"], "0.90");
  EXPECT_EQ(out["per_epoch"]["total"], "0.30");
  EXPECT_EQ(out["wall_hours"], "0.3");
  EXPECT_EQ(out["gpu_hours"], "0.3");
}

TEST(JsonApi, WithoutATableTheConfigurationMustPriceItself) {
  const Json out =
      test::ParseJson(EstimateFromJson("", R"({"hours_per_epoch":2,"price_per_gpu_hour":"7.5","gpus":3})"));
  EXPECT_EQ(out["ok"], true);
  EXPECT_EQ(out["total"], "45.00");  // 2 h x 7.5 x 3 GPUs
  EXPECT_EQ(out["instance"], "");
  EXPECT_EQ(out["table_price_per_gpu_hour"], nullptr);
}

TEST(JsonApi, NotesCarryTheirCodeParamsAndBothMessages) {
  const Json out = test::ParseJson(EstimateFromJson(test::CiuicJson(), SeedWith("gpus", "6")));
  ASSERT_EQ(out["notes"].size(), 1u);
  const Json& note = out["notes"][0];
  EXPECT_EQ(note["code"], "whole_instances");
  EXPECT_EQ(note["params"]["gpus_billed"], "8");
  EXPECT_EQ(note["params"]["extra"], "600.00");
  EXPECT_NE(note["message_en"].get<std::string>().find("600.00"), std::string::npos);
  EXPECT_NE(note["message_zh"].get<std::string>().find("600.00"), std::string::npos);
  EXPECT_EQ(out["idle_gpu_cost"], "600.00");
  EXPECT_EQ(out["gpu_hours"], "90");
  EXPECT_EQ(out["billed_gpu_hours"], "120");
}

TEST(JsonApi, HoursThatAreNotShortDecimalsShowSixPlaces) {
  // 3605/3600 h is not a finite decimal: six decimals, rounded.
  const Json out = test::ParseJson(EstimateFromJson(
      test::CiuicJson(), R"({"instance":"rtx3090","hours_per_epoch":1.0001,"billing_increment_seconds":7})"));
  // 3600.36 s -> 515 increments of 7 s = 3605 s = 1.001388... h
  EXPECT_EQ(out["billed_hours"], "1.001389");
  EXPECT_EQ(out["wall_hours"], "1.0001");
}

TEST(JsonApi, ErrorsComeBackAsValuesWithCodeFieldParamsAndMessages) {
  const Json out = test::ParseJson(EstimateFromJson(test::CiuicJson(), SeedWith("gpus", "-1")));
  EXPECT_EQ(out["ok"], false);
  ASSERT_EQ(out["errors"].size(), 1u);
  const Json& error = out["errors"][0];
  EXPECT_EQ(error["code"], "negative");
  EXPECT_EQ(error["field"], "gpus");
  EXPECT_EQ(error["params"]["value"], "-1");
  EXPECT_NE(error["message_en"].get<std::string>().find("N, number of GPUs"), std::string::npos);
  EXPECT_NE(error["message_zh"].get<std::string>().find("GPU 数量"), std::string::npos);
  EXPECT_FALSE(out.contains("total"));
}

TEST(JsonApi, EveryConfigurationErrorIsListed) {
  const Json out =
      test::ParseJson(EstimateFromJson(test::CiuicJson(), R"({"instance":"a100x4","gpus":0,"epochs":-2})"));
  ASSERT_EQ(out["errors"].size(), 3u) << out.dump();
  EXPECT_EQ(out["errors"][0]["field"], "gpus");
  EXPECT_EQ(out["errors"][1]["field"], "hours_per_epoch");
  EXPECT_EQ(out["errors"][2]["field"], "epochs");
}

TEST(JsonApi, ABrokenPriceTableIsReportedBeforeTheConfiguration) {
  const Json out = test::ParseJson(EstimateFromJson("{", test::SeedConfigJson()));
  ASSERT_EQ(out["errors"].size(), 1u);
  EXPECT_EQ(out["errors"][0]["code"], "malformed_json");
  EXPECT_EQ(out["errors"][0]["field"], "prices");
}

TEST(JsonApi, GarbageInputStillGivesValidJson) {
  // Invalid UTF-8, control characters, a NUL: the answer is JSON, never a crash.
  for (const std::string& config : {std::string("\xff\xfe{"), std::string("{\"instance\":\"\xc3\"}"),
                                    std::string("{\"\x01\":1}"), std::string("\0{}", 3)}) {
    const Json out = test::ParseJson(EstimateFromJson(test::CiuicJson(), config));
    EXPECT_EQ(out["ok"], false);
  }
}

TEST(JsonApi, PriceTableFromJsonNormalisesTheTable) {
  const Json out = test::ParseJson(PriceTableFromJson(test::CiuicJson()));
  EXPECT_EQ(out["ok"], true);
  const Json& table = out["table"];
  EXPECT_EQ(table["provider"], "Ciuic");
  EXPECT_EQ(table["currency"], "CNY");
  EXPECT_EQ(table["price_unit"], "gpu_hour");
  EXPECT_EQ(table["prices_date"], "2025-08-03");
  ASSERT_EQ(table["instances"].size(), 3u);
  EXPECT_EQ(table["instances"][0]["id"], "a100x4");
  EXPECT_EQ(table["instances"][0]["gpus_per_instance"], 4);
  EXPECT_EQ(table["instances"][0]["price_per_gpu_hour"], "20");
  EXPECT_EQ(table["instances"][1]["price_per_gpu_hour"], "12");
  EXPECT_EQ(table["instances"][2]["price_per_gpu_hour"], "5");
  EXPECT_EQ(table["instances"][2]["gpus_per_instance"], 1);
}

TEST(JsonApi, PriceTableErrorsAreValues) {
  const Json out = test::ParseJson(PriceTableFromJson("[]"));
  EXPECT_EQ(out["ok"], false);
  EXPECT_EQ(out["errors"][0]["code"], "not_an_object");
  EXPECT_EQ(out["errors"][0]["field"], "prices");
}

TEST(JsonApi, ErrorsToJsonOfNoErrors) {
  EXPECT_EQ(test::ParseJson(ErrorsToJson({})), (Json{{"ok", false}, {"errors", Json::array()}}));
}

}  // namespace
}  // namespace epochcost

namespace epochcost {
namespace {

// The page's "read a config.json" call: the shape as the form's text, the
// architecture, and the counts; a broken file is an error list.
TEST(ModelConfigFromJson, GivesTheShapeAsFormTextAndTheParameterCount) {
  const nlohmann::json out = nlohmann::json::parse(
      ModelConfigFromJson(test::ReadSourceFile("tests/fixtures/model_configs/llama-3.1-8b.json")));
  ASSERT_TRUE(out["ok"].get<bool>()) << out.dump();
  EXPECT_EQ(out["architecture"], "LlamaForCausalLM");
  EXPECT_EQ(out["model"]["num_hidden_layers"], "32");
  EXPECT_EQ(out["model"]["hidden_size"], "4096");
  EXPECT_EQ(out["model"]["intermediate_size"], "14336");
  EXPECT_EQ(out["model"]["num_attention_heads"], "32");
  EXPECT_EQ(out["model"]["num_key_value_heads"], "8");
  EXPECT_EQ(out["model"]["vocab_size"], "128256");
  EXPECT_EQ(out["model"]["tie_word_embeddings"], "false");
  EXPECT_EQ(out["params"]["total"], 8030261248);

  const nlohmann::json tied = nlohmann::json::parse(ModelConfigFromJson(
      R"({"model_type": "qwen2", "num_hidden_layers": 2, "hidden_size": 64, "intermediate_size": 128, )"
      R"("num_attention_heads": 4, "vocab_size": 100, "tie_word_embeddings": true})"));
  ASSERT_TRUE(tied["ok"].get<bool>()) << tied.dump();
  EXPECT_EQ(tied["model"]["tie_word_embeddings"], "true");
  EXPECT_EQ(tied["model"]["num_key_value_heads"], "4");

  const nlohmann::json bad = nlohmann::json::parse(ModelConfigFromJson("[]"));
  EXPECT_FALSE(bad["ok"].get<bool>());
  EXPECT_EQ(bad["errors"][0]["field"], "config.json");
}

}  // namespace
}  // namespace epochcost
