// An estimate in the units people budget in (docs/money.md): its totals in
// a second currency, its energy and carbon, and an owner's price per
// GPU-hour. All exact; money is rounded once, half away from zero, to the
// minor unit of the currency it is shown in.
#ifndef EPOCHCOST_MONEY_H
#define EPOCHCOST_MONEY_H

#include <optional>
#include <string>

#include "epochcost/money_inputs.h"
#include "epochcost/rational.h"

namespace epochcost {

// The totals again in the display currency, at the stated rate.
struct ConvertedTotals {
  std::string from;  // the table's currency
  std::string code;  // the display currency
  Rational rate;     // one unit of `from` in `code`
  std::string date;
  std::string source;
  int minor_unit_digits = 2;
  Rational total_exact;
  Int128 total = 0;  // minor units of `code`
  Int128 per_epoch_total = 0;
  std::optional<Int128> energy_cost;  // when the energy has a price
  std::optional<Int128> spot_total;   // when spot is estimated
};

// The run's electricity: kWh = GPU-hours x watts / 1000 x PUE.
struct EnergyEstimate {
  Rational gpu_hours;  // the GPUs that run (N) x the run's wall hours
  Rational watts_per_gpu;
  Rational pue = 1;
  Rational kwh;
  std::optional<Rational> kg_co2_per_kwh;
  std::optional<Rational> kg_co2;  // kWh x intensity
  std::optional<Rational> price_per_kwh;
  std::optional<Rational> cost_exact;  // kWh x price, in the table's currency
  Int128 cost = 0;                     // rounded to its minor unit
  // Owned GPUs: the electricity is a part of P, so of the compute cost. A
  // rented GPU's price already pays for its power: then the cost is shown
  // beside the estimate, never added to it.
  bool in_price = false;
};

// An owner's P per GPU-hour and where it came from.
struct OwnedPrice {
  std::string way;  // "purchase": price / (life x 8760 h); "hourly": given
  std::optional<Rational> purchase_price_per_gpu;
  std::optional<Rational> service_life_years;
  Rational amortisation_per_gpu_hour;
  Rational energy_per_gpu_hour;  // watts / 1000 x PUE x price per kWh; 0 without
  Rational price_per_gpu_hour;   // the two added
};

// P for owned GPUs, or nothing when the configuration rents them.
std::optional<OwnedPrice> OwnedPriceOf(const OwnedGpus& owned, const std::optional<EnergyInputs>& energy);

// The energy of `gpu_hours`; `digits` is the table currency's minor unit.
EnergyEstimate EnergyOf(const EnergyInputs& energy, const Rational& gpu_hours, bool in_price, int digits);

// `exact` in the display currency, rounded once to its minor unit.
Int128 ConvertAmount(const DisplayCurrency& currency, const Rational& exact);

}  // namespace epochcost

#endif  // EPOCHCOST_MONEY_H
