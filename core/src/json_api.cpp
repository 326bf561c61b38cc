// The JSON interface shared by the CLI and the wasm engine (see json_api.h).
#include "epochcost/json_api.h"

#include <nlohmann/json.hpp>

namespace epochcost {
namespace {

using Json = nlohmann::json;

std::string Units(Int128 units, int digits) {
  Int128 scale = 1;
  for (int i = 0; i < digits; ++i) scale *= 10;
  return ToFixed(Rational::Fraction(units, scale), digits);
}

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

// dump() would abort on invalid UTF-8 without exceptions; replace instead.
std::string Dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

std::string EstimateToJson(const Estimate& e) {
  const int d = e.minor_unit_digits;
  Json notes = Json::array();
  for (const Note& note : e.notes) {
    notes.push_back({{"code", note.code},
                     {"params", Params(note.params)},
                     {"message_en", RenderNote(note, Lang::kEn)},
                     {"message_zh", RenderNote(note, Lang::kZh)}});
  }
  Json out{
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
      {"hours_per_epoch", Quantity(e.hours_per_epoch)},
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
      {"billing_extra", Units(e.billing_extra, d)},
      {"idle_gpu_cost", Units(e.idle_gpu_cost, d)},
      {"discount", Units(e.discount, d)},
      {"rounding", "half away from zero to the minor unit; parts allotted to add up"},
      {"notes", notes},
  };
  return Dump(out);
}

std::string ErrorsToJson(const Errors& errors) {
  Json list = Json::array();
  for (const Error& error : errors) {
    list.push_back({{"code", error.code},
                    {"field", error.field},
                    {"params", Params(error.params)},
                    {"message_en", RenderError(error, Lang::kEn)},
                    {"message_zh", RenderError(error, Lang::kZh)}});
  }
  return Dump(Json{{"ok", false}, {"errors", list}});
}

std::string PriceTableToJson(const PriceTable& table) {
  Json sources = Json::array();
  for (const Source& source : table.sources) sources.push_back({{"title", source.title}, {"url", source.url}});
  Json instances = Json::array();
  for (const Instance& instance : table.instances) {
    instances.push_back({{"id", instance.id},
                         {"name", instance.name},
                         {"gpu", instance.gpu},
                         {"gpus_per_instance", instance.gpus_per_instance},
                         {"price_per_gpu_hour", ToShortDecimal(instance.price_per_gpu_hour, 12)}});
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
  PriceTableResult prices;
  const bool has_table = !prices_json.empty();
  if (has_table) {
    prices = ParsePriceTable(prices_json);
    if (!prices.ok()) return ErrorsToJson(prices.errors);
  }
  const ConfigResult config = ParseConfig(config_json);
  if (!config.ok()) return ErrorsToJson(config.errors);
  const EstimateResult estimate = ComputeEstimate(has_table ? &prices.table : nullptr, config.config);
  if (!estimate.ok()) return ErrorsToJson(estimate.errors);
  return EstimateToJson(estimate.estimate);
}

std::string PriceTableFromJson(std::string_view prices_json) {
  const PriceTableResult prices = ParsePriceTable(prices_json);
  return prices.ok() ? PriceTableToJson(prices.table) : ErrorsToJson(prices.errors);
}

}  // namespace epochcost
