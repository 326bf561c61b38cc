// The hours a run really bills: overheads, spot capacity, scaling across
// instances and a range (docs/billed-hours.md), against the real table.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "epochcost/json_api.h"
#include "epochcost/link.h"
#include "epochcost/plan.h"
#include "epochcost/scaling.h"
#include "epochcost/spot.h"
#include "expect_error.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using test::ConfigText;
using test::Money;
using test::MustEstimate;
using test::SeedPlus;

// The issue's judged spot case: 10 h of work, 4 GPUs, spot at 8 per GPU-hour.
std::string TenHoursOnSpot() {
  return ConfigText({{"hours_per_epoch", "10"},
                     {"gpus", "4"},
                     {"price_per_gpu_hour", "\"20\""},
                     {"spot", R"({"price_per_gpu_hour": "8", "interruptions_per_hour": "0.15",)"
                              R"( "checkpoint_interval_hours": "0.5", "restart_hours": "0.1"})"}});
}

TEST(Seed, StaysOneHundredTwentyThreeAndTwelveHundredThirtyWithNothingNew) {
  const Estimate e = MustEstimate(test::SeedConfigJson());
  EXPECT_EQ(Money(e.per_epoch.total), "123.00");
  EXPECT_EQ(Money(e.total.total), "1230.00");
  EXPECT_FALSE(e.spot);
  EXPECT_FALSE(e.range);
  EXPECT_EQ(e.throughput_kept, Rational(1));
  EXPECT_EQ(e.total.startup + e.total.eval + e.total.checkpoint, 0);
}

// ---- Overheads ----------------------------------------------------------------

TEST(Overheads, EvaluationAndSavesAreInEveryEpochAndStartUpIsItsOwnLine) {
  // 0.1 h evaluation + 2 saves of 3 min (0.1 h) per epoch; 0.5 h start-up.
  const Estimate e =
      MustEstimate(SeedPlus({{"overheads", R"({"startup_hours": "0.5", "eval_hours_per_epoch": "0.1",)"
                                           R"( "checkpoint_save_minutes": 3, "checkpoints_per_epoch": 2})"}}));
  // Per epoch: (1.5 + 0.1 + 0.1) h x 20 x 4 + 2 + 1 = 139.
  EXPECT_EQ(Money(e.per_epoch.compute), "120.00");
  EXPECT_EQ(Money(e.per_epoch.eval), "8.00");
  EXPECT_EQ(Money(e.per_epoch.checkpoint), "8.00");
  EXPECT_EQ(Money(e.per_epoch.total), "139.00");
  // Total: 10 epochs + start-up 0.5 h x 20 x 4 = 1390 + 40.
  EXPECT_EQ(Money(e.total.startup), "40.00");
  EXPECT_EQ(Money(e.total.total), "1430.00");
  EXPECT_EQ(e.total.compute + e.total.eval + e.total.checkpoint + e.total.startup + e.total.data + e.total.ops,
            e.total.total);
  EXPECT_TRUE(e.TotalIsPerEpochTimesEpochs());
  EXPECT_EQ(e.wall_hours, Rational(35) / Rational(2));  // 0.5 + 10 x 1.7
}

TEST(Overheads, ZeroOverheadsChangeNothing) {
  const Estimate e =
      MustEstimate(SeedPlus({{"overheads", R"({"startup_hours": 0, "eval_hours_per_epoch": 0,)"
                                           R"( "checkpoint_save_minutes": 3, "checkpoints_per_epoch": 0})"}}));
  EXPECT_EQ(Money(e.total.total), "1230.00");
}

TEST(Overheads, HourlyBillingRoundsTheWholeRunIncludingStartUp) {
  // 0.25 h start-up + 10 x 1.5 h = 15.25 h, billed 16 h per hour: 16 x 80 + 30.
  const Estimate e =
      MustEstimate(SeedPlus({{"billing_increment_seconds", "3600"}, {"overheads", R"({"startup_hours": "0.25"})"}}));
  EXPECT_EQ(e.billed_hours, Rational(16));
  EXPECT_EQ(Money(e.total.total), "1310.00");
  EXPECT_EQ(e.total.compute + e.total.startup + e.total.data + e.total.ops, e.total.total);
}

// Checkpoint saves alone are an overhead the JSON shows: 2 x 3 min = 0.1 h
// an epoch.
TEST(Overheads, CheckpointSavesAloneAreShownInTheJson) {
  const auto out = nlohmann::json::parse(EstimateFromJson(
      test::CiuicJson(), SeedPlus({{"overheads", R"({"checkpoint_save_minutes": 3, "checkpoints_per_epoch": 2})"}})));
  ASSERT_TRUE(out["overheads"].is_object()) << out.dump();
  EXPECT_EQ(out["overheads"]["checkpoint_hours_per_epoch"], "0.1");
  EXPECT_EQ(out["overheads"]["epoch_hours"], "1.6");
  EXPECT_EQ(out["overheads"]["startup_hours"], "0");
}

