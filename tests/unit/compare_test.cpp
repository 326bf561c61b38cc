// Comparing every instance of a price table for the same workload: each row
// is a full estimate at that instance's table price, rows are sorted by
// total cost, the cheapest is marked, and a row that cannot run comes last
// with its error.
#include "epochcost/compare.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "epochcost/json_api.h"
#include "expect_error.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;
using test::ConfigText;

std::vector<ComparisonRow> Compare(const PriceTable& table, const std::string& config_json) {
  const ConfigResult config = ParseConfig(config_json);
  EXPECT_TRUE(config.ok()) << test::Describe(config.errors);
  return CompareInstances(table, config.config);
}

std::vector<std::string> Order(const std::vector<ComparisonRow>& rows) {
  std::vector<std::string> ids;
  for (const ComparisonRow& row : rows) ids.push_back(row.instance);
  return ids;
}

// DeepSeek-7B LoRA over 1e9 tokens per epoch on 4 GPUs, 10 epochs, D = 2,
// M = 1: FLOPs per epoch = (4 x 6.9e9 + 6 x 4.2e6) x 1e9 = 2.76252e19.
// The instance is the one the user had chosen; the comparison replaces it.
const std::string kLoraWorkload = ConfigText(
    {{"instance", "\"a100x4\""},
     {"gpus", "4"},
     {"flops", R"({"params": "6.9e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "lora"})"},
     {"data_cost_per_epoch", "2"},
     {"ops_cost_per_epoch", "1"},
     {"epochs", "10"}});

// T = 2.76252e19 / (4 GPUs x peak x 1e12 x 0.35) / 3600 h; each epoch costs
// T x price x 4 + 3, the run ten times that.
Rational ExpectedHours(const Rational& peak_tflops) {
  return Rational(276252) * Rational(100000000000000) /
         (Rational(4) * peak_tflops * Rational(1000000000000) * Rational::Fraction(35, 100)) / Rational(3600);
}
Rational ExpectedTotal(const Rational& peak_tflops, std::int64_t price) {
  return (ExpectedHours(peak_tflops) * Rational(price) * Rational(4) + Rational(3)) * Rational(10);
}

TEST(Compare, AFlopsWorkloadOnEveryCiuicInstanceCheapestFirst) {
  // A100: T = 17.5679 h, 10 x (17.5679 x 20 x 4 + 3) = 14084.33
  // V100: T = 48.9392 h, 10 x (48.9392 x 12 x 4 + 3) = 23520.82
  // RTX3090: T = 153.9660 h, 10 x (153.9660 x 5 x 4 + 3) = 30823.20
  const auto rows = Compare(test::CiuicTable(), kLoraWorkload);
  ASSERT_EQ(Order(rows), (std::vector<std::string>{"a100x4", "v100x4", "rtx3090"}));
  EXPECT_EQ(rows[0].result.estimate.total_exact, ExpectedTotal(Rational(312), 20));
  EXPECT_EQ(rows[1].result.estimate.total_exact, ExpectedTotal(Rational(112), 12));
  EXPECT_EQ(rows[2].result.estimate.total_exact, ExpectedTotal(Rational::Fraction(356, 10), 5));
  EXPECT_EQ(test::Money(rows[0].result.estimate.total.total), "14084.33");
  EXPECT_EQ(test::Money(rows[1].result.estimate.total.total), "23520.82");
  EXPECT_EQ(test::Money(rows[2].result.estimate.total.total), "30823.20");
  EXPECT_TRUE(rows[0].cheapest);
  EXPECT_FALSE(rows[1].cheapest);
  EXPECT_FALSE(rows[2].cheapest);
}

