// Planning backwards: the most epochs a budget buys, and the fewest GPUs (in
// whole instances) that finish by a deadline. Both search over full
// estimates, so billing increments and whole instances count.
#include "epochcost/plan.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "epochcost/json_api.h"
#include "expect_error.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;
using test::ConfigText;
using test::SeedWith;

Plan PlanFor(const std::string& config_json) {
  const ConfigResult config = ParseConfig(config_json);
  EXPECT_TRUE(config.ok()) << test::Describe(config.errors);
  return ComputePlan(&test::CiuicTable(), config.config);
}

Estimate EstimateWithGpus(const std::string& config_json, std::int64_t gpus) {
  ConfigResult config = ParseConfig(config_json);
  EXPECT_TRUE(config.ok()) << test::Describe(config.errors);
  config.config.gpus = gpus;
  config.config.deadline_hours.reset();
  const EstimateResult result = ComputeEstimate(&test::CiuicTable(), config.config);
  EXPECT_TRUE(result.ok()) << test::Describe(result.errors);
  return result.estimate;
}

// ---- Budget -------------------------------------------------------------------

TEST(PlanBudget, TheSeedsThousandBuysEightEpochs) {
  // 123 per epoch: 8 x 123 = 984 <= 1000 < 9 x 123 = 1107.
  const Plan plan = PlanFor(SeedWith("budget", "1000"));
  EXPECT_TRUE(plan.errors.empty()) << test::Describe(plan.errors);
  EXPECT_EQ(plan.max_epochs, 8);
  EXPECT_FALSE(plan.gpus_for_deadline.has_value());
}

TEST(PlanBudget, ABudgetBelowOneEpochBuysNone) { EXPECT_EQ(PlanFor(SeedWith("budget", "\"122.99\"")).max_epochs, 0); }

TEST(PlanBudget, TheBudgetIsInclusive) {
  EXPECT_EQ(PlanFor(SeedWith("budget", "123")).max_epochs, 1);
  EXPECT_EQ(PlanFor(SeedWith("budget", "1230")).max_epochs, 10);
  EXPECT_EQ(PlanFor(SeedWith("budget", "\"1229.99\"")).max_epochs, 9);
}

TEST(PlanBudget, HourlyBillingIsHonouredByTheSearch) {
  // T = 1.3 h on A100 x4 (80 per hour), D + M = 3 per epoch, budget 440.
  //   no increment:  4 epochs = 5.2 h x 80 + 12 = 428 <= 440; 5 epochs = 535.
  //   hourly:        4 epochs = 5.2 h billed as 6 h: 480 + 12 = 492 > 440;
  //                  3 epochs = 3.9 h billed as 4 h: 320 + 9 = 329 <= 440.
  const std::string base = ConfigText({{"instance", "\"a100x4\""},
                                       {"hours_per_epoch", "1.3"},
                                       {"data_cost_per_epoch", "2"},
                                       {"ops_cost_per_epoch", "1"},
                                       {"budget", "440"}});
  EXPECT_EQ(PlanFor(base).max_epochs, 4);
  const std::string hourly = ConfigText({{"instance", "\"a100x4\""},
                                         {"hours_per_epoch", "1.3"},
                                         {"data_cost_per_epoch", "2"},
                                         {"ops_cost_per_epoch", "1"},
                                         {"billing_increment_seconds", "3600"},
                                         {"budget", "440"}});
  EXPECT_EQ(PlanFor(hourly).max_epochs, 3);
}

TEST(PlanBudget, AHugeBudgetStopsAtTheEpochMaximum) {
  // 1e12 / 123 is far above the 1,000,000 epochs a configuration may ask for.
  EXPECT_EQ(PlanFor(SeedWith("budget", "\"1e12\"")).max_epochs, 1000000);
}

TEST(PlanBudget, TheJsonResultCarriesThePlan) {
  const Json out = Json::parse(EstimateFromJson(test::CiuicJson(), SeedWith("budget", "1000")));
  ASSERT_EQ(out["ok"], true) << out.dump();
  EXPECT_EQ(out["total"], "1230.00");  // the estimate itself is unchanged
  EXPECT_EQ(out["plan"]["max_epochs"], 8);
  EXPECT_EQ(out["plan"]["gpus_for_deadline"], nullptr);
  EXPECT_EQ(out["plan"]["errors"].size(), 0u);
  // Without a budget or deadline there is no plan at all.
  EXPECT_FALSE(Json::parse(EstimateFromJson(test::CiuicJson(), test::SeedConfigJson())).contains("plan"));
}