TEST(Overheads, AnUnknownKeyInsideIsNamedWithItsObject) {
  EXPECT_CONFIG_ERROR(SeedPlus({{"overheads", R"({"startup": 1})"}}), code::kUnknownKey, "overheads.startup");
  EXPECT_CONFIG_ERROR(SeedPlus({{"overheads", "3"}}), code::kWrongType, "overheads");
}

// ---- Spot ---------------------------------------------------------------------

// With the on-demand run free (a 100 % discount), spot saves nothing: the
// saving is the spot total below zero, its share of nothing 0 %.
TEST(Spot, AgainstAFreeOnDemandRunTheSavingIsNegativeAndItsShareZero) {
  nlohmann::json config = nlohmann::json::parse(TenHoursOnSpot());
  config["discount_percent"] = "100";
  const auto out = nlohmann::json::parse(EstimateFromJson(test::CiuicJson(), config.dump()));
  EXPECT_EQ(out["total"], "0.00");
  EXPECT_EQ(out["spot"]["total"], "336.80");
  EXPECT_EQ(out["spot"]["saving"], "-336.80");
  EXPECT_EQ(out["spot"]["saving_percent"], "0");
}

TEST(Spot, TenHoursAtFifteenHundredthsInterruptionsBillTenPointFiveTwoFiveHours) {
  const Estimate e = MustEstimate(TenHoursOnSpot());
  ASSERT_TRUE(e.spot);
  // 10 x (1 + 0.15 x (0.5 / 2 + 0.1)) = 10.525
  EXPECT_EQ(e.spot->billed_hours, Rational::Fraction(10525, 1000));
  EXPECT_EQ(e.spot->expected_interruptions, Rational::Fraction(3, 2));
  EXPECT_EQ(e.spot->lost_hours, Rational::Fraction(525, 1000));
  // 10.525 h x 4 GPUs x 8 = 336.80 of compute; on demand 10 x 4 x 20 = 800.
  EXPECT_EQ(Money(e.spot->compute), "336.80");
  EXPECT_EQ(Money(e.spot->total), "336.80");
  EXPECT_EQ(Money(e.total.total), "800.00");
  EXPECT_EQ(Money(e.spot->saving), "463.20");
  EXPECT_FALSE(e.spot->rough);
}

TEST(Spot, TheJsonCarriesTheIssuesFields) {
  const auto out = nlohmann::json::parse(EstimateFromJson(test::CiuicJson(), TenHoursOnSpot()));
  const auto& spot = out["spot"];
  EXPECT_EQ(spot["billed_hours"], "10.525");
  EXPECT_EQ(spot["expected_interruptions"], "1.5");
  EXPECT_EQ(spot["lost_hours"], "0.525");
  EXPECT_EQ(spot["total"], "336.80");
  EXPECT_EQ(spot["saving"], "463.20");
  EXPECT_TRUE(spot.contains("best_checkpoint_interval_hours"));
  EXPECT_EQ(spot["best_checkpoint_interval_hours"], nullptr);  // no save time given
}

TEST(Spot, YoungsIntervalIsTheSquareRootOfTwiceTheSaveOverTheRateInWholeMinutes) {
  // sqrt(2 x 0.05 h / 0.15) = 0.8165 h = 48.99 min -> 49 min.
  EXPECT_EQ(BestCheckpointIntervalHours(3, Rational::Fraction(15, 100)), Rational::Fraction(49, 60));
  // sqrt(2 x (6 / 60) / 0.05) = 2 h exactly.
  EXPECT_EQ(BestCheckpointIntervalHours(6, Rational::Fraction(5, 100)), Rational(2));
  // 120 x 1 / 0.48 = 250 min^2: sqrt = 15.81 -> 16 min; 120 x 1 / 0.5 = 240: 15.49 -> 15.
  EXPECT_EQ(BestCheckpointIntervalHours(1, Rational::Fraction(48, 100)), Rational::Fraction(16, 60));
  EXPECT_EQ(BestCheckpointIntervalHours(1, Rational::Fraction(1, 2)), Rational::Fraction(15, 60));
  // Never below a minute; none without interruptions or saves.
  EXPECT_EQ(BestCheckpointIntervalHours(Rational::Fraction(1, 1000), Rational::Fraction(99, 100)),
            Rational::Fraction(1, 60));
  EXPECT_FALSE(BestCheckpointIntervalHours(3, 0));
  EXPECT_FALSE(BestCheckpointIntervalHours(0, Rational::Fraction(1, 10)));
}

