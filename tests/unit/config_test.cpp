// ParseConfig: the configuration format, its defaults, and one named error
// for every way an input can be wrong (see docs/formats.md).
#include "epochcost/config.h"

#include <gtest/gtest.h>

#include <string>

#include "epochcost/error.h"
#include "expect_error.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using test::ConfigText;
using test::SeedWith;
using test::SeedWithout;

// The inputs are checked as the estimate sees them: that is the contract,
// whatever the Config struct looks like inside.
Estimate MustEstimate(const std::string& json) {
  const ConfigResult config = ParseConfig(json);
  EXPECT_TRUE(config.ok()) << json << test::Describe(config.errors);
  const EstimateResult result = ComputeEstimate(&test::CiuicTable(), config.config);
  EXPECT_TRUE(result.ok()) << json << test::Describe(result.errors);
  return result.estimate;
}

// ---- What is accepted ------------------------------------------------------

TEST(Config, SeedFileParsesToTheSeedsInputs) {
  const Estimate e = MustEstimate(test::SeedConfigJson());
  EXPECT_EQ(e.instance, "a100x4");
  EXPECT_EQ(e.gpus, 4);
  EXPECT_EQ(e.hours_per_epoch, Rational::Fraction(3, 2));
  EXPECT_EQ(e.price_per_gpu_hour, Rational(20));
  EXPECT_EQ(e.data_exact, Rational(20));  // D = 2 per epoch, 10 epochs
  EXPECT_EQ(e.ops_exact, Rational(10));   // M = 1 per epoch, 10 epochs
  EXPECT_EQ(e.epochs, 10);
  EXPECT_EQ(e.billing_increment_seconds, 0);
  EXPECT_TRUE(e.discount_percent.is_zero());
}

TEST(Config, OnlyInstanceAndHoursAreNeededWithATable) {
  const ConfigResult config = ParseConfig(R"({"instance": "v100x4", "hours_per_epoch": 2})");
  ASSERT_TRUE(config.ok()) << test::Describe(config.errors);
  EXPECT_FALSE(config.config.gpus.has_value());                // one instance's GPUs, decided by the estimate
  EXPECT_FALSE(config.config.price_per_gpu_hour.has_value());  // the table's price
  const Estimate e = MustEstimate(R"({"instance": "v100x4", "hours_per_epoch": 2})");
  EXPECT_EQ(e.gpus, 4);
  EXPECT_EQ(e.price_per_gpu_hour, Rational(12));
  EXPECT_EQ(e.price_source, "table");
  EXPECT_EQ(e.epochs, 1);
  EXPECT_TRUE(e.data_exact.is_zero());
  EXPECT_TRUE(e.ops_exact.is_zero());
  EXPECT_EQ(e.billing_increment_seconds, 0);
  EXPECT_TRUE(e.discount_percent.is_zero());
}

TEST(Config, WithoutInstancePriceAndGpusSuffice) {
  const Estimate e = MustEstimate(R"({"hours_per_epoch": "0.1", "price_per_gpu_hour": 3, "gpus": 1})");
  EXPECT_TRUE(e.instance.empty());
  EXPECT_EQ(e.price_per_gpu_hour, Rational(3));
  EXPECT_EQ(e.price_source, "config");
}

TEST(Config, DecimalStringsAndJsonNumbersGiveTheSameValues) {
  const Estimate numbers = MustEstimate(
      R"({"instance":"a100x4","gpus":4,"hours_per_epoch":0.1,"price_per_gpu_hour":19.99,"data_cost_per_epoch":0.3,
          "ops_cost_per_epoch":1e-2,"epochs":3,"billing_increment_seconds":60,"discount_percent":12.5})");
  const Estimate strings = MustEstimate(
      R"({"instance":"a100x4","gpus":"4","hours_per_epoch":"0.1","price_per_gpu_hour":"19.99",
          "data_cost_per_epoch":"0.3","ops_cost_per_epoch":"1e-2","epochs":"3","billing_increment_seconds":"60",
          "discount_percent":"12.5"})");
  EXPECT_EQ(numbers.hours_per_epoch, Rational::Fraction(1, 10));  // exactly a tenth, no binary rounding
  EXPECT_EQ(numbers.price_per_gpu_hour, Rational::Fraction(1999, 100));
  EXPECT_EQ(numbers.hours_per_epoch, strings.hours_per_epoch);
  EXPECT_EQ(numbers.price_per_gpu_hour, strings.price_per_gpu_hour);
  EXPECT_EQ(numbers.gpus, strings.gpus);
  EXPECT_EQ(numbers.epochs, strings.epochs);
  EXPECT_EQ(numbers.billing_increment_seconds, strings.billing_increment_seconds);
  EXPECT_EQ(numbers.discount_percent, strings.discount_percent);
  EXPECT_EQ(numbers.data_exact, strings.data_exact);
  EXPECT_EQ(numbers.ops_exact, strings.ops_exact);
  EXPECT_EQ(numbers.total_exact, strings.total_exact);
}

