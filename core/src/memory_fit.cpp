// The per-card memory and the fit (see memory_fit.h for the model and
// docs/memory.md for the sources).
#include "epochcost/memory_fit.h"

namespace epochcost {
namespace {

const Rational kBytesPerGb(1000000000);

// 16-bit weights and gradients (ZeRO paper, section 3.1).
const Rational kHalf(2);

// Optimizer bytes per trained parameter. AdamW: FP32 master copy, momentum
// and variance, 4 + 4 + 4 (ZeRO's K = 12). 8-bit AdamW: the master copy and
// two 1-byte states with one FP32 scale per block of 2048 per state
// (Dettmers et al. 2021, sections 1.1 and 2.1): 4 + 2 + 8/2048. SGD with
// momentum: the master copy and one FP32 state, 4 + 4.
Rational OptimizerBytes(Optimizer optimizer) {
  switch (optimizer) {
    case Optimizer::kAdamW8bit:
      return Rational(6) + Rational::Fraction(8, 2048);
    case Optimizer::kSgd:
      return Rational(8);
    case Optimizer::kAdamW:
      break;
  }
  return Rational(12);
}

// QLoRA's NF4 weights with double quantisation (Dettmers et al. 2023,
// section 3): 4 bits, plus one 8-bit constant per block of 64 and one FP32
// constant per 256 such blocks; in bytes per weight.
const Rational kNf4BytesPerWeight =
    (Rational(4) + Rational::Fraction(8, 64) + Rational::Fraction(32, 64 * 256)) / Rational(8);

// The CUDA context and kernels, 1-2 GB by the Hugging Face guide "Model
// training anatomy" (1,343 MB measured there): the upper end, so that a fit
// errs on the safe side.
constexpr std::int64_t kOverheadBytes = 2000000000;

// Activation bytes per layer in units of sequence x micro-batch x hidden
// (Korthikanti et al. 2022, equation 1 without the 5as/h term: flash
// attention stores no s x s matrix), what full recomputation keeps per layer
// (section 5), and the FP32 logits' bytes per sequence x micro-batch x
// vocabulary entry (section 4.3).
constexpr std::int64_t kActivationBytesPerSbh = 34;
constexpr std::int64_t kCheckpointedBytesPerSbh = 2;
constexpr std::int64_t kLogitBytes = 4;

Int128 CeilBytes(const Rational& bytes) { return bytes.Ceil().num(); }

}  // namespace

std::string MemoryConstantsJson() {
  const auto decimal = [](const Rational& value) { return "\"" + ToShortDecimal(value, 12) + "\""; };
  return "{\"activation_bytes_per_sbh\":" + std::to_string(kActivationBytesPerSbh) +
         ",\"checkpointed_bytes_per_sbh\":" + std::to_string(kCheckpointedBytesPerSbh) +
         ",\"gradient_bytes\":" + decimal(kHalf) + ",\"logit_bytes\":" + std::to_string(kLogitBytes) +
         ",\"nf4_bits_per_weight\":" + decimal(kNf4BytesPerWeight * Rational(8)) +
         ",\"optimizer_bytes_adamw\":" + decimal(OptimizerBytes(Optimizer::kAdamW)) +
         ",\"optimizer_bytes_adamw_8bit\":" + decimal(OptimizerBytes(Optimizer::kAdamW8bit)) +
         ",\"optimizer_bytes_sgd\":" + decimal(OptimizerBytes(Optimizer::kSgd)) +
         ",\"overhead_gb\":" + decimal(Rational(kOverheadBytes) / kBytesPerGb) +
         ",\"tight_percent\":" + std::to_string(kTightMemoryPercent) + ",\"weight_bytes\":" + decimal(kHalf) + "}";
}

const char* OptimizerName(Optimizer optimizer) {
  constexpr const char* kNames[] = {"adamw", "adamw_8bit", "sgd"};
  return kNames[static_cast<int>(optimizer)];
}

MemoryBytes PerGpuBytes(const MemoryInputs& in) {
  const TrainingSetup& setup = in.setup;
  const Rational gpus(in.gpus);
  const bool full = in.method == TrainingMethod::kFull;
  const Rational trained = full ? in.params : in.trainable_params;

  // Weights: the trained ones in 16 bits; LoRA's frozen base too; QLoRA's
  // linear weights in NF4 (all of them when the shape is unknown).
  Rational weights = kHalf * trained;
  if (in.method == TrainingMethod::kLora) {
    weights = weights + kHalf * in.params;
  } else if (in.method == TrainingMethod::kQlora) {
    const Rational quantised = in.shape ? Rational::Fraction(CountParams(*in.shape).linear_weights, 1) : in.params;
    weights = weights + kNf4BytesPerWeight * quantised + kHalf * (in.params - quantised);
  }
  Rational gradients = kHalf * trained;
  Rational optimizer = OptimizerBytes(setup.optimizer) * trained;
  if (setup.zero_stage >= 1) optimizer = optimizer / gpus;
  if (setup.zero_stage >= 2) gradients = gradients / gpus;
  if (setup.zero_stage >= 3) weights = weights / gpus;

  MemoryBytes out;
  out.weights = CeilBytes(weights);
  out.gradients = CeilBytes(gradients);
  out.optimizer = CeilBytes(optimizer);
  if (in.shape) {
    // Korthikanti et al. 2022: 34 s b h bytes per layer (equation 1, the
    // 5as/h term dropped for flash attention); full recomputation keeps
    // 2 s b h per layer (section 5) and rebuilds one layer at a time; the
    // logits are FP32, 4 s b v (section 4.3).
    const Int128 sbh = Int128{setup.seq_len} * setup.micro_batch * in.shape->hidden_size;
    const Int128 layers = in.shape->num_hidden_layers;
    const Int128 layer_bytes = setup.activation_checkpointing
                                   ? kCheckpointedBytesPerSbh * sbh * layers + kActivationBytesPerSbh * sbh
                                   : kActivationBytesPerSbh * sbh * layers;
    out.activations = layer_bytes + kLogitBytes * Int128{setup.seq_len} * setup.micro_batch * in.shape->vocab_size;
    out.activations_counted = true;
  }
  out.overhead = kOverheadBytes;
  out.total = out.weights + out.gradients + out.optimizer + out.activations + out.overhead;
  return out;
}

namespace {

Fit FitOf(Int128 total_bytes, const Rational& gpu_memory_gb) {
  const Rational needed = Rational::Fraction(total_bytes, 1);
  const Rational capacity = gpu_memory_gb * kBytesPerGb;
  if (needed > capacity) return Fit::kDoesNotFit;
  if (needed * Rational(100) > capacity * Rational(kTightMemoryPercent)) return Fit::kTight;
  return Fit::kFits;
}

// Single changes that fit, in the order of how little they change the run.
std::vector<FitChange> ChangesThatFit(const MemoryInputs& in, const Rational& gpu_memory_gb,
                                      std::int64_t gpus_per_instance) {
  std::vector<FitChange> changes;
  const auto fits = [&](const MemoryInputs& changed) {
    const Int128 total = PerGpuBytes(changed).total;
    return FitOf(total, gpu_memory_gb) != Fit::kDoesNotFit ? total : Int128{-1};
  };
  const auto add = [&](const MemoryInputs& changed, const char* key, std::string value) {
    const Int128 total = fits(changed);
    if (total < 0) return false;
    changes.push_back({key, std::move(value), total});
    return true;
  };
  MemoryInputs changed = in;
  if (!in.setup.activation_checkpointing && in.shape) {
    changed.setup.activation_checkpointing = true;
    add(changed, "training.activation_checkpointing", "true");
    changed = in;
  }
  if (in.shape) {
    // The largest micro-batch below the current one that fits (memory
    // grows with the batch, so a bisection finds it).
    std::int64_t low = 1;
    std::int64_t high = in.setup.micro_batch - 1;
    changed.setup.micro_batch = 1;
    if (high >= 1 && fits(changed) >= 0) {
      while (low < high) {
        const std::int64_t mid = low + (high - low + 1) / 2;
        changed.setup.micro_batch = mid;
        if (fits(changed) >= 0) {
          low = mid;
        } else {
          high = mid - 1;
        }
      }
      changed.setup.micro_batch = low;
      add(changed, "training.micro_batch", std::to_string(low));
    }
    changed = in;
  }
  if (in.gpus > 1) {
    for (std::int64_t stage = in.setup.zero_stage + 1; stage <= 3; ++stage) {
      changed.setup.zero_stage = stage;
      if (add(changed, "training.zero_stage", std::to_string(stage))) break;
    }
    changed = in;
  }
  if (in.method == TrainingMethod::kFull && in.shape) {
    changed.method = TrainingMethod::kLora;
    changed.trainable_params =
        Rational::Fraction(LoraTrainableParams(*in.shape, in.setup.lora_rank, in.setup.lora_targets), 1);
    add(changed, "training.method", "lora");
    changed.method = TrainingMethod::kQlora;
    add(changed, "training.method", "qlora");
    changed = in;
  } else if (in.method == TrainingMethod::kLora) {
    changed.method = TrainingMethod::kQlora;
    add(changed, "training.method", "qlora");
    changed = in;
  }
  if (in.setup.zero_stage >= 1) {
    // More whole instances: sharding divides over them (stage 0 divides
    // nothing, so more GPUs never help there).
    const std::int64_t step = gpus_per_instance > 0 ? gpus_per_instance : 1;
    for (std::int64_t gpus = (in.gpus / step + 1) * step; gpus <= 4096; gpus += step) {
      changed.gpus = gpus;
      if (add(changed, "gpus", std::to_string(gpus))) break;
    }
  }
  return changes;
}

}  // namespace

MemoryFit CheckMemoryFit(const MemoryInputs& inputs, const Rational& gpu_memory_gb, std::int64_t gpus_per_instance) {
  MemoryFit out;
  out.bytes = PerGpuBytes(inputs);
  out.gpu_memory_gb = gpu_memory_gb;
  out.needed_gb_per_gpu = Rational::Fraction(out.bytes.total, 1) / kBytesPerGb;
  out.params = inputs.params.Ceil().num();
  out.trainable_params = inputs.method == TrainingMethod::kFull ? out.params : inputs.trainable_params.Ceil().num();
  out.fit = FitOf(out.bytes.total, gpu_memory_gb);
  if (out.fit == Fit::kDoesNotFit) out.changes = ChangesThatFit(inputs, gpu_memory_gb, gpus_per_instance);
  return out;
}

const char* FitName(Fit fit) {
  switch (fit) {
    case Fit::kTight:
      return "tight";
    case Fit::kDoesNotFit:
      return "does_not_fit";
    case Fit::kFits:
      break;
  }
  return "fits";
}

}  // namespace epochcost
