// Does the training fit in each GPU's memory? Per card, broken down into
// weights, gradients, optimizer states, activations and a fixed overhead
// (docs/memory.md gives every formula with its source).
//
// - Mixed precision (ZeRO paper, Rajbhandari et al. 2020, section 3.1):
//   16-bit weights (2 bytes) and gradients (2 bytes) per trained parameter,
//   optimizer states of K bytes: AdamW 12 (FP32 master copy, momentum,
//   variance), 8-bit AdamW 6 (the master copy and two 1-byte states, Dettmers
//   et al. 2021), SGD with momentum 8.
// - LoRA: the frozen base in 16 bits (2 bytes per parameter); only the
//   adapters have gradients and optimizer states. QLoRA (Dettmers et al.
//   2023): the layers' linear weights in 4-bit NF4 with double-quantised
//   constants, 4 + 8/64 + 32/(64 x 256) bits per weight; the rest in 16 bits.
// - ZeRO stage 1 divides the optimizer states across the data-parallel GPUs,
//   stage 2 also the gradients, stage 3 (FSDP full shard) also the weights.
//   Stage 0 divides nothing: memory is never pooled across cards.
// - Activations (Korthikanti et al. 2022, equation 1 without the 5as/h term,
//   as flash attention stores no s x s matrix): 34 s b h bytes per layer;
//   with activation checkpointing 2 s b h per layer plus one layer's 34 s b h
//   while it is recomputed; plus the FP32 logits, 4 s b v (section 4.3).
// GB here is 10^9 bytes, as in the ZeRO paper's figures.
#ifndef EPOCHCOST_MEMORY_FIT_H
#define EPOCHCOST_MEMORY_FIT_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "epochcost/model_shape.h"
#include "epochcost/rational.h"
#include "epochcost/training.h"

namespace epochcost {

// Above this share of the card, the fit is "tight": the allocator's
// fragmentation and a longer sequence than planned can tip it over.
inline constexpr std::int64_t kTightMemoryPercent = 90;

enum class Fit { kFits, kTight, kDoesNotFit };

// What the memory of one training run depends on.
struct MemoryInputs {
  Rational params;                  // all parameters
  std::optional<ModelShape> shape;  // activations and QLoRA's split need it
  TrainingMethod method = TrainingMethod::kLora;
  Rational trainable_params;  // adapters for LoRA and QLoRA; all for full
  TrainingSetup setup;
  std::int64_t gpus = 1;  // the data-parallel GPUs ZeRO divides across
};

// Bytes per GPU, each part rounded up to a whole byte; total is their sum.
struct MemoryBytes {
  Int128 weights = 0;
  Int128 gradients = 0;
  Int128 optimizer = 0;
  Int128 activations = 0;  // 0 when not counted (no shape)
  Int128 overhead = 0;
  Int128 total = 0;
  bool activations_counted = false;
};

MemoryBytes PerGpuBytes(const MemoryInputs& inputs);

// One change that would make it fit, and the per-GPU total after it.
struct FitChange {
  std::string key;    // the configuration key it changes ("training.micro_batch")
  std::string value;  // its new value ("1", "true", "qlora")
  Int128 total_bytes = 0;
};

struct MemoryFit {
  Fit fit = Fit::kFits;
  Rational needed_gb_per_gpu;
  Rational gpu_memory_gb;
  MemoryBytes bytes;
  Int128 params = 0;
  Int128 trainable_params = 0;
  // When it does not fit: single changes that fit, smallest first
  // (activation checkpointing, a smaller micro-batch, a higher ZeRO stage,
  // LoRA, QLoRA, more GPUs).
  std::vector<FitChange> changes;
};

// `gpus_per_instance` is the step in which more GPUs can be rented.
MemoryFit CheckMemoryFit(const MemoryInputs& inputs, const Rational& gpu_memory_gb, std::int64_t gpus_per_instance);
const char* FitName(Fit fit);

// The factors above as a JSON object (`epochcost schema --json`, under
// constants.memory), so that the page's explanation quotes the core's own
// figures: bytes per weight, gradient and optimizer state, NF4's bits, the
// activation factors, the overhead in GB and the tight threshold.
std::string MemoryConstantsJson();

}  // namespace epochcost

#endif  // EPOCHCOST_MEMORY_FIT_H
