// Planning backwards: the most epochs a budget buys, and the GPUs needed to
// finish the run by a deadline. Both search over full estimates, so billing
// increments, whole instances and discounts are honoured exactly.
#ifndef EPOCHCOST_PLAN_H
#define EPOCHCOST_PLAN_H

#include <cstdint>
#include <optional>

#include "epochcost/config.h"
#include "epochcost/error.h"
#include "epochcost/price_table.h"

namespace epochcost {

struct Plan {
  // Budget: the largest epoch count whose total is within it (0 if even one
  // epoch costs more).
  std::optional<std::int64_t> max_epochs;
  // Deadline: the fewest GPUs (whole instances) whose wall-clock time for all
  // epochs is within it; nullopt with an error when no count up to the
  // maximum is enough or T does not depend on the GPU count.
  std::optional<std::int64_t> gpus_for_deadline;
  // The same in whole instances, when priced by instance.
  std::optional<std::int64_t> instances_for_deadline;
  Errors errors;
};

Plan ComputePlan(const PriceTable* table, const Config& config);

}  // namespace epochcost

#endif  // EPOCHCOST_PLAN_H
