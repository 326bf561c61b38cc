// The JSON interface shared by the CLI and the wasm engine (see json_api.h).
#include "epochcost/json_api.h"

#include <optional>

#include "epochcost/compare.h"
#include "hours_json.h"
#include "json_values.h"
#include "json_writer.h"
#include "money_json.h"

namespace epochcost {
namespace {

using detail::JsonArrayText;
using detail::JsonObject;
using detail::Quantity;

std::string Units(Int128 units, int digits) { return MinorUnitsToFixed(units, digits); }

// A run's parts; the one-off start-up only in its totals.
std::string Parts(const MoneyParts& parts, int digits, bool with_startup) {
  JsonObject out;
  out.String("checkpoint", Units(parts.checkpoint, digits))
      .String("compute", Units(parts.compute, digits))
      .String("data", Units(parts.data, digits))
      .String("eval", Units(parts.eval, digits))
      .String("ops", Units(parts.ops, digits));
  if (with_startup) out.String("startup", Units(parts.startup, digits));
  return out.String("total", Units(parts.total, digits)).Text();
}

std::string ParamsText(const std::map<std::string, std::string>& params) {
  JsonObject out;
  for (const auto& [key, value] : params) out.String(key, value);
  return out.Text();
}

// A note's or an error's code, message in both languages and parameters.
JsonObject Message(const std::string& code, const std::string& en, const std::string& zh,
                   const std::map<std::string, std::string>& params) {
  JsonObject out;
  out.String("code", code).String("message_en", en).String("message_zh", zh).Raw("params", ParamsText(params));
  return out;
}

std::int64_t Count(Int128 value) { return static_cast<std::int64_t>(value); }

// The per-GPU memory: its parts in bytes, the counts, and the changes that
// would make it fit (docs/formats.md).
std::string Memory(const Estimate& e) {
  if (!e.memory) return "null";
  const MemoryFit& m = *e.memory;
  std::vector<std::string> changes;
  for (const FitChange& change : m.changes) {
    changes.push_back(
        JsonObject()
            .String("key", change.key)
            .String("needed_gb_per_gpu", ToShortDecimal(Rational::Fraction(change.total_bytes, 1000000000), 2))
            .Int("total_bytes", Count(change.total_bytes))
            .String("value", change.value)
            .Text());
  }
  const MemoryBytes& b = m.bytes;
  return JsonObject()
      .Bool("activations_counted", b.activations_counted)
      .Raw("changes", JsonArrayText(changes))
      .String("fit", FitName(m.fit))
      .String("gpu_memory_gb", ToShortDecimal(m.gpu_memory_gb, 2))
      .String("needed_gb_per_gpu", ToShortDecimal(m.needed_gb_per_gpu, 2))
      .Int("params", Count(m.params))
      .Raw("per_gpu_bytes", JsonObject()
                                .Int("activations", Count(b.activations))
                                .Int("gradients", Count(b.gradients))
                                .Int("optimizer", Count(b.optimizer))
                                .Int("overhead", Count(b.overhead))
                                .Int("total", Count(b.total))
                                .Int("weights", Count(b.weights))
                                .Text())
      .Int("trainable_params", Count(m.trainable_params))
      .Text();
}

std::string Notes(const Estimate& e) {
  std::vector<std::string> notes;
  notes.reserve(e.notes.size());
  for (const Note& note : e.notes) {
    notes.push_back(Message(note.code, RenderNote(note, Lang::kEn), RenderNote(note, Lang::kZh), note.params).Text());
  }
  return JsonArrayText(notes);
}

}  // namespace

// The fields are added in their keys' byte order, the order of the text, so
// that Text() finds them sorted.
JsonObject detail::EstimateFields(const Estimate& e, std::string_view instance, std::optional<bool> cheapest) {
  const int d = e.minor_unit_digits;
  const auto quantity_if = [](bool present, const Rational& value) {
    return present ? std::optional<std::string>(Quantity(value)) : std::nullopt;
  };
  const bool trial = e.time_way == "trial";
  const bool flops = e.time_way == "flops";
  JsonObject out;
  out.String("billed_gpu_hours", Quantity(e.billed_gpu_hours))
      .String("billed_hours", Quantity(e.billed_hours))
      .String("billing_extra", Units(e.billing_extra, d))
      .Int("billing_increment_seconds", e.billing_increment_seconds);
  if (cheapest) out.Bool("cheapest", *cheapest);
  out.Raw("converted", detail::ConvertedJson(e));
  out.Raw("energy", detail::EnergyJson(e));
  out.String("currency", e.currency)
      .Int("currency_minor_digits", d)
      .String("discount", Units(e.discount, d))
      .String("discount_percent", ToShortDecimal(e.discount_percent, 12))
      .Int("epochs", e.epochs);
  if (e.memory) {
    out.Bool("fits", e.memory->fit != Fit::kDoesNotFit);
  } else {
    out.Null("fits");
  }
  // The FLOPs per parameter per token that flops_per_epoch used, for the
  // page's derivation ("4 x params x tokens + 6 x trainable x tokens").
  out.Raw("flops_factors", flops ? FlopsFactorsJson() : "null");
  // The counts and method the FLOPs way used: its own, or the model's.
  if (flops) {
    const EpochHours& h = e.epoch_hours;
    JsonObject model;
    model.String("method", MethodName(h.method)).String("params", Quantity(h.params));
    if (h.method != TrainingMethod::kFull) model.String("trainable_params", Quantity(h.trainable_params));
    out.Raw("flops_model", model.Text());
  } else {
    out.Null("flops_model");
  }
  out.OptionalString("flops_per_epoch", quantity_if(flops, e.epoch_hours.flops_per_epoch))
      .String("gpu_hours", Quantity(e.gpu_hours))
      .Int("gpus", e.gpus)
      .Int("gpus_billed", e.gpus_billed)
      .Int("gpus_per_instance", e.gpus_per_instance)
      .String("hours_per_epoch", Quantity(e.hours_per_epoch))
      .String("idle_gpu_cost", Units(e.idle_gpu_cost, d))
      .String("instance", instance)
      .String("instance_name", e.instance_name)
      .Int("instances", e.instances)
      .Raw("memory", Memory(e))
      .Raw("notes", Notes(e))
      .Bool("ok", true)
      .Raw("overheads", detail::OverheadsJson(e))
      .Raw("owned", detail::OwnedJson(e))
      .OptionalString("peak_source", flops ? std::optional<std::string>(e.epoch_hours.peak_source) : std::nullopt)
      .OptionalString("peak_tflops", quantity_if(flops, e.epoch_hours.peak_tflops))
      .Raw("per_epoch", Parts(e.per_epoch, d, false))
      .String("price_per_gpu_hour", ToShortDecimal(e.price_per_gpu_hour, 12))
      .String("price_source", e.price_source)
      .Raw("range", detail::RangeJson(e))
      .String("rounding", "half away from zero to the minor unit; parts allotted to add up")
      .Raw("scaling", detail::ScalingJson(e))
      .Raw("spot", detail::SpotJson(e))
      .OptionalString("steps_per_epoch", quantity_if(trial, e.epoch_hours.steps_per_epoch))
      .OptionalString("table_price_per_gpu_hour",
                      e.table_price_per_gpu_hour
                          ? std::optional<std::string>(ToShortDecimal(*e.table_price_per_gpu_hour, 12))
                          : std::nullopt)
      .String("time_way", e.time_way)
      .String("total", Units(e.total.total, d))
      .Bool("total_is_per_epoch_times_epochs", e.TotalIsPerEpochTimesEpochs())
      .Raw("totals", Parts(e.total, d, true))
      .String("wall_hours", Quantity(e.wall_hours));
  return out;
}

namespace detail {

JsonObject ErrorFields(const Error& error) {
  return Message(error.code, RenderError(error, Lang::kEn), RenderError(error, Lang::kZh), error.params)
      .String("field", error.field);
}

std::string ErrorList(const Errors& errors) {
  std::vector<std::string> list;
  list.reserve(errors.size());
  for (const Error& error : errors) list.push_back(ErrorFields(error).Text());
  return JsonArrayText(list);
}

}  // namespace detail

namespace {

using detail::ErrorList;

}  // namespace

std::string EstimateToJson(const Estimate& e) { return detail::EstimateFields(e).Text(); }

std::string EstimateToJson(const Estimate& e, const Plan& plan) {
  JsonObject out;
  out.Raw("errors", ErrorList(plan.errors));
  if (plan.gpus_for_deadline) {
    out.Int("gpus_for_deadline", *plan.gpus_for_deadline);
  } else {
    out.Null("gpus_for_deadline");
  }
  if (plan.instances_for_deadline) {
    out.Int("instances_for_deadline", *plan.instances_for_deadline);
  } else {
    out.Null("instances_for_deadline");
  }
  if (plan.max_epochs) {
    out.Int("max_epochs", *plan.max_epochs);
  } else {
    out.Null("max_epochs");
  }
  return detail::EstimateFields(e).Raw("plan", out.Text()).Text();
}

namespace {

// A row whose estimate failed: the same in full and in summary.
std::string FailedRow(const ComparisonRow& row) {
  return JsonObject()
      .Bool("cheapest", row.cheapest)
      .Raw("errors", ErrorList(row.result.errors))
      .Null("fits")
      .String("instance", row.instance)
      .Bool("ok", false)
      .Text();
}

// What the page's comparison table and chart show of a row.
std::string RowSummary(const ComparisonRow& row) {
  const Estimate& e = row.result.estimate;
  const int d = e.minor_unit_digits;
  return JsonObject()
      .Bool("cheapest", row.cheapest)
      .Raw("converted", detail::ConvertedJson(e))
      .String("currency", e.currency)
      .Int("currency_minor_digits", d)
      .String("hours_per_epoch", Quantity(e.hours_per_epoch))
      .String("instance", row.instance)
      .String("instance_name", e.instance_name)
      .Raw("memory", Memory(e))
      .Bool("ok", true)
      .Raw("per_epoch", JsonObject().String("total", Units(e.per_epoch.total, d)).Text())
      .Raw("range", detail::RangeJson(e))
      .Raw("spot", e.spot ? JsonObject().String("total", Units(e.spot->total, d)).Text() : "null")
      .String("total", Units(e.total.total, d))
      .String("wall_hours", Quantity(e.wall_hours))
      .Text();
}

}  // namespace

std::string CompareRowsToJson(const std::vector<ComparisonRow>& rows) {
  std::vector<std::string> list;
  list.reserve(rows.size());
  for (const ComparisonRow& row : rows) {
    list.push_back(row.result.ok() ? detail::EstimateFields(row.result.estimate, row.instance, row.cheapest).Text()
                                   : FailedRow(row));
  }
  return detail::JsonArrayText(list);
}

std::string detail::CompareRowSummariesToJson(const std::vector<ComparisonRow>& rows) {
  std::vector<std::string> list;
  list.reserve(rows.size());
  for (const ComparisonRow& row : rows) list.push_back(row.result.ok() ? RowSummary(row) : FailedRow(row));
  return JsonArrayText(list);
}

std::string CompareTablesToJson(const std::vector<PriceTable>& tables, const TablesComparison& comparison) {
  if (!comparison.ok()) return ErrorsToJson(comparison.errors);
  std::vector<std::string> rows;
  rows.reserve(comparison.rows.size());
  for (const TablesRow& ranked : comparison.rows) {
    const ComparisonRow& row = ranked.row;
    JsonObject fields = row.result.ok() ? detail::EstimateFields(row.result.estimate, row.instance, row.cheapest)
                                        : JsonObject()
                                              .Bool("cheapest", row.cheapest)
                                              .Raw("errors", ErrorList(row.result.errors))
                                              .String("instance", row.instance)
                                              .Bool("ok", false);
    const PriceTable& table = tables[ranked.table];
    fields.String("provider", table.provider).String("table_currency", table.currency);
    fields.OptionalString("ranked_total", row.result.ok() ? std::optional<std::string>(Units(
                                                                ranked.ranked_total, comparison.minor_unit_digits))
                                                          : std::nullopt);
    rows.push_back(fields.Text());
  }
  return JsonObject()
      .String("currency", comparison.currency)
      .Int("currency_minor_digits", comparison.minor_unit_digits)
      .Bool("ok", true)
      .Raw("rows", detail::JsonArrayText(rows))
      .Text();
}

std::string ErrorsToJson(const Errors& errors) {
  return JsonObject().Raw("errors", ErrorList(errors)).Bool("ok", false).Text();
}

std::string PriceTableToJson(const PriceTable& table) {
  std::vector<std::string> sources;
  sources.reserve(table.sources.size());
  for (const Source& source : table.sources) {
    sources.push_back(JsonObject().String("title", source.title).String("url", source.url).Text());
  }
  std::vector<std::string> instances;
  instances.reserve(table.instances.size());
  const auto quantity_or_null = [](const std::optional<Rational>& value) {
    return value ? std::optional<std::string>(Quantity(*value)) : std::nullopt;
  };
  for (const Instance& instance : table.instances) {
    instances.push_back(JsonObject()
                            .String("gpu", instance.gpu)
                            .OptionalString("gpu_memory_gb", quantity_or_null(instance.gpu_memory_gb))
                            .OptionalString("gpu_peak_tflops", quantity_or_null(instance.gpu_peak_tflops))
                            .String("gpu_specs_source", instance.gpu_specs_source)
                            .Int("gpus_per_instance", instance.gpus_per_instance)
                            .String("id", instance.id)
                            .String("name", instance.name)
                            .String("price_per_gpu_hour", ToShortDecimal(instance.price_per_gpu_hour, 12))
                            .OptionalString("spot_price_per_gpu_hour", instance.spot_price_per_gpu_hour
                                                                           ? std::optional<std::string>(ToShortDecimal(
                                                                                 *instance.spot_price_per_gpu_hour, 12))
                                                                           : std::nullopt)
                            .Text());
  }
  const std::string text = JsonObject()
                               .String("currency", table.currency)
                               .String("date_note", table.date_note)
                               .Raw("instances", JsonArrayText(instances))
                               .Int("minor_unit_digits", table.minor_unit_digits)
                               .String("price_unit", table.price_unit)
                               .String("prices_date", table.prices_date)
                               .String("provider", table.provider)
                               .Raw("sources", JsonArrayText(sources))
                               .Text();
  return JsonObject().Bool("ok", true).Raw("table", text).Text();
}

std::string PriceTableFromJson(std::string_view prices_json) {
  const PriceTableResult prices = ParsePriceTable(prices_json);
  return prices.ok() ? PriceTableToJson(prices.table) : ErrorsToJson(prices.errors);
}

}  // namespace epochcost

