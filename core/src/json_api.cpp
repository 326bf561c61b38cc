// The JSON interface shared by the CLI and the wasm engine (see json_api.h).
#include "epochcost/json_api.h"

#include <nlohmann/json.hpp>

#include "epochcost/calculator.h"
#include "epochcost/compare.h"
#include "json_values.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;

std::string Units(Int128 units, int digits) { return MinorUnitsToFixed(units, digits); }

Json Parts(const MoneyParts& parts, int digits) {
  return Json{{"compute", Units(parts.compute, digits)},
              {"data", Units(parts.data, digits)},
              {"ops", Units(parts.ops, digits)},
              {"total", Units(parts.total, digits)}};
}

Json Params(const std::map<std::string, std::string>& params) {
  Json out = Json::object();
  for (const auto& [key, value] : params) out[key] = value;
  return out;
}

// Non-money quantities: exact when short, otherwise six decimals.
std::string Quantity(const Rational& value) { return ToShortDecimal(value, 6); }

Json OptionalQuantity(const Rational& value, bool present) { return present ? Json(Quantity(value)) : Json(nullptr); }

Json Memory(const Estimate& e) {
  if (!e.memory) return nullptr;
  return Json{{"fit", FitName(e.memory->fit)},
              {"needed_gb_per_gpu", ToShortDecimal(e.memory->needed_gb_per_gpu, 2)},
              {"gpu_memory_gb", ToShortDecimal(e.memory->gpu_memory_gb, 2)}};
}

}  // namespace

Json detail::EstimateObject(const Estimate& e) {
  const int d = e.minor_unit_digits;
  Json notes = Json::array();
  for (const Note& note : e.notes) {
    notes.push_back({{"code", note.code},
                     {"params", Params(note.params)},
                     {"message_en", RenderNote(note, Lang::kEn)},
                     {"message_zh", RenderNote(note, Lang::kZh)}});
  }
  const bool trial = e.time_way == "trial";
  const bool flops = e.time_way == "flops";
  return Json{
      {"ok", true},
      {"currency", e.currency},
      {"currency_minor_digits", d},
      {"instance", e.instance},
      {"instance_name", e.instance_name},
      {"gpus_per_instance", e.gpus_per_instance},
      {"instances", e.instances},
      {"gpus", e.gpus},
      {"gpus_billed", e.gpus_billed},
      {"epochs", e.epochs},
      {"time_way", e.time_way},
      {"hours_per_epoch", Quantity(e.hours_per_epoch)},
      {"steps_per_epoch", OptionalQuantity(e.epoch_hours.steps_per_epoch, trial)},
      {"flops_per_epoch", OptionalQuantity(e.epoch_hours.flops_per_epoch, flops)},
      {"peak_tflops", OptionalQuantity(e.epoch_hours.peak_tflops, flops)},
      {"peak_source", flops ? Json(e.epoch_hours.peak_source) : Json(nullptr)},
      {"memory", Memory(e)},
      {"fits", e.memory ? Json(e.memory->fit != Fit::kDoesNotFit) : Json(nullptr)},
      {"price_per_gpu_hour", ToShortDecimal(e.price_per_gpu_hour, 12)},
      {"price_source", e.price_source},
      {"table_price_per_gpu_hour",
       e.table_price_per_gpu_hour ? Json(ToShortDecimal(*e.table_price_per_gpu_hour, 12)) : Json(nullptr)},
      {"discount_percent", ToShortDecimal(e.discount_percent, 12)},
      {"billing_increment_seconds", e.billing_increment_seconds},
      {"wall_hours", Quantity(e.wall_hours)},
      {"billed_hours", Quantity(e.billed_hours)},
      {"gpu_hours", Quantity(e.gpu_hours)},
      {"billed_gpu_hours", Quantity(e.billed_gpu_hours)},
      {"per_epoch", Parts(e.per_epoch, d)},
      {"totals", Parts(e.total, d)},
      {"total", Units(e.total.total, d)},
      {"total_is_per_epoch_times_epochs", e.TotalIsPerEpochTimesEpochs()},
      {"billing_extra", Units(e.billing_extra, d)},
      {"idle_gpu_cost", Units(e.idle_gpu_cost, d)},
      {"discount", Units(e.discount, d)},
      {"rounding", "half away from zero to the minor unit; parts allotted to add up"},
      {"notes", notes},
  };
}

namespace detail {

// dump() would abort on invalid UTF-8 without exceptions; replace instead.
std::string Dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json ErrorList(const Errors& errors) {
  Json list = Json::array();
  for (const Error& error : errors) {
    list.push_back({{"code", error.code},
                    {"field", error.field},
                    {"params", Params(error.params)},
                    {"message_en", RenderError(error, Lang::kEn)},
                    {"message_zh", RenderError(error, Lang::kZh)}});
  }
  return list;
}

}  // namespace detail

namespace {

using detail::Dump;
using detail::ErrorList;

}  // namespace

Json detail::CompareRowsJson(const std::vector<ComparisonRow>& rows) {
  Json list = Json::array();
  for (const ComparisonRow& row : rows) {
    Json item = row.result.ok() ? detail::EstimateObject(row.result.estimate)
                                : Json{{"ok", false}, {"errors", ErrorList(row.result.errors)}};
    item["instance"] = row.instance;
    item["cheapest"] = row.cheapest;
    if (!item.contains("fits")) item["fits"] = nullptr;
    list.push_back(std::move(item));
  }
  return list;
}

std::string EstimateToJson(const Estimate& e) { return Dump(detail::EstimateObject(e)); }
std::string CompareRowsToJson(const std::vector<ComparisonRow>& rows) { return Dump(detail::CompareRowsJson(rows)); }

std::string ErrorsToJson(const Errors& errors) { return Dump(Json{{"ok", false}, {"errors", ErrorList(errors)}}); }

std::string PriceTableToJson(const PriceTable& table) {
  Json sources = Json::array();
  for (const Source& source : table.sources) sources.push_back({{"title", source.title}, {"url", source.url}});
  Json instances = Json::array();
  for (const Instance& instance : table.instances) {
    instances.push_back(
        {{"id", instance.id},
         {"name", instance.name},
         {"gpu", instance.gpu},
         {"gpus_per_instance", instance.gpus_per_instance},
         {"price_per_gpu_hour", ToShortDecimal(instance.price_per_gpu_hour, 12)},
         {"gpu_memory_gb", instance.gpu_memory_gb ? Json(Quantity(*instance.gpu_memory_gb)) : Json(nullptr)},
         {"gpu_peak_tflops", instance.gpu_peak_tflops ? Json(Quantity(*instance.gpu_peak_tflops)) : Json(nullptr)},
         {"gpu_specs_source", instance.gpu_specs_source}});
  }
  Json out{{"ok", true},
           {"table",
            {{"provider", table.provider},
             {"currency", table.currency},
             {"minor_unit_digits", table.minor_unit_digits},
             {"price_unit", table.price_unit},
             {"prices_date", table.prices_date},
             {"date_note", table.date_note},
             {"sources", sources},
             {"instances", instances}}}};
  return Dump(out);
}

std::string EstimateFromJson(std::string_view prices_json, std::string_view config_json) {
  return Calculator(prices_json).Estimate(config_json);
}

std::string CompareFromJson(std::string_view prices_json, std::string_view config_json) {
  return Calculator(prices_json).Compare(config_json);
}

std::string PriceTableFromJson(std::string_view prices_json) {
  const PriceTableResult prices = ParsePriceTable(prices_json);
  return prices.ok() ? PriceTableToJson(prices.table) : ErrorsToJson(prices.errors);
}

}  // namespace epochcost
