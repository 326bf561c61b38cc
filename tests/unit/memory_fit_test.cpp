// Does the model fit in the GPUs' memory? Full fine-tuning with mixed
// precision AdamW keeps 16 bytes per parameter, sharded over all GPUs; LoRA
// keeps the frozen weights in BF16 (2 bytes per parameter) on every GPU plus
// 16 bytes per adapter parameter. Up to 80 % of memory fits, up to 100 % is
// tight, above does not fit (GB = 1e9 bytes).
#include "epochcost/memory_fit.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "epochcost/compare.h"
#include "epochcost/estimate.h"
#include "epochcost/json_api.h"
#include "expect_error.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;
using test::ConfigText;

// Billions (of parameters) as an exact Rational: Giga(6.9) = 6.9e9.
Rational Giga(const Rational& value) { return value * Rational(1000000000); }

FlopsModel Lora(const Rational& params, const Rational& trainable) {
  FlopsModel model;
  model.method = TrainingMethod::kLora;
  model.params = params;
  model.trainable_params = trainable;
  return model;
}

FlopsModel Full(const Rational& params) {
  FlopsModel model;
  model.method = TrainingMethod::kFull;
  model.params = params;
  return model;
}

const Note* FindNote(const Estimate& e, const std::string& code) {
  for (const Note& note : e.notes) {
    if (note.code == code) return &note;
  }
  return nullptr;
}

// DeepSeek-7B (6.9e9 parameters) with 4.2e6 LoRA parameters:
// 2 x 6.9e9 + 16 x 4.2e6 = 13.8e9 + 0.0672e9 = 13.8672e9 bytes = 13.8672 GB per GPU.
const Rational kSevenB = Giga(Rational::Fraction(69, 10));
const Rational kLoraAdapters(4200000);
const Rational kSevenBLoraGb = Rational::Fraction(138672, 10000);

TEST(MemoryFit, DeepSeekSevenBLoraNeedsThirteenPointEightSevenGbPerGpu) {
  const MemoryFit fit = CheckMemoryFit(Lora(kSevenB, kLoraAdapters), 4, Rational(40));
  EXPECT_EQ(fit.needed_gb_per_gpu, kSevenBLoraGb);
  EXPECT_EQ(fit.gpu_memory_gb, Rational(40));
}

TEST(MemoryFit, DeepSeekSevenBLoraFitsOnAnA100FortyGb) {
  // 13.8672 <= 0.8 x 40 = 32.
  EXPECT_EQ(CheckMemoryFit(Lora(kSevenB, kLoraAdapters), 4, Rational(40)).fit, Fit::kFits);
}

TEST(MemoryFit, DeepSeekSevenBLoraIsTightOnAV100SixteenGb) {
  // 0.8 x 16 = 12.8 < 13.8672 <= 16.
  EXPECT_EQ(CheckMemoryFit(Lora(kSevenB, kLoraAdapters), 4, Rational(16)).fit, Fit::kTight);
}

TEST(MemoryFit, DeepSeekSevenBLoraFitsOnAnRtx3090TwentyFourGb) {
  // 13.8672 <= 0.8 x 24 = 19.2.
  EXPECT_EQ(CheckMemoryFit(Lora(kSevenB, kLoraAdapters), 1, Rational(24)).fit, Fit::kFits);
}

TEST(MemoryFit, LoraWeightsAreNotShardedAcrossGpus) {
  // Every GPU holds the frozen weights: the same need on 1 or 64 GPUs.
  EXPECT_EQ(CheckMemoryFit(Lora(kSevenB, kLoraAdapters), 1, Rational(40)).needed_gb_per_gpu,
            CheckMemoryFit(Lora(kSevenB, kLoraAdapters), 64, Rational(40)).needed_gb_per_gpu);
}

TEST(MemoryFit, FullFineTuningOfSevenBOnFourA100sFits) {
  // 16 bytes x 6.9e9 / 4 GPUs = 27.6e9 bytes = 27.6 GB <= 32.
  const MemoryFit fit = CheckMemoryFit(Full(kSevenB), 4, Rational(40));
  EXPECT_EQ(fit.needed_gb_per_gpu, Rational::Fraction(276, 10));
  EXPECT_EQ(fit.fit, Fit::kFits);
}

