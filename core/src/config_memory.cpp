// Reading the configuration's model and training setup (see config_memory.h).
#include "config_memory.h"

#include "config_tree.h"
#include "epochcost/schema.h"
#include "input_limits.h"

namespace epochcost::detail {
namespace {

std::int64_t ReadCount(const Json& object, const std::string& key, std::int64_t fallback, Errors* errors) {
  const std::string leaf = key.substr(key.find('.') + 1);
  if (!object.contains(leaf)) return fallback;
  const auto value = ReadNumber(object[leaf], key, limits::RuleOf(key), errors);
  return value ? static_cast<std::int64_t>(value->num()) : fallback;
}

// One of a field's fixed choices; a JSON true/false reads as "true"/"false".
std::optional<std::string> ReadChoice(const Json& object, const std::string& key, Errors* errors) {
  const std::string leaf = key.substr(key.find('.') + 1);
  if (!object.contains(leaf)) return std::nullopt;
  const Json& value = object[leaf];
  const Field& field = FieldOf(key);
  std::optional<std::string> text;
  if (value.is_boolean() && InChoices(field, "true")) {
    text = value.get<bool>() ? "true" : "false";
  } else {
    text = ReadString(value, key, 64, errors);
  }
  if (!text) return std::nullopt;
  if (!InChoices(field, *text)) {
    errors->push_back({code::kUnknownValue, key, {{"value", Excerpt(*text)}, {"allowed", std::string(field.choices)}}});
    return std::nullopt;
  }
  return text;
}

bool ReadSwitch(const Json& object, const std::string& key, bool fallback, Errors* errors) {
  const auto text = ReadChoice(object, key, errors);
  return text ? *text == "true" : fallback;
}

// "q_proj,v_proj" (a link's or the form's) as a list.
Json SplitList(const std::string& text) {
  Json items = Json::array();
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    items.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return items;
}

// PEFT's module names, each once; the list is kept only when all are valid.
void ReadTargets(const Json& given, std::vector<std::string>* out, Errors* errors) {
  const char* key = "training.lora_targets";
  const Json list = given.is_string() ? SplitList(given.get<std::string>()) : given;
  const Field& field = FieldOf(key);
  if (!list.is_array()) {
    errors->push_back({code::kWrongType, key, {{"expected", "array"}, {"type", TypeName(list)}}});
    return;
  }
  if (list.empty()) {
    errors->push_back({code::kEmptyList, key, {}});
    return;
  }
  std::vector<std::string> targets;
  for (const Json& item : list) {
    const auto name = ReadString(item, key, 32, errors);
    if (!name) return;
    if (!InChoices(field, *name)) {
      errors->push_back(
          {code::kUnknownModule, key, {{"value", Excerpt(*name)}, {"allowed", std::string(field.choices)}}});
      return;
    }
    for (const std::string& known : targets) {
      if (known == *name) {
        errors->push_back({code::kDuplicateId, key, {{"value", Excerpt(*name)}}});
        return;
      }
    }
    targets.push_back(*name);
  }
  *out = targets;
}

}  // namespace

TrainingMethod MethodFrom(std::string_view name) {
  for (TrainingMethod m : {TrainingMethod::kFull, TrainingMethod::kLora, TrainingMethod::kQlora}) {
    if (name == MethodName(m)) return m;
  }
  return TrainingMethod::kLora;
}

Optimizer OptimizerFrom(std::string_view name) {
  for (Optimizer o : {Optimizer::kAdamW, Optimizer::kAdamW8bit, Optimizer::kSgd}) {
    if (name == OptimizerName(o)) return o;
  }
  return Optimizer::kAdamW;
}

TrainingSetup DefaultTraining() {
  TrainingSetup t;
  const auto count = [](const char* key) { return static_cast<std::int64_t>(limits::DefaultOf(key).num()); };
  t.lora_rank = count("training.lora_rank");
  Errors ignored;
  ReadTargets(Json(std::string(FieldOf("training.lora_targets").default_value)), &t.lora_targets, &ignored);
  t.optimizer = OptimizerFrom(FieldOf("training.optimizer").default_value);
  t.seq_len = count("training.seq_len");
  t.micro_batch = count("training.micro_batch");
  t.activation_checkpointing = FieldOf("training.activation_checkpointing").default_value == "true";
  t.zero_stage = count("training.zero_stage");
  return t;
}

void ParseModel(const Json& root, Config* config, Errors* errors) {
  const Json* m = ConfigObject(root, "model", errors);
  if (m == nullptr) return;
  const bool has_shape = m->contains("num_hidden_layers") || m->contains("hidden_size") ||
                         m->contains("intermediate_size") || m->contains("num_attention_heads") ||
                         m->contains("vocab_size");
  // A preset is a whole shape: any key of the shape beside it, the optional
  // ones too, would be silently ignored (found by the link fuzzer: a link's
  // kv=100 beside model=llama-3.1-8b vanished from its round trip).
  const bool has_optional_shape =
      m->contains("num_key_value_heads") || m->contains("tie_word_embeddings") || m->contains("architecture");
  if (m->contains("preset")) {
    if (has_shape || has_optional_shape) {
      errors->push_back({code::kConflicting, "model.preset", {{"ways", "model.preset, model.hidden_size ..."}}});
      return;
    }
    const auto id = ReadChoice(*m, "model.preset", errors);
    if (!id) return;
    config->model_preset = *id;
    config->model = FindModelPreset(*id)->shape;
    return;
  }
  if (!has_shape && !has_optional_shape) {
    errors->push_back({code::kMissing, "model.preset", {}});
    return;
  }
  const std::size_t before = errors->size();
  ModelShape shape;
  for (const char* key : {"model.num_hidden_layers", "model.hidden_size", "model.intermediate_size",
                          "model.num_attention_heads", "model.vocab_size"}) {
    if (!m->contains(std::string(key).substr(6))) errors->push_back({code::kMissing, key, {}});
  }
  shape.num_hidden_layers = ReadCount(*m, "model.num_hidden_layers", 0, errors);
  shape.hidden_size = ReadCount(*m, "model.hidden_size", 0, errors);
  shape.intermediate_size = ReadCount(*m, "model.intermediate_size", 0, errors);
  shape.num_attention_heads = ReadCount(*m, "model.num_attention_heads", 0, errors);
  shape.num_key_value_heads = ReadCount(*m, "model.num_key_value_heads", shape.num_attention_heads, errors);
  shape.vocab_size = ReadCount(*m, "model.vocab_size", 0, errors);
  shape.tie_word_embeddings = ReadSwitch(*m, "model.tie_word_embeddings", false, errors);
  const auto architecture = ReadChoice(*m, "model.architecture", errors);
  config->model_architecture = architecture ? *architecture : std::string(FieldOf("model.architecture").default_value);
  shape.qkv_bias = config->model_architecture == "Qwen2ForCausalLM";
  if (errors->size() != before) return;
  CheckShape(shape, "model.", errors);
  if (errors->size() == before) config->model = shape;
}

void ParseTraining(const Json& root, TrainingSetup* t, Errors* errors) {
  const Json* object = ConfigObject(root, "training", errors);
  if (object == nullptr) return;
  const Json& o = *object;
  *t = DefaultTraining();
  if (const auto method = ReadChoice(o, "training.method", errors)) t->method = MethodFrom(*method);
  t->lora_rank = ReadCount(o, "training.lora_rank", t->lora_rank, errors);
  if (o.contains("lora_targets")) ReadTargets(o["lora_targets"], &t->lora_targets, errors);
  if (const auto optimizer = ReadChoice(o, "training.optimizer", errors)) t->optimizer = OptimizerFrom(*optimizer);
  t->seq_len = ReadCount(o, "training.seq_len", t->seq_len, errors);
  t->micro_batch = ReadCount(o, "training.micro_batch", t->micro_batch, errors);
  t->activation_checkpointing = ReadSwitch(o, "training.activation_checkpointing", t->activation_checkpointing, errors);
  t->zero_stage = ReadCount(o, "training.zero_stage", t->zero_stage, errors);
}

}  // namespace epochcost::detail