namespace epochcost {

std::string ParamCountJson(const ModelShape& shape) {
  const ParamCount c = CountParams(shape);
  const auto count = [](Int128 value) { return static_cast<std::int64_t>(value); };
  return detail::JsonObject()
      .Int("attention", count(c.attention))
      .Int("embeddings", count(c.embeddings))
      .Int("lm_head", count(c.lm_head))
      .Int("mlp", count(c.mlp))
      .Int("norms", count(c.norms))
      .Int("total", count(c.total))
      .Text();
}

std::string ModelConfigFromJson(std::string_view config_json) {
  const ModelConfigResult read = ParseModelConfigJson(config_json);
  if (!read.ok()) return ErrorsToJson(read.errors);
  const ModelShape& s = read.shape;
  // The form's values, keyed as the configuration's model object.
  const std::string model = detail::JsonObject()
                                .String("architecture", read.architecture)
                                .String("hidden_size", std::to_string(s.hidden_size))
                                .String("intermediate_size", std::to_string(s.intermediate_size))
                                .String("num_attention_heads", std::to_string(s.num_attention_heads))
                                .String("num_hidden_layers", std::to_string(s.num_hidden_layers))
                                .String("num_key_value_heads", std::to_string(s.num_key_value_heads))
                                .String("tie_word_embeddings", s.tie_word_embeddings ? "true" : "false")
                                .String("vocab_size", std::to_string(s.vocab_size))
                                .Text();
  return detail::JsonObject()
      .String("architecture", read.architecture)
      .Raw("model", model)
      .Bool("ok", true)
      .Raw("params", ParamCountJson(s))
      .Text();
}

}  // namespace epochcost
