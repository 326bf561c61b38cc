// The money lines of an estimate (see money.h).
#include "epochcost/money.h"

namespace epochcost {

std::optional<OwnedPrice> OwnedPriceOf(const OwnedGpus& owned, const std::optional<EnergyInputs>& energy) {
  OwnedPrice out;
  if (owned.price_per_gpu_hour) {
    out.way = "hourly";
    out.amortisation_per_gpu_hour = *owned.price_per_gpu_hour;
  } else if (owned.purchase_price_per_gpu && owned.service_life_years) {
    out.way = "purchase";
    out.purchase_price_per_gpu = owned.purchase_price_per_gpu;
    out.service_life_years = owned.service_life_years;
    out.amortisation_per_gpu_hour =
        *owned.purchase_price_per_gpu / (*owned.service_life_years * Rational(kHoursPerServiceYear));
  } else {
    return std::nullopt;
  }
  if (energy && energy->watts_per_gpu && energy->price_per_kwh) {
    out.energy_per_gpu_hour = *energy->watts_per_gpu / Rational(1000) * energy->pue * *energy->price_per_kwh;
  }
  out.price_per_gpu_hour = out.amortisation_per_gpu_hour + out.energy_per_gpu_hour;
  return out;
}

EnergyEstimate EnergyOf(const EnergyInputs& energy, const Rational& gpu_hours, bool in_price, int digits) {
  EnergyEstimate out;
  out.gpu_hours = gpu_hours;
  out.watts_per_gpu = energy.watts_per_gpu ? *energy.watts_per_gpu : Rational();
  out.pue = energy.pue;
  out.kwh = gpu_hours * out.watts_per_gpu / Rational(1000) * out.pue;
  out.kg_co2_per_kwh = energy.kg_co2_per_kwh;
  if (energy.kg_co2_per_kwh) out.kg_co2 = out.kwh * *energy.kg_co2_per_kwh;
  out.price_per_kwh = energy.price_per_kwh;
  if (energy.price_per_kwh) {
    out.cost_exact = out.kwh * *energy.price_per_kwh;
    out.cost = out.cost_exact->RoundToUnits(digits);
  }
  out.in_price = in_price;
  return out;
}

Int128 ConvertAmount(const DisplayCurrency& currency, const Rational& exact) {
  return (exact * currency.rate).RoundToUnits(MinorUnitDigitsOf(currency.code));
}

}  // namespace epochcost
