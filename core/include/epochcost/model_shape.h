// A decoder-only model's shape, in the keys of Hugging Face's config.json,
// and what follows from it exactly: the parameter count (with its parts) and
// the trainable count of LoRA adapters on chosen modules.
//
// Supported: Llama-style models (LlamaForCausalLM, MistralForCausalLM,
// Qwen2ForCausalLM): RMSNorm before attention and MLP and at the end,
// grouped-query attention, a gated MLP (gate_proj, up_proj, down_proj), no
// biases except Qwen2's on q/k/v (Hugging Face's modeling_qwen2.py). The
// presets carry the address of the config.json their shape comes from.
#ifndef EPOCHCOST_MODEL_SHAPE_H
#define EPOCHCOST_MODEL_SHAPE_H

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "epochcost/error.h"
#include "epochcost/rational.h"

namespace epochcost {

struct ModelShape {
  std::int64_t num_hidden_layers = 0;
  std::int64_t hidden_size = 0;
  std::int64_t intermediate_size = 0;
  std::int64_t num_attention_heads = 0;
  std::int64_t num_key_value_heads = 0;  // = num_attention_heads without grouped-query attention
  std::int64_t vocab_size = 0;
  bool tie_word_embeddings = false;
  bool qkv_bias = false;  // Qwen2: biases on q_proj, k_proj, v_proj

  std::int64_t head_dim() const { return hidden_size / num_attention_heads; }
};

// The linear modules of a layer, by PEFT's names, in that order.
inline constexpr std::array<std::string_view, 7> kLinearModules = {"q_proj",    "k_proj",  "v_proj",   "o_proj",
                                                                   "gate_proj", "up_proj", "down_proj"};

struct ParamCount {
  Int128 embeddings = 0;  // vocab x hidden
  Int128 lm_head = 0;     // vocab x hidden, 0 when tied to the embeddings
  Int128 attention = 0;   // all layers: q, k, v, o (and Qwen2's biases)
  Int128 mlp = 0;         // all layers: gate, up, down
  Int128 norms = 0;       // two RMSNorms per layer and the final one
  Int128 total = 0;
  // The weights of the layers' linear modules: what QLoRA stores in 4 bits
  // (embeddings, lm_head, norms and biases stay in 16 bits).
  Int128 linear_weights = 0;
};

ParamCount CountParams(const ModelShape& shape);

// rank x (in + out) per targeted module per layer (Hu et al. 2021, LoRA,
// section 4: W + BA with B d x r and A r x k). `targets` are PEFT names.
Int128 LoraTrainableParams(const ModelShape& shape, std::int64_t rank, const std::vector<std::string>& targets);

// The checks a shape must pass before counting (each error names its key,
// "model.hidden_size"): heads divide the width, key-value heads divide the
// heads. `prefix` is "model.".
void CheckShape(const ModelShape& shape, const std::string& prefix, Errors* errors);

struct ModelPreset {
  std::string_view id;    // "deepseek-llm-7b-base": the Hugging Face repository's name
  std::string_view name;  // "DeepSeek-LLM 7B"
  ModelShape shape;
  std::string_view config_url;  // the config.json the shape comes from
  // The parameter count the publisher states, as stated ("6.91B"), and where.
  std::string_view published;
};

const std::vector<ModelPreset>& ModelPresets();
const ModelPreset* FindModelPreset(std::string_view id);
// "deepseek-llm-7b-base, ...": the schema's choices for model.preset.
std::string ModelPresetIds();

// Reads a Hugging Face config.json (text) into a shape. An unsupported
// architecture, a missing key or a value out of range is an error naming the
// key ("config.json: num_hidden_layers"). Never throws.
struct ModelConfigResult {
  ModelShape shape;
  std::string architecture;
  Errors errors;
  bool ok() const { return errors.empty(); }
};
ModelConfigResult ParseModelConfigJson(std::string_view json_text);
inline constexpr std::size_t kMaxModelConfigBytes = 64 * 1024;

}  // namespace epochcost

#endif  // EPOCHCOST_MODEL_SHAPE_H