TEST(Config, FullWidthDigitsAreAccepted) {
  // What a Chinese keyboard types: "１.５" is 1.5.
  EXPECT_EQ(MustEstimate(SeedWith("hours_per_epoch", "\"１.５\"")).hours_per_epoch, Rational::Fraction(3, 2));
  EXPECT_EQ(MustEstimate(SeedWith("gpus", "\"４\"")).gpus, 4);
}

TEST(Config, WholeNumbersMayBeWrittenAsDecimals) {
  EXPECT_EQ(MustEstimate(SeedWith("gpus", "4.0")).gpus, 4);
  EXPECT_EQ(MustEstimate(SeedWith("epochs", "\"1e3\"")).epochs, 1000);
}

TEST(Config, CostsDiscountAndIncrementMayBeZero) {
  const Estimate e = MustEstimate(ConfigText({{"instance", "\"rtx3090\""},
                                              {"hours_per_epoch", "1"},
                                              {"data_cost_per_epoch", "0"},
                                              {"ops_cost_per_epoch", "0"},
                                              {"billing_increment_seconds", "0"},
                                              {"discount_percent", "0"}}));
  EXPECT_EQ(e.total_exact, Rational(5));  // 1 h x 5 x 1 GPU
}

TEST(Config, DiscountMayBeAHundredPercent) {
  EXPECT_EQ(MustEstimate(SeedWith("discount_percent", "100")).discount_percent, Rational(100));
}

TEST(Config, LimitsAreInclusive) {
  EXPECT_EQ(MustEstimate(SeedWith("gpus", "100000")).gpus, 100000);
  EXPECT_EQ(MustEstimate(SeedWith("epochs", "1000000")).epochs, 1000000);
  EXPECT_EQ(MustEstimate(SeedWith("billing_increment_seconds", "86400")).billing_increment_seconds, 86400);
  EXPECT_EQ(MustEstimate(SeedWith("hours_per_epoch", "100000")).hours_per_epoch, Rational(100000));
}

// ---- Missing ---------------------------------------------------------------

TEST(ConfigError, MissingHoursPerEpoch) {
  EXPECT_CONFIG_ERROR(SeedWithout({"hours_per_epoch"}), code::kMissing, "hours_per_epoch");
}

TEST(ConfigError, WithoutInstanceMissingGpus) {
  EXPECT_CONFIG_ERROR(R"({"hours_per_epoch": 1, "price_per_gpu_hour": 3})", code::kMissing, "gpus");
}

TEST(ConfigError, WithoutInstanceMissingPrice) {
  EXPECT_CONFIG_ERROR(R"({"hours_per_epoch": 1, "gpus": 2})", code::kMissing, "price_per_gpu_hour");
}

TEST(ConfigError, WithoutInstanceBothPriceAndGpusAreReportedMissing) {
  const ConfigResult result = ParseConfig(R"({"hours_per_epoch": 1})");
  ASSERT_EQ(result.errors.size(), 2u) << test::Describe(result.errors);
  EXPECT_TRUE(test::IsOnlyError({result.errors[0]}, code::kMissing, "price_per_gpu_hour"));
  EXPECT_TRUE(test::IsOnlyError({result.errors[1]}, code::kMissing, "gpus"));
}

TEST(ConfigError, EveryProblemIsReportedNotOnlyTheFirst) {
  const ConfigResult result = ParseConfig(R"({"instance":"a100x4","hours_per_epoch":-1,"gpus":0,"epochs":1.5})");
  ASSERT_EQ(result.errors.size(), 3u) << test::Describe(result.errors);
  EXPECT_EQ(result.errors[0].field, "gpus");
  EXPECT_EQ(result.errors[0].code, code::kZero);
  EXPECT_EQ(result.errors[1].field, "hours_per_epoch");
  EXPECT_EQ(result.errors[1].code, code::kNegative);
  EXPECT_EQ(result.errors[2].field, "epochs");
  EXPECT_EQ(result.errors[2].code, code::kNotInteger);
}

// ---- Negative --------------------------------------------------------------

