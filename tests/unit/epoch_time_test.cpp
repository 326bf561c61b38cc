// Ways to get T when the user does not know it: a trial run, a
// measured throughput, or a FLOPs model. Each test writes its arithmetic out
// and compares exact Rationals, never doubles.
#include "epochcost/epoch_time.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "epochcost/config.h"
#include "epochcost/estimate.h"
#include "epochcost/json_api.h"
#include "expect_error.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;
using test::ConfigText;

// T for `gpus` GPUs, from a way built in code; fails the test on errors.
Rational HoursOf(const EpochTime& time, std::int64_t gpus, const std::optional<Rational>& table_peak = std::nullopt) {
  Errors errors;
  const auto hours = ComputeEpochHours(time, gpus, table_peak, &errors);
  EXPECT_TRUE(hours.has_value()) << test::Describe(errors);
  return hours ? hours->hours : Rational::Overflowed();
}

// 6.9e9, 4.2e6, ...: counts written in scientific notation, as the page's
// FLOPs example (DeepSeek-7B LoRA) writes them.
Rational Sci(std::int64_t mantissa, int exponent) {
  Rational value(mantissa);
  for (int i = 0; i < exponent; ++i) value = value * Rational(10);
  return value;
}

// The A100 x4 instance of the Ciuic table with 4 GPUs, and one way of
// getting T (raw JSON), nothing else.
std::string OnA100x4(const char* way, const std::string& raw) {
  return ConfigText({{"instance", "\"a100x4\""}, {"gpus", "4"}, {way, raw}});
}

constexpr const char* kTrialSteps = R"({"steps": 50, "seconds": 120, "steps_per_epoch": 1000})";
constexpr const char* kTrialSamples = R"({"steps": 50, "seconds": 120, "samples": 52002, "global_batch": 32})";
constexpr const char* kLora7b =
    R"({"params": "6.9e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "lora", "mfu": "0.35"})";

// ---- Trial run --------------------------------------------------------------

TEST(TrialRun, FiftyStepsInTwoMinutesWithAThousandStepsPerEpochIsTwoThirdsOfAnHour) {
  // 120 s / 50 steps = 2.4 s per step; x 1000 steps = 2400 s = 2/3 h exactly.
  EpochTime time;
  time.way = EpochTimeWay::kTrial;
  time.trial.steps = Rational(50);
  time.trial.seconds = Rational(120);
  time.trial.steps_per_epoch = Rational(1000);
  EXPECT_EQ(HoursOf(time, 4), Rational::Fraction(2, 3));

  const Estimate e = test::MustEstimate(OnA100x4("trial", kTrialSteps));
  EXPECT_EQ(e.time_way, "trial");
  EXPECT_EQ(e.hours_per_epoch, Rational::Fraction(2, 3));
  EXPECT_EQ(e.epoch_hours.steps_per_epoch, Rational(1000));
  // 2/3 h x 20 x 4 GPUs = 53.333... -> 53.33
  EXPECT_EQ(e.compute_exact, Rational::Fraction(160, 3));
  EXPECT_EQ(test::Money(e.total.total), "53.33");
}

TEST(TrialRun, StepsPerEpochFromSamplesAndGlobalBatchRoundUp) {
  // 52002 samples / 32 per batch = 1625.0625: the last, partial batch is
  // still a step, so 1626 steps. 2.4 s x 1626 = 3902.4 s = 1.084 h.
  const Estimate e = test::MustEstimate(OnA100x4("trial", kTrialSamples));
  EXPECT_EQ(e.epoch_hours.steps_per_epoch, Rational(1626));
  EXPECT_EQ(e.hours_per_epoch, Rational::Fraction(1084, 1000));

  // A whole number of batches has no partial step: 52000 / 32 = 1625.
  const Estimate whole =
      test::MustEstimate(OnA100x4("trial", R"({"steps": 50, "seconds": 120, "samples": 52000, "global_batch": 32})"));
  EXPECT_EQ(whole.epoch_hours.steps_per_epoch, Rational(1625));
}