TEST(Compare, EachRowsTFollowsItsGpusPeak) {
  const auto rows = Compare(test::CiuicTable(), kLoraWorkload);
  for (const ComparisonRow& row : rows) {
    SCOPED_TRACE(row.instance);
    ASSERT_TRUE(row.result.ok()) << test::Describe(row.result.errors);
    const Instance* instance = test::CiuicTable().Find(row.instance);
    ASSERT_NE(instance, nullptr);
    ASSERT_TRUE(instance->gpu_peak_tflops.has_value());
    EXPECT_EQ(row.result.estimate.epoch_hours.peak_tflops, *instance->gpu_peak_tflops);
    EXPECT_EQ(row.result.estimate.epoch_hours.peak_source, "table");
    EXPECT_EQ(row.result.estimate.hours_per_epoch, ExpectedHours(*instance->gpu_peak_tflops));
  }
}

TEST(Compare, TheRowsAreSortedByTotal) {
  const auto rows = Compare(test::CiuicTable(), kLoraWorkload);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    EXPECT_LE(rows[i - 1].result.estimate.total_exact, rows[i].result.estimate.total_exact) << i;
  }
}

TEST(Compare, APriceOverrideIsSetAsideSoEachRowUsesItsTablePrice) {
  // With one price for all, every row would differ only by T.
  const std::string overridden = ConfigText(
      {{"gpus", "4"},
       {"price_per_gpu_hour", "1"},
       {"flops", R"({"params": "6.9e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "lora"})"},
       {"data_cost_per_epoch", "2"},
       {"ops_cost_per_epoch", "1"},
       {"epochs", "10"}});
  const auto rows = Compare(test::CiuicTable(), overridden);
  ASSERT_EQ(rows.size(), 3u);
  for (const ComparisonRow& row : rows) {
    SCOPED_TRACE(row.instance);
    EXPECT_EQ(row.result.estimate.price_source, "table");
    EXPECT_EQ(row.result.estimate.price_per_gpu_hour, test::CiuicTable().Find(row.instance)->price_per_gpu_hour);
  }
  EXPECT_EQ(rows[0].result.estimate.total_exact, ExpectedTotal(Rational(312), 20));
}

TEST(Compare, TheGpuCountIsRoundedUpToEachInstancesWholeInstances) {
  // 6 GPUs: two A100 x4 or V100 x4 (8 billed), six RTX3090s (6 billed).
  const auto rows =
      Compare(test::CiuicTable(), ConfigText({{"gpus", "6"}, {"hours_per_epoch", "1"}, {"price_per_gpu_hour", "1"}}));
  for (const ComparisonRow& row : rows) {
    SCOPED_TRACE(row.instance);
    EXPECT_EQ(row.result.estimate.gpus, 6);
    EXPECT_EQ(row.result.estimate.gpus_billed, row.instance == "rtx3090" ? 6 : 8);
  }
  // A fixed T: 1 h x price x billed GPUs: RTX 5 x 6 = 30, V100 12 x 8 = 96, A100 20 x 8 = 160.
  EXPECT_EQ(Order(rows), (std::vector<std::string>{"rtx3090", "v100x4", "a100x4"}));
  EXPECT_EQ(rows[0].result.estimate.total_exact, Rational(30));
  EXPECT_EQ(rows[1].result.estimate.total_exact, Rational(96));
  EXPECT_EQ(rows[2].result.estimate.total_exact, Rational(160));
}

// A table of our own: two instances at the same price per GPU, a dearer
// one, and one without GPU figures (so the FLOPs way cannot run on it).
PriceTable TestTable() {
  const PriceTableResult table = ParsePriceTable(R"({
    "format": "epochcost-prices/1", "provider": "Test", "currency": "CNY", "minor_unit_digits": 2,
    "price_unit": "gpu_hour", "prices_date": "2025-01-01", "sources": [{"title": "test"}],
    "instances": [
      {"id": "nopeak", "name": "No figures", "gpu": "X", "gpus_per_instance": 1, "price_per_gpu_hour": "1"},
      {"id": "dear", "name": "Dear", "gpu": "A100", "gpus_per_instance": 1, "price_per_gpu_hour": "30",
       "gpu_memory_gb": "80", "gpu_peak_tflops": "312", "gpu_specs_source": "test"},
      {"id": "twin-b", "name": "Twin B", "gpu": "A100", "gpus_per_instance": 1, "price_per_gpu_hour": "10",
       "gpu_memory_gb": "80", "gpu_peak_tflops": "312", "gpu_specs_source": "test"},
      {"id": "twin-a", "name": "Twin A", "gpu": "A100", "gpus_per_instance": 1, "price_per_gpu_hour": "10",
       "gpu_memory_gb": "80", "gpu_peak_tflops": "312", "gpu_specs_source": "test"}
    ]})");
  EXPECT_TRUE(table.ok()) << test::Describe(table.errors);
  return table.table;
}