TEST(Spot, WithoutAnIntervalTheSavesPerEpochSetItAndWithoutThemTheWholeRunAndAWarning) {
  const std::string spot = R"({"price_per_gpu_hour": "8", "interruptions_per_hour": "0.1"})";
  const Estimate none = MustEstimate(SeedPlus({{"spot", spot}}));
  ASSERT_TRUE(none.spot);
  EXPECT_EQ(none.spot->interval_source, "none");
  EXPECT_EQ(none.spot->checkpoint_interval_hours, Rational(15));  // the whole run
  bool warned = false;
  for (const Note& note : none.notes) warned = warned || note.code == "spot_no_checkpoint";
  EXPECT_TRUE(warned);
  EXPECT_TRUE(none.spot->rough);  // 0.1 x 15 = 1.5

  const Estimate saves = MustEstimate(
      SeedPlus({{"spot", spot}, {"overheads", R"({"checkpoint_save_minutes": 6, "checkpoints_per_epoch": 4})"}}));
  ASSERT_TRUE(saves.spot);
  EXPECT_EQ(saves.spot->interval_source, "checkpoints_per_epoch");
  // An epoch is 1.5 h + 4 x 0.1 h = 1.9 h; four saves: 0.475 h apart.
  EXPECT_EQ(saves.spot->checkpoint_interval_hours, Rational::Fraction(475, 1000));
  // Young: sqrt(2 x 0.1 / 0.1) = 1.4142 h = 84.85 min -> 85 min.
  EXPECT_EQ(saves.spot->best_checkpoint_interval_hours, Rational::Fraction(85, 60));
}

TEST(Spot, TheTablesSpotPriceIsUsedWhenTheConfigurationGivesNone) {
  std::string table = test::CiuicJson();
  const std::string anchor = R"("price_per_gpu_hour": "20",)";
  table.replace(table.find(anchor), anchor.size(), anchor + R"( "spot_price_per_gpu_hour": "7",)");
  const PriceTableResult prices = ParsePriceTable(table);
  ASSERT_TRUE(prices.ok()) << test::Describe(prices.errors);
  const ConfigResult config = ParseConfig(SeedPlus({{"spot", R"({"interruptions_per_hour": 0})"}}));
  ASSERT_TRUE(config.ok());
  const EstimateResult result = ComputeEstimate(&prices.table, config.config);
  ASSERT_TRUE(result.ok()) << test::Describe(result.errors);
  ASSERT_TRUE(result.estimate.spot);
  EXPECT_EQ(result.estimate.spot->price_source, "table");
  // No interruptions: 15 h x 4 x 7 + 30 = 450.
  EXPECT_EQ(Money(result.estimate.spot->total), "450.00");
  EXPECT_EQ(Money(result.estimate.spot->saving), "780.00");
  // A table without one asks for the configuration's.
  EXPECT_CONFIG_ERROR(SeedPlus({{"spot", R"({"interruptions_per_hour": 0})"}}), code::kNoSpotPrice,
                      "spot.price_per_gpu_hour");
}

TEST(Spot, SpotDearerThanOnDemandShowsANegativeSaving) {
  const Estimate e = MustEstimate(SeedPlus({{"spot", R"({"price_per_gpu_hour": "25", "interruptions_per_hour": 0})"}}));
  ASSERT_TRUE(e.spot);
  EXPECT_EQ(Money(e.spot->saving < 0 ? -e.spot->saving : e.spot->saving), "300.00");
  EXPECT_LT(e.spot->saving, 0);
}

TEST(SpotErrors, RatesOfOneAnHourOrMoreAreRefusedNamingTheField) {
  const auto with_rate = [](const char* rate) {
    return SeedPlus({{"spot", std::string(R"({"price_per_gpu_hour": "8", "interruptions_per_hour": )") + rate + "}"}});
  };
  EXPECT_CONFIG_ERROR(with_rate("1"), code::kNotBelow, "spot.interruptions_per_hour");
  EXPECT_CONFIG_ERROR(with_rate("\"1.0\""), code::kNotBelow, "spot.interruptions_per_hour");
  EXPECT_CONFIG_ERROR(with_rate("2"), code::kNotBelow, "spot.interruptions_per_hour");
  // A link refuses it as the configuration does, one value at a time.
  const LinkResult link = DecodeLink("spl=1");
  ASSERT_EQ(link.errors.size(), 1u);
  EXPECT_EQ(link.errors[0].code, code::kNotBelow);
  EXPECT_EQ(link.errors[0].field, "spot.interruptions_per_hour");
  EXPECT_CONFIG_ERROR(with_rate("-0.1"), code::kNegative, "spot.interruptions_per_hour");
  EXPECT_CONFIG_ERROR(SeedPlus({{"spot", R"({"price_per_gpu_hour": "8"})"}}), code::kMissing,
                      "spot.interruptions_per_hour");
}