TEST(TrialRun, TheJsonResultShowsTheStepsPerEpoch) {
  const Json out = Json::parse(EstimateFromJson(test::CiuicJson(), OnA100x4("trial", kTrialSamples)));
  ASSERT_EQ(out["ok"], true) << out.dump();
  EXPECT_EQ(out["time_way"], "trial");
  EXPECT_EQ(out["steps_per_epoch"], "1626");
  EXPECT_EQ(out["hours_per_epoch"], "1.084");
  EXPECT_EQ(out["flops_per_epoch"], nullptr);
}

TEST(TrialRun, DoesNotDependOnTheGpuCount) {
  // The trial measured the whole job's step time, whatever N is.
  EpochTime time;
  time.way = EpochTimeWay::kTrial;
  time.trial.steps = Rational(50);
  time.trial.seconds = Rational(120);
  time.trial.steps_per_epoch = Rational(1000);
  EXPECT_EQ(HoursOf(time, 1), HoursOf(time, 64));
}

// ---- Throughput -------------------------------------------------------------

TEST(Throughput, TokensOverTokensPerSecondPerGpuTimesGpus) {
  // T = tokens / (tokens per second per GPU x N) / 3600
  //   = 3.6e9 / (1000 x 4) / 3600 = 250 h.
  EpochTime time;
  time.way = EpochTimeWay::kThroughput;
  time.throughput.tokens_per_epoch = Sci(36, 8);
  time.throughput.tokens_per_second_per_gpu = Rational(1000);
  EXPECT_EQ(HoursOf(time, 4), Rational(250));
  // Twice the GPUs, half the time: 125 h.
  EXPECT_EQ(HoursOf(time, 8), Rational(125));
}

TEST(Throughput, ThroughTheConfiguration) {
  // 1e9 / (380 x 4) / 3600 = 1e9 / 5472000 h = 182.748538... h
  const Estimate e =
      test::MustEstimate(OnA100x4("throughput", R"({"tokens_per_epoch": "1e9", "tokens_per_second_per_gpu": 380})"));
  EXPECT_EQ(e.time_way, "throughput");
  EXPECT_EQ(e.hours_per_epoch, Rational::Fraction(1000000000, 5472000));
}

// ---- FLOPs model ------------------------------------------------------------

TEST(FlopsModel, FullFineTuningIsSixTimesParamsTimesTokens) {
  // 6 x 7e9 params x 1e9 tokens = 4.2e19 FLOPs.
  // 4 GPUs x 312e12 FLOP/s x 0.35 MFU = 4.368e14 FLOP/s.
  // T = 4.2e19 / 4.368e14 / 3600 = 4.2e19 / 1.57248e18 h = 4200000 / 157248 h (26.709... h).
  EpochTime time;
  time.way = EpochTimeWay::kFlops;
  time.flops.method = TrainingMethod::kFull;
  time.flops.params = Sci(7, 9);
  time.flops.tokens_per_epoch = Sci(1, 9);
  time.flops.peak_tflops = Rational(312);
  Errors errors;
  const auto hours = ComputeEpochHours(time, 4, std::nullopt, &errors);
  ASSERT_TRUE(hours.has_value()) << test::Describe(errors);
  EXPECT_EQ(hours->flops_per_epoch, Sci(42, 18));
  EXPECT_EQ(hours->hours, Rational::Fraction(4200000, 157248));
  EXPECT_EQ(hours->peak_source, "config");
}

TEST(FlopsModel, LoraIsFourTimesFrozenPlusSixTimesTrainable) {
  // (4 x 6.9e9 + 6 x 4.2e6) x 1e9 tokens = (2.76e10 + 2.52e7) x 1e9 = 2.76252e19 FLOPs.
  // On the table's A100 (312 TFLOPS dense), 4 GPUs, MFU 0.35: 4.368e14 FLOP/s.
  // T = 2.76252e19 / 4.368e14 / 3600 h.
  const Estimate e = test::MustEstimate(OnA100x4("flops", kLora7b));
  EXPECT_EQ(e.time_way, "flops");
  EXPECT_EQ(e.epoch_hours.flops_per_epoch, Sci(276252, 14));
  EXPECT_EQ(e.epoch_hours.peak_tflops, Rational(312));
  EXPECT_EQ(e.epoch_hours.peak_source, "table");
  EXPECT_EQ(e.hours_per_epoch, Sci(276252, 14) / (Sci(4368, 11) * Rational(3600)));
}

