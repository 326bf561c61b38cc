// The estimate: the seed's formula Cost_epoch = T x P x N + D + M, and what
// a real bill adds to it (whole instances, billing increments, discounts,
// a price set by hand).
#include "epochcost/estimate.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "epochcost/json_api.h"
#include "expect_error.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using test::ConfigText;
using test::Money;
using test::MustEstimate;
using test::SeedWith;

const Note* FindNote(const Estimate& e, const std::string& code) {
  for (const Note& note : e.notes) {
    if (note.code == code) return &note;
  }
  return nullptr;
}

// The shown parts add up to the shown totals, per epoch and for the run.
void ExpectPartsAddUp(const Estimate& e) {
  EXPECT_EQ(e.per_epoch.compute + e.per_epoch.data + e.per_epoch.ops, e.per_epoch.total);
  EXPECT_EQ(e.total.compute + e.total.data + e.total.ops, e.total.total);
}

// ---- The seed's worked example ---------------------------------------------

TEST(Estimate, SeedExampleIsOneHundredTwentyThreePerEpoch) {
  // 1.5 h x 20 x 4 GPUs + 2 + 1 = 123 per epoch; 10 epochs = 1230.
  const Estimate e = MustEstimate(test::SeedConfigJson());
  EXPECT_EQ(Money(e.per_epoch.total), "123.00");
  EXPECT_EQ(Money(e.total.total), "1230.00");
}

TEST(Estimate, SeedExamplePartsAreComputeDataAndOps) {
  const Estimate e = MustEstimate(test::SeedConfigJson());
  EXPECT_EQ(Money(e.per_epoch.compute), "120.00");  // T x P x N = 1.5 x 20 x 4
  EXPECT_EQ(Money(e.per_epoch.data), "2.00");       // D
  EXPECT_EQ(Money(e.per_epoch.ops), "1.00");        // M
  EXPECT_EQ(Money(e.total.compute), "1200.00");
  EXPECT_EQ(Money(e.total.data), "20.00");
  EXPECT_EQ(Money(e.total.ops), "10.00");
  EXPECT_EQ(e.total_exact, Rational(1230));
  ExpectPartsAddUp(e);
}

TEST(Estimate, SeedExampleHours) {
  const Estimate e = MustEstimate(test::SeedConfigJson());
  EXPECT_EQ(e.wall_hours, Rational(15));    // 1.5 h x 10 epochs
  EXPECT_EQ(e.billed_hours, Rational(15));  // no billing increment
  EXPECT_EQ(e.gpu_hours, Rational(60));     // 15 h x 4 GPUs
  EXPECT_EQ(e.billed_gpu_hours, Rational(60));
  EXPECT_EQ(e.instances, 1);
  EXPECT_EQ(e.gpus_billed, 4);
  EXPECT_EQ(e.currency, "CNY");
}

TEST(Estimate, SeedExampleHasNoNotes) {
  // The seed states P = 20, the table's own price: no override to report.
  const Estimate e = MustEstimate(test::SeedConfigJson());
  EXPECT_TRUE(e.notes.empty());
  EXPECT_EQ(e.price_source, "config");
  ASSERT_TRUE(e.table_price_per_gpu_hour.has_value());
  EXPECT_EQ(*e.table_price_per_gpu_hour, Rational(20));
}

// ---- Each instance of the table, at its price and its GPU count -------------

std::string OneInstance(const char* id) {
  return ConfigText({{"instance", std::string("\"") + id + "\""},
                     {"hours_per_epoch", "1.5"},
                     {"data_cost_per_epoch", "2"},
                     {"ops_cost_per_epoch", "1"},
                     {"epochs", "10"}});
}

TEST(Estimate, A100x4AtTablePriceIsTheSeedExample) {
  // 1.5 h x 20 x 4 GPUs + 2 + 1 = 123
  const Estimate e = MustEstimate(OneInstance("a100x4"));
  EXPECT_EQ(e.gpus, 4);
  EXPECT_EQ(e.price_source, "table");
  EXPECT_EQ(Money(e.per_epoch.total), "123.00");
  EXPECT_EQ(Money(e.total.total), "1230.00");
  EXPECT_TRUE(e.notes.empty());
}