TEST(SpotErrors, AnIntervalLongerThanTheRunIsRefusedNamingTheField) {
  // The seed runs 15 h.
  EXPECT_CONFIG_ERROR(SeedPlus({{"spot", R"({"price_per_gpu_hour": "8", "interruptions_per_hour": "0.1",)"
                                         R"( "checkpoint_interval_hours": 16})"}}),
                      code::kLongerThanRun, "spot.checkpoint_interval_hours");
  MustEstimate(SeedPlus({{"spot", R"({"price_per_gpu_hour": "8", "interruptions_per_hour": "0.1",)"
                                  R"( "checkpoint_interval_hours": 15})"}}));
}

TEST(SpotErrors, TheMessagesAreClearInBothLanguages) {
  const Error error{code::kLongerThanRun, "spot.checkpoint_interval_hours", {{"value", "16"}, {"run", "15"}}};
  EXPECT_EQ(RenderError(error, Lang::kEn),
            "Checkpoint interval (hours): 16 hours is longer than the whole run (15 hours); without a checkpoint "
            "before the end, leave it empty.");
  EXPECT_NE(RenderError(error, Lang::kZh).find("检查点间隔"), std::string::npos);
}

// ---- Scaling ------------------------------------------------------------------

TEST(Scaling, EachDoublingKeepsTheEfficiency) {
  const Rational nine = Rational::Fraction(9, 10);
  EXPECT_EQ(ThroughputKept(nine, 1), Rational(1));
  EXPECT_EQ(ThroughputKept(nine, 2), nine);
  EXPECT_EQ(ThroughputKept(nine, 4), Rational::Fraction(81, 100));
  EXPECT_EQ(ThroughputKept(nine, 8), Rational::Fraction(729, 1000));
  // 3 instances: 0.9 ^ log2(3) = 0.846 205 986 3..., to nine decimals.
  EXPECT_EQ(ThroughputKept(nine, 3), Rational::Fraction(846205986, 1000000000));
  EXPECT_EQ(ThroughputKept(nine, 5), Rational::Fraction(782986722, 1000000000));  // 0.782 986 721 7...
  EXPECT_EQ(ThroughputKept(Rational(1), 1000), Rational(1));
  // Never zero: T stays finite and then meets its own limit.
  EXPECT_EQ(ThroughputKept(Rational::Fraction(1, 1000000), 100000), Rational::Fraction(1, 1000000000));
}

std::string ThroughputOn(int gpus, const char* efficiency) {
  return ConfigText({{"instance", "\"a100x4\""},
                     {"gpus", std::to_string(gpus)},
                     {"throughput", R"({"tokens_per_epoch": "1e9", "tokens_per_second_per_gpu": 380})"},
                     {"scaling_efficiency", efficiency},
                     {"epochs", "1"}});
}

TEST(Scaling, ThroughputOnTwoInstancesTakesTheLinearTimeOverTheEfficiency) {
  const Estimate linear = MustEstimate(ThroughputOn(8, "1"));
  const Estimate scaled = MustEstimate(ThroughputOn(8, "\"0.8\""));
  EXPECT_EQ(scaled.hours_per_epoch, linear.hours_per_epoch / Rational::Fraction(8, 10));
  EXPECT_EQ(scaled.linear_hours_per_epoch, linear.hours_per_epoch);
  EXPECT_TRUE(scaled.scaling_applied);
  // One instance: nothing to lose.
  EXPECT_EQ(MustEstimate(ThroughputOn(4, "\"0.8\"")).hours_per_epoch,
            MustEstimate(ThroughputOn(4, "1")).hours_per_epoch);
}

TEST(Scaling, ADirectTIsNotScaledAndSaysSo) {
  const Estimate e = MustEstimate(SeedPlus({{"gpus", "8"}, {"scaling_efficiency", "\"0.8\""}}));
  EXPECT_EQ(e.hours_per_epoch, Rational::Fraction(3, 2));
  bool said = false;
  for (const Note& note : e.notes) said = said || note.code == "scaling_not_applied";
  EXPECT_TRUE(said);
}