// ---- Deadline -------------------------------------------------------------------

// T = 3.6e9 tokens / (1000 tokens/s x N) / 3600 = 1000 / N h; 10 epochs take 10000 / N h.
std::string ThroughputOn(const char* instance, const char* deadline) {
  return ConfigText({{"instance", std::string("\"") + instance + "\""},
                     {"throughput", R"({"tokens_per_epoch": "3.6e9", "tokens_per_second_per_gpu": 1000})"},
                     {"epochs", "10"},
                     {"deadline_hours", deadline}});
}

TEST(PlanDeadline, ThroughputNeedsAHundredGpusForAHundredHours) {
  // 10000 / N <= 100  <=>  N >= 100 = 25 A100 x4 instances.
  const Plan plan = PlanFor(ThroughputOn("a100x4", "100"));
  EXPECT_TRUE(plan.errors.empty()) << test::Describe(plan.errors);
  EXPECT_EQ(plan.gpus_for_deadline, 100);
}

TEST(PlanDeadline, TheGpuCountIsRoundedUpToWholeInstances) {
  // 10000 / N <= 99  <=>  N >= 101.01..., so 102 GPUs; on A100 x4 that is
  // 26 instances = 104 GPUs, on the one-GPU RTX3090 102.
  EXPECT_EQ(PlanFor(ThroughputOn("a100x4", "99")).gpus_for_deadline, 104);
  EXPECT_EQ(PlanFor(ThroughputOn("rtx3090", "99")).gpus_for_deadline, 102);
  // The answer is the fewest: 104 GPUs finish in time, 100 do not.
  EXPECT_LE(EstimateWithGpus(ThroughputOn("a100x4", "99"), 104).wall_hours, Rational(99));
  EXPECT_GT(EstimateWithGpus(ThroughputOn("a100x4", "99"), 100).wall_hours, Rational(99));
}

// Fewer GPUs than 4000 would need more than the 100,000 hours an epoch may
// take (T = 1.44e12 / (1 x N x 3600) = 4e8 / N h): such counts have no
// estimate, so the deadline's 200,000 h is met first at 4000 GPUs, not 2000.
TEST(PlanDeadline, CountsWhoseEpochPassesTheHoursLimitAreNotOffered) {
  const Plan plan =
      PlanFor(ConfigText({{"instance", "\"a100x4\""},
                          {"gpus", "40000"},
                          {"throughput", R"({"tokens_per_epoch": "1.44e12", "tokens_per_second_per_gpu": 1})"},
                          {"deadline_hours", "200000"}}));
  EXPECT_TRUE(plan.errors.empty()) << test::Describe(plan.errors);
  EXPECT_EQ(plan.gpus_for_deadline, 4000);
  EXPECT_EQ(plan.instances_for_deadline, 1000);
}

TEST(PlanDeadline, TheFlopsWayScalesWithTheGpuCountToo) {
  // 6 x 1e9 params x 3e9 tokens = 1.8e19 FLOPs; one GPU at 100 TFLOPS x 0.5
  // MFU = 5e13 FLOP/s takes 3.6e5 s = 100 h. 100 / N <= 10 needs N >= 10:
  // three A100 x4 instances, 12 GPUs. 100 / N <= 25 needs 4.
  const auto flops = [](const char* deadline) {
    return ConfigText(
        {{"instance", "\"a100x4\""},
         {"flops",
          R"({"params": "1e9", "tokens_per_epoch": "3e9", "method": "full", "mfu": "0.5", "peak_tflops": 100})"},
         {"deadline_hours", deadline}});
  };
  EXPECT_EQ(PlanFor(flops("10")).gpus_for_deadline, 12);
  EXPECT_EQ(PlanFor(flops("25")).gpus_for_deadline, 4);
  EXPECT_EQ(EstimateWithGpus(flops("10"), 1).hours_per_epoch, Rational(100));
}

TEST(PlanDeadline, AFixedTCannotBeScaled) {
  const Plan direct = PlanFor(SeedWith("deadline_hours", "10"));
  EXPECT_FALSE(direct.gpus_for_deadline.has_value());
  EXPECT_TRUE(test::IsOnlyError(direct.errors, code::kNeedsScaling, "deadline_hours"));

  // A trial run measured the whole job: its T does not follow N either.
  const Plan trial = PlanFor(ConfigText({{"instance", "\"a100x4\""},
                                         {"trial", R"({"steps": 50, "seconds": 120, "steps_per_epoch": 1000})"},
                                         {"deadline_hours", "10"}}));
  EXPECT_TRUE(test::IsOnlyError(trial.errors, code::kNeedsScaling, "deadline_hours"));
}