TEST(Estimate, V100x4AtTablePrice) {
  // 1.5 h x 12 x 4 GPUs + 2 + 1 = 75
  const Estimate e = MustEstimate(OneInstance("v100x4"));
  EXPECT_EQ(e.gpus, 4);
  EXPECT_EQ(e.price_per_gpu_hour, Rational(12));
  EXPECT_EQ(Money(e.per_epoch.compute), "72.00");
  EXPECT_EQ(Money(e.per_epoch.total), "75.00");
  EXPECT_EQ(Money(e.total.total), "750.00");
  EXPECT_EQ(e.gpu_hours, Rational(60));
}

TEST(Estimate, Rtx3090AtTablePrice) {
  // 1.5 h x 5 x 1 GPU + 2 + 1 = 10.50
  const Estimate e = MustEstimate(OneInstance("rtx3090"));
  EXPECT_EQ(e.gpus, 1);
  EXPECT_EQ(e.price_per_gpu_hour, Rational(5));
  EXPECT_EQ(Money(e.per_epoch.compute), "7.50");
  EXPECT_EQ(Money(e.per_epoch.total), "10.50");
  EXPECT_EQ(Money(e.total.total), "105.00");
  EXPECT_EQ(e.gpu_hours, Rational(15));
}

// ---- Exactness -------------------------------------------------------------

TEST(Estimate, TenthOfAnHourAtThreeForThreeEpochsIsExactlyPointNine) {
  // 0.1 h x 3 x 1 GPU x 3 epochs = 0.90 (in doubles: 0.8999999999999999).
  const Estimate e = MustEstimate(R"({"hours_per_epoch": 0.1, "price_per_gpu_hour": 3, "gpus": 1, "epochs": 3})");
  EXPECT_EQ(e.total_exact, Rational::Fraction(9, 10));
  EXPECT_EQ(Money(e.total.total), "0.90");
  EXPECT_EQ(Money(e.per_epoch.total), "0.30");
  ExpectPartsAddUp(e);
}

TEST(Estimate, ThirdsOfACentPerEpochStillAddUp) {
  // 1/3 h x 0.01 x 1 GPU = 0.00333... per epoch, + D 0.001 + M 0.001.
  const Estimate e = MustEstimate(
      R"({"hours_per_epoch": "0.333333333333", "price_per_gpu_hour": "0.01", "gpus": 1,
          "data_cost_per_epoch": "0.004", "ops_cost_per_epoch": "0.004", "epochs": 3})");
  ExpectPartsAddUp(e);
  EXPECT_EQ(e.per_epoch.total, Rational::Fraction(1133333333333, 100000000000000).RoundToUnits(2));
}

TEST(Estimate, SaysWhetherTheTotalIsThePerEpochTotalTimesTheEpochs) {
  // The seed: 123.00 x 10 = 1,230.00 exactly.
  EXPECT_TRUE(MustEstimate(test::SeedConfigJson()).TotalIsPerEpochTimesEpochs());
  // 0.3333 h x 1 x 1 GPU: 0.33 per epoch, but 3 epochs cost 0.9999 = 1.00.
  const Estimate e = MustEstimate(R"({"hours_per_epoch": "0.3333", "price_per_gpu_hour": 1, "gpus": 1, "epochs": 3})");
  EXPECT_EQ(Money(e.per_epoch.total), "0.33");
  EXPECT_EQ(Money(e.total.total), "1.00");
  EXPECT_FALSE(e.TotalIsPerEpochTimesEpochs());
  const nlohmann::json answer = nlohmann::json::parse(EstimateToJson(e));
  EXPECT_EQ(answer["total_is_per_epoch_times_epochs"], false);
}

