// How a model is trained, for the memory check: the method (full, LoRA,
// QLoRA), the adapters, the optimizer, the batch and the sharding.
// Configuration object "training" (docs/memory.md); defaults from the schema.
#ifndef EPOCHCOST_TRAINING_H
#define EPOCHCOST_TRAINING_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "epochcost/epoch_time.h"

namespace epochcost {

enum class Optimizer { kAdamW, kAdamW8bit, kSgd };

struct TrainingSetup {
  std::optional<TrainingMethod> method;  // none given: the FLOPs way's, if any
  // The rest take the schema's defaults when read from a configuration.
  std::int64_t lora_rank = 0;
  std::vector<std::string> lora_targets;  // PEFT's module names
  Optimizer optimizer = Optimizer::kAdamW;
  std::int64_t seq_len = 0;
  std::int64_t micro_batch = 0;  // sequences per GPU per step
  bool activation_checkpointing = false;
  std::int64_t zero_stage = 0;  // 0-3; FSDP full shard = 3
};

const char* OptimizerName(Optimizer optimizer);

}  // namespace epochcost

#endif  // EPOCHCOST_TRAINING_H