TEST(PlanDeadline, AnUnreachableDeadlineSaysNoGpuCountIsEnough) {
  // 10000 / N <= 0.001 needs N >= 1e7, above the 100,000 GPUs a configuration may use.
  const Plan plan = PlanFor(ThroughputOn("a100x4", "0.001"));
  EXPECT_FALSE(plan.gpus_for_deadline.has_value());
  ASSERT_TRUE(test::IsOnlyError(plan.errors, code::kDeadlineUnreachable, "deadline_hours"));
  EXPECT_EQ(plan.errors[0].params.at("max"), "100000");
  EXPECT_EQ(plan.errors[0].params.at("value"), "0.001");
}

TEST(PlanDeadline, TheJsonResultCarriesTheGpusOrTheError) {
  const Json ok = Json::parse(EstimateFromJson(test::CiuicJson(), ThroughputOn("a100x4", "99")));
  ASSERT_EQ(ok["ok"], true) << ok.dump();
  EXPECT_EQ(ok["plan"]["gpus_for_deadline"], 104);
  EXPECT_EQ(ok["plan"]["max_epochs"], nullptr);

  const Json scaling = Json::parse(EstimateFromJson(test::CiuicJson(), SeedWith("deadline_hours", "10")));
  ASSERT_EQ(scaling["ok"], true);  // the estimate stands; only the plan failed
  EXPECT_EQ(scaling["plan"]["gpus_for_deadline"], nullptr);
  ASSERT_EQ(scaling["plan"]["errors"].size(), 1u);
  EXPECT_EQ(scaling["plan"]["errors"][0]["code"], "needs_scaling");
  EXPECT_EQ(scaling["plan"]["errors"][0]["field"], "deadline_hours");
}

TEST(Plan, BudgetAndDeadlineTogether) {
  // 3.6e9 tokens at 1000/s on 4 GPUs (the instance's, no n): T = 250 h;
  // 10 epochs at 250 h x 20 x 4 = 20000 each. Budget 50000 buys 2 epochs.
  const std::string both =
      ConfigText({{"instance", "\"a100x4\""},
                  {"throughput", R"({"tokens_per_epoch": "3.6e9", "tokens_per_second_per_gpu": 1000})"},
                  {"epochs", "10"},
                  {"budget", "50000"},
                  {"deadline_hours", "100"}});
  const Plan plan = PlanFor(both);
  EXPECT_TRUE(plan.errors.empty()) << test::Describe(plan.errors);
  EXPECT_EQ(plan.max_epochs, 2);
  EXPECT_EQ(plan.gpus_for_deadline, 100);
}

TEST(Plan, AConfigurationThatCannotBeEstimatedHasNoPlan) {
  ConfigResult config = ParseConfig(SeedWith("budget", "1000"));
  ASSERT_TRUE(config.ok());
  config.config.instance = "h100x8";  // not in the table
  const Plan plan = ComputePlan(&test::CiuicTable(), config.config);
  EXPECT_FALSE(plan.max_epochs.has_value());
  EXPECT_TRUE(plan.errors.empty());  // the estimate reports unknown_instance itself
}

// Without an instance the count is of single GPUs, and no instance count
// is given.
TEST(PlanDeadline, WithoutAnInstanceTheGpusAreCountedOneByOne) {
  const Plan plan =
      PlanFor(ConfigText({{"gpus", "1"},
                          {"price_per_gpu_hour", "\"20\""},
                          {"throughput", R"({"tokens_per_epoch": "3.6e9", "tokens_per_second_per_gpu": 1000})"},
                          {"epochs", "10"},
                          {"deadline_hours", "99"}}));
  EXPECT_TRUE(plan.errors.empty()) << test::Describe(plan.errors);
  EXPECT_EQ(plan.gpus_for_deadline, 102);
  EXPECT_FALSE(plan.instances_for_deadline.has_value());
}

