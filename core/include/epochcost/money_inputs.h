// The inputs that put an estimate in the units people budget in
// (docs/money.md): a second currency at a stated rate, the run's energy and
// carbon, and GPUs the user owns rather than rents.
#ifndef EPOCHCOST_MONEY_INPUTS_H
#define EPOCHCOST_MONEY_INPUTS_H

#include <cstdint>
#include <optional>
#include <string>

#include "epochcost/rational.h"

namespace epochcost {

// Totals shown again in a second currency. `rate` is one unit of the
// table's currency in `code` (0.1381 USD per CNY).
struct DisplayCurrency {
  std::string code;  // ISO 4217, one of the schema's choices
  Rational rate;
  std::string date;    // YYYY-MM-DD the rate was read; may be empty
  std::string source;  // where it was read; may be empty
};

// What the GPUs draw and what that emits and costs. kWh = GPU-hours x watts
// / 1000 x PUE.
struct EnergyInputs {
  std::optional<Rational> watts_per_gpu;  // required: the board power drawn
  Rational pue = 1;
  std::optional<Rational> kg_co2_per_kwh;
  std::optional<Rational> price_per_kwh;  // in the table's currency
};

// GPUs bought rather than rented: P comes from the purchase price over the
// service life, or from an hourly amortisation, plus the energy's price.
struct OwnedGpus {
  std::optional<Rational> purchase_price_per_gpu;
  std::optional<Rational> service_life_years;
  std::optional<Rational> price_per_gpu_hour;  // the amortisation itself
};

// ISO 4217 minor-unit digits of a display currency's code (JPY 0, ...).
int MinorUnitDigitsOf(const std::string& code);

// Hours in a year of service: amortisation spreads the price over every
// hour of the service life (365 x 24).
inline constexpr std::int64_t kHoursPerServiceYear = 8760;

}  // namespace epochcost

#endif  // EPOCHCOST_MONEY_INPUTS_H