TEST(FlopsModel, ThePeakFromTheTableFollowsTheInstancesGpu) {
  // The same workload on the V100 (112 TFLOPS) takes 312/112 times as long.
  const Estimate a100 = test::MustEstimate(OnA100x4("flops", kLora7b));
  const Estimate v100 = test::MustEstimate(ConfigText({{"instance", "\"v100x4\""}, {"gpus", "4"}, {"flops", kLora7b}}));
  EXPECT_EQ(v100.epoch_hours.peak_tflops, Rational(112));
  EXPECT_EQ(v100.hours_per_epoch, a100.hours_per_epoch * Rational(312) / Rational(112));
}

TEST(FlopsModel, AnOverriddenPeakReplacesTheTables) {
  // Half the table's 312: twice the time, and the result says where the peak came from.
  const Estimate table = test::MustEstimate(OnA100x4("flops", kLora7b));
  const Estimate half = test::MustEstimate(OnA100x4(
      "flops",
      R"({"params": "6.9e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "lora", "peak_tflops": 156})"));
  EXPECT_EQ(half.epoch_hours.peak_tflops, Rational(156));
  EXPECT_EQ(half.epoch_hours.peak_source, "config");
  EXPECT_EQ(half.hours_per_epoch, table.hours_per_epoch * Rational(2));

  const Json out = Json::parse(EstimateFromJson(
      test::CiuicJson(),
      OnA100x4(
          "flops",
          R"({"params": "6.9e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "lora", "peak_tflops": 156})")));
  EXPECT_EQ(out["peak_tflops"], "156");
  EXPECT_EQ(out["peak_source"], "config");
  EXPECT_EQ(out["flops_per_epoch"], "27625200000000000000");
}

TEST(FlopsModel, MfuDefaultsToThirtyFivePercent) {
  EXPECT_EQ(DefaultMfu(), Rational::Fraction(35, 100));
  const ConfigResult config = ParseConfig(OnA100x4(
      "flops", R"({"params": "6.9e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "lora"})"));
  ASSERT_TRUE(config.ok()) << test::Describe(config.errors);
  EXPECT_EQ(config.config.time.flops.mfu, Rational::Fraction(35, 100));
  // Left out or written as 0.35: the same estimate.
  const Estimate implicit = test::MustEstimate(OnA100x4(
      "flops", R"({"params": "6.9e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "lora"})"));
  const Estimate explicit_mfu = test::MustEstimate(OnA100x4("flops", kLora7b));
  EXPECT_EQ(implicit.hours_per_epoch, explicit_mfu.hours_per_epoch);
  // Half the MFU, twice the time.
  const Estimate slower = test::MustEstimate(OnA100x4(
      "flops",
      R"({"params": "6.9e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "lora", "mfu": "0.175"})"));
  EXPECT_EQ(slower.hours_per_epoch, implicit.hours_per_epoch * Rational(2));
}

TEST(FlopsModel, TheConstantsAreKaplansSixAndTheFrozenFour) {
  EXPECT_EQ(kFlopsPerParamTokenTrained, 6);  // 2 forward + 4 backward
  EXPECT_EQ(kFlopsPerParamTokenFrozen, 4);   // 2 forward + 2 backward (activation gradients only)
}

// ---- Errors, each naming its field ---------------------------------------------

TEST(EpochTimeError, NoPeakWithoutAnInstanceIsMissingPeakTflops) {
  // No instance, so no table GPU, and no peak_tflops in the configuration.
  EXPECT_CONFIG_ERROR(ConfigText({{"gpus", "4"}, {"price_per_gpu_hour", "20"}, {"flops", kLora7b}}), code::kMissing,
                      "flops.peak_tflops");
}

TEST(EpochTimeError, MoreLoraTrainableParametersThanTheModelHasIsAboveParams) {
  // A digit too many: 6.9e10 trainable parameters on a 6.9e9 model.
  const std::string typo = OnA100x4(
      "flops", R"({"params": "6.9e9", "trainable_params": "6.9e10", "tokens_per_epoch": "1e9", "method": "lora"})");
  EXPECT_CONFIG_ERROR(typo, code::kAboveParams, "flops.trainable_params");
  const ConfigResult config = ParseConfig(typo);
  ASSERT_EQ(config.errors.size(), 1u);
  EXPECT_EQ(config.errors[0].params.at("value"), "69000000000");
  EXPECT_EQ(config.errors[0].params.at("max"), "6900000000");

  // As many as the model has is the boundary, and is accepted.
  const Estimate all = test::MustEstimate(OnA100x4(
      "flops", R"({"params": "6.9e9", "trainable_params": "6.9e9", "tokens_per_epoch": "1e9", "method": "lora"})"));
  EXPECT_EQ(all.time_way, "flops");

  // A model size that does not read has its own error, and no second one.
  EXPECT_CONFIG_ERROR(
      OnA100x4("flops",
               R"({"params": "-1", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "lora"})"),
      code::kNegative, "flops.params");
}

TEST(EpochTimeError, ADerivedTAboveTheMaximumIsDerivedTooLong) {
  // 1e16 tokens at 1 token/s on one GPU: 1e16 / 3600 h, far above 100000 h.
  const std::string throughput =
      ConfigText({{"instance", "\"rtx3090\""},
                  {"gpus", "1"},
                  {"throughput", R"({"tokens_per_epoch": "1e16", "tokens_per_second_per_gpu": 1})"}});
  EXPECT_CONFIG_ERROR(throughput, code::kDerivedTooLong, "throughput");
  const EstimateResult result = ComputeEstimate(&test::CiuicTable(), ParseConfig(throughput).config);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].params.at("max"), "100000");
  EXPECT_EQ(result.errors[0].params.at("value"), "2777777777778");  // 1e16 / 3600, rounded

  // 1 step in 1e7 s, 1e9 steps per epoch: 1e16 s.
  EXPECT_CONFIG_ERROR(OnA100x4("trial", R"({"steps": 1, "seconds": "1e7", "steps_per_epoch": "1e9"})"),
                      code::kDerivedTooLong, "trial");
  // 1e13 params, full, 1e16 tokens on a 1 TFLOPS GPU at 1 % MFU.
  EXPECT_CONFIG_ERROR(
      OnA100x4("flops",
               R"({"params": "1e13", "tokens_per_epoch": "1e16", "method": "full", "mfu": "0.01", "peak_tflops": 1})"),
      code::kDerivedTooLong, "flops");
}