TEST(ScalingErrors, AboveOneOrZeroIsRefusedNamingTheField) {
  EXPECT_CONFIG_ERROR(ThroughputOn(8, "\"1.1\""), code::kAboveMaximum, "scaling_efficiency");
  EXPECT_CONFIG_ERROR(ThroughputOn(8, "0"), code::kZero, "scaling_efficiency");
  EXPECT_CONFIG_ERROR(ThroughputOn(8, "\"-0.5\""), code::kNegative, "scaling_efficiency");
}

TEST(ScalingPlan, TheFewestGpusForADeadlineAccountForScaling) {
  // 1e9 tokens at 380 tokens/s/GPU: 731 GPU-hours. Linear, 100 h needs 8
  // GPUs (2 instances); at 0.9 per doubling, 2 instances give 81.2 h ...
  const auto plan_for = [](const char* efficiency, const char* deadline) {
    std::string config = ThroughputOn(4, efficiency);
    config.insert(config.size() - 1, std::string(", \"deadline_hours\": ") + deadline);
    const ConfigResult parsed = ParseConfig(config);
    EXPECT_TRUE(parsed.ok()) << config;
    return ComputePlan(&test::CiuicTable(), parsed.config);
  };
  const Plan linear = plan_for("1", "40");
  ASSERT_TRUE(linear.gpus_for_deadline);
  EXPECT_EQ(*linear.gpus_for_deadline, 20);  // 731 / 40 = 18.3 GPUs -> 5 instances
  const Plan scaled = plan_for("\"0.9\"", "40");
  ASSERT_TRUE(scaled.gpus_for_deadline);
  // k x 0.9^log2(k) x 4 x 380 tokens/s >= 1e9 / 40 h: k = 7 (6 gives 45.6 h... see the doc).
  EXPECT_GT(*scaled.gpus_for_deadline, *linear.gpus_for_deadline);
  // Check the answer is the fewest: it meets the deadline, one instance fewer does not.
  const auto wall = [](std::int64_t gpus) {
    return MustEstimate(ThroughputOn(static_cast<int>(gpus), "\"0.9\"")).wall_hours;
  };
  EXPECT_LE(wall(*scaled.gpus_for_deadline), Rational(40));
  EXPECT_GT(wall(*scaled.gpus_for_deadline - 4), Rational(40));
}

TEST(ScalingPlan, KeepingHalfOrLessNoGpuCountCanMeetADeadlineOneInstanceMisses) {
  std::string config = ThroughputOn(4, "\"0.5\"");
  config.insert(config.size() - 1, ", \"deadline_hours\": 100");
  const ConfigResult parsed = ParseConfig(config);
  ASSERT_TRUE(parsed.ok());
  const Plan plan = ComputePlan(&test::CiuicTable(), parsed.config);
  EXPECT_FALSE(plan.gpus_for_deadline);
  ASSERT_EQ(plan.errors.size(), 1u);
  EXPECT_EQ(plan.errors[0].code, code::kScalingUnreachable);
  EXPECT_EQ(plan.errors[0].field, "deadline_hours");
  EXPECT_NE(RenderError(plan.errors[0], Lang::kEn).find("No GPU count can"), std::string::npos);
  // ... but one that a single instance meets is met by one.
  std::string easy = ThroughputOn(4, "\"0.5\"");
  easy.insert(easy.size() - 1, ", \"deadline_hours\": 200");
  const Plan met = ComputePlan(&test::CiuicTable(), ParseConfig(easy).config);
  ASSERT_TRUE(met.gpus_for_deadline);
  EXPECT_EQ(*met.gpus_for_deadline, 4);
}

// ---- Range --------------------------------------------------------------------

std::string FlopsWithRange(const char* low, const char* high) {
  return ConfigText({{"instance", "\"a100x4\""},
                     {"gpus", "4"},
                     {"flops", std::string(R"({"method": "lora", "params": "6.9e9", "trainable_params": "4.2e6",)") +
                                   R"( "tokens_per_epoch": "1e9", "mfu": "0.35", "mfu_low": )" + low +
                                   R"(, "mfu_high": )" + high + "}"},
                     {"epochs", "3"}});
}

TEST(Range, TheMfuEndsGiveLowAndHighTAndCost) {
  const Estimate e = MustEstimate(FlopsWithRange("\"0.25\"", "\"0.5\""));
  ASSERT_TRUE(e.range);
  EXPECT_EQ(e.range->source, "mfu");
  // T scales as 1 / MFU: 0.35 / 0.5 and 0.35 / 0.25 of the expected T.
  EXPECT_EQ(e.range->hours_per_epoch_low, e.hours_per_epoch * Rational::Fraction(35, 50));
  EXPECT_EQ(e.range->hours_per_epoch_high, e.hours_per_epoch * Rational::Fraction(35, 25));
  EXPECT_LT(e.range->total_low, e.total.total);
  EXPECT_GT(e.range->total_high, e.total.total);
}