TEST(Estimate, WithoutATableTheConfigurationPricesItself) {
  const ConfigResult config =
      ParseConfig(R"({"hours_per_epoch": 2, "price_per_gpu_hour": "7.5", "gpus": 3, "epochs": 2})");
  ASSERT_TRUE(config.ok());
  const EstimateResult result = ComputeEstimate(nullptr, config.config);
  ASSERT_TRUE(result.ok()) << test::Describe(result.errors);
  // 2 h x 7.5 x 3 GPUs = 45 per epoch; no instance, so no whole-instance rounding.
  EXPECT_EQ(Money(result.estimate.per_epoch.total), "45.00");
  EXPECT_EQ(Money(result.estimate.total.total), "90.00");
  EXPECT_EQ(result.estimate.gpus_billed, 3);
  EXPECT_EQ(result.estimate.instances, 0);
  EXPECT_EQ(result.estimate.price_source, "config");
  EXPECT_FALSE(result.estimate.table_price_per_gpu_hour.has_value());
}

TEST(Estimate, InputsTooLargeToComputeExactlyAreRefusedNotRoundedAway) {
  // Every value is within its range, but their 12-decimal product does not
  // fit in 128 bits: an error, never a silently wrong figure.
  const std::string huge = ConfigText({{"instance", "\"a100x4\""},
                                       {"gpus", "99999"},
                                       {"hours_per_epoch", "\"99999.999999999999\""},
                                       {"price_per_gpu_hour", "\"9999999.999999999999\""},
                                       {"epochs", "999999"},
                                       {"discount_percent", "\"33.333333333333\""}});
  const ConfigResult config = ParseConfig(huge);
  ASSERT_TRUE(config.ok()) << test::Describe(config.errors);
  const EstimateResult result = ComputeEstimate(&test::CiuicTable(), config.config);
  ASSERT_EQ(result.errors.size(), 1u) << test::Describe(result.errors);
  EXPECT_EQ(result.errors[0].code, code::kOverflow);
  EXPECT_EQ(result.errors[0].field, "config");  // no single field is to blame
  EXPECT_FALSE(RenderError(result.errors[0], Lang::kEn).empty());
  EXPECT_FALSE(RenderError(result.errors[0], Lang::kZh).empty());
}

// ---- Billing increments ----------------------------------------------------

TEST(Billing, HourlyBillingBillsOnePointThreeHoursAsTwo) {
  // 1.3 h billed per hour (3600 s) is 2 h: 2 h x 20 x 4 GPUs = 160;
  // the extra 0.7 h x 20 x 4 = 56.
  const Estimate e = MustEstimate(
      ConfigText({{"instance", "\"a100x4\""}, {"hours_per_epoch", "1.3"}, {"billing_increment_seconds", "3600"}}));
  EXPECT_EQ(e.wall_hours, Rational::Fraction(13, 10));
  EXPECT_EQ(e.billed_hours, Rational(2));
  EXPECT_EQ(Money(e.total.compute), "160.00");
  EXPECT_EQ(Money(e.billing_extra), "56.00");
  const Note* note = FindNote(e, "billing_rounded");
  ASSERT_NE(note, nullptr);
  EXPECT_EQ(note->params.at("used_hours"), "1.3");
  EXPECT_EQ(note->params.at("billed_hours"), "2");
  EXPECT_EQ(note->params.at("extra"), "56.00");
  EXPECT_EQ(note->params.at("increment_seconds"), "3600");
  EXPECT_NE(RenderNote(*note, Lang::kEn).find("56.00"), std::string::npos);
  EXPECT_NE(RenderNote(*note, Lang::kZh).find("56.00"), std::string::npos);
}

TEST(Billing, PerMinuteBillingRoundsUpToTheNextMinute) {
  // 1.005 h = 60.3 min -> 61 min. Extra 0.7 min = 7/600 h x 20 x 4 = 0.9333 -> 0.93.
  const Estimate e = MustEstimate(
      ConfigText({{"instance", "\"a100x4\""}, {"hours_per_epoch", "1.005"}, {"billing_increment_seconds", "60"}}));
  EXPECT_EQ(e.billed_hours, Rational::Fraction(61, 60));
  EXPECT_EQ(e.billing_extra_exact, Rational::Fraction(14, 15));
  EXPECT_EQ(Money(e.billing_extra), "0.93");
  EXPECT_EQ(Money(e.total.compute), "81.33");  // 61/60 h x 80 = 81.333...
  ASSERT_NE(FindNote(e, "billing_rounded"), nullptr);
  EXPECT_EQ(FindNote(e, "billing_rounded")->params.at("extra"), "0.93");
}

