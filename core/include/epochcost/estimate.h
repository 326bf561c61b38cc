// The estimate: the seed's formula, Cost_epoch = T x P x N + D + M, made
// exact and extended with whole-instance renting, billing increments and a
// discount on compute.
//
// All amounts are exact Rationals until the end; the shown amounts are
// rounded once, half away from zero, to the currency's minor unit, and the
// shown parts are allotted so that they add up to the shown total (see
// AllocateRounded).
#ifndef EPOCHCOST_ESTIMATE_H
#define EPOCHCOST_ESTIMATE_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "epochcost/config.h"
#include "epochcost/error.h"
#include "epochcost/memory_fit.h"
#include "epochcost/money.h"
#include "epochcost/price_table.h"
#include "epochcost/range.h"
#include "epochcost/rational.h"
#include "epochcost/spot.h"

namespace epochcost {

// Amounts in minor units (fen for CNY), rounded for display; parts add up.
struct MoneyParts {
  Int128 compute = 0;     // training hours (T), with billing rounding and idle GPUs
  Int128 eval = 0;        // evaluation hours
  Int128 checkpoint = 0;  // checkpoint saves
  Int128 startup = 0;     // once per run: totals only
  Int128 data = 0;
  Int128 ops = 0;
  Int128 total = 0;
};

struct Estimate {
  std::string currency = "CNY";
  int minor_unit_digits = 2;
  std::string instance;  // empty when priced without an instance
  std::string instance_name;
  std::int64_t gpus_per_instance = 0;
  std::int64_t instances = 0;
  std::int64_t gpus = 0;         // N as asked
  std::int64_t gpus_billed = 0;  // whole instances' GPUs
  std::int64_t epochs = 1;
  std::int64_t billing_increment_seconds = 0;
  Rational hours_per_epoch;
  std::string time_way = "hours_per_epoch";  // or trial, throughput, flops
  EpochHours epoch_hours;                    // how T was derived
  std::optional<MemoryFit> memory;           // FLOPs way with known GPU memory
  Rational price_per_gpu_hour;
  std::string price_source;  // "table", "config" or "owned"
  std::optional<Rational> table_price_per_gpu_hour;
  Rational discount_percent;

  // Overheads (hours) and scaling across instances.
  Rational startup_hours;
  Rational eval_hours_per_epoch;
  Rational checkpoint_hours_per_epoch;
  Rational linear_hours_per_epoch;  // T before scaling across instances
  Rational scaling_efficiency = 1;
  Rational throughput_kept = 1;  // efficiency ^ log2(instances), when applied
  bool scaling_applied = false;

  Rational wall_hours;        // start-up + (T + evaluation + saves) x E, the run's duration
  Rational billed_hours;      // wall hours rounded up to the increment
  Rational gpu_hours;         // wall hours x N
  Rational billed_gpu_hours;  // billed hours x billed GPUs

  // Exact amounts for the whole run.
  Rational compute_exact;
  Rational data_exact;
  Rational ops_exact;
  Rational total_exact;
  Rational billing_extra_exact;  // rounding up to the billing increment
  Rational idle_gpu_exact;       // GPUs rented but not asked for
  Rational discount_exact;       // taken off compute
  Rational eval_exact;           // parts of compute_exact: evaluation,
  Rational checkpoint_exact;     // checkpoint saves
  Rational startup_exact;        // and start-up

  MoneyParts per_epoch;
  MoneyParts total;
  Int128 billing_extra = 0;
  Int128 idle_gpu_cost = 0;
  Int128 discount = 0;

  std::optional<SpotEstimate> spot;    // beside on-demand, when asked
  std::optional<EstimateRange> range;  // low and high ends, when asked

  std::optional<OwnedPrice> owned;           // where an owner's P came from
  std::optional<EnergyEstimate> energy;      // kWh, carbon, electricity cost
  std::optional<ConvertedTotals> converted;  // the totals in a second currency

  std::vector<Note> notes;

  // Whether the shown total is exactly the shown per-epoch total times the
  // epochs, plus the one-off start-up. Each is rounded once from its exact
  // amount, so they can differ by a few minor units (then the page writes
  // "≈", not "=").
  bool TotalIsPerEpochTimesEpochs() const { return per_epoch.total * epochs + total.startup == total.total; }
};

struct EstimateResult {
  Estimate estimate;
  Errors errors;
  bool ok() const { return errors.empty(); }
};

// `table` may be null when the configuration gives its own price and GPU
// count. Never throws.
EstimateResult ComputeEstimate(const PriceTable* table, const Config& config);

// `hours` rounded up to the billing increment (none when 0).
Rational RoundUpToIncrement(const Rational& hours, std::int64_t increment_seconds);

// Rounds each exact part half away from zero to `digits` decimals, rounds
// their exact sum the same way, and moves single minor units between parts
// (largest rounding remainder first) until the parts add up to that total.
std::vector<Int128> AllocateRounded(const std::vector<Rational>& parts, int digits, Int128* total);

}  // namespace epochcost

#endif  // EPOCHCOST_ESTIMATE_H