TEST(Compare, TiesAreAllMarkedCheapestAndKeepTheTablesOrder) {
  const auto rows =
      Compare(TestTable(), ConfigText({{"gpus", "1"}, {"hours_per_epoch", "2"}, {"price_per_gpu_hour", "1"}}));
  // 2 h x 1 GPU: nopeak 2, twin-b 20, twin-a 20, dear 60.
  ASSERT_EQ(Order(rows), (std::vector<std::string>{"nopeak", "twin-b", "twin-a", "dear"}));
  EXPECT_TRUE(rows[0].cheapest);
  EXPECT_FALSE(rows[1].cheapest);

  // Without the cheap instance the twins tie for cheapest, in table order.
  const auto flops = Compare(
      TestTable(), ConfigText({{"gpus", "1"},
                               {"price_per_gpu_hour", "1"},
                               {"flops", R"({"params": "1e9", "tokens_per_epoch": "1e9", "method": "full"})"}}));
  ASSERT_EQ(Order(flops), (std::vector<std::string>{"twin-b", "twin-a", "dear", "nopeak"}));
  EXPECT_TRUE(flops[0].cheapest);
  EXPECT_TRUE(flops[1].cheapest);
  EXPECT_EQ(flops[0].result.estimate.total_exact, flops[1].result.estimate.total_exact);
  EXPECT_FALSE(flops[2].cheapest);
  EXPECT_FALSE(flops[3].cheapest);
}

TEST(Compare, ARowThatCannotRunComesLastWithItsError) {
  // FLOPs way, no peak_tflops in the configuration, and "nopeak" has no
  // GPU peak in the table: that row is an error, listed after the others
  // although it is first in the table and the cheapest per GPU-hour.
  const auto rows = Compare(
      TestTable(), ConfigText({{"gpus", "1"},
                               {"price_per_gpu_hour", "1"},
                               {"flops", R"({"params": "1e9", "tokens_per_epoch": "1e9", "method": "full"})"}}));
  ASSERT_EQ(rows.size(), 4u);
  const ComparisonRow& last = rows.back();
  EXPECT_EQ(last.instance, "nopeak");
  EXPECT_FALSE(last.cheapest);
  EXPECT_TRUE(test::IsOnlyError(last.result.errors, code::kMissing, "flops.peak_tflops"));

  const Json json = Json::parse(CompareRowsToJson(rows));
  ASSERT_EQ(json.size(), 4u);
  EXPECT_EQ(json[3]["instance"], "nopeak");
  EXPECT_EQ(json[3]["ok"], false);
  EXPECT_EQ(json[3]["cheapest"], false);
  EXPECT_EQ(json[3]["fits"], nullptr);
  EXPECT_EQ(json[3]["errors"][0]["code"], "missing");
  EXPECT_EQ(json[3]["errors"][0]["field"], "flops.peak_tflops");
}

TEST(Compare, WithAPeakInTheConfigurationEveryRowRuns) {
  const auto rows = Compare(
      TestTable(),
      ConfigText({{"gpus", "1"},
                  {"price_per_gpu_hour", "1"},
                  {"flops", R"({"params": "1e9", "tokens_per_epoch": "1e9", "method": "full", "peak_tflops": 100})"}}));
  for (const ComparisonRow& row : rows) EXPECT_TRUE(row.result.ok()) << row.instance;
  // The same T everywhere, so price alone decides: nopeak (1) first.
  EXPECT_EQ(rows[0].instance, "nopeak");
  EXPECT_TRUE(rows[0].cheapest);
}