TEST(Billing, PerSecondBillingRoundsUpToTheNextSecond) {
  // 1.0001 h = 3600.36 s -> 3601 s. Extra 0.64 s x 80 / 3600 = 0.0142 -> 0.01.
  const Estimate e = MustEstimate(
      ConfigText({{"instance", "\"a100x4\""}, {"hours_per_epoch", "1.0001"}, {"billing_increment_seconds", "1"}}));
  EXPECT_EQ(e.billed_hours, Rational::Fraction(3601, 3600));
  EXPECT_EQ(Money(e.billing_extra), "0.01");
  EXPECT_NE(FindNote(e, "billing_rounded"), nullptr);
}

TEST(Billing, TheIncrementAppliesToTheWholeRunNotEachEpoch) {
  // 0.25 h x 3 epochs = 0.75 h, one continuous run, billed as 1 h (not 3 x 1 h).
  const Estimate e = MustEstimate(ConfigText({{"instance", "\"a100x4\""},
                                              {"hours_per_epoch", "0.25"},
                                              {"epochs", "3"},
                                              {"billing_increment_seconds", "3600"}}));
  EXPECT_EQ(e.billed_hours, Rational(1));
  EXPECT_EQ(Money(e.total.compute), "80.00");      // 1 h x 20 x 4
  EXPECT_EQ(Money(e.per_epoch.compute), "26.67");  // 80 / 3
  EXPECT_EQ(Money(e.billing_extra), "20.00");      // 0.25 h x 20 x 4
  ExpectPartsAddUp(e);
}

TEST(Billing, ARunThatFillsWholeIncrementsHasNoNote) {
  // 0.3 h x 10 epochs = 3 h exactly: hourly billing changes nothing.
  const Estimate e = MustEstimate(ConfigText({{"instance", "\"a100x4\""},
                                              {"hours_per_epoch", "0.3"},
                                              {"epochs", "10"},
                                              {"billing_increment_seconds", "3600"}}));
  EXPECT_EQ(e.billed_hours, Rational(3));
  EXPECT_EQ(e.billing_extra, 0);
  EXPECT_EQ(FindNote(e, "billing_rounded"), nullptr);
  EXPECT_EQ(Money(e.total.compute), "240.00");
}

TEST(Billing, NoIncrementIsTheSeedsFormula) {
  const Estimate e = MustEstimate(SeedWith("hours_per_epoch", "1.3"));
  EXPECT_EQ(e.billed_hours, e.wall_hours);
  EXPECT_EQ(FindNote(e, "billing_rounded"), nullptr);
}

// ---- Whole instances -------------------------------------------------------

TEST(WholeInstances, SixGpusOnA100x4RentTwoInstancesOfFour) {
  // 6 GPUs need 2 instances = 8 GPUs billed: 1.5 h x 20 x 8 + 2 + 1 = 243.
  // The 2 idle GPUs cost 15 h x 2 x 20 = 600 over the run.
  const Estimate e = MustEstimate(SeedWith("gpus", "6"));
  EXPECT_EQ(e.instances, 2);
  EXPECT_EQ(e.gpus, 6);
  EXPECT_EQ(e.gpus_billed, 8);
  EXPECT_EQ(e.gpu_hours, Rational(90));          // used: 15 h x 6
  EXPECT_EQ(e.billed_gpu_hours, Rational(120));  // billed: 15 h x 8
  EXPECT_EQ(Money(e.per_epoch.total), "243.00");
  EXPECT_EQ(Money(e.total.total), "2430.00");
  EXPECT_EQ(Money(e.idle_gpu_cost), "600.00");
  const Note* note = FindNote(e, "whole_instances");
  ASSERT_NE(note, nullptr);
  EXPECT_EQ(note->params.at("instances"), "2");
  EXPECT_EQ(note->params.at("gpus_billed"), "8");
  EXPECT_EQ(note->params.at("extra"), "600.00");
  EXPECT_NE(RenderNote(*note, Lang::kEn).find("600.00"), std::string::npos);
}

