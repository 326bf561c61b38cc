// Hours per epoch from a trial run, a throughput or a FLOPs model.
#include "epochcost/epoch_time.h"

#include "input_limits.h"

namespace epochcost {
namespace {

constexpr std::int64_t kSecondsPerHour = 3600;
const Rational kTera(1000000000000);

}  // namespace

std::string FlopsFactorsJson() {
  return "{\"frozen\":" + std::to_string(kFlopsPerParamTokenFrozen) +
         ",\"trained\":" + std::to_string(kFlopsPerParamTokenTrained) + "}";
}

Rational DefaultMfu() { return limits::DefaultOf("flops.mfu"); }

const char* WayName(EpochTimeWay way) {
  switch (way) {
    case EpochTimeWay::kTrial:
      return "trial";
    case EpochTimeWay::kThroughput:
      return "throughput";
    case EpochTimeWay::kFlops:
      return "flops";
    case EpochTimeWay::kHours:
      break;
  }
  return "hours_per_epoch";
}

const char* MethodName(TrainingMethod method) {
  constexpr const char* kNames[] = {"full", "lora", "qlora"};
  return kNames[static_cast<int>(method)];
}

std::optional<EpochHours> ComputeEpochHours(const EpochTime& time, std::int64_t gpus,
                                            const std::optional<Rational>& table_peak_tflops, Errors* errors) {
  EpochHours out;
  const Rational n(gpus);
  switch (time.way) {
    case EpochTimeWay::kHours:
      out.hours = time.hours;
      break;
    case EpochTimeWay::kTrial: {
      const TrialRun& t = time.trial;
      // A last, partial batch is still a step.
      out.steps_per_epoch = t.steps_per_epoch ? *t.steps_per_epoch : (*t.samples / *t.global_batch).Ceil();
      out.hours = t.seconds / t.steps * out.steps_per_epoch / Rational(kSecondsPerHour);
      break;
    }
    case EpochTimeWay::kThroughput: {
      const ThroughputRun& t = time.throughput;
      out.hours = t.tokens_per_epoch / (t.tokens_per_second_per_gpu * n) / Rational(kSecondsPerHour);
      break;
    }
    case EpochTimeWay::kFlops: {
      const FlopsModel& f = time.flops;
      if (f.peak_tflops) {
        out.peak_tflops = *f.peak_tflops;
        out.peak_source = "config";
      } else if (table_peak_tflops) {
        out.peak_tflops = *table_peak_tflops;
        out.peak_source = "table";
      } else {
        errors->push_back({code::kMissing, "flops.peak_tflops", {}});
        return std::nullopt;
      }
      const Rational per_token = f.method == TrainingMethod::kFull
                                     ? Rational(kFlopsPerParamTokenTrained) * f.params
                                     : Rational(kFlopsPerParamTokenFrozen) * f.params +
                                           Rational(kFlopsPerParamTokenTrained) * f.trainable_params;
      out.flops_per_epoch = per_token * f.tokens_per_epoch;
      out.params = f.params;
      out.trainable_params = f.trainable_params;
      out.method = f.method;
      const Rational flops_per_second = n * out.peak_tflops * kTera * f.mfu;
      out.hours = out.flops_per_epoch / flops_per_second / Rational(kSecondsPerHour);
      break;
    }
  }
  // Overflow sticks: the FLOPs way's hours carry its count's.
  if (out.hours.overflowed()) {
    errors->push_back({code::kOverflow, WayName(time.way), {}});
    return std::nullopt;
  }
  if (out.hours > limits::MaxOf("hours_per_epoch")) {
    errors->push_back(
        {code::kDerivedTooLong,
         WayName(time.way),
         {{"value", ToShortDecimal(out.hours, 0)}, {"max", ToShortDecimal(limits::MaxOf("hours_per_epoch"), 0)}}});
    return std::nullopt;
  }
  return out;
}

}  // namespace epochcost