TEST(Compare, WhenNoRowCanRunNoneIsCheapest) {
  const auto rows = Compare(
      TestTable(), ConfigText({{"gpus", "1"},
                               {"price_per_gpu_hour", "1"},
                               {"throughput", R"({"tokens_per_epoch": "1e16", "tokens_per_second_per_gpu": 1})"}}));
  ASSERT_EQ(rows.size(), 4u);
  for (const ComparisonRow& row : rows) {
    EXPECT_FALSE(row.result.ok()) << row.instance;
    EXPECT_FALSE(row.cheapest) << row.instance;
  }
}

TEST(Compare, TheJsonRowsCarryInstanceFitsCheapestAndTheEstimatesFields) {
  const Json out = Json::parse(CompareFromJson(test::CiuicJson(), kLoraWorkload));
  ASSERT_EQ(out["ok"], true) << out.dump();
  const Json& rows = out["rows"];
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0]["instance"], "a100x4");
  EXPECT_EQ(rows[0]["cheapest"], true);
  EXPECT_EQ(rows[0]["fits"], true);
  EXPECT_EQ(rows[0]["total"], "14084.33");
  EXPECT_EQ(rows[1]["instance"], "v100x4");
  EXPECT_EQ(rows[1]["fits"], true);  // tight (13.87 of 16 GB), but it fits
  EXPECT_EQ(rows[1]["memory"]["fit"], "tight");
  EXPECT_EQ(rows[2]["instance"], "rtx3090");
  for (const Json& row : rows) {
    for (const char* key : {"per_epoch", "totals", "hours_per_epoch", "gpu_hours", "wall_hours", "price_per_gpu_hour",
                            "currency", "time_way", "peak_tflops", "notes"}) {
      EXPECT_TRUE(row.contains(key)) << row["instance"] << " lacks " << key;
    }
  }
}

TEST(Compare, CompareFromJsonNeedsATable) {
  const Json out = Json::parse(CompareFromJson("", kLoraWorkload));
  EXPECT_EQ(out["ok"], false);
  EXPECT_EQ(out["errors"][0]["code"], "empty_input");  // as for an empty table file
  EXPECT_EQ(out["errors"][0]["field"], "prices");
}

TEST(Compare, AnInvalidConfigurationIsReportedOnceNotPerRow) {
  const Json out = Json::parse(CompareFromJson(test::CiuicJson(), test::SeedWith("gpus", "-4")));
  EXPECT_EQ(out["ok"], false);
  ASSERT_EQ(out["errors"].size(), 1u);
  EXPECT_EQ(out["errors"][0]["code"], "negative");
  EXPECT_EQ(out["errors"][0]["field"], "gpus");
}

// A comparison prices each row at its instance's table price and whole
// instance: a workload without an instance needs no P or N of its own.
TEST(Compare, AWorkloadWithoutAnInstanceNeedsNoPriceOrGpuCount) {
  const std::string workload = ConfigText(
      {{"hours_per_epoch", "1.5"}, {"data_cost_per_epoch", "2"}, {"ops_cost_per_epoch", "1"}, {"epochs", "10"}});
  const ConfigResult as_estimate = ParseConfig(workload);
  EXPECT_FALSE(as_estimate.ok()) << "an estimate still needs P and N without an instance";
  const Json out = Json::parse(CompareFromJson(test::CiuicJson(), workload));
  ASSERT_EQ(out["ok"], true) << out.dump();
  const Json& rows = out["rows"];
  ASSERT_EQ(rows.size(), 3u);
  // One whole instance each: RTX3090 1 x 5 x 1.5 + 3 = 10.50; V100 x4 4 x 12 x 1.5 + 3 = 75.00;
  // A100 x4 4 x 20 x 1.5 + 3 = 123.00 (the seed's figure).
  EXPECT_EQ(rows[0]["instance"], "rtx3090");
  EXPECT_EQ(rows[0]["per_epoch"]["total"], "10.50");
  EXPECT_EQ(rows[1]["instance"], "v100x4");
  EXPECT_EQ(rows[1]["per_epoch"]["total"], "75.00");
  EXPECT_EQ(rows[2]["instance"], "a100x4");
  EXPECT_EQ(rows[2]["per_epoch"]["total"], "123.00");
  EXPECT_EQ(rows[2]["total"], "1230.00");
}