TEST(WholeInstances, Rtx3090WithThreeGpusRentsThreeInstancesWithoutNote) {
  // One GPU per instance: 3 GPUs are 3 instances. 1.5 h x 5 x 3 + 2 + 1 = 25.50.
  const Estimate e = MustEstimate(ConfigText({{"instance", "\"rtx3090\""},
                                              {"gpus", "3"},
                                              {"hours_per_epoch", "1.5"},
                                              {"data_cost_per_epoch", "2"},
                                              {"ops_cost_per_epoch", "1"},
                                              {"epochs", "10"}}));
  EXPECT_EQ(e.instances, 3);
  EXPECT_EQ(e.gpus_billed, 3);
  EXPECT_EQ(Money(e.per_epoch.total), "25.50");
  EXPECT_EQ(Money(e.total.total), "255.00");
  EXPECT_EQ(e.idle_gpu_cost, 0);
  EXPECT_EQ(FindNote(e, "whole_instances"), nullptr);
}

TEST(WholeInstances, AMultipleOfTheInstanceSizeHasNoNote) {
  const Estimate e = MustEstimate(SeedWith("gpus", "8"));
  EXPECT_EQ(e.instances, 2);
  EXPECT_EQ(e.gpus_billed, 8);
  EXPECT_TRUE(e.notes.empty());
}

TEST(WholeInstances, OneGpuOnAFourGpuInstanceBillsFour) {
  const Estimate e = MustEstimate(SeedWith("gpus", "1"));
  EXPECT_EQ(e.instances, 1);
  EXPECT_EQ(e.gpus_billed, 4);
  EXPECT_EQ(Money(e.per_epoch.total), "123.00");  // billed as the seed's 4 GPUs
  EXPECT_EQ(Money(e.idle_gpu_cost), "900.00");    // 15 h x 3 idle x 20
}

// ---- Discount --------------------------------------------------------------

TEST(Discount, TenPercentComesOffComputeOnly) {
  // 120 x 0.9 = 108 compute; D and M are not discounted: 108 + 2 + 1 = 111.
  const Estimate e = MustEstimate(SeedWith("discount_percent", "10"));
  EXPECT_EQ(Money(e.per_epoch.compute), "108.00");
  EXPECT_EQ(Money(e.per_epoch.data), "2.00");
  EXPECT_EQ(Money(e.per_epoch.ops), "1.00");
  EXPECT_EQ(Money(e.per_epoch.total), "111.00");
  EXPECT_EQ(Money(e.total.total), "1110.00");
  EXPECT_EQ(Money(e.discount), "120.00");  // 10 epochs x 12
  const Note* note = FindNote(e, "discount_applied");
  ASSERT_NE(note, nullptr);
  EXPECT_EQ(note->params.at("percent"), "10");
  EXPECT_EQ(note->params.at("amount"), "120.00");
  EXPECT_NE(RenderNote(*note, Lang::kZh).find("120.00"), std::string::npos);
}

TEST(Discount, AHundredPercentLeavesOnlyDataAndOps) {
  const Estimate e = MustEstimate(SeedWith("discount_percent", "100"));
  EXPECT_EQ(e.per_epoch.compute, 0);
  EXPECT_EQ(Money(e.per_epoch.total), "3.00");
  EXPECT_EQ(Money(e.total.total), "30.00");
  EXPECT_EQ(Money(e.discount), "1200.00");
  ASSERT_NE(FindNote(e, "discount_applied"), nullptr);
  EXPECT_EQ(FindNote(e, "discount_applied")->params.at("amount"), "1200.00");
}

TEST(Discount, FractionalPercentIsExact) {
  // 12.5 % off 120 = 105 compute per epoch.
  const Estimate e = MustEstimate(SeedWith("discount_percent", "\"12.5\""));
  EXPECT_EQ(Money(e.per_epoch.compute), "105.00");
  EXPECT_EQ(Money(e.per_epoch.total), "108.00");
}

TEST(Discount, ZeroPercentHasNoNote) {
  EXPECT_EQ(FindNote(MustEstimate(SeedWith("discount_percent", "0")), "discount_applied"), nullptr);
}

// ---- Price set by hand -----------------------------------------------------