TEST(ConfigError, NegativeValuesAreRefusedNamingTheirField) {
  for (const char* field : {"hours_per_epoch", "gpus", "price_per_gpu_hour", "data_cost_per_epoch",
                            "ops_cost_per_epoch", "epochs", "billing_increment_seconds", "discount_percent"}) {
    EXPECT_CONFIG_ERROR(SeedWith(field, "-1"), code::kNegative, field);
  }
  EXPECT_CONFIG_ERROR(SeedWith("hours_per_epoch", "\"-0.5\""), code::kNegative, "hours_per_epoch");
}

// ---- Zero where invalid ----------------------------------------------------

TEST(ConfigError, ZeroHoursGpusEpochsOrPriceIsRefused) {
  EXPECT_CONFIG_ERROR(SeedWith("hours_per_epoch", "0"), code::kZero, "hours_per_epoch");
  EXPECT_CONFIG_ERROR(SeedWith("gpus", "0"), code::kZero, "gpus");
  EXPECT_CONFIG_ERROR(SeedWith("epochs", "0"), code::kZero, "epochs");
  EXPECT_CONFIG_ERROR(SeedWith("price_per_gpu_hour", "\"0\""), code::kZero, "price_per_gpu_hour");
  EXPECT_CONFIG_ERROR(SeedWith("hours_per_epoch", "0.0"), code::kZero, "hours_per_epoch");
}

// ---- Not finite, too large, too precise ------------------------------------

TEST(ConfigError, NanAndInfinityAsStringsAreNotFinite) {
  EXPECT_CONFIG_ERROR(SeedWith("hours_per_epoch", "\"NaN\""), code::kNotFinite, "hours_per_epoch");
  EXPECT_CONFIG_ERROR(SeedWith("hours_per_epoch", "\"Infinity\""), code::kNotFinite, "hours_per_epoch");
  EXPECT_CONFIG_ERROR(SeedWith("price_per_gpu_hour", "\"-inf\""), code::kNotFinite, "price_per_gpu_hour");
  EXPECT_CONFIG_ERROR(SeedWith("gpus", "\"nan\""), code::kNotFinite, "gpus");
}

TEST(ConfigError, JsonNumberBeyondDoubleRangeIsTooLargeNamingItsField) {
  // nlohmann refuses 1e309 as a syntax error; the user gets "too large" and
  // the field's name instead of "malformed JSON".
  EXPECT_CONFIG_ERROR(SeedWith("hours_per_epoch", "1e309"), code::kTooLarge, "hours_per_epoch");
  EXPECT_CONFIG_ERROR(SeedWith("data_cost_per_epoch", "-1e309"), code::kTooLarge, "data_cost_per_epoch");
  EXPECT_CONFIG_ERROR(SeedWith("hours_per_epoch", "\"1e309\""), code::kTooLarge, "hours_per_epoch");
}

TEST(ConfigError, JsonNumberBelowDoublePrecisionIsTooPrecise) {
  EXPECT_CONFIG_ERROR(SeedWith("hours_per_epoch", "1e-400"), code::kTooPrecise, "hours_per_epoch");
  EXPECT_CONFIG_ERROR(SeedWith("hours_per_epoch", "0.0000000000001"), code::kTooPrecise, "hours_per_epoch");
}

TEST(ConfigError, MalformedNumbersAreMalformedJsonNotTooLarge) {
  // Number-like tokens that are not numbers: a syntax error, not a range one.
  for (const char* bad : {"1..5", "1.", "01", "-", "1e", "1e+", "--1", "+1"}) {
    EXPECT_CONFIG_ERROR(SeedWith("hours_per_epoch", bad), code::kMalformedJson, "config") << bad;
  }
}

// ---- Not a number ----------------------------------------------------------

TEST(ConfigError, TextIsNotANumber) {
  EXPECT_CONFIG_ERROR(SeedWith("hours_per_epoch", "\"abc\""), code::kNotANumber, "hours_per_epoch");
  EXPECT_CONFIG_ERROR(SeedWith("price_per_gpu_hour", "\"20 yuan\""), code::kNotANumber, "price_per_gpu_hour");
  EXPECT_CONFIG_ERROR(SeedWith("gpus", "\"four\""), code::kNotANumber, "gpus");
}

TEST(ConfigError, CommaInNumberIsRefusedByName) {
  EXPECT_CONFIG_ERROR(SeedWith("hours_per_epoch", "\"1,5\""), code::kCommaInNumber, "hours_per_epoch");
  EXPECT_CONFIG_ERROR(SeedWith("data_cost_per_epoch", "\"1,000\""), code::kCommaInNumber, "data_cost_per_epoch");
}

