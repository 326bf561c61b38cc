// The memory per GPU: model states after the ZeRO paper, QLoRA's 4-bit
// base, activations after Korthikanti et al., the fit and the changes that
// would make it fit; and the model's shape: exact parameter counts and
// LoRA's trainable count (docs/memory.md).
#include "epochcost/memory_fit.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "epochcost/compare.h"
#include "epochcost/decimal_text.h"
#include "epochcost/estimate.h"
#include "epochcost/json_api.h"
#include "epochcost/model_shape.h"
#include "epochcost/schema.h"
#include "expect_error.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;
using test::ConfigText;

const ModelShape& Shape(const char* preset) {
  const ModelPreset* found = FindModelPreset(preset);
  EXPECT_NE(found, nullptr) << preset;
  return found->shape;
}

Rational Gb(Int128 bytes) { return Rational::Fraction(bytes, 1000000000); }

// Within `percent` of `expected` (the paper's figures are rounded).
bool Near(const Rational& value, const Rational& expected, int percent) {
  const Rational diff = value > expected ? value - expected : expected - value;
  return diff * Rational(100) <= expected * Rational(percent);
}

MemoryInputs Training(const ModelShape& shape, TrainingMethod method, std::int64_t gpus = 1) {
  MemoryInputs in;
  in.shape = shape;
  in.params = Rational::Fraction(CountParams(shape).total, 1);
  in.method = method;
  in.setup.lora_rank = 8;
  in.setup.lora_targets = {"q_proj", "v_proj"};
  in.setup.seq_len = 2048;
  in.setup.micro_batch = 1;
  in.trainable_params = method == TrainingMethod::kFull
                            ? in.params
                            : Rational::Fraction(LoraTrainableParams(shape, 8, in.setup.lora_targets), 1);
  in.gpus = gpus;
  return in;
}

// ---- Parameter counts from the shape ------------------------------------------

TEST(ModelShape, CountsMatchThePublishedCounts) {
  // Llama-2 7B: 6,738,415,616 (the safetensors total of its checkpoint, and
  // PEFT's "all params" minus the adapters, 6,742,609,920 - 4,194,304).
  EXPECT_EQ(CountParams(Shape("llama-2-7b")).total, Int128{6738415616});
  // Llama-3.1 8B: 8,030,261,248.
  EXPECT_EQ(CountParams(Shape("llama-3.1-8b")).total, Int128{8030261248});
  // Qwen2.5 7B, with its q/k/v biases: the model card's 7.61B, and 6.53B
  // without the embeddings and the (untied) output layer.
  const ParamCount qwen = CountParams(Shape("qwen2.5-7b"));
  EXPECT_EQ(qwen.total, Int128{7615616512});
  EXPECT_EQ(qwen.total - qwen.embeddings - qwen.lm_head, Int128{6525621760});
}

TEST(ModelShape, ThePartsAddUpAndTiedEmbeddingsCountOnce) {
  const ModelShape& deepseek = Shape("deepseek-llm-7b-base");
  const ParamCount c = CountParams(deepseek);
  EXPECT_EQ(c.embeddings + c.lm_head + c.attention + c.mlp + c.norms, c.total);
  EXPECT_EQ(c.total, Int128{6910365696});
  EXPECT_EQ(c.embeddings, Int128{102400} * 4096);
  EXPECT_EQ(c.mlp, Int128{30} * 3 * 4096 * 11008);
  EXPECT_EQ(c.norms, Int128{61} * 4096);
  ModelShape tied = deepseek;
  tied.tie_word_embeddings = true;
  EXPECT_EQ(CountParams(tied).total, c.total - c.embeddings);
  EXPECT_EQ(CountParams(tied).lm_head, 0);
}

TEST(ModelShape, GroupedQueryAttentionShrinksKeysAndValues) {
  // Llama-3.1 8B: 8 key-value heads of 128 for 32 query heads.
  const ParamCount c = CountParams(Shape("llama-3.1-8b"));
  EXPECT_EQ(c.attention, Int128{32} * (4096 * 4096 * 2 + 2 * 4096 * 1024));
}

TEST(ModelShape, LoraTrainableCountsMatchPeft) {
  // rank x (in + out) per module per layer: PEFT prints these counts.
  EXPECT_EQ(LoraTrainableParams(Shape("llama-2-7b"), 8, {"q_proj", "v_proj"}), Int128{4194304});
  EXPECT_EQ(LoraTrainableParams(Shape("deepseek-llm-7b-base"), 8, {"q_proj", "v_proj"}), Int128{3932160});
  EXPECT_EQ(LoraTrainableParams(Shape("llama-3.1-8b"), 8, {"q_proj", "v_proj"}), Int128{3407872});
  const std::vector<std::string> all = {"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"};
  EXPECT_EQ(LoraTrainableParams(Shape("llama-3.1-8b"), 16, all), Int128{41943040});
  EXPECT_EQ(LoraTrainableParams(Shape("llama-2-7b"), 16, {"q_proj", "k_proj", "v_proj", "o_proj"}), Int128{16777216});
  EXPECT_EQ(LoraTrainableParams(Shape("llama-2-7b"), 64, all), Int128{159907840});
}