TEST(PriceOverride, AConfigPriceUnlikeTheTablesIsUsedAndNoted) {
  // 1.5 h x 18 x 4 + 2 + 1 = 111.
  const Estimate e = MustEstimate(SeedWith("price_per_gpu_hour", "\"18\""));
  EXPECT_EQ(e.price_source, "config");
  EXPECT_EQ(e.price_per_gpu_hour, Rational(18));
  EXPECT_EQ(Money(e.per_epoch.total), "111.00");
  EXPECT_EQ(Money(e.total.total), "1110.00");
  const Note* note = FindNote(e, "price_override");
  ASSERT_NE(note, nullptr);
  EXPECT_EQ(note->params.at("price"), "18");
  EXPECT_EQ(note->params.at("table_price"), "20");
}

TEST(PriceOverride, WithoutAPriceTheTablesIsUsed) {
  const Estimate e = MustEstimate(test::SeedWithout({"price_per_gpu_hour"}));
  EXPECT_EQ(e.price_source, "table");
  EXPECT_EQ(FindNote(e, "price_override"), nullptr);
  EXPECT_EQ(Money(e.per_epoch.total), "123.00");
}

// ---- Everything at once ----------------------------------------------------

TEST(Estimate, WholeInstancesBillingAndDiscountTogether) {
  // v100x4, 6 GPUs -> 2 instances, 8 billed; 0.7 h x 2 epochs = 1.4 h, billed 2 h;
  // 25 % off: 2 h x 12 x 8 x 0.75 = 144 compute; + (0.5 + 0.25) x 2 = 145.50.
  // Of the 144: used 1.4 x 12 x 6 x 0.75 = 75.60, idle GPUs 1.4 x 12 x 2 x 0.75
  // = 25.20, rounding to the hour 0.6 x 12 x 8 x 0.75 = 43.20.
  const Estimate e = MustEstimate(ConfigText({{"instance", "\"v100x4\""},
                                              {"gpus", "6"},
                                              {"hours_per_epoch", "0.7"},
                                              {"epochs", "2"},
                                              {"data_cost_per_epoch", "0.5"},
                                              {"ops_cost_per_epoch", "0.25"},
                                              {"billing_increment_seconds", "3600"},
                                              {"discount_percent", "25"}}));
  EXPECT_EQ(Money(e.total.compute), "144.00");
  EXPECT_EQ(Money(e.total.total), "145.50");
  EXPECT_EQ(Money(e.per_epoch.compute), "72.00");
  EXPECT_EQ(Money(e.per_epoch.total), "72.75");
  EXPECT_EQ(Money(e.idle_gpu_cost), "25.20");
  EXPECT_EQ(Money(e.billing_extra), "43.20");
  EXPECT_EQ(Money(e.discount), "48.00");
  ASSERT_EQ(e.notes.size(), 3u);
  EXPECT_EQ(e.notes[0].code, "whole_instances");
  EXPECT_EQ(e.notes[1].code, "billing_rounded");
  EXPECT_EQ(e.notes[2].code, "discount_applied");
  ExpectPartsAddUp(e);
}

// The seed (1,230.00 CNY, 60 GPU-hours) with a second currency at 0.5 USD
// per CNY: the energy's cost (60 GPU-h x 0.4 kW x 0.8 = 19.20 CNY) and the
// spot total (15 h x 4 GPUs x 10 + 30 = 630.00 CNY, no interruptions) are
// converted too: 9.60 and 315.00 USD.
TEST(ConvertedTotals, TheEnergyCostAndTheSpotTotalAreConvertedAtTheRate) {
  const Estimate e = test::MustEstimate(test::ConfigText([] {
    test::RawFields fields = test::SeedFields();
    fields.push_back({"energy", R"({"watts_per_gpu": 400, "price_per_kwh": "0.8"})"});
    fields.push_back({"spot", R"({"price_per_gpu_hour": "10", "interruptions_per_hour": "0"})"});
    fields.push_back({"display_currency", R"({"code": "USD", "rate": "0.5"})"});
    return fields;
  }()));
  EXPECT_EQ(test::Money(e.total.total), "1230.00");
  ASSERT_TRUE(e.energy && e.energy->cost_exact);
  EXPECT_EQ(*e.energy->cost_exact, Rational::Fraction(192, 10));
  ASSERT_TRUE(e.spot);
  EXPECT_EQ(test::Money(e.spot->total), "630.00");
  ASSERT_TRUE(e.converted);
  EXPECT_EQ(test::Money(e.converted->total), "615.00");
  EXPECT_EQ(test::Money(e.converted->per_epoch_total), "61.50");
  ASSERT_TRUE(e.converted->energy_cost);
  EXPECT_EQ(test::Money(*e.converted->energy_cost), "9.60");
  ASSERT_TRUE(e.converted->spot_total);
  EXPECT_EQ(test::Money(*e.converted->spot_total), "315.00");
}

