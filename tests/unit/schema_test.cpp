// The schema is the one description of every input: each row is complete
// and consistent, and the parser, the link and the defaults follow it.
#include "epochcost/schema.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>

#include "epochcost/config.h"
#include "epochcost/decimal_text.h"
#include "epochcost/link.h"
#include "exact_json.h"
#include "input_limits.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;

bool IsNumber(const Field& field) { return field.kind == FieldKind::kDecimal || field.kind == FieldKind::kInteger; }

TEST(Schema, KeysAndLinkLettersAreUniqueAndFindTheirRow) {
  std::set<std::string_view> keys;
  std::set<std::string_view> links;
  for (const Field& field : Fields()) {
    EXPECT_TRUE(keys.insert(field.key).second) << field.key;
    EXPECT_TRUE(links.insert(field.link).second) << field.link;
    EXPECT_EQ(FindField(field.key), &field);
    EXPECT_EQ(FindLinkField(field.link), &field);
  }
  EXPECT_EQ(FindField("hours"), nullptr);
  EXPECT_EQ(FindLinkField("x"), nullptr);
}

TEST(Schema, EveryInputHasALabelInBothLanguages) {
  for (const Field& field : Fields()) {
    const std::string key(field.key);
    EXPECT_TRUE(HasFieldLabel(key)) << key << " has no label";
    EXPECT_FALSE(FieldLabel(key, Lang::kEn).empty());
    EXPECT_NE(FieldLabel(key, Lang::kZh), FieldLabel(key, Lang::kEn)) << key << " has no Chinese label";
  }
  EXPECT_FALSE(HasFieldLabel("no_such_input"));
  // A price table's instance field is labelled by its leaf.
  EXPECT_TRUE(HasFieldLabel("instances[0].spot_price_per_gpu_hour"));
  EXPECT_EQ(FieldLabel("instances[0].spot_price_per_gpu_hour", Lang::kEn), "spot price per GPU-hour (instances[0])");
}

TEST(Schema, DefaultsAndExamplesAreValuesTheirOwnRulesAccept) {
  for (const Field& field : Fields()) {
    if (!IsNumber(field)) {
      // A choice's default is one of its choices (each of a list's).
      std::string_view rest = field.default_value;
      while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        EXPECT_TRUE(InChoices(field, rest.substr(0, comma))) << field.key << " = " << field.default_value;
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      }
      continue;
    }
    EXPECT_GT(field.max, 0) << field.key;
    for (std::string_view text : {field.default_value, field.example}) {
      if (text.empty()) continue;
      Errors errors;
      EXPECT_TRUE(detail::ReadNumberText(text, std::string(field.key), limits::RuleOf(field), &errors))
          << field.key << " = " << text;
    }
    // A required input has no default: absent is an error, not a value.
    if (field.need == Need::kRequired) {
      EXPECT_TRUE(field.default_value.empty()) << field.key;
    }
  }
}

TEST(Schema, ChoicesAreAcceptedAndNothingElse) {
  const Field& method = FieldOf("flops.method");
  EXPECT_TRUE(InChoices(method, "full"));
  EXPECT_TRUE(InChoices(method, "lora"));
  EXPECT_FALSE(InChoices(method, "qlora"));
  EXPECT_FALSE(InChoices(method, "full, lora"));
  EXPECT_FALSE(InChoices(method, ""));
}

// A configuration of every input at its example, for one way of getting T
// (and, in the trial way, one alternative).
Json ExampleConfig(std::string_view way, std::string_view alternative) {
  Json config = Json::object();
  for (const Field& field : Fields()) {
    if (field.group == FieldGroup::kPage || field.example.empty()) continue;
    if (!field.way.empty() && field.way != way) continue;
    if (!field.alternative.empty() && field.alternative != alternative) continue;
    const std::string key(field.key);
    const std::size_t dot = key.find('.');
    if (dot == std::string::npos) {
      config[key] = std::string(field.example);
    } else {
      config[key.substr(0, dot)][key.substr(dot + 1)] = std::string(field.example);
    }
  }
  return config;
}

TEST(Schema, EveryInputIsAConfigurationKeyAndNothingElseIs) {
  // Each way at its examples: every key the schema names is accepted.
  for (const auto& [way, alternative] :
       {std::pair{"direct", ""}, std::pair{"trial", "steps"}, std::pair{"trial", "samples"},
        std::pair{"throughput", ""}, std::pair{"flops", ""}}) {
    const ConfigResult parsed = ParseConfig(ExampleConfig(way, alternative).dump());
    EXPECT_TRUE(parsed.ok()) << way << " " << alternative << ": " << (parsed.ok() ? "" : parsed.errors[0].field);
  }
  EXPECT_EQ(KnownKeys("throughput"),
            (std::vector<std::string>{"tokens_per_epoch", "tokens_per_second_per_gpu", "range_percent"}));
  EXPECT_EQ(KnownKeys("spot"), (std::vector<std::string>{"price_per_gpu_hour", "interruptions_per_hour",
                                                         "checkpoint_interval_hours", "restart_hours"}));
  // Page settings travel in links only; an unknown key is refused.
  for (const char* key : {"lang", "embed", "prices", "hours"}) {
    Json config = ExampleConfig("direct", "");
    config[key] = "1";
    const ConfigResult parsed = ParseConfig(config.dump());
    ASSERT_EQ(parsed.errors.size(), 1u) << key;
    EXPECT_EQ(parsed.errors[0].code, code::kUnknownKey) << key;
  }
}

