// Published training figures reproduced by the calculator: the
// LLaMA paper's GPU-hours from its throughput, and the DeepSeek-V3 report's
// cost from its GPU-hours and rental price.
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

TEST(PublishedFigure, LlamaSixtyFiveBGpuHoursFromItsThroughputWithinHalfAPercent) {
  // Touvron et al. 2023: LLaMA-65B processed about 380 tokens/s/GPU on 2048
  // A100-80GB over 1.4T tokens, and the paper reports 1,022,362 GPU-hours.
  // Throughput way: T = 1.4e12 / (380 x 2048) / 3600 h, so
  //   GPU-hours = T x 2048 = 1.4e12 / 380 / 3600 = 1.4e12 / 1368000 = 1,023,391.81...
  const ConfigResult config = ParseConfig(test::ReadSourceFile("examples/llama-65b-throughput.json"));
  ASSERT_TRUE(config.ok()) << test::Describe(config.errors);
  EXPECT_EQ(config.config.gpus, 2048);
  const EstimateResult result = ComputeEstimate(nullptr, config.config);
  ASSERT_TRUE(result.ok()) << test::Describe(result.errors);
  const Rational gpu_hours = result.estimate.gpu_hours;
  EXPECT_EQ(gpu_hours, Rational::Fraction(1400000000000, 1368000));

  // |computed - published| / published, exactly: 1029.81... / 1022362 = 0.1007 %.
  const Rational published(1022362);
  const Rational difference = gpu_hours - published;
  ASSERT_FALSE(difference.is_negative());  // the estimate is slightly above the paper's figure
  const Rational relative = difference / published;
  EXPECT_LE(relative, Rational::Fraction(5, 1000));  // within 0.5 % (the acceptance bound)
  EXPECT_GE(relative, Rational::Fraction(1, 1000));  // and about 0.1 %, as docs/estimating-time.md says
  EXPECT_LT(relative, Rational::Fraction(11, 10000));

  // At the example's price of 1 per GPU-hour the cost is the GPU-hours.
  EXPECT_EQ(test::Money(result.estimate.total.total), "1023391.81");
  const Json out = Json::parse(EstimateFromJson("", test::ReadSourceFile("examples/llama-65b-throughput.json")));
  EXPECT_EQ(out["gpu_hours"], "1023391.812865");
  EXPECT_EQ(out["time_way"], "throughput");
}

TEST(PublishedFigure, DeepSeekV3CostFromItsGpuHoursAtTwoDollars) {
  // DeepSeek-V3 report, Table 1: 2.788M H800 GPU-hours at 2 USD per
  // GPU-hour = 5.576M USD. On 2048 GPUs (256 H800 x8 nodes) that is
  // T = 2788000 / 2048 = 1361.328125 h, exactly.
  const std::string prices = test::ReadSourceFile("web/prices/deepseek-v3.json");
  const std::string config =
      test::ConfigText({{"instance", "\"h800x8\""}, {"gpus", "2048"}, {"hours_per_epoch", "\"1361.328125\""}});
  const PriceTableResult table = ParsePriceTable(prices);
  ASSERT_TRUE(table.ok()) << test::Describe(table.errors);
  const ConfigResult parsed = ParseConfig(config);
  ASSERT_TRUE(parsed.ok()) << test::Describe(parsed.errors);
  const EstimateResult result = ComputeEstimate(&table.table, parsed.config);
  ASSERT_TRUE(result.ok()) << test::Describe(result.errors);
  const Estimate& e = result.estimate;
  EXPECT_EQ(e.hours_per_epoch, Rational::Fraction(2788000, 2048));
  EXPECT_EQ(e.instances, 256);
  EXPECT_EQ(e.gpus_billed, 2048);  // no idle GPUs
  EXPECT_EQ(e.gpu_hours, Rational(2788000));
  EXPECT_EQ(e.price_per_gpu_hour, Rational(2));
  EXPECT_EQ(e.total_exact, Rational(5576000));  // 2788000 x 2

  const Json out = Json::parse(EstimateFromJson(prices, config));
  ASSERT_EQ(out["ok"], true) << out.dump();
  EXPECT_EQ(out["currency"], "USD");
  EXPECT_EQ(out["total"], "5576000.00");
  EXPECT_EQ(out["gpu_hours"], "2788000");
  EXPECT_EQ(out["price_source"], "table");
  EXPECT_EQ(out["notes"].size(), 0u) << out["notes"].dump();
}

}  // namespace
}  // namespace epochcost
