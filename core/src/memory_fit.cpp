// The memory check (see memory_fit.h for the assumptions).
#include "epochcost/memory_fit.h"

namespace epochcost {

MemoryFit CheckMemoryFit(const FlopsModel& model, std::int64_t gpus, const Rational& gpu_memory_gb) {
  const Rational bytes_per_gb(1000000000);
  Rational bytes_per_gpu;
  if (model.method == TrainingMethod::kFull) {
    bytes_per_gpu = Rational(kBytesPerParamFullAdamW) * model.params / Rational(gpus);
  } else {
    bytes_per_gpu =
        Rational(kBytesPerParamFrozenBf16) * model.params + Rational(kBytesPerParamFullAdamW) * model.trainable_params;
  }
  MemoryFit out;
  out.gpu_memory_gb = gpu_memory_gb;
  out.needed_gb_per_gpu = bytes_per_gpu / bytes_per_gb;
  if (out.needed_gb_per_gpu > gpu_memory_gb) {
    out.fit = Fit::kDoesNotFit;
  } else if (out.needed_gb_per_gpu * Rational(100) > gpu_memory_gb * Rational(kUsableMemoryPercent)) {
    out.fit = Fit::kTight;
  }
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
