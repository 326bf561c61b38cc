// Configuration parsing and validation (see config.h).
#include "epochcost/config.h"

#include <vector>

#include "config_memory.h"
#include "config_tree.h"
#include "epochcost/schema.h"
#include "exact_json.h"
#include "hours_inputs.h"
#include "input_limits.h"
#include "money_inputs.h"

namespace epochcost {
namespace {

using detail::Json;

// Reads `key` of `object` when present into `out`; returns false when
// present but invalid. `path` prefixes the field name ("trial.").
bool ReadOptional(const Json& object, const char* key, Rational* out, Errors* errors, const std::string& path = "") {
  if (!object.contains(key)) return true;
  const std::string field = path + key;
  auto value = detail::ReadNumber(object[key], field, limits::RuleOf(field), errors);
  if (value) *out = *value;
  return value.has_value();
}

// Reads a required number; records "missing" when absent. Returns whether
// it was read.
bool ReadRequired(const Json& object, const char* key, Rational* out, Errors* errors, const std::string& path) {
  if (!object.contains(key)) {
    errors->push_back({code::kMissing, path + key, {}});
    return false;
  }
  return ReadOptional(object, key, out, errors, path);
}

std::optional<Rational> ReadMaybe(const Json& object, const char* key, Errors* errors, const std::string& path) {
  if (!object.contains(key)) return std::nullopt;
  const std::string field = path + key;
  return detail::ReadNumber(object[key], field, limits::RuleOf(field), errors);
}

std::int64_t ToInt64(const Rational& value) { return static_cast<std::int64_t>(value.num()); }

void ParseTrial(const Json& root, TrialRun* trial, Errors* errors) {
  const Json* t = detail::ConfigObject(root, "trial", errors);
  if (t == nullptr) return;
  const std::string path = "trial.";
  ReadRequired(*t, "steps", &trial->steps, errors, path);
  ReadRequired(*t, "seconds", &trial->seconds, errors, path);
  const bool direct = t->contains("steps_per_epoch");
  const bool from_samples = t->contains("samples") || t->contains("global_batch");
  if (direct && from_samples) {
    errors->push_back(
        {code::kConflicting, "trial.steps_per_epoch", {{"ways", "steps_per_epoch | samples + global_batch"}}});
  } else if (direct) {
    trial->steps_per_epoch = ReadMaybe(*t, "steps_per_epoch", errors, path);
  } else if (from_samples) {
    Rational samples;
    Rational batch;
    const std::size_t before = errors->size();
    ReadRequired(*t, "samples", &samples, errors, path);
    ReadRequired(*t, "global_batch", &batch, errors, path);
    if (errors->size() == before) {
      trial->samples = samples;
      trial->global_batch = batch;
    }
  } else {
    errors->push_back({code::kMissing, "trial.steps_per_epoch", {}});
  }
}

void ParseThroughput(const Json& root, ThroughputRun* throughput, Errors* errors) {
  const Json* t = detail::ConfigObject(root, "throughput", errors);
  if (t == nullptr) return;
  ReadRequired(*t, "tokens_per_epoch", &throughput->tokens_per_epoch, errors, "throughput.");
  ReadRequired(*t, "tokens_per_second_per_gpu", &throughput->tokens_per_second_per_gpu, errors, "throughput.");
}

// The FLOPs way. Its counts and method come from flops.params,
// flops.trainable_params and flops.method, or, when not given, from the
// model's shape and the training setup; giving both is a conflict.
void ParseFlops(const Json& root, Config* config, Errors* errors) {
  const Json* f = detail::ConfigObject(root, "flops", errors);
  if (f == nullptr) return;
  FlopsModel* flops = &config->time.flops;
  const std::string path = "flops.";
  std::optional<TrainingMethod> flops_method;
  bool method_known = false;
  if (f->contains("method")) {
    if (auto method = detail::ReadString((*f)["method"], "flops.method", 16, errors)) {
      if (InChoices(FieldOf("flops.method"), *method)) {
        flops_method = detail::MethodFrom(*method);
      } else {
        errors->push_back(
            {code::kUnknownValue,
             "flops.method",
             {{"value", detail::Excerpt(*method)}, {"allowed", std::string(FieldOf("flops.method").choices)}}});
      }
    }
  }
  const std::optional<TrainingMethod>& training_method = config->training.method;
  if (flops_method && training_method && *flops_method != *training_method) {
    errors->push_back({code::kConflicting, "flops.method", {{"ways", "flops.method, training.method"}}});
  } else if (!f->contains("method") || flops_method) {
    // Neither given: training.method's default, LoRA.
    flops->method = flops_method      ? *flops_method
                    : training_method ? *training_method
                                      : detail::MethodFrom(FieldOf("training.method").default_value);
    config->training.method = flops->method;
    method_known = true;
  }

  const std::optional<ModelShape>& model = config->model;
  bool params_read = false;
  if (f->contains("params") && model) {
    errors->push_back({code::kConflicting, "flops.params", {{"ways", "flops.params, model"}}});
  } else if (model) {
    flops->params = Rational::Fraction(CountParams(*model).total, 1);
    params_read = true;
  } else {
    params_read = ReadRequired(*f, "params", &flops->params, errors, path);
  }
  ReadRequired(*f, "tokens_per_epoch", &flops->tokens_per_epoch, errors, path);
  if (!method_known) {
    // Whether trainable_params is needed depends on the method, which has
    // its own error: only check the value when one is given.
    ReadOptional(*f, "trainable_params", &flops->trainable_params, errors, path);
  } else if (flops->method != TrainingMethod::kFull) {
    if (f->contains("trainable_params") && model) {
      errors->push_back({code::kConflicting, "flops.trainable_params", {{"ways", "flops.trainable_params, model"}}});
      return;
    }
    if (model) {
      flops->trainable_params =
          Rational::Fraction(LoraTrainableParams(*model, config->training.lora_rank, config->training.lora_targets), 1);
    } else {
      const bool trainable_read = ReadRequired(*f, "trainable_params", &flops->trainable_params, errors, path);
      // LoRA trains a small part of the model: more trainable parameters
      // than the model has is a typo (a digit too many, or the two fields
      // swapped) that would price a run that cannot exist.
      if (params_read && trainable_read && flops->trainable_params > flops->params) {
        errors->push_back(
            {code::kAboveParams,
             "flops.trainable_params",
             {{"value", ToShortDecimal(flops->trainable_params, 12)}, {"max", ToShortDecimal(flops->params, 12)}}});
      }
    }
  } else if (f->contains("trainable_params")) {
    errors->push_back({code::kConflicting, "flops.trainable_params", {{"ways", "method full, trainable_params"}}});
  }
  flops->mfu = limits::DefaultOf("flops.mfu");
  ReadOptional(*f, "mfu", &flops->mfu, errors, path);
  flops->peak_tflops = ReadMaybe(*f, "peak_tflops", errors, path);
}

// Exactly one way of getting T.
void ParseEpochTime(const Json& root, Config* config, Errors* errors) {
  EpochTime* time = &config->time;
  std::vector<std::string> given;
  for (const char* key : {"hours_per_epoch", "trial", "throughput", "flops"}) {
    if (root.contains(key)) given.emplace_back(key);
  }
  if (given.empty()) {
    errors->push_back({code::kMissing, "hours_per_epoch", {}});
    return;
  }
  if (given.size() > 1) {
    std::string ways;
    for (const std::string& way : given) ways += (ways.empty() ? "" : ", ") + way;
    errors->push_back({code::kConflicting, given[1], {{"ways", ways}}});
    return;
  }
  if (given[0] == "hours_per_epoch") {
    time->way = EpochTimeWay::kHours;
    ReadOptional(root, "hours_per_epoch", &time->hours, errors);
  } else if (given[0] == "trial") {
    time->way = EpochTimeWay::kTrial;
    ParseTrial(root, &time->trial, errors);
  } else if (given[0] == "throughput") {
    time->way = EpochTimeWay::kThroughput;
    ParseThroughput(root, &time->throughput, errors);
  } else {
    time->way = EpochTimeWay::kFlops;
    ParseFlops(root, config, errors);
  }
}

// What the configuration is for: one estimate needs a price and a GPU count
// (its instance's, or its own); a comparison of every instance, only the
// workload, as each row takes its instance's.
enum class Purpose { kEstimate, kWorkload };

ConfigResult ParseTree(const Json& root, Purpose purpose) {
  ConfigResult result;
  Errors& errors = result.errors;
  if (!root.is_object()) {
    errors.push_back({code::kNotAnObject, "config", {{"type", detail::TypeName(root)}}});
    return result;
  }
  detail::CheckKnownKeys(root, KnownKeys(""), "", &errors);
  Config& config = result.config;

  if (root.contains("instance")) {
    if (auto id = detail::ReadString(root["instance"], "instance", 64, &errors)) config.instance = *id;
  }
  if (root.contains("gpus")) {
    if (auto gpus = ReadMaybe(root, "gpus", &errors, "")) config.gpus = ToInt64(*gpus);
  }
  config.training = detail::DefaultTraining();
  if (root.contains("model")) detail::ParseModel(root, &config, &errors);
  if (root.contains("training")) {
    config.has_training = true;
    detail::ParseTraining(root, &config.training, &errors);
  }
  ParseEpochTime(root, &config, &errors);
  config.price_per_gpu_hour = ReadMaybe(root, "price_per_gpu_hour", &errors, "");
  config.data_cost_per_epoch = limits::DefaultOf("data_cost_per_epoch");
  ReadOptional(root, "data_cost_per_epoch", &config.data_cost_per_epoch, &errors);
  config.ops_cost_per_epoch = limits::DefaultOf("ops_cost_per_epoch");
  ReadOptional(root, "ops_cost_per_epoch", &config.ops_cost_per_epoch, &errors);
  Rational epochs = limits::DefaultOf("epochs");
  if (ReadOptional(root, "epochs", &epochs, &errors)) config.epochs = ToInt64(epochs);
  Rational increment = limits::DefaultOf("billing_increment_seconds");
  if (ReadOptional(root, "billing_increment_seconds", &increment, &errors)) {
    config.billing_increment_seconds = ToInt64(increment);
  }
  config.discount_percent = limits::DefaultOf("discount_percent");
  ReadOptional(root, "discount_percent", &config.discount_percent, &errors);
  config.budget = ReadMaybe(root, "budget", &errors, "");
  config.deadline_hours = ReadMaybe(root, "deadline_hours", &errors, "");
  detail::ParseHoursInputs(root, &config, &errors);
  detail::ParseMoneyInputs(root, &config, &errors);

  // A model is trained the default way (LoRA) unless the setup says otherwise.
  if (config.model && !config.training.method) {
    config.training.method = detail::MethodFrom(FieldOf("training.method").default_value);
  }
  // Without an instance there is neither a table price nor a GPU count.
  if (purpose == Purpose::kEstimate && !root.contains("instance")) {
    if (!root.contains("price_per_gpu_hour") && !root.contains("owned"))
      errors.push_back({code::kMissing, "price_per_gpu_hour", {}});
    if (!root.contains("gpus")) errors.push_back({code::kMissing, "gpus", {}});
  }
  return result;
}

ConfigResult Parse(std::string_view json_text, Purpose purpose) {
  ConfigResult result;
  auto parsed = detail::ParseExactJson(json_text, "config", kMaxConfigBytes, &result.errors);
  return parsed ? ParseTree(*parsed, purpose) : result;
}

}  // namespace

const Json* detail::ConfigObject(const Json& root, const char* key, Errors* errors) {
  if (!root.contains(key)) return nullptr;
  const Json& object = root[key];
  if (!object.is_object()) {
    errors->push_back({code::kWrongType, key, {{"expected", "object"}, {"type", detail::TypeName(object)}}});
    return nullptr;
  }
  detail::CheckKnownKeys(object, KnownKeys(key), std::string(key) + ".", errors);
  return &object;
}

ConfigResult detail::ParseConfigTree(const Json& root) { return ParseTree(root, Purpose::kEstimate); }

ConfigResult ParseConfig(std::string_view json_text) { return Parse(json_text, Purpose::kEstimate); }

ConfigResult ParseWorkload(std::string_view json_text) { return Parse(json_text, Purpose::kWorkload); }

}  // namespace epochcost
