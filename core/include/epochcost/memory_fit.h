// Does the training fit in the GPUs' memory? A first-order check of the
// model state (weights, gradients, optimizer), before activations.
//
// Full fine-tuning with mixed-precision AdamW keeps 16 bytes per parameter
// (2 BF16 weights + 2 BF16 gradients + 4 FP32 master weights + 8 FP32 Adam
// moments; ZeRO paper, Rajbhandari et al. 2020, section 3.1), assumed
// sharded across all GPUs (ZeRO-3 / FSDP). LoRA keeps the frozen weights in
// BF16 (2 bytes per parameter) on every GPU, plus 16 bytes per trainable
// adapter parameter. 20 % of memory is kept back for activations, the CUDA
// context and fragmentation: above 80 % the fit is "tight", above 100 % it
// does not fit. GB here is 10^9 bytes.
#ifndef EPOCHCOST_MEMORY_FIT_H
#define EPOCHCOST_MEMORY_FIT_H

#include <cstdint>

#include "epochcost/epoch_time.h"
#include "epochcost/rational.h"

namespace epochcost {

inline constexpr std::int64_t kBytesPerParamFullAdamW = 16;
inline constexpr std::int64_t kBytesPerParamFrozenBf16 = 2;
inline constexpr std::int64_t kUsableMemoryPercent = 80;

enum class Fit { kFits, kTight, kDoesNotFit };

struct MemoryFit {
  Fit fit = Fit::kFits;
  Rational needed_gb_per_gpu;
  Rational gpu_memory_gb;
};

MemoryFit CheckMemoryFit(const FlopsModel& model, std::int64_t gpus, const Rational& gpu_memory_gb);
const char* FitName(Fit fit);

}  // namespace epochcost

#endif  // EPOCHCOST_MEMORY_FIT_H