TEST(ModelShape, EveryPresetIsAValidShapeAndTheSchemaListsThemAll) {
  for (const ModelPreset& preset : ModelPresets()) {
    SCOPED_TRACE(std::string(preset.id));
    Errors errors;
    CheckShape(preset.shape, "model.", &errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(std::string(preset.config_url).rfind("https://huggingface.co/", 0), 0u);
  }
  EXPECT_EQ(ModelPresetIds(), std::string(FieldOf("model.preset").choices));
}

// ---- config.json -----------------------------------------------------------

TEST(ModelConfigJson, ThePublishersFileGivesThePresetsShape) {
  const ModelConfigResult deepseek =
      ParseModelConfigJson(test::ReadSourceFile("tests/fixtures/model_configs/deepseek-llm-7b-base.json"));
  ASSERT_TRUE(deepseek.ok()) << test::Describe(deepseek.errors);
  EXPECT_EQ(CountParams(deepseek.shape).total, CountParams(Shape("deepseek-llm-7b-base")).total);
  EXPECT_EQ(deepseek.architecture, "LlamaForCausalLM");
  const ModelConfigResult llama =
      ParseModelConfigJson(test::ReadSourceFile("tests/fixtures/model_configs/llama-3.1-8b.json"));
  ASSERT_TRUE(llama.ok()) << test::Describe(llama.errors);
  EXPECT_EQ(CountParams(llama.shape).total, Int128{8030261248});
}

bool ModelConfigFails(const std::string& text, const std::string& code, const std::string& field) {
  const ModelConfigResult r = ParseModelConfigJson(text);
  for (const Error& e : r.errors) {
    if (e.code == code && e.field == field) return true;
  }
  ADD_FAILURE() << "expected " << code << " at " << field << ", got " << test::Describe(r.errors);
  return false;
}

TEST(ModelConfigJson, UnsupportedOrBrokenFilesAreRefusedNamingTheKey) {
  const std::string base = R"("num_hidden_layers": 2, "hidden_size": 64, "intermediate_size": 128, )"
                           R"("num_attention_heads": 4, "vocab_size": 100)";
  EXPECT_TRUE(ModelConfigFails(R"({"architectures": ["MixtralForCausalLM"], )" + base + "}", code::kUnsupportedModel,
                               "config.json.architectures"));
  EXPECT_TRUE(ModelConfigFails(R"({"architectures": ["LlamaForCausalLM"], "num_local_experts": 8, )" + base + "}",
                               code::kUnexpectedKey, "config.json.num_local_experts"));
  EXPECT_TRUE(ModelConfigFails(R"({"architectures": ["LlamaForCausalLM"], "attention_bias": true, )" + base + "}",
                               code::kUnexpectedKey, "config.json.attention_bias"));
  EXPECT_TRUE(ModelConfigFails(R"({"architectures": ["LlamaForCausalLM"], "hidden_size": 64})", code::kMissing,
                               "config.json.num_hidden_layers"));
  EXPECT_TRUE(
      ModelConfigFails(R"({"architectures": ["LlamaForCausalLM"], "num_hidden_layers": 1e400, "hidden_size": 64})",
                       code::kTooLarge, "config.json.num_hidden_layers"));
  EXPECT_TRUE(ModelConfigFails(R"({"architectures": ["<script>alert(1)</script>"], )" + base + "}",
                               code::kUnsupportedModel, "config.json.architectures"));
  EXPECT_TRUE(ModelConfigFails("<html>not json</html>", code::kMalformedJson, "config.json"));
  EXPECT_TRUE(ModelConfigFails(R"({"architectures": ["LlamaForCausalLM"], "num_hidden_layers": 2, "hidden_size": 64, )"
                               R"("intermediate_size": 128, "num_attention_heads": 5, "vocab_size": 100})",
                               code::kNotDivisible, "config.json.num_attention_heads"));
  EXPECT_TRUE(ModelConfigFails(R"({"architectures": ["LlamaForCausalLM"], "tie_word_embeddings": "yes", )" + base + "}",
                               code::kWrongType, "config.json.tie_word_embeddings"));
}

// ---- Model states: the ZeRO paper's Figure 1 ---------------------------------------

TEST(MemoryFit, ZeroPaperFigureOne) {
  // 7.5 B parameters, mixed-precision AdamW (K = 12), 64 GPUs: 120 GB per
  // GPU of model states without ZeRO, 31.4 GB at stage 1, 16.6 GB at stage 2,
  // 1.9 GB at stage 3 (Rajbhandari et al. 2020, Figure 1 and sections 5.1-5.3).
  MemoryInputs in;
  in.params = Rational(7500000000);
  in.method = TrainingMethod::kFull;
  in.trainable_params = in.params;
  in.gpus = 64;
  const char* expected[] = {"120", "31.4", "16.6", "1.9"};
  for (int stage = 0; stage <= 3; ++stage) {
    SCOPED_TRACE(stage);
    in.setup.zero_stage = stage;
    const MemoryBytes b = PerGpuBytes(in);
    Rational paper;
    ASSERT_EQ(ParseDecimalText(expected[stage], &paper), nullptr);
    EXPECT_TRUE(Near(Gb(b.weights + b.gradients + b.optimizer), paper, 2))
        << ToShortDecimal(Gb(b.weights + b.gradients + b.optimizer), 3);
    EXPECT_FALSE(b.activations_counted);  // no shape: no activations
    EXPECT_EQ(b.total, b.weights + b.gradients + b.optimizer + b.overhead);
  }
  in.setup.zero_stage = 0;
  EXPECT_EQ(PerGpuBytes(in).optimizer, Int128{90000000000});  // 12 bytes x 7.5e9
}

TEST(MemoryFit, OptimizersKeepTheirStatedBytes) {
  MemoryInputs in;
  in.params = Rational(2048000);
  in.method = TrainingMethod::kFull;
  in.trainable_params = in.params;
  in.setup.optimizer = Optimizer::kAdamW8bit;  // 4 + 2 + 8/2048
  EXPECT_EQ(PerGpuBytes(in).optimizer, Int128{2048000} * 6 + 8000);
  in.setup.optimizer = Optimizer::kSgd;  // 4 + 4
  EXPECT_EQ(PerGpuBytes(in).optimizer, Int128{2048000} * 8);
}

TEST(MemoryFit, MemoryIsNeverPooledAcrossCardsWithoutSharding) {
  const MemoryInputs one = Training(Shape("llama-2-7b"), TrainingMethod::kLora, 1);
  const MemoryInputs many = Training(Shape("llama-2-7b"), TrainingMethod::kLora, 64);
  EXPECT_EQ(PerGpuBytes(one).total, PerGpuBytes(many).total);
  MemoryInputs full = Training(Shape("llama-2-7b"), TrainingMethod::kFull, 4);
  const Int128 stage0 = PerGpuBytes(full).total;
  full.setup.zero_stage = 3;
  EXPECT_LT(PerGpuBytes(full).total, stage0);
}

TEST(MemoryFit, QloraStoresTheLinearWeightsInFourBitsWithTheirConstants) {
  const ModelShape& shape = Shape("llama-2-7b");
  const ParamCount c = CountParams(shape);
  const MemoryInputs in = Training(shape, TrainingMethod::kQlora);
  const Int128 adapters = 4194304;
  // 4 + 8/64 + 32/(64 x 256) bits per linear weight (QLoRA, section 3:
  // 0.127 bits of constants per parameter with double quantisation).
  const Rational nf4 = Rational::Fraction(c.linear_weights, 1) *
                       (Rational(4) + Rational::Fraction(8, 64) + Rational::Fraction(32, 16384)) / Rational(8);
  const Rational rest = Rational::Fraction((c.total - c.linear_weights) * 2 + adapters * 2, 1);
  EXPECT_EQ(PerGpuBytes(in).weights, (nf4 + rest).Ceil().num());
  // About a quarter of LoRA's 16-bit base.
  EXPECT_LT(PerGpuBytes(in).weights * 3, PerGpuBytes(Training(shape, TrainingMethod::kLora)).weights);
}

TEST(MemoryFit, ActivationsFollowKorthikantiWithAndWithoutCheckpointing) {
  const ModelShape& shape = Shape("llama-2-7b");
  MemoryInputs in = Training(shape, TrainingMethod::kLora);
  in.setup.seq_len = 4096;
  in.setup.micro_batch = 2;
  const Int128 sbh = Int128{4096} * 2 * 4096;
  const Int128 logits = Int128{4} * 4096 * 2 * 32000;
  EXPECT_EQ(PerGpuBytes(in).activations, 34 * sbh * 32 + logits);
  in.setup.activation_checkpointing = true;
  EXPECT_EQ(PerGpuBytes(in).activations, 2 * sbh * 32 + 34 * sbh + logits);
}

// The page explains the check with these figures (schema constants.memory):
// they must be the ones PerGpuBytes uses.
TEST(MemoryFit, TheSchemaStatesTheFactorsTheCheckUses) {
  const Json memory = Json::parse(SchemaJson())["constants"]["memory"];
  EXPECT_EQ(Json::parse(MemoryConstantsJson()), memory);
  const auto rational = [&](const char* name) {
    Rational value;
    EXPECT_EQ(ParseDecimalText(memory[name].get<std::string>(), &value), nullptr) << name;
    return value;
  };
  MemoryInputs in;
  in.params = Rational(2048000);
  in.method = TrainingMethod::kFull;
  in.trainable_params = in.params;
  for (const auto& [optimizer, name] : {std::pair{Optimizer::kAdamW, "optimizer_bytes_adamw"},
                                        std::pair{Optimizer::kAdamW8bit, "optimizer_bytes_adamw_8bit"},
                                        std::pair{Optimizer::kSgd, "optimizer_bytes_sgd"}}) {
    in.setup.optimizer = optimizer;
    const MemoryBytes bytes = PerGpuBytes(in);
    EXPECT_EQ(Rational::Fraction(bytes.optimizer, 1), rational(name) * in.params) << name;
    EXPECT_EQ(Rational::Fraction(bytes.weights, 1), rational("weight_bytes") * in.params);
    EXPECT_EQ(Rational::Fraction(bytes.gradients, 1), rational("gradient_bytes") * in.params);
    EXPECT_EQ(Rational::Fraction(bytes.overhead, 1), rational("overhead_gb") * Rational(1000000000));
  }
  const ModelShape& shape = Shape("llama-2-7b");
  MemoryInputs lora = Training(shape, TrainingMethod::kLora);
  const Int128 sbh = Int128{2048} * 4096;
  const Int128 logits = memory["logit_bytes"].get<std::int64_t>() * Int128{2048} * 32000;
  EXPECT_EQ(PerGpuBytes(lora).activations, memory["activation_bytes_per_sbh"].get<std::int64_t>() * sbh * 32 + logits);
  lora.setup.activation_checkpointing = true;
  EXPECT_EQ(PerGpuBytes(lora).activations, memory["checkpointed_bytes_per_sbh"].get<std::int64_t>() * sbh * 32 +
                                               memory["activation_bytes_per_sbh"].get<std::int64_t>() * sbh + logits);
  EXPECT_EQ(memory["tight_percent"], kTightMemoryPercent);
  EXPECT_EQ(memory["nf4_bits_per_weight"], "4.126953125");
}

TEST(MemoryFit, TheFitIsTightAboveNinetyPercent) {
  MemoryInputs in;
  in.params = Rational(1000000000);  // full: 16 bytes each, 16 GB, plus 2 GB overhead = 18 GB
  in.method = TrainingMethod::kFull;
  in.trainable_params = in.params;
  EXPECT_EQ(CheckMemoryFit(in, Rational(20), 1).fit, Fit::kFits);   // exactly 90 %
  EXPECT_EQ(CheckMemoryFit(in, Rational(19), 1).fit, Fit::kTight);  // 94.7 %
  EXPECT_EQ(CheckMemoryFit(in, Rational(18), 1).fit, Fit::kTight);  // exactly 100 %
  EXPECT_EQ(CheckMemoryFit(in, Rational(17), 1).fit, Fit::kDoesNotFit);
  EXPECT_EQ(CheckMemoryFit(in, Rational(17), 1).needed_gb_per_gpu, Rational(18));
}

TEST(MemoryFit, SaysWhichSingleChangesWouldFitInOrder) {
  // Llama-2 7B with LoRA at 4 sequences of 2048 on a 40 GB card: the
  // activations do not fit; checkpointing or a smaller batch would.
  MemoryInputs in = Training(Shape("llama-2-7b"), TrainingMethod::kLora);
  in.setup.micro_batch = 4;
  const MemoryFit fit = CheckMemoryFit(in, Rational(40), 1);
  ASSERT_EQ(fit.fit, Fit::kDoesNotFit);
  ASSERT_GE(fit.changes.size(), 2u);
  EXPECT_EQ(fit.changes[0].key, "training.activation_checkpointing");
  EXPECT_EQ(fit.changes[1].key, "training.micro_batch");
  // The largest batch that fits, and one more does not.
  MemoryInputs changed = in;
  changed.setup.micro_batch = std::stoll(fit.changes[1].value);
  EXPECT_NE(CheckMemoryFit(changed, Rational(40), 1).fit, Fit::kDoesNotFit);
  changed.setup.micro_batch += 1;
  EXPECT_EQ(CheckMemoryFit(changed, Rational(40), 1).fit, Fit::kDoesNotFit);
  for (const FitChange& change : fit.changes) EXPECT_LE(Gb(change.total_bytes), Rational(40)) << change.key;
}

TEST(MemoryFit, MoreGpusHelpOnlyWhenShardingDividesOverThem) {
  MemoryInputs in = Training(Shape("llama-2-13b"), TrainingMethod::kFull, 4);
  in.setup.zero_stage = 3;
  in.setup.activation_checkpointing = true;
  const MemoryFit fit = CheckMemoryFit(in, Rational(40), 4);
  ASSERT_EQ(fit.fit, Fit::kDoesNotFit);
  bool more_gpus = false;
  for (const FitChange& change : fit.changes) {
    if (change.key != "gpus") continue;
    more_gpus = true;
    EXPECT_EQ(std::stoll(change.value) % 4, 0) << "whole instances";
  }
  EXPECT_TRUE(more_gpus);
  in.setup.zero_stage = 0;
  for (const FitChange& change : CheckMemoryFit(in, Rational(40), 4).changes) EXPECT_NE(change.key, "gpus");
}

// Llama 3.1 405B in full on one 8 GB card: its 16-bit weights alone are
// about 810 GB, so neither the smallest micro-batch nor any GPU count up to
// 4096 with ZeRO stage 1 (which shards only the optimizer) fits: those
// changes are not offered.
TEST(MemoryFit, NoChangeIsOfferedThatDoesNotFitEither) {
  MemoryInputs in = Training(Shape("llama-3.1-405b"), TrainingMethod::kFull, 1);
  in.setup.zero_stage = 1;
  in.setup.micro_batch = 2;
  const MemoryFit fit = CheckMemoryFit(in, Rational(8), 1);
  ASSERT_EQ(fit.fit, Fit::kDoesNotFit);
  for (const FitChange& change : fit.changes) {
    EXPECT_NE(change.key, "training.micro_batch");
    EXPECT_NE(change.key, "gpus");
    EXPECT_LE(Gb(change.total_bytes), Rational(8)) << change.key;
  }
}

TEST(MemoryFit, FitNames) {
  EXPECT_STREQ(FitName(Fit::kFits), "fits");
  EXPECT_STREQ(FitName(Fit::kTight), "tight");
  EXPECT_STREQ(FitName(Fit::kDoesNotFit), "does_not_fit");
}

// ---- In the estimate --------------------------------------------------------

std::string WithModel(const char* instance, const char* gpus, const char* model, const char* training) {
  return ConfigText({{"instance", std::string("\"") + instance + "\""},
                     {"gpus", gpus},
                     {"hours_per_epoch", "1.5"},
                     {"data_cost_per_epoch", "2"},
                     {"ops_cost_per_epoch", "1"},
                     {"model", model},
                     {"training", training}});
}

// Each optimizer the schema offers is read as itself, not as the default.
TEST(MemoryFitEstimate, TheOptimizerIsReadByItsName) {
  for (const auto& [name, expected] :
       {std::pair{"adamw", Optimizer::kAdamW}, std::pair{"adamw_8bit", Optimizer::kAdamW8bit},
        std::pair{"sgd", Optimizer::kSgd}}) {
    const std::string training = std::string(R"({"method": "full", "optimizer": ")") + name + "\"}";
    const ConfigResult parsed = ParseConfig(WithModel("a100x4", "4", R"({"preset": "llama-2-7b"})", training.c_str()));
    ASSERT_TRUE(parsed.ok()) << name << test::Describe(parsed.errors);
    EXPECT_EQ(parsed.config.training.optimizer, expected) << name;
  }
}

TEST(MemoryFitEstimate, AModelIsCheckedWhateverTheWayOfGettingT) {
  const std::string config = WithModel("a100x4", "4", R"({"preset": "deepseek-llm-7b-base"})", R"({"method": "lora"})");
  const Estimate e = test::MustEstimate(config);
  ASSERT_TRUE(e.memory.has_value());
  EXPECT_EQ(e.memory->fit, Fit::kFits);
  EXPECT_EQ(e.memory->params, Int128{6910365696});
  EXPECT_EQ(e.memory->trainable_params, Int128{3932160});
  const Json out = Json::parse(EstimateFromJson(test::CiuicJson(), config));
  ASSERT_EQ(out["ok"], true) << out.dump();
  const Json& bytes = out["memory"]["per_gpu_bytes"];
  EXPECT_EQ(bytes["total"].get<std::int64_t>(),
            bytes["weights"].get<std::int64_t>() + bytes["gradients"].get<std::int64_t>() +
                bytes["optimizer"].get<std::int64_t>() + bytes["activations"].get<std::int64_t>() +
                bytes["overhead"].get<std::int64_t>());
  EXPECT_EQ(out["memory"]["trainable_params"], 3932160);
  EXPECT_EQ(out["per_epoch"]["total"], "123.00");  // the cost is the seed's
}

TEST(MemoryFitEstimate, FullFineTuningOfSevenBOnFourA100sDoesNotFitWithoutSharding) {
  // The old check divided a full fine-tune by the GPU count (ZeRO-3 unsaid).
  const std::string config = WithModel("a100x4", "4", R"({"preset": "deepseek-llm-7b-base"})", R"({"method": "full"})");
  const Estimate e = test::MustEstimate(config);
  ASSERT_TRUE(e.memory.has_value());
  EXPECT_EQ(e.memory->fit, Fit::kDoesNotFit);
  const Note* note = nullptr;
  for (const Note& n : e.notes) note = n.code == "memory_does_not_fit" ? &n : note;
  ASSERT_NE(note, nullptr);
  for (const Lang lang : {Lang::kEn, Lang::kZh}) EXPECT_EQ(RenderNote(*note, lang).find('{'), std::string::npos);
  ASSERT_FALSE(e.memory->changes.empty());
  EXPECT_EQ(e.memory->changes[0].key, "training.zero_stage");
  EXPECT_EQ(e.memory->changes[0].value, "3");
}

TEST(MemoryFitEstimate, TheComparisonChecksEveryInstance) {
  const ConfigResult config =
      ParseWorkload(ConfigText({{"hours_per_epoch", "1"},
                                {"model", R"({"preset": "llama-2-13b"})"},
                                {"training", R"({"method": "lora", "activation_checkpointing": true})"}}));
  ASSERT_TRUE(config.ok()) << test::Describe(config.errors);
  const auto rows = CompareInstances(test::CiuicTable(), config.config);
  for (const ComparisonRow& row : rows) {
    SCOPED_TRACE(row.instance);
    ASSERT_TRUE(row.result.ok());
    ASSERT_TRUE(row.result.estimate.memory.has_value());
    // 26 GB of 16-bit weights (with checkpointed activations): the 40 GB
    // A100 fits, the 16 GB V100 and the 24 GB RTX 3090 do not.
    EXPECT_EQ(row.result.estimate.memory->fit == Fit::kDoesNotFit, row.instance != "a100x4");
  }
}

TEST(MemoryFitEstimate, NoModelNoCheck) {
  const Estimate direct = test::MustEstimate(test::SeedConfigJson());
  EXPECT_FALSE(direct.memory.has_value());
  const Json out = Json::parse(EstimateFromJson(test::CiuicJson(), test::SeedConfigJson()));
  EXPECT_EQ(out["fits"], nullptr);
  EXPECT_EQ(out["memory"], nullptr);
}

TEST(MemoryFitEstimate, TheFlopsWaysOwnCountsStillWork) {
  // A configuration from before the model and training objects.
  const Estimate e = test::MustEstimate(ConfigText(
      {{"instance", "\"v100x4\""},
       {"gpus", "4"},
       {"flops", R"({"params": "6.9e9", "trainable_params": "4.2e6", "tokens_per_epoch": "1e9", "method": "lora"})"}}));
  ASSERT_TRUE(e.memory.has_value());
  EXPECT_FALSE(e.memory->bytes.activations_counted);
  EXPECT_EQ(e.memory->bytes.weights, Int128{2} * 6900000000 + 2 * 4200000);
}

// ---- Configuration errors ------------------------------------------------------

TEST(MemoryConfig, BadModelsAndTrainingSetupsNameTheirField) {
  const auto config = [](const char* model, const char* training) { return WithModel("a100x4", "4", model, training); };
  const char* lora = R"({"method": "lora"})";
  EXPECT_CONFIG_ERROR(config(R"({"preset": "gpt-5"})", lora), code::kUnknownValue, "model.preset");
  EXPECT_CONFIG_ERROR(config(R"({"preset": "llama-2-7b", "hidden_size": 4096})", lora), code::kConflicting,
                      "model.preset");
  // The optional keys of a shape too: beside a preset they would be ignored
  // (a link fuzzer finding: kv=100 with model=llama-3.1-8b).
  for (const char* key :
       {R"("num_key_value_heads": 100)", R"("tie_word_embeddings": true)", R"("architecture": "Qwen2ForCausalLM")"}) {
    EXPECT_CONFIG_ERROR(config((std::string(R"({"preset": "llama-3.1-8b", )") + key + "}").c_str(), lora),
                        code::kConflicting, "model.preset");
  }
  EXPECT_CONFIG_ERROR(config(R"({"hidden_size": 4096, "intermediate_size": 11008, "num_attention_heads": 32, )"
                             R"("vocab_size": 32000})",
                             lora),
                      code::kMissing, "model.num_hidden_layers");
  EXPECT_CONFIG_ERROR(config("{}", lora), code::kMissing, "model.preset");
  EXPECT_CONFIG_ERROR(config(R"({"num_hidden_layers": 2, "hidden_size": 64, "intermediate_size": 128, )"
                             R"("num_attention_heads": 4, "num_key_value_heads": 3, "vocab_size": 100})",
                             lora),
                      code::kNotDivisible, "model.num_key_value_heads");
  EXPECT_CONFIG_ERROR(config(R"({"preset": "llama-2-7b", "colour": 1})", lora), code::kUnknownKey, "model.colour");
  EXPECT_CONFIG_ERROR(config(R"({"preset": "llama-2-7b"})", R"({"method": "dora"})"), code::kUnknownValue,
                      "training.method");
  EXPECT_CONFIG_ERROR(config(R"({"preset": "llama-2-7b"})", R"({"method": "lora", "lora_targets": ["wq"]})"),
                      code::kUnknownModule, "training.lora_targets");
  EXPECT_CONFIG_ERROR(config(R"({"preset": "llama-2-7b"})", R"({"method": "lora", "lora_targets": []})"),
                      code::kEmptyList, "training.lora_targets");
  EXPECT_CONFIG_ERROR(
      config(R"({"preset": "llama-2-7b"})", R"({"method": "lora", "lora_targets": ["q_proj", "q_proj"]})"),
      code::kDuplicateId, "training.lora_targets");
  EXPECT_CONFIG_ERROR(config(R"({"preset": "llama-2-7b"})", R"({"method": "lora", "zero_stage": 4})"),
                      code::kAboveMaximum, "training.zero_stage");
  EXPECT_CONFIG_ERROR(config(R"({"preset": "llama-2-7b"})", R"({"method": "lora", "micro_batch": 0})"), code::kZero,
                      "training.micro_batch");
  EXPECT_CONFIG_ERROR(config(R"({"preset": "llama-2-7b"})", R"({"method": "lora", "seq_len": -1})"), code::kNegative,
                      "training.seq_len");
  EXPECT_CONFIG_ERROR(
      config(R"({"preset": "llama-2-7b"})", R"({"method": "lora", "activation_checkpointing": "maybe"})"),
      code::kUnknownValue, "training.activation_checkpointing");
  EXPECT_CONFIG_ERROR(config(R"("llama-2-7b")", lora), code::kWrongType, "model");
}

TEST(MemoryConfig, AModelIsTrainedWithLoraUnlessTheSetupSaysOtherwise) {
  const Estimate e = test::MustEstimate(WithModel("a100x4", "4", R"({"preset": "llama-2-7b"})", "{}"));
  ASSERT_TRUE(e.memory.has_value());
  EXPECT_EQ(e.memory->trainable_params, Int128{4194304});
}

TEST(MemoryConfig, TheFlopsExamplesAreTheSeedModelsCounts) {
  // The page's FLOPs way starts on DeepSeek-LLM 7B: its shape's count and
  // its default LoRA setting's adapters.
  Rational params;
  Rational trainable;
  ASSERT_EQ(ParseDecimalText(FieldOf("flops.params").example, &params), nullptr);
  ASSERT_EQ(ParseDecimalText(FieldOf("flops.trainable_params").example, &trainable), nullptr);
  const ModelShape& deepseek = Shape("deepseek-llm-7b-base");
  EXPECT_EQ(params, Rational::Fraction(CountParams(deepseek).total, 1));
  EXPECT_EQ(trainable, Rational::Fraction(LoraTrainableParams(deepseek, 8, {"q_proj", "v_proj"}), 1));
  EXPECT_EQ(std::string(FieldOf("training.lora_rank").default_value), "8");
  EXPECT_EQ(std::string(FieldOf("training.lora_targets").default_value), "q_proj,v_proj");
}

TEST(MemoryConfig, TheFlopsWayTakesItsCountsFromTheModelOrItself) {
  const std::string both = ConfigText({{"instance", "\"a100x4\""},
                                       {"model", R"({"preset": "llama-2-7b"})"},
                                       {"training", R"({"method": "lora"})"},
                                       {"flops", R"({"params": "6.9e9", "tokens_per_epoch": "1e9"})"}});
  EXPECT_CONFIG_ERROR(both, code::kConflicting, "flops.params");
  const std::string methods = ConfigText({{"instance", "\"a100x4\""},
                                          {"model", R"({"preset": "llama-2-7b"})"},
                                          {"training", R"({"method": "lora"})"},
                                          {"flops", R"({"method": "full", "tokens_per_epoch": "1e9"})"}});
  EXPECT_CONFIG_ERROR(methods, code::kConflicting, "flops.method");
  const Estimate e = test::MustEstimate(ConfigText({{"instance", "\"a100x4\""},
                                                    {"model", R"({"preset": "llama-2-7b"})"},
                                                    {"training", R"({"method": "lora"})"},
                                                    {"flops", R"({"tokens_per_epoch": "1e9"})"}}));
  // 4 x params x tokens + 6 x adapters x tokens.
  EXPECT_EQ(e.epoch_hours.flops_per_epoch,
            Rational(1000000000) * (Rational(4) * Rational(6738415616) + Rational(6) * Rational(4194304)));
}

}  // namespace
}  // namespace epochcost