TEST(EpochTimeError, TwoWaysAtOnceConflict) {
  // The second way given (in the order hours_per_epoch, trial, throughput, flops) is named.
  EXPECT_CONFIG_ERROR(ConfigText({{"instance", "\"a100x4\""}, {"hours_per_epoch", "1.5"}, {"trial", kTrialSteps}}),
                      code::kConflicting, "trial");
  EXPECT_CONFIG_ERROR(ConfigText({{"instance", "\"a100x4\""},
                                  {"flops", kLora7b},
                                  {"throughput", R"({"tokens_per_epoch": "1e9", "tokens_per_second_per_gpu": 380})"}}),
                      code::kConflicting, "flops");
  const ConfigResult result =
      ParseConfig(ConfigText({{"instance", "\"a100x4\""}, {"hours_per_epoch", "1.5"}, {"trial", kTrialSteps}}));
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].params.at("ways"), "hours_per_epoch, trial");
}

TEST(EpochTimeError, StepsPerEpochAndSamplesTogetherConflict) {
  EXPECT_CONFIG_ERROR(
      OnA100x4("trial",
               R"({"steps": 50, "seconds": 120, "steps_per_epoch": 1000, "samples": 52002, "global_batch": 32})"),
      code::kConflicting, "trial.steps_per_epoch");
  // A global batch alone also counts as the second way.
  EXPECT_CONFIG_ERROR(
      OnA100x4("trial", R"({"steps": 50, "seconds": 120, "steps_per_epoch": 1000, "global_batch": 32})"),
      code::kConflicting, "trial.steps_per_epoch");
}

TEST(EpochTimeError, AMethodOtherThanFullOrLoraIsAnUnknownValue) {
  EXPECT_CONFIG_ERROR(
      OnA100x4("flops",
               R"({"params": "6.9e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "adam"})"),
      code::kUnknownValue, "flops.method");
  const ConfigResult result = ParseConfig(OnA100x4(
      "flops", R"({"params": "6.9e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "adam"})"));
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].params.at("value"), "adam");
  EXPECT_EQ(result.errors[0].params.at("allowed"), "full, lora");
}

