// Calculator::AnswerForm, the page's one call per keystroke: the page sends
// its form's values as they stand and the core decides which inputs take
// part (the way, the trial's alternative, the training method, a model
// preset) and what configuration they make. The page keeps no copy of it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "epochcost/calculator.h"
#include "epochcost/open_link.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;

// The page's starting form (the seed example) with some values changed.
Json FormWith(const Json& changes) {
  Json form = Json::object();
  for (const auto& [key, value] : ExampleValues(&test::CiuicTable())) form[key] = value;
  for (const auto& [key, value] : changes.items()) form[key] = value;
  return form;
}

Json AnswerForm(const Json& form, const std::string& prices = test::CiuicJson()) {
  return test::ParseJson(Calculator(prices).AnswerForm(form.dump()));
}

std::set<std::string> InUse(const Json& answer) {
  std::set<std::string> keys;
  for (const Json& key : answer["in_use"]) keys.insert(key.get<std::string>());
  return keys;
}

TEST(AnswerForm, TheStartingFormIsTheSeedExampleWithItsDefaultsLeftOut) {
  const Json answer = AnswerForm(FormWith(Json::object()));
  ASSERT_EQ(answer["ok"], true) << answer.dump();
  EXPECT_EQ(answer["config"], test::ParseJson(R"({"instance":"a100x4","hours_per_epoch":"1.5","gpus":"4",
      "data_cost_per_epoch":"2","ops_cost_per_epoch":"1","epochs":"10"})"));
  EXPECT_EQ(answer["estimate"]["per_epoch"]["total"], "123.00");
  EXPECT_EQ(answer["estimate"]["total"], "1230.00");
  // The rest is Answer() for that configuration, byte for byte.
  Json same = test::ParseJson(Calculator(test::CiuicJson()).Answer(answer["config"].dump()));
  Json rest = answer;
  rest.erase("config");
  rest.erase("in_use");
  EXPECT_EQ(rest.dump(), same.dump());
}

TEST(AnswerForm, TheChosenWayDecidesWhichInputsTakePart) {
  const Json direct = AnswerForm(FormWith({{"way", "direct"}}));
  EXPECT_EQ(InUse(direct).count("hours_per_epoch"), 1u);
  EXPECT_EQ(InUse(direct).count("trial.steps"), 0u);
  EXPECT_EQ(InUse(direct).count("flops.mfu"), 0u);
  EXPECT_EQ(InUse(direct).count("epochs"), 1u);

  const Json samples = AnswerForm(FormWith({{"way", "trial"}, {"alternative", "samples"}}));
  ASSERT_EQ(samples["ok"], true) << samples.dump();
  const std::set<std::string> keys = InUse(samples);
  EXPECT_EQ(keys.count("trial.samples") + keys.count("trial.global_batch") + keys.count("trial.steps"), 3u);
  EXPECT_EQ(keys.count("trial.steps_per_epoch"), 0u);
  EXPECT_EQ(keys.count("hours_per_epoch"), 0u);
  EXPECT_EQ(samples["config"]["trial"],
            test::ParseJson(R"({"steps":"50","seconds":"120","samples":"52002","global_batch":"32"})"));
  EXPECT_FALSE(samples["config"].contains("hours_per_epoch"));
  // 52,002 samples in batches of 32: 1,626 steps at 2.4 s each.
  EXPECT_EQ(samples["estimate"]["hours_per_epoch"], "1.084");
}

TEST(AnswerForm, ARequiredInputOfTheWayIsSentEvenEmptySoThatTheReaderSeesTheError) {
  const Json answer = AnswerForm(FormWith({{"hours_per_epoch", ""}}));
  ASSERT_EQ(answer["ok"], false);
  EXPECT_EQ(answer["config"]["hours_per_epoch"], "");
  ASSERT_EQ(answer["errors"].size(), 1u);
  EXPECT_EQ(answer["errors"][0]["field"], "hours_per_epoch");
  // The inputs in use come with the errors too: the page shows the form by them.
  EXPECT_EQ(InUse(answer).count("hours_per_epoch"), 1u);
}

TEST(AnswerForm, AnOptionalInputLeftBlankOrAtItsDefaultIsLeftToTheCore) {
  const Json answer = AnswerForm(FormWith({{"epochs", "  "}, {"discount_percent", "0"}}));
  ASSERT_EQ(answer["ok"], true) << answer.dump();
  EXPECT_FALSE(answer["config"].contains("epochs"));
  EXPECT_FALSE(answer["config"].contains("discount_percent"));
  EXPECT_EQ(answer["estimate"]["epochs"], 1);
}