TEST(Schema, AnAbsentInputTakesTheSchemaDefault) {
  const ConfigResult parsed = ParseConfig(R"({"hours_per_epoch": 1, "gpus": 1, "price_per_gpu_hour": 1})");
  ASSERT_TRUE(parsed.ok());
  const Config& config = parsed.config;
  EXPECT_EQ(config.epochs, 1);
  EXPECT_EQ(Rational(config.epochs), limits::DefaultOf("epochs"));
  EXPECT_EQ(config.data_cost_per_epoch, limits::DefaultOf("data_cost_per_epoch"));
  EXPECT_EQ(config.ops_cost_per_epoch, limits::DefaultOf("ops_cost_per_epoch"));
  EXPECT_EQ(Rational(config.billing_increment_seconds), limits::DefaultOf("billing_increment_seconds"));
  EXPECT_EQ(config.discount_percent, limits::DefaultOf("discount_percent"));
  const ConfigResult flops = ParseConfig(
      R"({"flops": {"method": "full", "params": 1e9, "tokens_per_epoch": 1e9}, "gpus": 1, "price_per_gpu_hour": 1})");
  ASSERT_TRUE(flops.ok());
  EXPECT_EQ(flops.config.time.flops.mfu, Rational::Fraction(35, 100));
  EXPECT_EQ(DefaultMfu(), limits::DefaultOf("flops.mfu"));
}

TEST(Schema, EachLimitIsTheOneTheParserEnforces) {
  for (const Field& field : Fields()) {
    if (!IsNumber(field) || field.group == FieldGroup::kPage) continue;
    const std::string key(field.key);
    const std::size_t dot = key.find('.');
    // The smallest value above the maximum (an exclusive one: the maximum
    // itself), in the field's own object.
    const bool exclusive = MaxIsExclusive(field);
    const std::string above = std::to_string(exclusive ? field.max : field.max + 1);
    Json config = Json::object();
    if (dot == std::string::npos) {
      config[key] = above;
    } else {
      config[key.substr(0, dot)][key.substr(dot + 1)] = above;
    }
    const ConfigResult parsed = ParseWorkload(config.dump());
    bool named = false;
    const std::string expected = exclusive ? code::kNotBelow : code::kAboveMaximum;
    for (const Error& error : parsed.errors) named = named || (error.field == key && error.code == expected);
    EXPECT_TRUE(named) << key << " accepted " << above;
  }
}

TEST(Schema, TheLinkWritesInputsInSchemaOrder) {
  const ConfigResult parsed = ParseConfig(
      R"({"instance": "a100x4", "flops": {"method": "lora", "params": "6.9e9", "trainable_params": "4.2e6",
          "tokens_per_epoch": "1e8", "peak_tflops": 312}, "gpus": 4, "price_per_gpu_hour": 20,
          "epochs": 2, "billing_increment_seconds": 60, "discount_percent": 5, "budget": 900, "deadline_hours": 30})");
  ASSERT_TRUE(parsed.ok());
  std::size_t last = 0;
  for (const auto& [key, text] : LinkValues(parsed.config, Rational(20))) {
    const std::size_t at = static_cast<std::size_t>(FindField(key) - Fields().data());
    EXPECT_GE(at, last) << key;
    last = at;
  }
}

TEST(Schema, JsonListsEveryInputWithKeyLinkKindUnitAndDefault) {
  const Json schema = Json::parse(SchemaJson(), nullptr, false);
  ASSERT_FALSE(schema.is_discarded());
  ASSERT_EQ(schema["fields"].size(), Fields().size());
  for (std::size_t i = 0; i < Fields().size(); ++i) {
    const Json& row = schema["fields"][i];
    const Field& field = Fields()[i];
    EXPECT_EQ(row["key"], std::string(field.key));
    EXPECT_EQ(row["link"], std::string(field.link));
    for (const char* name : {"kind", "unit", "default", "example", "group", "need", "label_en", "label_zh"}) {
      EXPECT_TRUE(row.contains(name)) << field.key << " lacks " << name;
    }
    EXPECT_EQ(row["default"].is_null(), field.default_value.empty()) << field.key;
  }
  EXPECT_EQ(schema["fields"][0]["kind"], "choice");
  EXPECT_EQ(schema["limits"]["price_table_bytes"], 256 * 1024);
  EXPECT_EQ(schema["limits"]["config_bytes"], 16 * 1024);
}

}  // namespace
}  // namespace epochcost