TEST(MemoryFit, FullFineTuningOfSevenBOnFourV100sDoesNotFit) {
  // 27.6 GB > 16 GB.
  EXPECT_EQ(CheckMemoryFit(Full(kSevenB), 4, Rational(16)).fit, Fit::kDoesNotFit);
  // Sharded over 8 GPUs: 13.8 GB, tight on 16 GB (12.8 < 13.8 <= 16).
  EXPECT_EQ(CheckMemoryFit(Full(kSevenB), 8, Rational(16)).needed_gb_per_gpu, Rational::Fraction(138, 10));
  EXPECT_EQ(CheckMemoryFit(Full(kSevenB), 8, Rational(16)).fit, Fit::kTight);
}

TEST(MemoryFit, TheBoundariesAreEightyAndAHundredPercentInclusive) {
  // Full: 16 bytes x 8e9 / 4 GPUs = 32 GB, exactly 80 % of 40 GB; 10e9 gives
  // 40 GB, exactly 100 %. LoRA: 2 bytes x 20e9 = 40 GB, plus 16 bytes for one
  // adapter parameter, is just above 100 %.
  const Rational trainable(1);
  EXPECT_EQ(CheckMemoryFit(Full(Giga(8)), 4, Rational(40)).needed_gb_per_gpu, Rational(32));
  EXPECT_EQ(CheckMemoryFit(Full(Giga(8)), 4, Rational(40)).fit, Fit::kFits);    // 32 = 80 %
  EXPECT_EQ(CheckMemoryFit(Full(Giga(10)), 4, Rational(40)).fit, Fit::kTight);  // 40 = 100 %
  EXPECT_EQ(CheckMemoryFit(Lora(Giga(20), trainable), 1, Rational(40)).fit,
            Fit::kDoesNotFit);  // 40 GB + 16 bytes
}

TEST(MemoryFit, FitNames) {
  EXPECT_STREQ(FitName(Fit::kFits), "fits");
  EXPECT_STREQ(FitName(Fit::kTight), "tight");
  EXPECT_STREQ(FitName(Fit::kDoesNotFit), "does_not_fit");
}

// ---- In the estimate: the table's GPU memory, and a note ------------------------

std::string Flops(const char* instance, const char* gpus, const char* flops) {
  return ConfigText({{"instance", std::string("\"") + instance + "\""}, {"gpus", gpus}, {"flops", flops}});
}

constexpr const char* kSevenBLoraJson =
    R"({"params": "6.9e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "lora"})";
constexpr const char* kSevenBFullJson = R"({"params": "6.9e9", "tokens_per_epoch": "1e9", "method": "full"})";

TEST(MemoryFitEstimate, TheTablesGpuMemoryIsChecked) {
  const Estimate a100 = test::MustEstimate(Flops("a100x4", "4", kSevenBLoraJson));
  ASSERT_TRUE(a100.memory.has_value());
  EXPECT_EQ(a100.memory->fit, Fit::kFits);
  EXPECT_EQ(a100.memory->gpu_memory_gb, Rational(40));
  EXPECT_EQ(a100.memory->needed_gb_per_gpu, kSevenBLoraGb);
  EXPECT_EQ(FindNote(a100, "memory_tight"), nullptr);
  EXPECT_EQ(FindNote(a100, "memory_does_not_fit"), nullptr);

  const Estimate rtx = test::MustEstimate(Flops("rtx3090", "1", kSevenBLoraJson));
  ASSERT_TRUE(rtx.memory.has_value());
  EXPECT_EQ(rtx.memory->fit, Fit::kFits);
}

TEST(MemoryFitEstimate, TightMemoryIsNoted) {
  const Estimate v100 = test::MustEstimate(Flops("v100x4", "4", kSevenBLoraJson));
  ASSERT_TRUE(v100.memory.has_value());
  EXPECT_EQ(v100.memory->fit, Fit::kTight);
  const Note* note = FindNote(v100, "memory_tight");
  ASSERT_NE(note, nullptr);
  EXPECT_EQ(note->params.at("needed_gb"), "13.87");
  EXPECT_EQ(note->params.at("memory_gb"), "16");
  EXPECT_NE(RenderNote(*note, Lang::kEn).find("13.87 GB"), std::string::npos) << RenderNote(*note, Lang::kEn);
  EXPECT_NE(RenderNote(*note, Lang::kZh).find("13.87 GB"), std::string::npos) << RenderNote(*note, Lang::kZh);
}