TEST(Compare, AWorkloadWithoutAnInstanceStillReportsItsOtherErrors) {
  const ConfigResult config = ParseWorkload(ConfigText({{"hours_per_epoch", "-1"}}));
  ASSERT_EQ(config.errors.size(), 1u) << test::Describe(config.errors);
  EXPECT_EQ(config.errors[0].field, "hours_per_epoch");
  EXPECT_EQ(config.errors[0].code, code::kNegative);
}

// Two tables ranked together where one instance cannot run the workload:
// 1e9 tokens at 1 token per second per GPU is 277,778 h on the RTX3090's
// one GPU (past the 100,000 h limit), 69,444.4 h on four, 34,722.2 h on
// eight. Ranked in CNY at 7.24 CNY per USD: V100 69,444.4 x 4 x 12 =
// 3,333,333.33 CNY; H800 34,722.2 x 8 x 2 = 555,555.56 USD = 4,022,222.22
// CNY; A100 69,444.4 x 4 x 20 = 5,555,555.56 CNY; the RTX3090 last.
TEST(CompareTables, ARowThatCannotRunIsRankedLastAndNotCheapest) {
  const PriceTableResult deepseek = ParsePriceTable(test::ReadSourceFile("web/prices/deepseek-v3.json"));
  ASSERT_TRUE(deepseek.ok());
  const ConfigResult workload =
      ParseWorkload(R"({"throughput": {"tokens_per_epoch": "1e9", "tokens_per_second_per_gpu": 1},)"
                    R"( "display_currency": {"code": "CNY", "rate": "7.24"}})");
  ASSERT_TRUE(workload.ok()) << test::Describe(workload.errors);
  const TablesComparison ranked = CompareTables({test::CiuicTable(), deepseek.table}, workload.config);
  ASSERT_TRUE(ranked.ok()) << test::Describe(ranked.errors);
  EXPECT_EQ(ranked.currency, "CNY");
  std::vector<std::string> order;
  std::vector<std::string> totals;
  for (const TablesRow& row : ranked.rows) {
    order.push_back(row.row.instance);
    totals.push_back(row.row.result.ok() ? test::Money(row.ranked_total) : "-");
  }
  EXPECT_EQ(order, (std::vector<std::string>{"v100x4", "h800x8", "a100x4", "rtx3090"}));
  EXPECT_EQ(totals, (std::vector<std::string>{"3333333.33", "4022222.22", "5555555.56", "-"}));
  EXPECT_EQ(ranked.rows[1].table, 1u);
  EXPECT_TRUE(ranked.rows[0].row.cheapest);
  EXPECT_FALSE(ranked.rows[1].row.cheapest);
  EXPECT_FALSE(ranked.rows[3].row.cheapest);
  EXPECT_TRUE(test::IsOnlyError(ranked.rows[3].row.result.errors, code::kDerivedTooLong, "throughput"));
}

// No table, or a table without instances, ranks nothing and refuses nothing.
TEST(CompareTables, NoTablesOrNoInstancesGiveNoRows) {
  const ConfigResult workload = ParseWorkload(R"({"hours_per_epoch": 10, "gpus": 8})");
  ASSERT_TRUE(workload.ok());
  const TablesComparison none = CompareTables({}, workload.config);
  EXPECT_TRUE(none.ok());
  EXPECT_TRUE(none.rows.empty());
  EXPECT_EQ(none.currency, "");

  PriceTable empty = test::CiuicTable();
  empty.instances.clear();
  EXPECT_TRUE(CompareInstances(empty, workload.config).empty());
  const TablesComparison ranked = CompareTables({empty}, workload.config);
  EXPECT_TRUE(ranked.ok());
  EXPECT_EQ(ranked.currency, "CNY");
  EXPECT_TRUE(ranked.rows.empty());
}

}  // namespace
}  // namespace epochcost
