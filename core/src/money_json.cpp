// The money parts of an estimate's JSON (see money_json.h).
#include "money_json.h"

#include "json_values.h"
#include "json_writer.h"

namespace epochcost::detail {
namespace {

std::optional<std::string> Maybe(const std::optional<Rational>& value, int places) {
  return value ? std::optional<std::string>(ToShortDecimal(*value, places)) : std::nullopt;
}

}  // namespace

std::string ConvertedJson(const Estimate& e) {
  if (!e.converted) return "null";
  const ConvertedTotals& c = *e.converted;
  const int d = c.minor_unit_digits;
  const auto units = [d](const std::optional<Int128>& value) {
    return value ? std::optional<std::string>(MinorUnitsToFixed(*value, d)) : std::nullopt;
  };
  return JsonObject()
      .String("code", c.code)
      .OptionalString("date", c.date.empty() ? std::nullopt : std::optional<std::string>(c.date))
      .OptionalString("energy_cost", units(c.energy_cost))
      .String("from", c.from)
      .Int("minor_unit_digits", d)
      .String("per_epoch_total", MinorUnitsToFixed(c.per_epoch_total, d))
      .String("rate", ToShortDecimal(c.rate, 12))
      .String("rounding", "exact total x rate, rounded once half away from zero to the minor unit")
      .OptionalString("source", c.source.empty() ? std::nullopt : std::optional<std::string>(c.source))
      .OptionalString("spot_total", units(c.spot_total))
      .String("total", MinorUnitsToFixed(c.total, d))
      .Text();
}

std::string EnergyJson(const Estimate& e) {
  if (!e.energy) return "null";
  const EnergyEstimate& n = *e.energy;
  return JsonObject()
      .OptionalString("cost", n.cost_exact ? std::optional<std::string>(MinorUnitsToFixed(n.cost, e.minor_unit_digits))
                                           : std::nullopt)
      .String("gpu_hours", Quantity(n.gpu_hours))
      .Bool("in_price", n.in_price)
      .OptionalString("kg_co2", Maybe(n.kg_co2, 3))
      .OptionalString("kg_co2_per_kwh", Maybe(n.kg_co2_per_kwh, 12))
      .String("kwh", ToShortDecimal(n.kwh, 3))
      .OptionalString("price_per_kwh", Maybe(n.price_per_kwh, 12))
      .String("pue", ToShortDecimal(n.pue, 12))
      .String("rounding", "kWh and kg to at most 3 decimals, half away from zero; cost to the minor unit")
      .String("watts_per_gpu", ToShortDecimal(n.watts_per_gpu, 12))
      .Text();
}

std::string OwnedJson(const Estimate& e) {
  if (!e.owned) return "null";
  const OwnedPrice& o = *e.owned;
  return JsonObject()
      .String("amortisation_per_gpu_hour", ToShortDecimal(o.amortisation_per_gpu_hour, 6))
      .String("energy_per_gpu_hour", ToShortDecimal(o.energy_per_gpu_hour, 6))
      .Int("hours_per_year", kHoursPerServiceYear)
      .String("price_per_gpu_hour", ToShortDecimal(o.price_per_gpu_hour, 6))
      .OptionalString("purchase_price_per_gpu", Maybe(o.purchase_price_per_gpu, 12))
      .OptionalString("service_life_years", Maybe(o.service_life_years, 12))
      .String("way", o.way)
      .Text();
}

}  // namespace epochcost::detail
