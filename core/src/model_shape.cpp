// Parameter counts from a model's shape, LoRA's trainable count, the presets
// and Hugging Face config.json files (see model_shape.h).
#include "epochcost/model_shape.h"

#include "exact_json.h"
#include "input_limits.h"

namespace epochcost {
namespace {

struct LinearShape {
  Int128 in = 0;
  Int128 out = 0;
};

// The (in, out) features of a layer's linear module; zeros for an unknown name.
LinearShape ModuleShape(const ModelShape& s, std::string_view module) {
  const Int128 h = s.hidden_size;
  const Int128 q = Int128{s.num_attention_heads} * s.head_dim();
  const Int128 kv = Int128{s.num_key_value_heads} * s.head_dim();
  const Int128 ffn = s.intermediate_size;
  if (module == "q_proj") return {h, q};
  if (module == "k_proj" || module == "v_proj") return {h, kv};
  if (module == "o_proj") return {q, h};
  if (module == "gate_proj" || module == "up_proj") return {h, ffn};
  if (module == "down_proj") return {ffn, h};
  return {};
}

}  // namespace

ParamCount CountParams(const ModelShape& s) {
  ParamCount c;
  const Int128 layers = s.num_hidden_layers;
  c.embeddings = Int128{s.vocab_size} * s.hidden_size;
  c.lm_head = s.tie_word_embeddings ? 0 : c.embeddings;
  Int128 attention = 0;
  Int128 mlp = 0;
  // q, k, v and o come first in kLinearModules, then the MLP's three.
  for (std::size_t i = 0; i < kLinearModules.size(); ++i) {
    const LinearShape m = ModuleShape(s, kLinearModules[i]);
    (i < 4 ? attention : mlp) += m.in * m.out;
  }
  c.linear_weights = layers * (attention + mlp);
  if (s.qkv_bias) attention += ModuleShape(s, "q_proj").out + 2 * ModuleShape(s, "k_proj").out;
  c.attention = layers * attention;
  c.mlp = layers * mlp;
  c.norms = (2 * layers + 1) * Int128{s.hidden_size};
  c.total = c.embeddings + c.lm_head + c.attention + c.mlp + c.norms;
  return c;
}

Int128 LoraTrainableParams(const ModelShape& shape, std::int64_t rank, const std::vector<std::string>& targets) {
  Int128 per_layer = 0;
  for (const std::string& target : targets) {
    const LinearShape m = ModuleShape(shape, target);
    per_layer += Int128{rank} * (m.in + m.out);
  }
  return per_layer * shape.num_hidden_layers;
}

void CheckShape(const ModelShape& s, const std::string& prefix, Errors* errors) {
  if (s.hidden_size % s.num_attention_heads != 0) {
    errors->push_back({code::kNotDivisible,
                       prefix + "num_attention_heads",
                       {{"value", Int128ToString(s.num_attention_heads)}, {"of", Int128ToString(s.hidden_size)}}});
  } else if (s.num_attention_heads % s.num_key_value_heads != 0) {
    errors->push_back(
        {code::kNotDivisible,
         prefix + "num_key_value_heads",
         {{"value", Int128ToString(s.num_key_value_heads)}, {"of", Int128ToString(s.num_attention_heads)}}});
  }
}

const ModelPreset* FindModelPreset(std::string_view id) {
  for (const ModelPreset& preset : ModelPresets()) {
    if (preset.id == id) return &preset;
  }
  return nullptr;
}

std::string ModelPresetIds() {
  std::string ids;
  for (const ModelPreset& preset : ModelPresets()) ids += (ids.empty() ? "" : ", ") + std::string(preset.id);
  return ids;
}

namespace {

using detail::Json;

// The architectures whose parameters CountParams counts (their modeling
// files in Hugging Face transformers), and whether q/k/v carry biases.
struct Architecture {
  std::string_view name;
  std::string_view model_type;
  bool qkv_bias;
};
constexpr Architecture kArchitectures[] = {
    {"LlamaForCausalLM", "llama", false},
    {"MistralForCausalLM", "mistral", false},
    {"Qwen2ForCausalLM", "qwen2", true},
};

// Keys that mean a shape CountParams does not count: mixtures of experts,
// biases, a separate head width, or a decoder-encoder model.
constexpr std::string_view kUnsupportedKeys[] = {
    "num_local_experts", "n_routed_experts", "num_experts", "moe_intermediate_size", "is_encoder_decoder",
};

constexpr const char* kPrefix = "config.json.";

const Architecture* FindArchitecture(const Json& root, Errors* errors) {
  std::string given;
  if (root.contains("architectures")) {
    const Json& list = root["architectures"];
    if (!list.is_array() || list.size() != 1 || !list[0].is_string()) {
      errors->push_back({code::kWrongType,
                         std::string(kPrefix) + "architectures",
                         {{"expected", "array"}, {"type", detail::TypeName(list)}}});
      return nullptr;
    }
    given = list[0].get<std::string>();
    for (const Architecture& a : kArchitectures) {
      if (a.name == given) return &a;
    }
  } else if (root.contains("model_type") && root["model_type"].is_string()) {
    given = root["model_type"].get<std::string>();
    for (const Architecture& a : kArchitectures) {
      if (a.model_type == given) return &a;
    }
  } else {
    errors->push_back({code::kMissing, std::string(kPrefix) + "architectures", {}});
    return nullptr;
  }
  std::string allowed;
  for (const Architecture& a : kArchitectures) allowed += (allowed.empty() ? "" : ", ") + std::string(a.name);
  errors->push_back({code::kUnsupportedModel,
                     std::string(kPrefix) + "architectures",
                     {{"value", detail::Excerpt(given)}, {"allowed", allowed}}});
  return nullptr;
}

std::int64_t ReadCount(const Json& root, const char* key, bool required, std::int64_t fallback, Errors* errors) {
  const std::string field = std::string(kPrefix) + key;
  if (!root.contains(key)) {
    if (required) errors->push_back({code::kMissing, field, {}});
    return fallback;
  }
  const auto value = detail::ReadNumber(root[key], field, limits::RuleOf(std::string("model.") + key), errors);
  return value ? static_cast<std::int64_t>(value->num()) : fallback;
}

}  // namespace

ModelConfigResult ParseModelConfigJson(std::string_view json_text) {
  ModelConfigResult result;
  Errors& errors = result.errors;
  const auto parsed = detail::ParseExactJson(json_text, "config.json", kMaxModelConfigBytes, &errors);
  if (!parsed) {
    // The parser names a bad value by its key alone: say which file.
    for (Error& error : errors) {
      if (error.field.rfind("config.json", 0) != 0) error.field = kPrefix + error.field;
    }
    return result;
  }
  const Json& root = *parsed;
  if (!root.is_object()) {
    errors.push_back({code::kNotAnObject, "config.json", {{"type", detail::TypeName(root)}}});
    return result;
  }
  const Architecture* architecture = FindArchitecture(root, &errors);
  for (std::string_view key : kUnsupportedKeys) {
    if (root.contains(std::string(key))) {
      errors.push_back({code::kUnexpectedKey, std::string(kPrefix) + std::string(key), {}});
    }
  }
  for (const char* flag : {"attention_bias", "mlp_bias"}) {
    if (root.contains(flag) && !(root[flag].is_boolean() && !root[flag].get<bool>())) {
      errors.push_back({code::kUnexpectedKey, std::string(kPrefix) + flag, {}});
    }
  }
  ModelShape& s = result.shape;
  s.num_hidden_layers = ReadCount(root, "num_hidden_layers", true, 0, &errors);
  s.hidden_size = ReadCount(root, "hidden_size", true, 0, &errors);
  s.intermediate_size = ReadCount(root, "intermediate_size", true, 0, &errors);
  s.num_attention_heads = ReadCount(root, "num_attention_heads", true, 0, &errors);
  s.num_key_value_heads = ReadCount(root, "num_key_value_heads", false, s.num_attention_heads, &errors);
  s.vocab_size = ReadCount(root, "vocab_size", true, 0, &errors);
  if (root.contains("tie_word_embeddings")) {
    const Json& tie = root["tie_word_embeddings"];
    if (tie.is_boolean()) {
      s.tie_word_embeddings = tie.get<bool>();
    } else {
      errors.push_back({code::kWrongType,
                        std::string(kPrefix) + "tie_word_embeddings",
                        {{"expected", "boolean"}, {"type", detail::TypeName(tie)}}});
    }
  }
  if (architecture != nullptr) {
    result.architecture = std::string(architecture->name);
    s.qkv_bias = architecture->qkv_bias;
  }
  if (errors.empty()) {
    CheckShape(s, kPrefix, &errors);
    // A head width other than hidden / heads changes the attention's shapes.
    if (errors.empty() && root.contains("head_dim")) {
      const auto head_dim = detail::ReadNumber(root["head_dim"], std::string(kPrefix) + "head_dim",
                                               limits::RuleOf("model.hidden_size"), &errors);
      if (head_dim && *head_dim != Rational(s.head_dim())) {
        errors.push_back({code::kUnexpectedKey, std::string(kPrefix) + "head_dim", {}});
      }
    }
  }
  return result;
}

}  // namespace epochcost
