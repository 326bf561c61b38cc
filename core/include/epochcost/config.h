// The configuration of one estimate: the inputs of the seed's formula
//   Cost_epoch = T x P x N + D + M
// plus epochs, billing increment and discount. JSON format in
// docs/formats.md; shared by the CLI, the tests and the web page.
#ifndef EPOCHCOST_CONFIG_H
#define EPOCHCOST_CONFIG_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "epochcost/epoch_time.h"
#include "epochcost/error.h"
#include "epochcost/hours_inputs.h"
#include "epochcost/model_shape.h"
#include "epochcost/money_inputs.h"
#include "epochcost/rational.h"
#include "epochcost/training.h"

namespace epochcost {

inline constexpr std::size_t kMaxConfigBytes = 16 * 1024;

struct Config {
  std::string instance;                        // id in the price table; empty for none
  std::optional<std::int64_t> gpus;            // N; defaults to one instance's GPUs
  EpochTime time;                              // T, directly or from a trial run, a throughput or a FLOPs model
  std::optional<Rational> price_per_gpu_hour;  // P; overrides the table
  Rational data_cost_per_epoch;                // D
  Rational ops_cost_per_epoch;                 // M
  std::int64_t epochs = 1;                     // E
  std::int64_t billing_increment_seconds = 0;  // 0: the seed's formula, no rounding
  Rational discount_percent;                   // on compute only
  std::optional<Rational> budget;              // plan: the most epochs this buys
  std::optional<Rational> deadline_hours;      // plan: the GPUs to finish in time
  // The model and its training, for the memory check (and, in the FLOPs
  // way, the parameter counts when flops.params is not given).
  std::optional<ModelShape> model;
  std::string model_preset;         // its id when the shape is a preset's
  std::string model_architecture;   // a shape's architecture (config.json's)
  TrainingSetup training;           // the schema's defaults when not given
  bool has_training = false;        // "training" given
  Overheads overheads;              // start-up, evaluation, checkpoint saves
  std::optional<SpotInputs> spot;   // an interruptible estimate beside on-demand
  Rational scaling_efficiency = 1;  // throughput kept per doubling of instances
  RangeInputs range;                // low and high estimates of T
  // A second currency, energy and carbon, owned GPUs (docs/money.md).
  std::optional<DisplayCurrency> display_currency;
  std::optional<EnergyInputs> energy;
  std::optional<OwnedGpus> owned;  // P from the hardware, not a rental price
};

struct ConfigResult {
  Config config;
  Errors errors;
  bool ok() const { return errors.empty(); }
};

// Parses and validates a configuration. Every problem is reported, each
// naming its key; unknown keys are errors. Never throws.
ConfigResult ParseConfig(std::string_view json_text);

// The same, for a comparison of every instance: each row takes its
// instance's table price and GPUs, so a configuration without an instance
// needs no price per GPU-hour or GPU count of its own.
ConfigResult ParseWorkload(std::string_view json_text);

}  // namespace epochcost

#endif  // EPOCHCOST_CONFIG_H