TEST(EpochTimeError, AnUnknownOrMissingMethodDoesNotAlsoDemandTrainableParams) {
  // Without a valid method, whether trainable_params is needed is unknown:
  // only the method's own error is reported.
  EXPECT_CONFIG_ERROR(OnA100x4("flops", R"({"params": "7e9", "tokens_per_epoch": "1e9", "method": "adam"})"),
                      code::kUnknownValue, "flops.method");
  // No method: LoRA, training.method's default, which needs its adapters.
  EXPECT_CONFIG_ERROR(OnA100x4("flops", R"({"params": "7e9", "tokens_per_epoch": "1e9"})"), code::kMissing,
                      "flops.trainable_params");
  // A trainable_params given with a bad method is still checked on its own.
  const ConfigResult both = ParseConfig(
      OnA100x4("flops", R"({"params": "7e9", "trainable_params": "x", "tokens_per_epoch": "1e9", "method": true})"));
  ASSERT_EQ(both.errors.size(), 2u) << test::Describe(both.errors);
  EXPECT_TRUE(test::IsOnlyError({both.errors[0]}, code::kWrongType, "flops.method"));
  EXPECT_TRUE(test::IsOnlyError({both.errors[1]}, code::kNotANumber, "flops.trainable_params"));
}

TEST(EpochTimeError, TrainableParamsWithFullFineTuningConflict) {
  EXPECT_CONFIG_ERROR(
      OnA100x4("flops",
               R"({"params": "7e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "full"})"),
      code::kConflicting, "flops.trainable_params");
}

TEST(EpochTimeError, LoraWithoutTrainableParamsIsMissingThem) {
  EXPECT_CONFIG_ERROR(OnA100x4("flops", R"({"params": "6.9e9", "tokens_per_epoch": "1e9", "method": "lora"})"),
                      code::kMissing, "flops.trainable_params");
}

TEST(EpochTimeError, EveryMissingSubFieldNamesItsDottedField) {
  struct Case {
    const char* way;
    const char* raw;
    const char* field;
  };
  const Case cases[] = {
      {"trial", R"({"seconds": 120, "steps_per_epoch": 1000})", "trial.steps"},
      {"trial", R"({"steps": 50, "steps_per_epoch": 1000})", "trial.seconds"},
      {"trial", R"({"steps": 50, "seconds": 120})", "trial.steps_per_epoch"},
      {"trial", R"({"steps": 50, "seconds": 120, "global_batch": 32})", "trial.samples"},
      {"trial", R"({"steps": 50, "seconds": 120, "samples": 52002})", "trial.global_batch"},
      {"throughput", R"({"tokens_per_second_per_gpu": 380})", "throughput.tokens_per_epoch"},
      {"throughput", R"({"tokens_per_epoch": "1e9"})", "throughput.tokens_per_second_per_gpu"},
      {"flops", R"({"trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "lora"})", "flops.params"},
      {"flops", R"({"params": "6.9e9", "trainable_params": "4.2e6", "method": "lora"})", "flops.tokens_per_epoch"},
  };
  for (const Case& c : cases) EXPECT_CONFIG_ERROR(OnA100x4(c.way, c.raw), code::kMissing, c.field) << c.raw;
}