TEST(ConfigError, EmptyStringIsEmptyValue) {
  EXPECT_CONFIG_ERROR(SeedWith("hours_per_epoch", "\"\""), code::kEmptyValue, "hours_per_epoch");
  EXPECT_CONFIG_ERROR(SeedWith("instance", "\"  \""), code::kEmptyValue, "instance");
}

// ---- Whole numbers and maxima ----------------------------------------------

TEST(ConfigError, FractionalCountsAreNotInteger) {
  EXPECT_CONFIG_ERROR(SeedWith("gpus", "1.5"), code::kNotInteger, "gpus");
  EXPECT_CONFIG_ERROR(SeedWith("epochs", "\"2.5\""), code::kNotInteger, "epochs");
  EXPECT_CONFIG_ERROR(SeedWith("billing_increment_seconds", "0.5"), code::kNotInteger, "billing_increment_seconds");
}

TEST(ConfigError, ValuesAboveTheirMaximumNameTheMaximum) {
  EXPECT_CONFIG_ERROR(SeedWith("gpus", "100001"), code::kAboveMaximum, "gpus");
  EXPECT_CONFIG_ERROR(SeedWith("epochs", "1000001"), code::kAboveMaximum, "epochs");
  EXPECT_CONFIG_ERROR(SeedWith("hours_per_epoch", "100000.5"), code::kAboveMaximum, "hours_per_epoch");
  EXPECT_CONFIG_ERROR(SeedWith("price_per_gpu_hour", "10000001"), code::kAboveMaximum, "price_per_gpu_hour");
  EXPECT_CONFIG_ERROR(SeedWith("data_cost_per_epoch", "1e10"), code::kAboveMaximum, "data_cost_per_epoch");
  EXPECT_CONFIG_ERROR(SeedWith("billing_increment_seconds", "86401"), code::kAboveMaximum, "billing_increment_seconds");
  EXPECT_CONFIG_ERROR(SeedWith("discount_percent", "100.01"), code::kAboveMaximum, "discount_percent");

  const ConfigResult result = ParseConfig(SeedWith("gpus", "100001"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.errors[0].params.at("max"), "100000");
  EXPECT_NE(RenderError(result.errors[0], Lang::kEn).find("100000"), std::string::npos);
}

// ---- Wrong JSON type -------------------------------------------------------

TEST(ConfigError, WrongJsonTypeForANumber) {
  for (const char* value : {"true", "false", "[]", "[1.5]", "{}", "null"}) {
    EXPECT_CONFIG_ERROR(SeedWith("hours_per_epoch", value), code::kWrongType, "hours_per_epoch") << value;
  }
  EXPECT_CONFIG_ERROR(SeedWith("gpus", "true"), code::kWrongType, "gpus");
}

TEST(ConfigError, WrongJsonTypeForTheInstance) {
  EXPECT_CONFIG_ERROR(SeedWith("instance", "4"), code::kWrongType, "instance");
  EXPECT_CONFIG_ERROR(SeedWith("instance", "null"), code::kWrongType, "instance");
}

TEST(ConfigError, WrongTypeMessageSaysWhatWasExpected) {
  const ConfigResult result = ParseConfig(SeedWith("hours_per_epoch", "true"));
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].params.at("expected"), "number");
  EXPECT_EQ(result.errors[0].params.at("type"), "boolean");
  EXPECT_NE(RenderError(result.errors[0], Lang::kZh).find("数字"), std::string::npos);
}

// ---- Unknown key, unknown instance -----------------------------------------

TEST(ConfigError, UnknownKeyIsNamed) {
  // A typo must not silently give a wrong estimate.
  EXPECT_CONFIG_ERROR(SeedWith("hours_per_epok", "1"), code::kUnknownKey, "hours_per_epok");
  EXPECT_CONFIG_ERROR(SeedWith("discount", "10"), code::kUnknownKey, "discount");
  const ConfigResult result = ParseConfig(SeedWith("gpu_count", "8"));
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].params.at("key"), "gpu_count");
}

TEST(ConfigError, UnknownInstanceListsTheTablesInstances) {
  EXPECT_CONFIG_ERROR(SeedWith("instance", "\"h100x8\""), code::kUnknownInstance, "instance");
  const ConfigResult config = ParseConfig(SeedWith("instance", "\"h100x8\""));
  ASSERT_TRUE(config.ok());
  const EstimateResult result = ComputeEstimate(&test::CiuicTable(), config.config);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].params.at("value"), "h100x8");
  EXPECT_EQ(result.errors[0].params.at("allowed"), "a100x4, v100x4, rtx3090");
}

