// The inputs that turn training hours into the hours a run really bills:
// overheads (start-up, evaluation, checkpoint saves), spot capacity,
// scaling across instances and a range around the expected figure.
// docs/billed-hours.md explains each and names the formulas' sources.
#ifndef EPOCHCOST_HOURS_INPUTS_H
#define EPOCHCOST_HOURS_INPUTS_H

#include <optional>

#include "epochcost/rational.h"

namespace epochcost {

// Billed besides training: start-up once per run; evaluation and
// checkpoint saves every epoch. All zero by default.
struct Overheads {
  Rational startup_hours;
  Rational eval_hours_per_epoch;
  Rational checkpoint_save_minutes;
  Rational checkpoints_per_epoch;  // a whole number
};

// Interruptible capacity, estimated beside on-demand.
struct SpotInputs {
  std::optional<Rational> price_per_gpu_hour;  // else the table's spot price
  Rational interruptions_per_hour;             // lambda, below 1
  // Work between saves; absent: from checkpoints_per_epoch, else the whole run.
  std::optional<Rational> checkpoint_interval_hours;
  Rational restart_hours;
};

// Low and high estimates of T beside the expected one.
struct RangeInputs {
  std::optional<Rational> mfu_low;   // FLOPs way: the pessimistic MFU
  std::optional<Rational> mfu_high;  // FLOPs way: the optimistic MFU
  Rational throughput_percent;       // throughput way: +/- on tokens per second
};

}  // namespace epochcost

#endif  // EPOCHCOST_HOURS_INPUTS_H