// Owned GPUs with an energy draw but no electricity price: P holds no
// electricity, and a note says so. 10 h x 8 GPUs x 1.5 = 120.00 CNY.
TEST(OwnedGpus, AnEnergyWithoutAPriceLeavesElectricityOutOfPAndSaysSo) {
  const ConfigResult parsed = ParseConfig(
      R"({"hours_per_epoch": 10, "gpus": 8, "owned": {"price_per_gpu_hour": "1.5"}, "energy": {"watts_per_gpu": 700}})");
  ASSERT_TRUE(parsed.ok()) << test::Describe(parsed.errors);
  const EstimateResult result = ComputeEstimate(nullptr, parsed.config);
  ASSERT_TRUE(result.ok()) << test::Describe(result.errors);
  const Estimate& e = result.estimate;
  EXPECT_EQ(e.price_per_gpu_hour, Rational::Fraction(15, 10));
  EXPECT_EQ(test::Money(e.total.total), "120.00");
  ASSERT_TRUE(e.energy);
  EXPECT_EQ(e.energy->kwh, Rational(56));  // 80 GPU-h x 0.7 kW
  EXPECT_FALSE(e.energy->cost_exact);
  std::vector<std::string> codes;
  for (const Note& note : e.notes) codes.push_back(note.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"energy", "owned_price_hourly", "owned_without_energy"}));
}

// A Config built in code with owned GPUs but neither way to price them (the
// JSON and the link refuse that before): the estimate names the field.
TEST(OwnedGpus, ACodeBuiltConfigWithoutAWayToPriceThemIsRefused) {
  ConfigResult parsed = ParseConfig(R"({"hours_per_epoch": 10, "gpus": 8, "owned": {"price_per_gpu_hour": "1.5"}})");
  ASSERT_TRUE(parsed.ok());
  parsed.config.owned = OwnedGpus{};
  const EstimateResult result = ComputeEstimate(nullptr, parsed.config);
  EXPECT_TRUE(test::IsOnlyError(result.errors, code::kMissing, "owned.purchase_price_per_gpu"));
}

// Totals too large once converted: the rate is named. The total, 99,999 x
// 999,999 x 99,999 x 9,999,999 (about 1e23, no factor 2 or 5), times the
// rate's 999,999,999,999,999,999 / 1e12 does not fit 128 bits.
TEST(ConvertedTotals, ARateThatOverflowsTheTotalsIsNamed) {
  EXPECT_CONFIG_ERROR(
      R"({"gpus": 99999, "hours_per_epoch": 99999, "epochs": 999999,)"
      R"( "price_per_gpu_hour": "9999999", "display_currency": {"code": "USD", "rate": "999999.999999999999"}})",
      code::kOverflow, "display_currency.rate");
}

// Energy figures too large for exact arithmetic: the energy is named
// (the seed's 60 GPU-hours at 12 decimals in watts, PUE and intensity).
TEST(Energy, FiguresThatOverflowAreNamed) {
  EXPECT_CONFIG_ERROR(test::ConfigText([] {
                        test::RawFields fields = test::SeedFields();
                        fields.push_back({"energy", R"({"watts_per_gpu": "9999.999999999999", "pue":)"
                                                    R"( "9.999999999999", "kg_co2_per_kwh": "9.999999999999"})"});
                        return fields;
                      }()),
                      code::kOverflow, "energy");
}

