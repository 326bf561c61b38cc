// The model presets: shapes read from each model's Hugging Face config.json
// (docs/memory.md says for each whether the publisher's page or a copy that
// names it in _name_or_path was read, and gives the published counts).
#include "epochcost/model_shape.h"

namespace epochcost {
namespace {

// clang-format off
// Shape: layers, hidden, intermediate, heads, kv heads, vocab, tied, q/k/v bias.
const std::vector<ModelPreset> kPresets = {
  {"deepseek-llm-7b-base", "DeepSeek-LLM 7B", {30, 4096, 11008, 32, 32, 102400, false, false},
   "https://huggingface.co/deepseek-ai/deepseek-llm-7b-base/blob/main/config.json", ""},
  {"deepseek-llm-67b-base", "DeepSeek-LLM 67B", {95, 8192, 22016, 64, 8, 102400, false, false},
   "https://huggingface.co/deepseek-ai/deepseek-llm-67b-base/blob/main/config.json", ""},
  {"llama-2-7b", "Llama-2 7B", {32, 4096, 11008, 32, 32, 32000, false, false},
   "https://huggingface.co/meta-llama/Llama-2-7b-hf/blob/main/config.json", "6,738,415,616"},
  {"llama-2-13b", "Llama-2 13B", {40, 5120, 13824, 40, 40, 32000, false, false},
   "https://huggingface.co/meta-llama/Llama-2-13b-hf/blob/main/config.json", ""},
  {"llama-2-70b", "Llama-2 70B", {80, 8192, 28672, 64, 8, 32000, false, false},
   "https://huggingface.co/meta-llama/Llama-2-70b-hf/blob/main/config.json", ""},
  {"llama-3.1-8b", "Llama-3.1 8B", {32, 4096, 14336, 32, 8, 128256, false, false},
   "https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json", "8,030,261,248"},
  {"llama-3.1-70b", "Llama-3.1 70B", {80, 8192, 28672, 64, 8, 128256, false, false},
   "https://huggingface.co/meta-llama/Llama-3.1-70B/blob/main/config.json", ""},
  {"llama-3.1-405b", "Llama-3.1 405B", {126, 16384, 53248, 128, 8, 128256, false, false},
   "https://huggingface.co/meta-llama/Llama-3.1-405B/blob/main/config.json", ""},
  {"mistral-7b-v0.1", "Mistral 7B v0.1", {32, 4096, 14336, 32, 8, 32000, false, false},
   "https://huggingface.co/mistralai/Mistral-7B-v0.1/blob/main/config.json", ""},
  {"qwen2.5-7b", "Qwen2.5 7B", {28, 3584, 18944, 28, 4, 152064, false, true},
   "https://huggingface.co/Qwen/Qwen2.5-7B/blob/main/config.json", "7.61B"},
};
// clang-format on

}  // namespace

const std::vector<ModelPreset>& ModelPresets() { return kPresets; }

}  // namespace epochcost
