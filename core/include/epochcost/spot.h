// Spot (interruptible) capacity beside on-demand.
//
// First-order model (after Young 1974, "A first order approximation to the
// optimum checkpoint interval", CACM 17(9)): interruptions arrive at a rate
// lambda per hour; each loses on average half a checkpoint interval of work
// plus the restart time, so
//   billed hours = work hours x (1 + lambda x (interval / 2 + restart)),
// where work hours are the on-demand run's (start-up, training, evaluation,
// checkpoint saves). Valid while lambda x interval is small. The interval
// that minimises the expected loss is Young's sqrt(2 x save time / lambda).
#ifndef EPOCHCOST_SPOT_H
#define EPOCHCOST_SPOT_H

#include <optional>
#include <string>

#include "epochcost/rational.h"

namespace epochcost {

struct SpotEstimate {
  Rational price_per_gpu_hour;
  std::string price_source;  // "config" or "table"
  Rational interruptions_per_hour;
  Rational checkpoint_interval_hours;
  // "config"; "checkpoints_per_epoch" (an epoch's hours over its saves); or
  // "none": no checkpointing, an interruption restarts the whole run.
  std::string interval_source;
  Rational restart_hours;
  Rational work_hours;
  Rational expected_interruptions;  // lambda x work hours
  Rational lost_hours;              // expected_interruptions x (interval / 2 + restart)
  Rational billed_hours;            // work + lost, rounded up to the billing increment
  Rational compute_exact;           // billed hours x billed GPUs x spot price
  Rational total_exact;             // + D and M, as on demand
  Int128 compute = 0;
  Int128 total = 0;
  Int128 saving = 0;  // on-demand total minus spot total, as shown (may be negative)
  // Young's interval rounded to whole minutes; none without a save time or
  // with no interruptions.
  std::optional<Rational> best_checkpoint_interval_hours;
  // lambda x interval above 1/4: the first-order figure is off by more than
  // about 1 %.
  bool rough = false;
};

// Young's interval sqrt(2 x save_hours / rate), in whole minutes (at least
// one), exactly: the integer m with (m - 1/2)^2 <= x < (m + 1/2)^2 for
// x = 120 x save_minutes / rate, the interval squared in minutes.
std::optional<Rational> BestCheckpointIntervalHours(const Rational& save_minutes, const Rational& rate);

}  // namespace epochcost

#endif  // EPOCHCOST_SPOT_H