TEST(EpochTimeError, EveryInvalidSubFieldNamesItsDottedField) {
  struct Case {
    const char* way;
    const char* raw;
    const char* code;
    const char* field;
  };
  const Case cases[] = {
      {"trial", R"({"steps": 0, "seconds": 120, "steps_per_epoch": 1000})", code::kZero, "trial.steps"},
      {"trial", R"({"steps": 2.5, "seconds": 120, "steps_per_epoch": 1000})", code::kNotInteger, "trial.steps"},
      {"trial", R"({"steps": 50, "seconds": "-1", "steps_per_epoch": 1000})", code::kNegative, "trial.seconds"},
      {"trial", R"({"steps": 50, "seconds": 120, "steps_per_epoch": "1,000"})", code::kCommaInNumber,
       "trial.steps_per_epoch"},
      {"trial", R"({"steps": 50, "seconds": 120, "samples": "abc", "global_batch": 32})", code::kNotANumber,
       "trial.samples"},
      {"trial", R"({"steps": 50, "seconds": 120, "samples": 52002, "global_batch": 0.5})", code::kNotInteger,
       "trial.global_batch"},
      {"throughput", R"({"tokens_per_epoch": "NaN", "tokens_per_second_per_gpu": 380})", code::kNotFinite,
       "throughput.tokens_per_epoch"},
      {"throughput", R"({"tokens_per_epoch": "1e9", "tokens_per_second_per_gpu": null})", code::kWrongType,
       "throughput.tokens_per_second_per_gpu"},
      {"flops", R"({"params": "", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "lora"})",
       code::kEmptyValue, "flops.params"},
      {"flops", R"({"params": "6.9e9", "trainable_params": "0", "tokens_per_epoch": "1e9", "method": "lora"})",
       code::kZero, "flops.trainable_params"},
      {"flops",
       R"({"params": "6.9e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "lora", "mfu": 1.5})",
       code::kAboveMaximum, "flops.mfu"},
      {"flops",
       R"({"params": "6.9e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "lora", "mfu": 0})",
       code::kZero, "flops.mfu"},
      {"flops",
       R"({"params": "6.9e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "lora", "peak_tflops": "1e-400"})",
       code::kTooPrecise, "flops.peak_tflops"},
      {"flops", R"({"params": "6.9e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": 1})",
       code::kWrongType, "flops.method"},
      {"flops",
       R"({"params": "6.9e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "lora", "lr": 1})",
       code::kUnknownKey, "flops.lr"},
  };
  for (const Case& c : cases) EXPECT_CONFIG_ERROR(OnA100x4(c.way, c.raw), c.code, c.field) << c.raw;
}

TEST(EpochTimeError, AWayThatIsNotAnObjectIsAWrongType) {
  EXPECT_CONFIG_ERROR(OnA100x4("trial", "1.5"), code::kWrongType, "trial");
  EXPECT_CONFIG_ERROR(OnA100x4("throughput", "[]"), code::kWrongType, "throughput");
  EXPECT_CONFIG_ERROR(OnA100x4("flops", "\"lora\""), code::kWrongType, "flops");
}

TEST(EpochTimeError, AJsonNumberBeyondDoubleRangeInsideAWayNamesItsDottedField) {
  // nlohmann refuses 1e309 while parsing; the error still names trial.seconds, not "seconds".
  EXPECT_CONFIG_ERROR(OnA100x4("trial", R"({"steps": 50, "seconds": 1e309, "steps_per_epoch": 1000})"), code::kTooLarge,
                      "trial.seconds");
}

TEST(EpochTimeError, ADuplicateKeyInsideAWayNamesItsDottedField) {
  const ConfigResult result =
      ParseConfig(OnA100x4("trial", R"({"steps": 50, "steps": 60, "seconds": 120, "steps_per_epoch": 1000})"));
  ASSERT_EQ(result.errors.size(), 1u) << test::Describe(result.errors);
  EXPECT_EQ(result.errors[0].code, code::kDuplicateKey);
  EXPECT_EQ(result.errors[0].field, "trial.steps");
  EXPECT_EQ(result.errors[0].params.at("key"), "steps");
}

// ---- The names the JSON uses ----------------------------------------------------

TEST(EpochTime, WayAndMethodNames) {
  EXPECT_STREQ(WayName(EpochTimeWay::kHours), "hours_per_epoch");
  EXPECT_STREQ(WayName(EpochTimeWay::kTrial), "trial");
  EXPECT_STREQ(WayName(EpochTimeWay::kThroughput), "throughput");
  EXPECT_STREQ(WayName(EpochTimeWay::kFlops), "flops");
  EXPECT_STREQ(MethodName(TrainingMethod::kFull), "full");
  EXPECT_STREQ(MethodName(TrainingMethod::kLora), "lora");
}

// FLOPs per epoch beyond exact 128-bit arithmetic: 6 x params x tokens with
// twelve decimals each (numerators near 1e25 and 1e28, no factor 2 or 5 to
// cancel) is named as the way's overflow, not a wrong T.
TEST(EpochTimeError, FlopsPerEpochTooLargeForExactArithmeticIsAnOverflow) {
  EXPECT_CONFIG_ERROR(OnA100x4("flops", R"({"params": "9999999999999.999999999999",)"
                                        R"( "tokens_per_epoch": "9999999999999999.999999999999", "method": "full"})"),
                      code::kOverflow, "flops");
}

}  // namespace
}  // namespace epochcost