TEST(Range, ThroughputTakesAPlusOrMinusPercentage) {
  const Estimate e = MustEstimate(ConfigText(
      {{"instance", "\"a100x4\""},
       {"gpus", "4"},
       {"throughput", R"({"tokens_per_epoch": "1e9", "tokens_per_second_per_gpu": 400, "range_percent": 25})"},
       {"epochs", "1"}}));
  ASSERT_TRUE(e.range);
  EXPECT_EQ(e.range->source, "throughput");
  // 500 and 300 tokens/s/GPU.
  EXPECT_EQ(e.range->hours_per_epoch_low, e.hours_per_epoch * Rational::Fraction(4, 5));
  EXPECT_EQ(e.range->hours_per_epoch_high, e.hours_per_epoch * Rational::Fraction(4, 3));
}

TEST(RangeErrors, EndsOnTheWrongSideOfTheMfuAreRefusedNamingTheField) {
  EXPECT_CONFIG_ERROR(FlopsWithRange("\"0.4\"", "\"0.5\""), code::kAboveMfu, "flops.mfu_low");
  EXPECT_CONFIG_ERROR(FlopsWithRange("\"0.25\"", "\"0.3\""), code::kBelowMfu, "flops.mfu_high");
  EXPECT_CONFIG_ERROR(FlopsWithRange("0", "\"0.5\""), code::kZero, "flops.mfu_low");
  EXPECT_CONFIG_ERROR(FlopsWithRange("\"0.25\"", "2"), code::kAboveMaximum, "flops.mfu_high");
}

// The optimistic end can fail too: its faster run (227.27 h at 1100 tokens/s
// per GPU) is shorter than the 240 h checkpoint interval the 250 h point run
// allows. The error is the range's, named by its input.
TEST(RangeErrors, AnOptimisticEndThatCannotBeEstimatedIsTheRangesError) {
  const EstimateResult result = ComputeEstimate(
      &test::CiuicTable(),
      ParseConfig(ConfigText({{"instance", "\"a100x4\""},
                              {"gpus", "4"},
                              {"throughput", R"({"tokens_per_epoch": "3.6e9", "tokens_per_second_per_gpu": 1000,)"
                                             R"( "range_percent": 10})"},
                              {"spot", R"({"price_per_gpu_hour": "8", "interruptions_per_hour": "0.01",)"
                                       R"( "checkpoint_interval_hours": "240"})"}}))
          .config);
  ASSERT_EQ(result.errors.size(), 1u) << test::Describe(result.errors);
  EXPECT_EQ(result.errors[0].code, code::kRangeEndShorterThanInterval);
  EXPECT_EQ(result.errors[0].field, "throughput.range_percent");
  EXPECT_EQ(result.errors[0].params.at("run"), "227.272727");
  // Said in the range's words: the interval's own message would blame it.
  EXPECT_EQ(RenderError(result.errors[0], Lang::kEn),
            "Throughput range (± %): at the range's fast end the run takes 227.272727 hours, less than the spot "
            "checkpoint interval of 240 hours. Narrow the range or shorten the interval.");
  EXPECT_EQ(RenderError(result.errors[0], Lang::kZh),
            "吞吐量浮动范围(± %):按范围的乐观端,训练只需 227.272727 小时,短于竞价检查点间隔 240 小时。请缩小范围或缩短"
            "检查点间隔。");
}

// ---- Properties ---------------------------------------------------------------