// At half the throughput kept per doubling or less, one instance is the
// fastest: it meets the deadline, or nothing does (and the error says why).
TEST(PlanDeadline, AtHalfEfficiencyOneInstanceIsTheFastest) {
  const auto halved = [](const char* deadline) {
    return ConfigText({{"instance", "\"a100x4\""},
                       {"throughput", R"({"tokens_per_epoch": "3.6e9", "tokens_per_second_per_gpu": 1000})"},
                       {"epochs", "10"},
                       {"scaling_efficiency", "\"0.5\""},
                       {"deadline_hours", deadline}});
  };
  // One A100 x4: 10000 / 4 = 2500 h.
  const Plan on_time = PlanFor(halved("3000"));
  EXPECT_TRUE(on_time.errors.empty()) << test::Describe(on_time.errors);
  EXPECT_EQ(on_time.gpus_for_deadline, 4);
  EXPECT_EQ(on_time.instances_for_deadline, 1);
  const Plan late = PlanFor(halved("100"));
  EXPECT_FALSE(late.gpus_for_deadline.has_value());
  ASSERT_TRUE(test::IsOnlyError(late.errors, code::kScalingUnreachable, "deadline_hours"));
  EXPECT_EQ(late.errors[0].params.at("gpus"), "4");
  EXPECT_EQ(late.errors[0].params.at("hours"), "2500");
  EXPECT_EQ(late.errors[0].params.at("efficiency"), "0.5");
}

// The plan reads on-demand totals and wall-clock hours. A spot checkpoint
// interval fits the configuration's own run, but a probe's shorter run (fewer
// epochs, more GPUs) may be shorter than it: that says nothing of the figures
// the plan reads, so it must not end the search.
TEST(PlanBudget, ASpotCheckpointIntervalLongerThanAShorterRunDoesNotStopTheSearch) {
  // 1 h an epoch on the A100 x4 at 20 per GPU-hour: 80 an epoch, so 250 buys
  // 3 epochs (240), runs the 5 h interval does not fit.
  const Plan plan = PlanFor(ConfigText({{"instance", "\"a100x4\""},
                                        {"hours_per_epoch", "\"1\""},
                                        {"epochs", "10"},
                                        {"budget", "\"250\""},
                                        {"spot", R"({"price_per_gpu_hour": "8", "interruptions_per_hour": "0.1",
                                                     "checkpoint_interval_hours": "5"})"}}));
  EXPECT_TRUE(plan.errors.empty()) << test::Describe(plan.errors);
  EXPECT_EQ(plan.max_epochs, 3);
}

TEST(PlanDeadline, ASpotCheckpointIntervalLongerThanOneInstancesRunDoesNotHideIt) {
  // 8 GPUs at 0.4 efficiency run 312.5 h; one instance alone runs 250 h,
  // shorter than the 300 h interval, and is the fastest (efficiency <= 1/2).
  const Plan plan =
      PlanFor(ConfigText({{"instance", "\"a100x4\""},
                          {"gpus", "8"},
                          {"scaling_efficiency", "\"0.4\""},
                          {"deadline_hours", "\"1000\""},
                          {"throughput", R"({"tokens_per_epoch": "3.6e9", "tokens_per_second_per_gpu": 1000})"},
                          {"spot", R"({"price_per_gpu_hour": "8", "interruptions_per_hour": "0.01",
                                                     "checkpoint_interval_hours": "300"})"}}));
  EXPECT_TRUE(plan.errors.empty()) << test::Describe(plan.errors);
  EXPECT_EQ(plan.gpus_for_deadline, 4);
  EXPECT_EQ(plan.instances_for_deadline, 1);
}

TEST(PlanBudget, AThroughputRangeWhoseFastEndIsShorterThanTheIntervalDoesNotStopTheSearch) {
  const Plan plan =
      PlanFor(ConfigText({{"instance", "\"a100x4\""},
                          {"throughput", R"({"tokens_per_epoch": "3.6e7", "tokens_per_second_per_gpu": 1000,
                                                          "range_percent": "50"})"},
                          {"epochs", "10"},
                          {"budget", "\"500\""},
                          {"spot", R"({"price_per_gpu_hour": "8", "interruptions_per_hour": "0.1",
                                                     "checkpoint_interval_hours": "20"})"}}));
  EXPECT_TRUE(plan.errors.empty()) << test::Describe(plan.errors);
  // 3.6e7 tokens at 4,000 a second: 2.5 h an epoch, 200 an epoch on the A100 x4.
  EXPECT_EQ(plan.max_epochs, 2);
}

}  // namespace
}  // namespace epochcost