TEST(AnswerForm, AFullFineTuneHasNoAdaptersAndAPresetNoShape) {
  const Json full = AnswerForm(FormWith({{"training.method", "full"}, {"training.lora_rank", "64"}}));
  const std::set<std::string> keys = InUse(full);
  EXPECT_EQ(keys.count("training.lora_rank") + keys.count("training.lora_targets"), 0u);
  EXPECT_EQ(keys.count("training.optimizer"), 1u);
  EXPECT_FALSE(full["config"]["training"].contains("lora_rank"));
  // An empty method is its default, LoRA: the adapters take part.
  EXPECT_EQ(InUse(AnswerForm(FormWith({{"training.method", ""}}))).count("training.lora_rank"), 1u);

  const Json preset = AnswerForm(FormWith({{"model.preset", "deepseek-llm-7b-base"}}));
  EXPECT_EQ(InUse(preset).count("model.hidden_size"), 0u);
  EXPECT_EQ(InUse(preset).count("model.preset"), 1u);
  EXPECT_EQ(InUse(AnswerForm(FormWith(Json::object()))).count("model.hidden_size"), 1u);
}

TEST(AnswerForm, WithoutATableThereIsNoInstanceToSend) {
  const Json answer = AnswerForm(FormWith({{"price_per_gpu_hour", "20"}}), "");
  ASSERT_EQ(answer["ok"], true) << answer.dump();
  EXPECT_FALSE(answer["config"].contains("instance"));
  EXPECT_EQ(answer["estimate"]["per_epoch"]["total"], "123.00");
  EXPECT_TRUE(answer["comparison"].is_null());
}

TEST(AnswerForm, FormValuesThatAreNotAnObjectOfStringsAreRefusedNamingWhatIsWrong) {
  const auto only_error = [](const std::string& form_text) {
    const Json answer = test::ParseJson(Calculator(test::CiuicJson()).AnswerForm(form_text));
    EXPECT_EQ(answer["ok"], false) << form_text;
    EXPECT_EQ(answer["errors"].size(), 1u) << form_text;
    const Json& error = answer["errors"][0];
    EXPECT_FALSE(error["message_en"].get<std::string>().empty());
    EXPECT_FALSE(error["message_zh"].get<std::string>().empty());
    return error;
  };
  EXPECT_EQ(only_error("[]")["code"], "not_an_object");
  EXPECT_EQ(only_error("[]")["field"], "form");
  EXPECT_EQ(only_error("[]")["message_en"], "The calculator's form must be a JSON object.");
  EXPECT_EQ(only_error("{")["code"], "malformed_json");
  EXPECT_EQ(only_error("")["code"], "empty_input");
  EXPECT_EQ(only_error(R"({"epochs": 10})")["code"], "wrong_type");
  EXPECT_EQ(only_error(R"({"epochs": 10})")["field"], "epochs");
  EXPECT_EQ(only_error(R"({"epochs": 10})")["message_en"], "Number of epochs must be text, not a number.");
  EXPECT_EQ(only_error("{\"epochs\":\"" + std::string(17000, '1') + "\"}")["code"], "input_too_large");
  EXPECT_EQ(only_error(R"({"way": ["direct"], "": 1})")["field"], "way");
  EXPECT_EQ(only_error(R"({"epochs": "1", "epochs": "2"})")["code"], "duplicate_key");
  EXPECT_EQ(only_error(R"({"epochs": "1", "epochs": "2"})")["field"], "epochs");
  // Each JSON type, named in the message, as a value and as the whole form.
  const std::pair<const char*, const char*> typed[] = {{"null", "null"},     {"true", "boolean"}, {"-3", "number"},
                                                       {"1.5", "number"},    {"3", "number"},     {"{}", "object"},
                                                       {"[\"3\"]", "array"}, {"\"3\"", "string"}};
  for (const auto& [value, type] : typed) {
    if (std::string(type) != "string") {
      const Json as_value = only_error(std::string(R"({"epochs": )") + value + "}");
      EXPECT_EQ(as_value["code"], "wrong_type") << value;
      EXPECT_EQ(as_value["params"]["type"], type) << value;
    }
    if (std::string(type) != "object") {
      const Json as_form = only_error(value);
      EXPECT_EQ(as_form["code"], "not_an_object") << value;
      EXPECT_EQ(as_form["params"]["type"], type) << value;
    }
  }
  // Keys the form does not read are the page's own: whatever they hold, they are left alone.
  const Json answer =
      test::ParseJson(Calculator(test::CiuicJson()).AnswerForm(FormWith({{"", 10}, {"lang", 1}, {"zz", {1}}}).dump()));
  EXPECT_EQ(answer["ok"], true) << answer.dump();
  EXPECT_EQ(answer["estimate"]["per_epoch"]["total"], "123.00");
  Json nested = FormWith(Json::object());
  nested["zz0"] = "text the form does not read";
  nested["zz"] = test::ParseJson(R"({"a": [1, "x", null, true, 1.5, -1, {"epochs": 7}]})");
  EXPECT_EQ(test::ParseJson(Calculator(test::CiuicJson()).AnswerForm(nested.dump())), answer);
}

TEST(AnswerForm, ATableTheEngineCannotReadGivesItsErrorsWithTheFormsInputs) {
  const Json answer = AnswerForm(FormWith(Json::object()), R"({"format": "epochcost-prices/1"})");
  ASSERT_EQ(answer["ok"], false);
  EXPECT_EQ(answer["errors"][0]["code"], "missing");
  EXPECT_EQ(InUse(answer).count("hours_per_epoch"), 1u);
  EXPECT_EQ(answer["config"]["hours_per_epoch"], "1.5");
}

}  // namespace
}  // namespace epochcost