// Many configurations with overheads and spot: the shown parts add up, and
// the exact amounts follow the formulas of docs/billed-hours.md, worked out
// here independently of the estimate's code path.
TEST(BilledHoursProperty, PartsAddUpAndTheFormulasHold) {
  std::uint32_t state = 17;
  const auto next = [&state](std::uint32_t n) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % n;
  };
  for (int i = 0; i < 300; ++i) {
    // T in hundredths, overheads in hundredths of hours / tenths of minutes.
    const Rational t = Rational::Fraction(1 + next(500), 100);
    const Rational startup = Rational::Fraction(next(300), 100);
    const Rational eval = Rational::Fraction(next(100), 100);
    const Rational save_minutes = Rational::Fraction(next(200), 10);
    const std::int64_t saves = next(6);
    const std::int64_t epochs = 1 + next(20);
    const std::int64_t gpus = 1 + next(16);
    const Rational price = Rational::Fraction(1 + next(5000), 100);
    const Rational spot_price = Rational::Fraction(1 + next(3000), 100);
    const Rational lambda = Rational::Fraction(next(100), 100);  // 0 to 0.99
    const Rational restart = Rational::Fraction(next(50), 100);
    const auto text = [](const Rational& r) { return "\"" + ToShortDecimal(r, 12) + "\""; };
    const std::string config = ConfigText(
        {{"gpus", std::to_string(gpus)},
         {"hours_per_epoch", text(t)},
         {"price_per_gpu_hour", text(price)},
         {"epochs", std::to_string(epochs)},
         {"data_cost_per_epoch", "\"0.5\""},
         {"overheads", "{\"startup_hours\": " + text(startup) + ", \"eval_hours_per_epoch\": " + text(eval) +
                           ", \"checkpoint_save_minutes\": " + text(save_minutes) +
                           ", \"checkpoints_per_epoch\": " + std::to_string(saves) + "}"},
         {"spot", "{\"price_per_gpu_hour\": " + text(spot_price) + ", \"interruptions_per_hour\": " + text(lambda) +
                      ", \"restart_hours\": " + text(restart) + "}"}});
    SCOPED_TRACE(config);
    const Estimate e = MustEstimate(config);
    const MoneyParts& p = e.per_epoch;
    const MoneyParts& q = e.total;
    ASSERT_EQ(p.compute + p.eval + p.checkpoint + p.data + p.ops, p.total);
    ASSERT_EQ(q.compute + q.eval + q.checkpoint + q.startup + q.data + q.ops, q.total);
    const Rational n(gpus);
    const Rational e_count(epochs);
    const Rational epoch_hours = t + eval + save_minutes / Rational(60) * Rational(saves);
    const Rational work = startup + epoch_hours * e_count;
    ASSERT_EQ(e.wall_hours, work);
    ASSERT_EQ(e.total_exact, work * n * price + Rational::Fraction(1, 2) * e_count);
    // The start-up part moves at most one minor unit from its own rounding.
    ASSERT_LE(q.startup - (startup * n * price).RoundToUnits(2), 1);
    ASSERT_GE(q.startup - (startup * n * price).RoundToUnits(2), -1);
    ASSERT_TRUE(e.spot);
    // No interval and, with saves, an epoch's hours over them; else the run.
    const Rational interval = saves > 0 ? epoch_hours / Rational(saves) : work;
    ASSERT_EQ(e.spot->checkpoint_interval_hours, interval);
    ASSERT_EQ(e.spot->billed_hours, work * (Rational(1) + lambda * (interval / Rational(2) + restart)));
    ASSERT_EQ(e.spot->total,
              (e.spot->billed_hours * n * spot_price + Rational::Fraction(1, 2) * e_count).RoundToUnits(2));
    ASSERT_EQ(e.spot->saving, q.total - e.spot->total);
  }
}

// ---- The link -----------------------------------------------------------------

TEST(HoursLink, EveryNewInputTravelsAndOpensToTheSameEstimate) {
  const std::string config = SeedPlus(
      {{"overheads", R"({"startup_hours": "0.5", "eval_hours_per_epoch": "0.1", "checkpoint_save_minutes": 3,)"
                     R"( "checkpoints_per_epoch": 2})"},
       {"spot", R"({"price_per_gpu_hour": "8", "interruptions_per_hour": "0.15", "checkpoint_interval_hours": "0.5",)"
                R"( "restart_hours": "0.1"})"}});
  const ConfigResult parsed = ParseConfig(config);
  ASSERT_TRUE(parsed.ok());
  const std::string link = EncodeLink(parsed.config, Rational(20));
  EXPECT_EQ(link, "i=a100x4&t=1.5&p=20&n=4&d=2&m=1&e=10&osu=0.5&oev=0.1&ocm=3&ocn=2&spp=8&spl=0.15&spi=0.5&spr=0.1");
  const LinkResult decoded = DecodeLink(link);
  ASSERT_TRUE(decoded.errors.empty()) << test::Describe(decoded.errors);
  const std::string reopened = ConfigValuesJson(ConfigValues(decoded.config.begin(), decoded.config.end()));
  const Estimate a = MustEstimate(config);
  const Estimate b = MustEstimate(reopened);
  EXPECT_EQ(a.total.total, b.total.total);
  ASSERT_TRUE(b.spot);
  EXPECT_EQ(a.spot->total, b.spot->total);
}

TEST(HoursLink, ScalingAndRangeTravel) {
  const ConfigResult parsed = ParseConfig(FlopsWithRange("\"0.25\"", "\"0.5\""));
  ASSERT_TRUE(parsed.ok());
  Config config = parsed.config;
  config.scaling_efficiency = Rational::Fraction(9, 10);
  const std::string link = EncodeLink(config, Rational(20));
  EXPECT_NE(link.find("&sce=0.9&rml=0.25&rmh=0.5"), std::string::npos) << link;
}