TEST(ConfigError, InstanceWithoutAnyTableIsUnknown) {
  const ConfigResult config = ParseConfig(test::SeedConfigJson());
  ASSERT_TRUE(config.ok());
  const EstimateResult result = ComputeEstimate(nullptr, config.config);
  EXPECT_TRUE(test::IsOnlyError(result.errors, code::kUnknownInstance, "instance"));
}

// ---- The document as a whole -----------------------------------------------

TEST(ConfigError, MalformedJson) {
  EXPECT_CONFIG_ERROR(R"({"hours_per_epoch": 1.5,})", code::kMalformedJson, "config");
  EXPECT_CONFIG_ERROR(R"({"hours_per_epoch": 1.5)", code::kMalformedJson, "config");
  EXPECT_CONFIG_ERROR("{hours_per_epoch: 1.5}", code::kMalformedJson, "config");
  EXPECT_CONFIG_ERROR(SeedWith("hours_per_epoch", "NaN"), code::kMalformedJson, "config");
  EXPECT_CONFIG_ERROR(test::SeedConfigJson() + " x", code::kMalformedJson, "config");
}

TEST(ConfigError, MalformedJsonGivesThePosition) {
  const ConfigResult result = ParseConfig(R"({"hours_per_epoch": })");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].params.at("position"), "21");  // nlohmann counts the bytes read, the "}" included
}

TEST(ConfigError, EmptyOrBlankInputIsEmptyInput) {
  EXPECT_CONFIG_ERROR("", code::kEmptyInput, "config");
  EXPECT_CONFIG_ERROR(" \n\t\r\n", code::kEmptyInput, "config");
}

TEST(ConfigError, TopLevelMustBeAnObject) {
  EXPECT_CONFIG_ERROR("[" + test::SeedConfigJson() + "]", code::kNotAnObject, "config");
  EXPECT_CONFIG_ERROR("1.5", code::kNotAnObject, "config");
  EXPECT_CONFIG_ERROR("\"a100x4\"", code::kNotAnObject, "config");
  EXPECT_CONFIG_ERROR("null", code::kNotAnObject, "config");
}

TEST(ConfigError, InputAboveSixteenKilobytesIsRefusedBeforeParsing) {
  std::string padded = test::SeedConfigJson();
  padded.insert(padded.size() - 2, std::string(kMaxConfigBytes, ' '));
  EXPECT_CONFIG_ERROR(padded, code::kInputTooLarge, "config");
  // Right at the limit it still parses.
  std::string at_limit = test::SeedConfigJson();
  at_limit.insert(at_limit.size() - 2, std::string(kMaxConfigBytes - at_limit.size(), ' '));
  ASSERT_EQ(at_limit.size(), kMaxConfigBytes);
  EXPECT_TRUE(ParseConfig(at_limit).ok());
}

TEST(ConfigError, DeepNestingIsMalformedNotAStackOverflow) {
  const std::string deep = SeedWith("hours_per_epoch", std::string(5000, '[') + std::string(5000, ']'));
  EXPECT_CONFIG_ERROR(deep, code::kMalformedJson, "config");
  const ConfigResult result = ParseConfig(deep);
  EXPECT_EQ(result.errors[0].params.at("reason"), "nesting");
  // Unbalanced, and far deeper: still one clean error.
  EXPECT_CONFIG_ERROR(std::string(10000, '['), code::kMalformedJson, "config");
}

// With a model, the adapters' count follows from its shape: giving it too is
// a conflict, named.
TEST(ConfigError, TrainableParamsBesideAModelConflict) {
  const ConfigResult result =
      ParseConfig(R"({"instance": "a100x4", "model": {"preset": "llama-3.1-8b"}, "training": {"method": "lora"},)"
                  R"( "flops": {"tokens_per_epoch": "1e8", "trainable_params": "3932160"}})");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.errors[0].code, code::kConflicting);
  EXPECT_EQ(result.errors[0].field, "flops.trainable_params");
}

// The old flops.method beside training.method is no conflict when they agree.
TEST(Config, FlopsMethodAgreeingWithTrainingMethodIsAccepted) {
  const ConfigResult same =
      ParseConfig(R"({"instance": "a100x4", "flops": {"params": "1e9", "tokens_per_epoch": "1e8", "method": "full"},)"
                  R"( "training": {"method": "full"}})");
  EXPECT_TRUE(same.ok()) << test::Describe(same.errors);
  const ConfigResult other =
      ParseConfig(R"({"instance": "a100x4", "flops": {"params": "1e9", "tokens_per_epoch": "1e8", "method": "full"},)"
                  R"( "training": {"method": "lora"}})");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.errors[0].code, code::kConflicting);
}

}  // namespace
}  // namespace epochcost
