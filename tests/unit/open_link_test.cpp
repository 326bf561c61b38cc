// Opening a shared link: the form's values, one problem per value that
// cannot be used (with the value used instead), in one call.
#include "epochcost/open_link.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "epochcost/calculator.h"
#include "fixtures.h"

namespace epochcost {
namespace {

OpenedLink Open(const std::string& query) { return OpenLink(&test::CiuicTable(), query); }

TEST(OpenLink, TheSeedLinkOpensAsItsValuesWithNoProblem) {
  const OpenedLink opened = Open("i=a100x4&t=1.5&p=20&n=4&d=2&m=1&e=10");
  EXPECT_TRUE(opened.problems.empty());
  EXPECT_EQ(opened.values.at("way"), "direct");
  EXPECT_EQ(opened.values.at("instance"), "a100x4");
  EXPECT_EQ(opened.values.at("hours_per_epoch"), "1.5");
  // The table's own price: the form follows the table from now on.
  EXPECT_EQ(opened.values.at("price_per_gpu_hour"), "");
  EXPECT_FALSE(opened.price_mismatch);
}

TEST(OpenLink, AnEmptyLinkStartsOnTheExamples) {
  const OpenedLink opened = Open("");
  EXPECT_TRUE(opened.problems.empty());
  EXPECT_EQ(opened.values, ExampleValues(&test::CiuicTable()));
  EXPECT_EQ(opened.values.at("epochs"), "10");
  EXPECT_EQ(opened.values.at("flops.mfu"), "0.35");
}

// The link's one problem: its code, its parameter, and the value used instead.
void ExpectOneProblem(const OpenedLink& opened, const char* error_code, const char* param, const char* fallback) {
  ASSERT_EQ(opened.problems.size(), 1u);
  EXPECT_EQ(opened.problems[0].error.code, error_code);
  EXPECT_EQ(opened.problems[0].error.params.at("param"), param);
  EXPECT_EQ(opened.problems[0].fallback, fallback);
}

TEST(OpenLink, AnInstanceTheTableLacksFallsBackWithItsMessage) {
  const OpenedLink opened = Open("i=h100x8&t=2&e=3");
  ExpectOneProblem(opened, code::kUnknownInstance, "i", "a100x4");
  EXPECT_EQ(opened.values.at("instance"), "a100x4");
  EXPECT_EQ(opened.values.at("hours_per_epoch"), "2");
}

TEST(OpenLink, ABadValueCostsOnlyItself) {
  const OpenedLink opened = Open("i=v100x4&t=-1&e=2");
  ExpectOneProblem(opened, code::kNegative, "t", "1.5");
  EXPECT_EQ(opened.values.at("hours_per_epoch"), "1.5");
  EXPECT_EQ(opened.values.at("instance"), "v100x4");
  EXPECT_EQ(opened.values.at("epochs"), "2");
}

TEST(OpenLink, AnInstanceWithoutNMeansOneWholeInstance) {
  EXPECT_EQ(Open("i=rtx3090&t=30&e=3").values.at("gpus"), "");
  EXPECT_EQ(Open("i=rtx3090&t=30&n=2&e=3").values.at("gpus"), "2");
}

TEST(OpenLink, AWayTheLinkChoosesBringsOnlyItsOwnInputs) {
  const OpenedLink opened = Open("i=a100x4&tok=2000000000&p=20&e=1");
  EXPECT_EQ(opened.values.at("way"), "throughput");
  EXPECT_EQ(opened.values.at("throughput.tokens_per_epoch"), "2e9");
  // Left out: empty (and reported by the estimate), not the page's example.
  EXPECT_EQ(opened.values.at("throughput.tokens_per_second_per_gpu"), "");
  const OpenedLink samples = Open("ts=50&tsec=120&tn=52002&tb=32&i=a100x4");
  EXPECT_EQ(samples.values.at("way"), "trial");
  EXPECT_EQ(samples.values.at("alternative"), "samples");
  EXPECT_TRUE(samples.problems.empty());
}

TEST(OpenLink, SeveralWaysUseTheFirstAndSaySo) {
  const OpenedLink opened = Open("i=a100x4&t=2&tok=1e9&tps=400");
  EXPECT_EQ(opened.values.at("way"), "direct");
  ASSERT_FALSE(opened.problems.empty());
  EXPECT_EQ(opened.problems[0].error.code, code::kConflicting);
  EXPECT_EQ(opened.problems[0].chosen_way, "direct");
}

// With several ways and a bad model shape, the ways' conflict is reported
// once and the shape's own error once, by the estimate (not twice).
TEST(OpenLink, SeveralWaysAndABadShapeAreEachReportedOnce) {
  const OpenedLink opened = Open("i=a100x4&t=2&tok=1e9&layers=2&hid=64&ffn=128&heads=4&kv=8&vocab=100");
  EXPECT_EQ(opened.values.at("way"), "direct");
  ASSERT_EQ(opened.problems.size(), 2u);
  EXPECT_EQ(opened.problems[0].error.code, code::kConflicting);
  EXPECT_EQ(opened.problems[0].chosen_way, "direct");
  EXPECT_EQ(opened.problems[1].error.code, code::kNotDivisible);
  EXPECT_EQ(opened.problems[1].error.field, "model.num_key_value_heads");
  EXPECT_EQ(opened.problems[1].chosen_way, "");
}

TEST(OpenLink, ALinkPriceUnlikeTheTablesIsKeptAndReported) {
  const OpenedLink opened = Open("i=a100x4&t=1.5&p=25&n=4");
  ASSERT_TRUE(opened.price_mismatch);
  EXPECT_EQ(opened.price_mismatch->link_price, Rational(25));
  EXPECT_EQ(opened.price_mismatch->table_price, Rational(20));
  EXPECT_EQ(opened.values.at("price_per_gpu_hour"), "25");
}

TEST(OpenLink, WithoutATableTheLinkKeepsItsOwnPrice) {
  const OpenedLink opened = OpenLink(nullptr, "t=2&p=9&n=3");
  EXPECT_TRUE(opened.problems.empty());
  EXPECT_EQ(opened.values.at("instance"), "");
  EXPECT_EQ(opened.values.at("price_per_gpu_hour"), "9");
}

TEST(OpenLink, PageSettingsPassThrough) {
  const OpenedLink opened = Open("t=1&lang=zh&embed=1");
  EXPECT_EQ(opened.settings.at("lang"), "zh");
  EXPECT_EQ(opened.settings.at("embed"), "1");
}

// The page's JSON of an opened link (Calculator::OpenLink): every value, the
// keys from the link, each problem with its messages, the value used
// instead or the way chosen, the price mismatch and the settings.
TEST(OpenedLinkJson, SaysWhatTheFormShowsAndWhy) {
  const Calculator calculator(test::CiuicJson());
  const nlohmann::json opened = nlohmann::json::parse(calculator.OpenLink("i=a100x4&t=2&tok=1e9&tps=400&n=-1&lang=zh"));
  ASSERT_TRUE(opened["ok"].get<bool>()) << opened.dump();
  EXPECT_EQ(opened["values"]["way"], "direct");
  EXPECT_EQ(opened["values"]["hours_per_epoch"], "2");
  EXPECT_EQ(opened["settings"]["lang"], "zh");
  EXPECT_TRUE(opened["price_mismatch"].is_null());
  std::set<std::string> codes;
  for (const auto& problem : opened["problems"]) {
    codes.insert(problem["code"].get<std::string>());
    EXPECT_FALSE(problem["message_en"].get<std::string>().empty());
    EXPECT_FALSE(problem["message_zh"].get<std::string>().empty());
    if (problem["code"] == code::kConflicting) {
      EXPECT_EQ(problem["chosen_way"], "direct");
    }
    if (problem["field"] == "gpus") {
      EXPECT_EQ(problem["fallback"], "4");
    }
  }
  EXPECT_EQ(codes.count(std::string(code::kConflicting)), 1u) << opened.dump();
  EXPECT_EQ(codes.size(), 2u) << opened.dump();
  const auto& from_link = opened["from_link"];
  EXPECT_NE(std::find(from_link.begin(), from_link.end(), "hours_per_epoch"), from_link.end());

  const nlohmann::json priced = nlohmann::json::parse(calculator.OpenLink("i=a100x4&t=1.5&p=25&n=4"));
  EXPECT_EQ(priced["price_mismatch"]["link_price"], "25");
  EXPECT_EQ(priced["price_mismatch"]["table_price"], "20");
  EXPECT_FALSE(priced["price_mismatch"]["instance"].get<std::string>().empty());
  EXPECT_TRUE(priced["problems"].empty());

  const nlohmann::json broken = nlohmann::json::parse(Calculator("{").OpenLink("t=1"));
  EXPECT_FALSE(broken["ok"].get<bool>());
}

// A link decoded once opens as its query does (the fuzzer checks each
// decoded link once on this).
TEST(OpenLink, ADecodedLinkOpensAsItsQuery) {
  for (const char* query : {"i=a100x4&t=1.5&p=25&n=4", "i=a100x4&t=2&tok=1e9&tps=400", "t=x&n=0&lang=zh", ""}) {
    const OpenedLink a = Open(query);
    const OpenedLink b = OpenLink(&test::CiuicTable(), DecodeLink(query));
    EXPECT_EQ(a.values, b.values) << query;
    EXPECT_EQ(a.from_link, b.from_link) << query;
    EXPECT_EQ(OpenedLinkJson(a), OpenedLinkJson(b)) << query;
    EXPECT_EQ(DecodeLinkToJson(query), LinkResultJson(DecodeLink(query))) << query;
  }
}

// A long count the link brings as digits reads as the page writes it (2e9,
// 2.5e9); shorter ones, fractions and counts with fewer than four trailing
// zeros stay as they came.
TEST(OpenLink, LongCountsReadInTheirShortForm) {
  const std::map<std::string, std::string> expected = {
      {"2000000000", "2e9"},      {"2500000000", "2.5e9"}, {"1000", "1000"},           {"0.5", "0.5"},
      {"1234567.5", "1234567.5"}, {"1234500", "1234500"},  {"0.0000005", "0.0000005"},
  };
  for (const auto& [given, shown] : expected) {
    const OpenedLink opened = Open("i=a100x4&tok=" + given + "&tps=400");
    EXPECT_EQ(opened.values.at("throughput.tokens_per_epoch"), shown) << given;
  }
}

// A link from before training.method gives flops.method: it opens as
// training.method, which the link then counts as given.
TEST(OpenLink, TheOldFlopsMethodOpensAsTrainingMethod) {
  const OpenedLink opened = Open("i=a100x4&ftok=1e8&fp=6910365696&fm=full&n=4");
  EXPECT_EQ(opened.values.at("way"), "flops");
  EXPECT_EQ(opened.values.at("training.method"), "full");
  EXPECT_EQ(opened.values.at("flops.method"), "");
  EXPECT_EQ(opened.from_link.count("training.method"), 1u);
  EXPECT_EQ(opened.from_link.count("flops.method"), 0u);
  EXPECT_TRUE(opened.problems.empty()) << opened.problems[0].error.code;
}

// The trial's batch alone already means the samples alternative; steps per
// epoch without samples or a batch, the steps alternative.
TEST(OpenLink, ATrialBatchChoosesTheSamplesAlternative) {
  EXPECT_EQ(Open("ts=50&tsec=120&tb=32&i=a100x4").values.at("alternative"), "samples");
  const OpenedLink steps = Open("ts=50&tsec=120&tspe=1000&i=a100x4");
  EXPECT_EQ(steps.values.at("alternative"), "steps");
  EXPECT_EQ(steps.values.at("trial.samples"), "");
  EXPECT_TRUE(steps.problems.empty());
}

// A parameter the page does not know is reported, with no value to fall
// back to; the rest of the link opens.
TEST(OpenLink, AnUnknownParameterIsReportedWithoutAFallback) {
  const OpenedLink opened = Open("i=a100x4&t=2&zz=1");
  ASSERT_EQ(opened.problems.size(), 1u);
  EXPECT_EQ(opened.problems[0].error.code, code::kUnknownParam);
  EXPECT_EQ(opened.problems[0].error.field, "link");
  EXPECT_EQ(opened.problems[0].fallback, "");
  EXPECT_EQ(opened.values.at("hours_per_epoch"), "2");
}

// A link with a model keeps it and the training setup it gives; a bad
// training value costs only itself.
TEST(OpenLink, AModelAndTrainingSetupFromTheLinkAreKept) {
  const OpenedLink opened = Open("i=a100x4&t=1.5&n=4&model=llama-2-7b&tm=full&seq=abc");
  EXPECT_EQ(opened.values.at("model.preset"), "llama-2-7b");
  EXPECT_EQ(opened.values.at("training.method"), "full");
  EXPECT_EQ(opened.values.at("model.hidden_size"), "");
  EXPECT_EQ(opened.values.at("training.seq_len"), "");
  ASSERT_EQ(opened.problems.size(), 1u);
  EXPECT_EQ(opened.problems[0].error.code, code::kNotANumber);
  EXPECT_EQ(opened.problems[0].error.field, "training.seq_len");
  EXPECT_EQ(opened.from_link.count("model.preset"), 1u);
  EXPECT_EQ(opened.from_link.count("training.seq_len"), 0u);
}

// A link that gives both the old flops.method and training.method: the
// newer one is the method.
TEST(OpenLink, TrainingMethodWinsOverTheOldFlopsMethod) {
  const OpenedLink opened = Open("i=a100x4&ftok=1e8&fp=6910365696&fm=full&tm=lora&n=4");
  EXPECT_EQ(opened.values.at("training.method"), "lora");
  EXPECT_EQ(opened.from_link.count("training.method"), 1u);
}

// A table without the example's instance starts on its first instance.
TEST(OpenLink, ATableWithoutTheExampleInstanceStartsOnItsFirst) {
  nlohmann::json table = nlohmann::json::parse(test::CiuicJson());
  table["instances"].erase(table["instances"].begin());
  const PriceTableResult parsed = ParsePriceTable(table.dump());
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(ExampleValues(&parsed.table).at("instance"), parsed.table.instances.front().id);
  EXPECT_NE(parsed.table.instances.front().id, "a100x4");
  EXPECT_EQ(ExampleValues(nullptr).at("instance"), "");
}

}  // namespace
}  // namespace epochcost