// Electricity at a price of 0 is a price: owned GPUs then need no note that
// the electricity is missing; the energy costs 0.00. 80 GPU-h x 0.7 kW =
// 56 kWh.
TEST(OwnedGpus, ElectricityPricedAtZeroIsNotMissing) {
  const ConfigResult parsed =
      ParseConfig(R"({"hours_per_epoch": 10, "gpus": 8, "owned": {"price_per_gpu_hour": "1.5"},)"
                  R"( "energy": {"watts_per_gpu": 700, "price_per_kwh": "0"}})");
  ASSERT_TRUE(parsed.ok()) << test::Describe(parsed.errors);
  const EstimateResult result = ComputeEstimate(nullptr, parsed.config);
  ASSERT_TRUE(result.ok()) << test::Describe(result.errors);
  const Estimate& e = result.estimate;
  EXPECT_EQ(e.price_per_gpu_hour, Rational::Fraction(15, 10));
  ASSERT_TRUE(e.energy && e.energy->cost_exact);
  EXPECT_EQ(*e.energy->cost_exact, Rational(0));
  std::vector<std::string> codes;
  for (const Note& note : e.notes) codes.push_back(note.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"energy", "energy_in_owned_price", "owned_price_hourly"}));
}

// An energy without a price has no cost to convert: the converted totals
// carry none (the seed's 1,230.00 CNY at 0.5 is 615.00 USD).
TEST(ConvertedTotals, AnEnergyWithoutAPriceHasNoConvertedCost) {
  const Estimate e = test::MustEstimate(test::ConfigText([] {
    test::RawFields fields = test::SeedFields();
    fields.push_back({"energy", R"({"watts_per_gpu": 400})"});
    fields.push_back({"display_currency", R"({"code": "USD", "rate": "0.5"})"});
    return fields;
  }()));
  ASSERT_TRUE(e.energy);
  EXPECT_EQ(e.energy->kwh, Rational(24));
  ASSERT_TRUE(e.converted);
  EXPECT_EQ(test::Money(e.converted->total), "615.00");
  EXPECT_FALSE(e.converted->energy_cost);
  EXPECT_FALSE(e.converted->spot_total);
}

// Spot capacity without an instance and without a spot price of its own has
// no price to use: the field is named.
TEST(Spot, WithoutAnInstanceTheSpotPriceIsMissing) {
  EXPECT_CONFIG_ERROR(R"({"gpus": 4, "hours_per_epoch": 1, "price_per_gpu_hour": 2,)"
                      R"( "spot": {"interruptions_per_hour": "0.1"}})",
                      code::kNoSpotPrice, "spot.price_per_gpu_hour");
}

// Spot figures beyond exact 128-bit arithmetic (twelve decimals in the spot
// price, the interruption rate, the interval and the restart: the spot
// compute's denominator is 1e35, its value about 6,900): the spot estimate
// is named, not a wrong total.
TEST(Spot, FiguresThatOverflowAreNamed) {
  EXPECT_CONFIG_ERROR(test::ConfigText([] {
                        test::RawFields fields = test::SeedFields();
                        fields.push_back({"spot", R"({"price_per_gpu_hour": "9.999999999999",)"
                                                  R"( "interruptions_per_hour": "0.999999999999",)"
                                                  R"( "checkpoint_interval_hours": "0.999999999999",)"
                                                  R"( "restart_hours": "9.999999999999"})"});
                        return fields;
                      }()),
                      code::kOverflow, "spot");
}

// A range whose slow end takes T past its limit: 1e10 tokens at 10 tokens/s
// on 4 GPUs is 69,444 h, at half the throughput 138,889 h (over 100,000).
// The range's input is named, not the throughput.
TEST(Range, AnEndPastTheLimitNamesTheRangeInput) {
  EXPECT_CONFIG_ERROR(R"({"instance": "a100x4", "gpus": 4, "throughput": {"tokens_per_epoch": "1e10",)"
                      R"( "tokens_per_second_per_gpu": 10, "range_percent": 50}})",
                      code::kDerivedTooLong, "throughput.range_percent");
}

}  // namespace
}  // namespace epochcost