namespace epochcost {
namespace {

// config.json's architecture: the list of one name, or else model_type
// (older files); neither, or a list of another kind, is named.
TEST(ModelConfigJson, TheArchitectureComesFromTheListOrElseTheModelType) {
  const std::string base = R"("num_hidden_layers": 2, "hidden_size": 64, "intermediate_size": 128, )"
                           R"("num_attention_heads": 4, "vocab_size": 100)";
  const ModelConfigResult qwen = ParseModelConfigJson(R"({"model_type": "qwen2", )" + base + "}");
  ASSERT_TRUE(qwen.ok()) << test::Describe(qwen.errors);
  EXPECT_EQ(qwen.architecture, "Qwen2ForCausalLM");
  EXPECT_TRUE(qwen.shape.qkv_bias);
  EXPECT_TRUE(ModelConfigFails(R"({"model_type": "gpt2", )" + base + "}", code::kUnsupportedModel,
                               "config.json.architectures"));
  EXPECT_TRUE(ModelConfigFails("{" + base + "}", code::kMissing, "config.json.architectures"));
  EXPECT_TRUE(ModelConfigFails(R"({"model_type": 7, )" + base + "}", code::kMissing, "config.json.architectures"));
  for (const char* list : {R"("LlamaForCausalLM")", R"([])", R"(["LlamaForCausalLM", "X"])", R"([7])"}) {
    EXPECT_TRUE(ModelConfigFails(std::string(R"({"architectures": )") + list + ", " + base + "}", code::kWrongType,
                                 "config.json.architectures"))
        << list;
  }
}

TEST(ModelConfigJson, AFileThatIsNotAnObjectOrHasAnotherHeadWidthIsRefused) {
  EXPECT_TRUE(ModelConfigFails("[1, 2]", code::kNotAnObject, "config.json"));
  const std::string llama = R"({"architectures": ["LlamaForCausalLM"], "num_hidden_layers": 2, "hidden_size": 64, )"
                            R"("intermediate_size": 128, "num_attention_heads": 4, "vocab_size": 100, )";
  // 64 / 4 = 16 per head: a head_dim of 16 is the same shape, 32 is not.
  const ModelConfigResult same = ParseModelConfigJson(llama + R"("head_dim": 16})");
  EXPECT_TRUE(same.ok()) << test::Describe(same.errors);
  EXPECT_TRUE(ModelConfigFails(llama + R"("head_dim": 32})", code::kUnexpectedKey, "config.json.head_dim"));
  // A head width that is no width at all is named as such.
  EXPECT_TRUE(ModelConfigFails(llama + R"("head_dim": 0})", code::kZero, "config.json.head_dim"));
  EXPECT_TRUE(ModelConfigFails(llama + R"("head_dim": "wide"})", code::kNotANumber, "config.json.head_dim"));
}

TEST(ModelConfigJson, BiasesOtherThanFalseAndBadCountsAreNamed) {
  const std::string base = R"({"architectures": ["LlamaForCausalLM"], "hidden_size": 64, "intermediate_size": 128, )"
                           R"("num_attention_heads": 4, "vocab_size": 100, )";
  EXPECT_TRUE(ModelConfigFails(base + R"("num_hidden_layers": 2, "attention_bias": "no"})", code::kUnexpectedKey,
                               "config.json.attention_bias"));
  EXPECT_TRUE(ModelConfigFails(base + R"("num_hidden_layers": 2, "mlp_bias": true})", code::kUnexpectedKey,
                               "config.json.mlp_bias"));
  const ModelConfigResult negative = ParseModelConfigJson(base + R"("num_hidden_layers": -2})");
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.errors[0].field, "config.json.num_hidden_layers");
}

TEST(ModelShape, AnUnknownPresetIsNotFound) {
  EXPECT_EQ(FindModelPreset("no-such-model"), nullptr);
  ASSERT_NE(FindModelPreset("llama-3.1-8b"), nullptr);
  EXPECT_EQ(FindModelPreset("llama-3.1-8b")->id, "llama-3.1-8b");
}

// Without an instance (no whole-instance step), more GPUs are counted one by
// one: the fewest that fit, one more than given at least.
TEST(MemoryFit, WithoutAnInstanceMoreGpusAreCountedOneByOne) {
  MemoryInputs in = Training(Shape("llama-2-13b"), TrainingMethod::kFull, 4);
  in.setup.zero_stage = 3;
  in.setup.activation_checkpointing = true;
  const MemoryFit fit = CheckMemoryFit(in, Rational(40), 0);
  ASSERT_EQ(fit.fit, Fit::kDoesNotFit);
  bool more_gpus = false;
  for (const FitChange& change : fit.changes) {
    if (change.key != "gpus") continue;
    more_gpus = true;
    MemoryInputs changed = in;
    changed.gpus = std::stoll(change.value);
    EXPECT_GT(changed.gpus, in.gpus);
    EXPECT_NE(CheckMemoryFit(changed, Rational(40), 0).fit, Fit::kDoesNotFit);
    changed.gpus -= 1;
    if (changed.gpus > in.gpus) {
      EXPECT_EQ(CheckMemoryFit(changed, Rational(40), 0).fit, Fit::kDoesNotFit);
    }
  }
  EXPECT_TRUE(more_gpus);
}

// A model object with only an architecture or tied embeddings is a shape
// with its counts missing (not a missing preset).
TEST(ModelConfig, AShapeWithoutItsCountsNamesThem) {
  for (const char* model : {R"({"architecture": "LlamaForCausalLM"})", R"({"tie_word_embeddings": true})",
                            R"({"num_key_value_heads": 8})"}) {
    const ConfigResult result =
        ParseConfig(std::string(R"({"instance": "a100x4", "hours_per_epoch": 1, "model": )") + model + "}");
    ASSERT_FALSE(result.ok()) << model;
    bool layers = false;
    for (const Error& e : result.errors) {
      EXPECT_NE(e.field, "model.preset") << model;
      layers = layers || (e.code == code::kMissing && e.field == "model.num_hidden_layers");
    }
    EXPECT_TRUE(layers) << model << test::Describe(result.errors);
  }
}

}  // namespace
}  // namespace epochcost
