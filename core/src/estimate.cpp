// The cost computation (see estimate.h).
#include "epochcost/estimate.h"

#include <algorithm>
#include <numeric>

#include "epochcost/scaling.h"
#include "input_limits.h"
#include "small_sort.h"

namespace epochcost {
namespace {

constexpr std::int64_t kSecondsPerHour = 3600;

Rational Pow10(int digits) {
  std::int64_t scale = 1;
  for (int i = 0; i < digits; ++i) scale *= 10;
  return Rational(scale);
}

std::string Money(const Rational& amount, int digits) { return ToFixed(amount, digits); }
std::string Hours(const Rational& hours) { return ToShortDecimal(hours, 6); }

bool AnyOverflowed(std::initializer_list<Rational> values) {
  return std::any_of(values.begin(), values.end(), [](const Rational& r) { return r.overflowed(); });
}

void AddNotes(const Config& config, Estimate* e) {
  const int d = e->minor_unit_digits;
  if (e->gpus_billed != e->gpus) {
    e->notes.push_back({"whole_instances",
                        {{"gpus", Int128ToString(e->gpus)},
                         {"instances", Int128ToString(e->instances)},
                         {"gpus_per_instance", Int128ToString(e->gpus_per_instance)},
                         {"gpus_billed", Int128ToString(e->gpus_billed)},
                         {"instance", e->instance_name},
                         {"extra", Money(e->idle_gpu_exact, d)},
                         {"currency", e->currency}}});
  }
  if (config.billing_increment_seconds > 0 && e->billed_hours != e->wall_hours) {
    e->notes.push_back({"billing_rounded",
                        {{"increment_seconds", Int128ToString(config.billing_increment_seconds)},
                         {"used_hours", Hours(e->wall_hours)},
                         {"billed_hours", Hours(e->billed_hours)},
                         {"extra", Money(e->billing_extra_exact, d)},
                         {"currency", e->currency}}});
  }
  if (e->table_price_per_gpu_hour && e->price_source == "config" &&
      *e->table_price_per_gpu_hour != e->price_per_gpu_hour) {
    e->notes.push_back({"price_override",
                        {{"table_price", ToShortDecimal(*e->table_price_per_gpu_hour, 12)},
                         {"price", ToShortDecimal(e->price_per_gpu_hour, 12)},
                         {"currency", e->currency}}});
  }
  if (!e->discount_percent.is_zero()) {
    e->notes.push_back({"discount_applied",
                        {{"percent", ToShortDecimal(e->discount_percent, 12)},
                         {"amount", Money(e->discount_exact, d)},
                         {"currency", e->currency}}});
  }
  // A model that cannot fit must be warned about, not only flagged in "memory".
  if (e->memory && e->memory->fit != Fit::kFits) {
    e->notes.push_back({e->memory->fit == Fit::kTight ? "memory_tight" : "memory_does_not_fit",
                        {{"method", MethodName(*config.training.method)},
                         {"needed_gb", ToShortDecimal(e->memory->needed_gb_per_gpu, 2)},
                         {"memory_gb", ToShortDecimal(e->memory->gpu_memory_gb, 2)}}});
  }
}

// What the memory check needs, when the configuration gives it: a model
// (or the FLOPs way's count) and a training method.
std::optional<MemoryInputs> MemoryInputsOf(const Config& config, std::int64_t gpus) {
  const bool flops = config.time.way == EpochTimeWay::kFlops;
  if ((!config.model && !flops) || !config.training.method) return std::nullopt;
  MemoryInputs in;
  in.shape = config.model;
  in.method = *config.training.method;
  in.setup = config.training;
  in.gpus = gpus;
  if (config.model) {
    in.params = Rational::Fraction(CountParams(*config.model).total, 1);
    in.trainable_params = Rational::Fraction(
        LoraTrainableParams(*config.model, config.training.lora_rank, config.training.lora_targets), 1);
  } else {
    in.params = config.time.flops.params;
    in.trainable_params = config.time.flops.trainable_params;
  }
  if (in.method == TrainingMethod::kFull) in.trainable_params = in.params;
  return in;
}

// T across instances: each doubling beyond one keeps the scaling efficiency
// of the throughput. Only where T follows the GPU count (throughput, FLOPs);
// a direct T or a trial run was measured on the run's own GPUs.
bool ApplyScaling(const Config& config, Estimate* e, Errors* errors) {
  e->linear_hours_per_epoch = e->hours_per_epoch;
  e->scaling_efficiency = config.scaling_efficiency;
  if (config.scaling_efficiency == Rational(1)) return true;
  const EpochTimeWay way = config.time.way;
  const std::string efficiency = ToShortDecimal(config.scaling_efficiency, 12);
  if (way != EpochTimeWay::kThroughput && way != EpochTimeWay::kFlops) {
    e->notes.push_back({"scaling_not_applied", {{"efficiency", efficiency}}});
    return true;
  }
  if (e->instances == 0) {
    e->notes.push_back({"scaling_no_instance", {{"efficiency", efficiency}}});
    return true;
  }
  e->throughput_kept = ThroughputKept(config.scaling_efficiency, e->instances);
  e->scaling_applied = e->instances > 1;
  e->hours_per_epoch = e->linear_hours_per_epoch / e->throughput_kept;
  if (e->hours_per_epoch > limits::MaxOf("hours_per_epoch")) {
    errors->push_back({code::kDerivedTooLong,
                       "scaling_efficiency",
                       {{"value", ToShortDecimal(e->hours_per_epoch, 0)},
                        {"max", ToShortDecimal(limits::MaxOf("hours_per_epoch"), 0)}}});
    return false;
  }
  if (e->scaling_applied) {
    e->notes.push_back({"scaling_applied",
                        {{"efficiency", efficiency},
                         {"instances", Int128ToString(e->instances)},
                         {"kept_percent", ToShortDecimal(e->throughput_kept * Rational(100), 2)},
                         {"linear_hours", Hours(e->linear_hours_per_epoch)},
                         {"hours", Hours(e->hours_per_epoch)}}});
  }
  return true;
}

// The spot estimate beside the on-demand one `e` (see spot.h).
std::optional<SpotEstimate> ComputeSpot(const SpotInputs& in, const Instance* instance, const Config& config,
                                        const Estimate& e, Errors* errors) {
  SpotEstimate s;
  if (in.price_per_gpu_hour) {
    s.price_per_gpu_hour = *in.price_per_gpu_hour;
    s.price_source = "config";
  } else if (instance != nullptr && instance->spot_price_per_gpu_hour) {
    s.price_per_gpu_hour = *instance->spot_price_per_gpu_hour;
    s.price_source = "table";
  } else {
    errors->push_back({code::kNoSpotPrice, "spot.price_per_gpu_hour", {}});
    return std::nullopt;
  }
  s.interruptions_per_hour = in.interruptions_per_hour;
  s.restart_hours = in.restart_hours;
  s.work_hours = e.wall_hours;
  const Rational epochs(e.epochs);
  const Rational epoch_hours = (e.wall_hours - e.startup_hours) / epochs;
  if (in.checkpoint_interval_hours) {
    s.checkpoint_interval_hours = *in.checkpoint_interval_hours;
    s.interval_source = "config";
    if (s.checkpoint_interval_hours > s.work_hours) {
      errors->push_back({code::kLongerThanRun,
                         "spot.checkpoint_interval_hours",
                         {{"value", Hours(s.checkpoint_interval_hours)}, {"run", Hours(s.work_hours)}}});
      return std::nullopt;
    }
  } else if (!config.overheads.checkpoints_per_epoch.is_zero()) {
    s.checkpoint_interval_hours = epoch_hours / config.overheads.checkpoints_per_epoch;
    s.interval_source = "checkpoints_per_epoch";
  } else {
    s.checkpoint_interval_hours = s.work_hours;
    s.interval_source = "none";
  }
  const Rational lambda = s.interruptions_per_hour;
  s.expected_interruptions = lambda * s.work_hours;
  s.lost_hours = s.expected_interruptions * (s.checkpoint_interval_hours / Rational(2) + s.restart_hours);
  s.billed_hours = RoundUpToIncrement(s.work_hours + s.lost_hours, config.billing_increment_seconds);
  s.compute_exact = s.billed_hours * Rational(e.gpus_billed) * s.price_per_gpu_hour;
  s.total_exact = s.compute_exact + e.data_exact + e.ops_exact;
  // Overflow sticks through each step, so the total carries the lost hours'.
  if (s.total_exact.overflowed()) {
    errors->push_back({code::kOverflow, "spot", {}});
    return std::nullopt;
  }
  const auto parts = AllocateRounded({s.compute_exact, e.data_exact, e.ops_exact}, e.minor_unit_digits, &s.total);
  s.compute = parts[0];
  s.saving = e.total.total - s.total;
  s.best_checkpoint_interval_hours =
      BestCheckpointIntervalHours(config.overheads.checkpoint_save_minutes, s.interruptions_per_hour);
  s.rough = lambda * s.checkpoint_interval_hours > Rational::Fraction(1, 4);
  return s;
}

void AddSpotNotes(const SpotEstimate& s, Estimate* e) {
  const int d = e->minor_unit_digits;
  if (s.interval_source == "none") {
    e->notes.push_back({"spot_no_checkpoint", {{"run", Hours(s.work_hours)}}});
  }
  if (s.rough) {
    e->notes.push_back(
        {"spot_model_rough", {{"product", ToShortDecimal(s.interruptions_per_hour * s.checkpoint_interval_hours, 3)}}});
  }
  if (s.best_checkpoint_interval_hours) {
    e->notes.push_back({"spot_best_interval",
                        {{"minutes", ToShortDecimal(*s.best_checkpoint_interval_hours * Rational(60), 0)},
                         {"hours", Hours(*s.best_checkpoint_interval_hours)}}});
  }
  e->notes.push_back({s.saving < 0 ? "spot_costs_more" : "spot_saving",
                      {{"amount", MinorUnitsToFixed(s.saving < 0 ? -s.saving : s.saving, d)},
                       {"billed_hours", Hours(s.billed_hours)},
                       {"currency", e->currency}}});
}

}  // namespace

Rational RoundUpToIncrement(const Rational& hours, std::int64_t increment_seconds) {
  if (increment_seconds <= 0) return hours;
  const Rational increment(increment_seconds);
  const Rational increments = (hours * Rational(kSecondsPerHour) / increment).Ceil();
  return increments * increment / Rational(kSecondsPerHour);
}

std::vector<Int128> AllocateRounded(const std::vector<Rational>& parts, int digits, Int128* total) {
  const Rational scale = Pow10(digits);
  std::vector<Int128> rounded;
  std::vector<Rational> remainder;  // exact minus rounded, in minor units
  Rational exact_sum(0);
  for (const Rational& part : parts) {
    rounded.push_back(part.RoundToUnits(digits));
    remainder.push_back(part * scale - Rational::Fraction(rounded.back(), 1));
    exact_sum = exact_sum + part;
  }
  *total = exact_sum.RoundToUnits(digits);
  Int128 diff = *total - std::accumulate(rounded.begin(), rounded.end(), Int128{0});
  std::vector<std::size_t> order(parts.size());
  std::iota(order.begin(), order.end(), 0);
  // Largest remainder first when units are missing, smallest when over.
  detail::StableSortSmall(&order, [&](std::size_t a, std::size_t b) {
    return diff > 0 ? remainder[b] < remainder[a] : remainder[a] < remainder[b];
  });
  for (std::size_t k = 0; diff != 0 && k < order.size(); ++k) {
    const Int128 step = diff > 0 ? 1 : -1;
    rounded[order[k]] += step;
    diff -= step;
  }
  return rounded;
}

namespace {

// Energy and carbon, and the totals in a second currency (money.h).
bool AddMoneyLines(const Config& config, Estimate* e, Errors* errors) {
  const int d = e->minor_unit_digits;
  if (config.energy) {
    const bool in_price = config.owned.has_value() && config.energy->price_per_kwh.has_value();
    e->energy = EnergyOf(*config.energy, e->gpu_hours, in_price, d);
    const EnergyEstimate& energy = *e->energy;
    if (AnyOverflowed({energy.kwh, energy.kg_co2 ? *energy.kg_co2 : Rational(),
                       energy.cost_exact ? *energy.cost_exact : Rational()})) {
      errors->push_back({code::kOverflow, "energy", {}});
      return false;
    }
    // The arithmetic, as notes in both languages (the page and the CLI show
    // them as they show every note).
    e->notes.push_back({"energy",
                        {{"gpu_hours", Hours(energy.gpu_hours)},
                         {"watts", ToShortDecimal(energy.watts_per_gpu, 12)},
                         {"pue", ToShortDecimal(energy.pue, 12)},
                         {"kwh", ToShortDecimal(energy.kwh, 3)}}});
    if (energy.kg_co2) {
      e->notes.push_back({"carbon",
                          {{"kwh", ToShortDecimal(energy.kwh, 3)},
                           {"intensity", ToShortDecimal(*energy.kg_co2_per_kwh, 12)},
                           {"kg", ToShortDecimal(*energy.kg_co2, 3)}}});
    }
    if (energy.cost_exact) {
      e->notes.push_back({energy.in_price ? "energy_in_owned_price" : "energy_in_rent",
                          {{"cost", Money(*energy.cost_exact, d)}, {"currency", e->currency}}});
    }
  }
  if (e->owned) {
    const OwnedPrice& o = *e->owned;
    const auto per_hour = [](const Rational& value) { return ToShortDecimal(value, 6); };
    if (o.way == "purchase") {
      e->notes.push_back({"owned_price",
                          {{"price", ToShortDecimal(*o.purchase_price_per_gpu, 12)},
                           {"years", ToShortDecimal(*o.service_life_years, 12)},
                           {"amortisation", per_hour(o.amortisation_per_gpu_hour)},
                           {"energy", per_hour(o.energy_per_gpu_hour)},
                           {"p", per_hour(o.price_per_gpu_hour)},
                           {"currency", e->currency}}});
    } else {
      e->notes.push_back({"owned_price_hourly",
                          {{"amortisation", per_hour(o.amortisation_per_gpu_hour)},
                           {"energy", per_hour(o.energy_per_gpu_hour)},
                           {"p", per_hour(o.price_per_gpu_hour)},
                           {"currency", e->currency}}});
    }
    if (o.energy_per_gpu_hour.is_zero() && !(config.energy && config.energy->price_per_kwh)) {
      e->notes.push_back({"owned_without_energy", {}});
    }
  }
  if (!config.display_currency) return true;
  const DisplayCurrency& currency = *config.display_currency;
  if (currency.code == e->currency) {
    e->notes.push_back({"display_currency_same", {{"currency", e->currency}}});
    return true;
  }
  ConvertedTotals c;
  c.from = e->currency;
  c.code = currency.code;
  c.rate = currency.rate;
  c.date = currency.date;
  c.source = currency.source;
  c.minor_unit_digits = MinorUnitDigitsOf(currency.code);
  c.total_exact = e->total_exact * currency.rate;
  const Rational per_epoch_exact = (e->total_exact - e->startup_exact) / Rational(e->epochs);
  if (AnyOverflowed({c.total_exact, per_epoch_exact * currency.rate})) {
    errors->push_back({code::kOverflow, "display_currency.rate", {}});
    return false;
  }
  c.total = ConvertAmount(currency, e->total_exact);
  c.per_epoch_total = ConvertAmount(currency, per_epoch_exact);
  if (e->energy && e->energy->cost_exact) c.energy_cost = ConvertAmount(currency, *e->energy->cost_exact);
  if (e->spot) c.spot_total = ConvertAmount(currency, e->spot->total_exact);
  e->converted = c;
  return true;
}

// One estimate, without its range.
EstimateResult ComputePoint(const PriceTable* table, const Config& config) {
  EstimateResult result;
  Estimate& e = result.estimate;
  Errors& errors = result.errors;

  const Instance* instance = nullptr;
  if (!config.instance.empty()) {
    instance = table != nullptr ? table->Find(config.instance) : nullptr;
    if (instance == nullptr) {
      std::string allowed;
      if (table != nullptr) {
        for (const Instance& candidate : table->instances) allowed += (allowed.empty() ? "" : ", ") + candidate.id;
      }
      errors.push_back({code::kUnknownInstance, "instance", {{"value", config.instance}, {"allowed", allowed}}});
      return result;
    }
  }
  if (table != nullptr) {
    e.currency = table->currency;
    e.minor_unit_digits = table->minor_unit_digits;
  }
  if (instance == nullptr && !config.price_per_gpu_hour && !config.owned) {
    errors.push_back({code::kMissing, "price_per_gpu_hour", {}});
  }
  if (instance == nullptr && !config.gpus) errors.push_back({code::kMissing, "gpus", {}});
  if (!errors.empty()) return result;

  e.gpus = config.gpus ? *config.gpus : instance->gpus_per_instance;
  e.gpus_billed = e.gpus;
  if (instance != nullptr) {
    e.instance = instance->id;
    e.instance_name = instance->name;
    e.gpus_per_instance = instance->gpus_per_instance;
    // A cloud rents whole instances, not loose GPUs.
    e.instances = (e.gpus + e.gpus_per_instance - 1) / e.gpus_per_instance;
    e.gpus_billed = e.instances * e.gpus_per_instance;
    e.table_price_per_gpu_hour = instance->price_per_gpu_hour;
  }
  if (config.owned) {
    // Owned GPUs: P is the hardware's amortisation plus its electricity.
    e.owned = OwnedPriceOf(*config.owned, config.energy);
    if (!e.owned) {
      errors.push_back({code::kMissing, "owned.purchase_price_per_gpu", {}});
      return result;
    }
    e.price_per_gpu_hour = e.owned->price_per_gpu_hour;
    e.price_source = "owned";
  } else {
    e.price_per_gpu_hour = config.price_per_gpu_hour ? *config.price_per_gpu_hour : instance->price_per_gpu_hour;
    e.price_source = config.price_per_gpu_hour ? "config" : "table";
  }
  e.epochs = config.epochs;
  e.billing_increment_seconds = config.billing_increment_seconds;
  const auto table_peak = instance != nullptr ? instance->gpu_peak_tflops : std::nullopt;
  const auto epoch_hours = ComputeEpochHours(config.time, e.gpus, table_peak, &errors);
  if (!epoch_hours) return result;
  e.epoch_hours = *epoch_hours;
  e.hours_per_epoch = epoch_hours->hours;
  e.time_way = WayName(config.time.way);
  if (!ApplyScaling(config, &e, &errors)) return result;
  if (instance != nullptr && instance->gpu_memory_gb) {
    if (const auto inputs = MemoryInputsOf(config, e.gpus)) {
      e.memory = CheckMemoryFit(*inputs, *instance->gpu_memory_gb, instance->gpus_per_instance);
    }
  }
  e.discount_percent = config.discount_percent;

  const Rational epochs(config.epochs);
  const Rational price = e.price_per_gpu_hour;
  const Rational pay_share = (Rational(100) - e.discount_percent) / Rational(100);
  const Overheads& o = config.overheads;
  e.startup_hours = o.startup_hours;
  e.eval_hours_per_epoch = o.eval_hours_per_epoch;
  e.checkpoint_hours_per_epoch = o.checkpoint_save_minutes / Rational(60) * o.checkpoints_per_epoch;
  e.wall_hours = e.startup_hours + (e.hours_per_epoch + e.eval_hours_per_epoch + e.checkpoint_hours_per_epoch) * epochs;
  e.billed_hours = RoundUpToIncrement(e.wall_hours, config.billing_increment_seconds);
  e.gpu_hours = e.wall_hours * Rational(e.gpus);
  e.billed_gpu_hours = e.billed_hours * Rational(e.gpus_billed);

  const Rational list_compute = e.billed_gpu_hours * price;
  e.compute_exact = list_compute * pay_share;
  e.discount_exact = list_compute - e.compute_exact;
  e.billing_extra_exact = (e.billed_hours - e.wall_hours) * Rational(e.gpus_billed) * price * pay_share;
  e.idle_gpu_exact = e.wall_hours * Rational(e.gpus_billed - e.gpus) * price * pay_share;
  e.data_exact = config.data_cost_per_epoch * epochs;
  e.ops_exact = config.ops_cost_per_epoch * epochs;
  e.total_exact = e.compute_exact + e.data_exact + e.ops_exact;
  // The overheads' shares of compute, at the same rate as training.
  const Rational rate = Rational(e.gpus_billed) * price * pay_share;
  e.eval_exact = e.eval_hours_per_epoch * epochs * rate;
  e.checkpoint_exact = e.checkpoint_hours_per_epoch * epochs * rate;
  e.startup_exact = e.startup_hours * rate;
  const Rational training_exact = e.compute_exact - e.eval_exact - e.checkpoint_exact - e.startup_exact;
  const Rational compute_per_epoch = training_exact / epochs;

  if (AnyOverflowed({e.billed_gpu_hours, e.gpu_hours, e.compute_exact, e.discount_exact, e.billing_extra_exact,
                     e.idle_gpu_exact, e.total_exact, compute_per_epoch, training_exact, e.eval_exact,
                     e.checkpoint_exact, e.startup_exact})) {
    errors.push_back({code::kOverflow, "config", {}});
    return result;
  }

  const int d = e.minor_unit_digits;
  auto per_epoch = AllocateRounded({compute_per_epoch, e.eval_exact / epochs, e.checkpoint_exact / epochs,
                                    config.data_cost_per_epoch, config.ops_cost_per_epoch},
                                   d, &e.per_epoch.total);
  e.per_epoch.compute = per_epoch[0];
  e.per_epoch.eval = per_epoch[1];
  e.per_epoch.checkpoint = per_epoch[2];
  e.per_epoch.data = per_epoch[3];
  e.per_epoch.ops = per_epoch[4];
  auto total =
      AllocateRounded({training_exact, e.eval_exact, e.checkpoint_exact, e.startup_exact, e.data_exact, e.ops_exact}, d,
                      &e.total.total);
  e.total.compute = total[0];
  e.total.eval = total[1];
  e.total.checkpoint = total[2];
  e.total.startup = total[3];
  e.total.data = total[4];
  e.total.ops = total[5];
  e.billing_extra = e.billing_extra_exact.RoundToUnits(d);
  e.idle_gpu_cost = e.idle_gpu_exact.RoundToUnits(d);
  e.discount = e.discount_exact.RoundToUnits(d);
  AddNotes(config, &e);
  if (config.spot) {
    e.spot = ComputeSpot(*config.spot, instance, config, e, &errors);
    if (!e.spot) return result;
    AddSpotNotes(*e.spot, &e);
  }
  if (!AddMoneyLines(config, &e, &errors)) return result;
  return result;
}

}  // namespace

EstimateResult ComputeEstimate(const PriceTable* table, const Config& config) {
  EstimateResult result = ComputePoint(table, config);
  const auto ends = result.ok() ? RangeEndsOf(config) : std::nullopt;
  if (!ends) return result;
  const EstimateResult optimistic = ComputePoint(table, ends->optimistic);
  const EstimateResult pessimistic = ComputePoint(table, ends->pessimistic);
  // An end that cannot be estimated (T above the limit) is the range's
  // input's fault: report it there. A fast end too short for the spot
  // checkpoint interval says so in the range's words.
  for (const auto* end : {&optimistic, &pessimistic}) {
    for (Error error : end->errors) {
      if (error.code == code::kLongerThanRun) error.code = code::kRangeEndShorterThanInterval;
      error.field = end == &optimistic ? ends->optimistic_field : ends->pessimistic_field;
      result.errors.push_back(std::move(error));
    }
  }
  if (!result.ok()) return result;
  EstimateRange range;
  range.source = ends->source;
  const Estimate& low = optimistic.estimate;
  const Estimate& high = pessimistic.estimate;
  range.hours_per_epoch_low = low.hours_per_epoch;
  range.hours_per_epoch_high = high.hours_per_epoch;
  range.total_low = low.total.total;
  range.total_high = high.total.total;
  if (low.spot && high.spot) {
    range.spot_total_low = low.spot->total;
    range.spot_total_high = high.spot->total;
  }
  result.estimate.range = range;
  return result;
}

}  // namespace epochcost