TEST(MemoryFitEstimate, FullFineTuningOnFourV100sDoesNotFitAndSaysSo) {
  const Estimate e = test::MustEstimate(Flops("v100x4", "4", kSevenBFullJson));
  ASSERT_TRUE(e.memory.has_value());
  EXPECT_EQ(e.memory->fit, Fit::kDoesNotFit);
  EXPECT_EQ(e.memory->needed_gb_per_gpu, Rational::Fraction(276, 10));
  const Note* note = FindNote(e, "memory_does_not_fit");
  ASSERT_NE(note, nullptr) << "a model that does not fit must be warned about";
  EXPECT_EQ(note->params.at("needed_gb"), "27.6");
  EXPECT_EQ(note->params.at("memory_gb"), "16");
  for (const Lang lang : {Lang::kEn, Lang::kZh}) {
    const std::string message = RenderNote(*note, lang);
    EXPECT_NE(message.find("27.6 GB"), std::string::npos) << message;
    EXPECT_NE(message.find("16 GB"), std::string::npos) << message;
    EXPECT_EQ(message.find('{'), std::string::npos) << message;
  }

  const Json out = Json::parse(EstimateFromJson(test::CiuicJson(), Flops("v100x4", "4", kSevenBFullJson)));
  ASSERT_EQ(out["ok"], true) << out.dump();
  EXPECT_EQ(out["fits"], false);
  EXPECT_EQ(out["memory"]["fit"], "does_not_fit");
  EXPECT_EQ(out["memory"]["needed_gb_per_gpu"], "27.6");
  EXPECT_EQ(out["memory"]["gpu_memory_gb"], "16");
  bool noted = false;
  for (const Json& n : out["notes"]) noted = noted || n["code"] == "memory_does_not_fit";
  EXPECT_TRUE(noted) << out["notes"].dump();
}

TEST(MemoryFitEstimate, FullFineTuningOfSevenBOnFourA100sFitsWithoutANote) {
  const Estimate e = test::MustEstimate(Flops("a100x4", "4", kSevenBFullJson));
  ASSERT_TRUE(e.memory.has_value());
  EXPECT_EQ(e.memory->fit, Fit::kFits);
  EXPECT_TRUE(e.notes.empty());
}

TEST(MemoryFitEstimate, DeepSeekSixtySevenBLoraFitsNoCiuicGpu) {
  // 2 x 67e9 = 134e9 bytes of frozen weights alone: 134 GB > 40, 16 and 24 GB.
  const ConfigResult config = ParseConfig(ConfigText(
      {{"instance", "\"a100x4\""},
       {"gpus", "8"},
       {"flops", R"({"params": "67e9", "trainable_params": "1.6e7", "tokens_per_epoch": "1e9", "method": "lora"})"}}));
  ASSERT_TRUE(config.ok()) << test::Describe(config.errors);
  const auto rows = CompareInstances(test::CiuicTable(), config.config);
  ASSERT_EQ(rows.size(), 3u);
  for (const ComparisonRow& row : rows) {
    SCOPED_TRACE(row.instance);
    ASSERT_TRUE(row.result.ok()) << test::Describe(row.result.errors);
    ASSERT_TRUE(row.result.estimate.memory.has_value());
    EXPECT_EQ(row.result.estimate.memory->fit, Fit::kDoesNotFit);
    // 134e9 + 16 x 1.6e7 = 134.256e9 bytes.
    EXPECT_EQ(row.result.estimate.memory->needed_gb_per_gpu, Rational::Fraction(134256, 1000));
    EXPECT_NE(FindNote(row.result.estimate, "memory_does_not_fit"), nullptr);
  }
  const Json json = Json::parse(CompareRowsToJson(rows));
  for (const Json& row : json) EXPECT_EQ(row["fits"], false) << row["instance"];
}

TEST(MemoryFitEstimate, OnlyTheFlopsWayWithAKnownGpuIsChecked) {
  // A direct T says nothing about the model: no check, "fits" is null.
  const Estimate direct = test::MustEstimate(test::SeedConfigJson());
  EXPECT_FALSE(direct.memory.has_value());
  const Json out = Json::parse(EstimateFromJson(test::CiuicJson(), test::SeedConfigJson()));
  EXPECT_EQ(out["fits"], nullptr);
  EXPECT_EQ(out["memory"], nullptr);

  // The FLOPs way without an instance: no GPU memory known.
  const ConfigResult config = ParseConfig(ConfigText(
      {{"gpus", "4"},
       {"price_per_gpu_hour", "20"},
       {"flops", R"({"params": "6.9e9", "tokens_per_epoch": "1e9", "method": "full", "peak_tflops": 312})"}}));
  ASSERT_TRUE(config.ok());
  const EstimateResult result = ComputeEstimate(nullptr, config.config);
  ASSERT_TRUE(result.ok()) << test::Describe(result.errors);
  EXPECT_FALSE(result.estimate.memory.has_value());
}

}  // namespace
}  // namespace epochcost
