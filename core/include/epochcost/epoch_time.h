// Ways to get T, the hours per epoch, when the user does not know it:
//  - a trial run: S steps took X seconds; T = X / S x steps per epoch;
//  - throughput: tokens per epoch / (tokens per second per GPU x N);
//  - a FLOPs model: training FLOPs / (N x peak x MFU).
// Exactly one way per configuration; every constant is an input with a
// stated default and source (docs/estimating-time.md).
#ifndef EPOCHCOST_EPOCH_TIME_H
#define EPOCHCOST_EPOCH_TIME_H

#include <cstdint>
#include <optional>
#include <string>

#include "epochcost/error.h"
#include "epochcost/rational.h"

namespace epochcost {

enum class EpochTimeWay { kHours, kTrial, kThroughput, kFlops };
// QLoRA trains LoRA adapters on a 4-bit base: its FLOPs are LoRA's.
enum class TrainingMethod { kFull, kLora, kQlora };

// Training FLOPs per parameter per token (Kaplan et al. 2020, "Scaling Laws
// for Neural Language Models", C = 6ND: 2 forward + 4 backward). With LoRA
// the frozen base weights need no weight gradients: 2 forward + 2 backward
// (activation gradients only) = 4.
inline constexpr std::int64_t kFlopsPerParamTokenTrained = 6;
inline constexpr std::int64_t kFlopsPerParamTokenFrozen = 4;
// {"frozen":4,"trained":6}: the two factors, for answers that show them.
std::string FlopsFactorsJson();
// Default model FLOPs utilisation: the schema's default for flops.mfu.
Rational DefaultMfu();

struct TrialRun {
  Rational steps;
  Rational seconds;
  std::optional<Rational> steps_per_epoch;
  std::optional<Rational> samples;       // with global_batch, instead of
  std::optional<Rational> global_batch;  // steps_per_epoch
};

struct ThroughputRun {
  Rational tokens_per_epoch;
  Rational tokens_per_second_per_gpu;
};

struct FlopsModel {
  Rational params;            // all parameters (frozen base for LoRA)
  Rational trainable_params;  // LoRA adapters; all parameters for full fine-tuning
  Rational tokens_per_epoch;
  TrainingMethod method = TrainingMethod::kLora;
  Rational mfu = DefaultMfu();
  std::optional<Rational> peak_tflops;  // overrides the instance's GPU
};

struct EpochTime {
  EpochTimeWay way = EpochTimeWay::kHours;
  Rational hours;  // the direct way
  TrialRun trial;
  ThroughputRun throughput;
  FlopsModel flops;
};

struct EpochHours {
  Rational hours;
  Rational steps_per_epoch;  // trial way
  Rational flops_per_epoch;  // FLOPs way
  Rational peak_tflops;      // FLOPs way: the figure used
  std::string peak_source;   // "table" or "config"
  // FLOPs way: the counts and method used (a model's, or flops.params').
  Rational params;
  Rational trainable_params;
  TrainingMethod method = TrainingMethod::kLora;
};

// T for `gpus` GPUs. `table_peak_tflops` is the instance GPU's dense peak
// from the price table, when known. Returns nullopt with errors on failure.
std::optional<EpochHours> ComputeEpochHours(const EpochTime& time, std::int64_t gpus,
                                            const std::optional<Rational>& table_peak_tflops, Errors* errors);

const char* WayName(EpochTimeWay way);
const char* MethodName(TrainingMethod method);

}  // namespace epochcost

#endif  // EPOCHCOST_EPOCH_TIME_H