// The estimate's errors for a configuration that parses.
Errors EstimateErrors(const std::string& config_json) {
  const ConfigResult config = ParseConfig(config_json);
  EXPECT_TRUE(config.ok()) << config_json << test::Describe(config.errors);
  return ComputeEstimate(&test::CiuicTable(), config.config).errors;
}

TEST(Scaling, WithoutAnInstanceThereIsNothingToScaleAcrossAndItSaysSo) {
  const auto on = [](const char* efficiency) {
    return ConfigText({{"gpus", "8"},
                       {"price_per_gpu_hour", "\"20\""},
                       {"throughput", R"({"tokens_per_epoch": "1e9", "tokens_per_second_per_gpu": 380})"},
                       {"scaling_efficiency", efficiency}});
  };
  const Estimate e = MustEstimate(on("\"0.8\""));
  EXPECT_EQ(e.hours_per_epoch, MustEstimate(on("1")).hours_per_epoch);
  EXPECT_FALSE(e.scaling_applied);
  bool said = false;
  for (const Note& note : e.notes)
    said = said || (note.code == "scaling_no_instance" && note.params.at("efficiency") == "0.8");
  EXPECT_TRUE(said);
}

TEST(ScalingErrors, AnEfficiencyThatTakesTPastItsLimitIsNamed) {
  // 2.592e12 tokens at 1,000 tokens/s on 8 GPUs: 90,000 h linear, under the
  // 100,000 h limit; at 1 % across two instances far past it.
  const Errors errors = EstimateErrors(
      ConfigText({{"instance", "\"a100x4\""},
                  {"gpus", "8"},
                  {"throughput", R"({"tokens_per_epoch": "2.592e12", "tokens_per_second_per_gpu": 1000})"},
                  {"scaling_efficiency", "\"0.01\""}}));
  ASSERT_EQ(errors.size(), 1u) << test::Describe(errors);
  EXPECT_EQ(errors[0].code, code::kDerivedTooLong);
  EXPECT_EQ(errors[0].field, "scaling_efficiency");
  EXPECT_EQ(errors[0].params.at("max"), "100000");
}

// ComputeEstimate's own contract, for a Config built in code rather than
// read by ParseConfig (which refuses this earlier): without an instance, the
// price and the GPU count are needed, each named.
TEST(EstimateErrors, ACodeBuiltConfigWithoutAnInstanceNeedsAPriceAndGpus) {
  ConfigResult config = ParseConfig(R"({"instance": "a100x4", "hours_per_epoch": 1})");
  ASSERT_TRUE(config.ok()) << test::Describe(config.errors);
  config.config.instance.clear();
  const Errors errors = ComputeEstimate(&test::CiuicTable(), config.config).errors;
  ASSERT_EQ(errors.size(), 2u) << test::Describe(errors);
  EXPECT_EQ(errors[0].code, code::kMissing);
  EXPECT_EQ(errors[0].field, "price_per_gpu_hour");
  EXPECT_EQ(errors[1].field, "gpus");
}

// The FLOPs way scales across instances as the throughput way does.
TEST(Scaling, TheFlopsWayScalesAcrossInstancesToo) {
  const auto flops = [](const char* efficiency) {
    return ConfigText(
        {{"instance", "\"a100x4\""},
         {"gpus", "8"},
         {"flops",
          R"({"params": "1e9", "tokens_per_epoch": "3e9", "method": "full", "mfu": "0.5", "peak_tflops": 100})"},
         {"scaling_efficiency", efficiency}});
  };
  const Estimate linear = MustEstimate(flops("1"));
  const Estimate scaled = MustEstimate(flops("\"0.8\""));
  EXPECT_TRUE(scaled.scaling_applied);
  EXPECT_EQ(scaled.hours_per_epoch, linear.hours_per_epoch / Rational::Fraction(8, 10));
}

// Spot capacity needs a spot price: the configuration's, or the instance's
// in the table; the Ciuic table lists none.
TEST(SpotErrors, WithoutASpotPriceAnywhereItIsNamed) {
  const Errors errors =
      EstimateErrors(R"({"instance": "a100x4", "hours_per_epoch": 1, "spot": {"interruptions_per_hour": "0.1"}})");
  ASSERT_EQ(errors.size(), 1u) << test::Describe(errors);
  EXPECT_EQ(errors[0].field, "spot.price_per_gpu_hour");
}

}  // namespace
}  // namespace epochcost
