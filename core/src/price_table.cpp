// Price table parsing and validation (see price_table.h).
#include "epochcost/price_table.h"

#include <set>

#include "exact_json.h"
#include "input_limits.h"

namespace epochcost {
namespace {

using detail::Json;

constexpr const char* kFormat = "epochcost-prices/1";

bool IsIsoDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) return false;
  }
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  const int day = (text[8] - '0') * 10 + (text[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool IsCurrencyCode(const std::string& text) {
  if (text.size() != 3) return false;
  for (const char c : text) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// Reads a required string member; records "missing" when absent.
std::optional<std::string> RequiredString(const Json& object, const char* key, const std::string& path,
                                          std::size_t max_length, Errors* errors) {
  if (!object.contains(key)) {
    errors->push_back({code::kMissing, path + key, {}});
    return std::nullopt;
  }
  return detail::ReadString(object[key], path + key, max_length, errors);
}

void ParseSources(const Json& root, PriceTable* table, Errors* errors) {
  if (!root.contains("sources")) {
    errors->push_back({code::kMissing, "sources", {}});
    return;
  }
  const Json& sources = root["sources"];
  if (!sources.is_array()) {
    errors->push_back({code::kWrongType, "sources", {{"expected", "array"}, {"type", detail::TypeName(sources)}}});
    return;
  }
  if (sources.empty()) errors->push_back({code::kEmptyList, "sources", {}});
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const std::string path = "sources[" + Int128ToString(i) + "].";
    const Json& item = sources[i];
    if (!item.is_object()) {
      errors->push_back({code::kWrongType,
                         path.substr(0, path.size() - 1),
                         {{"expected", "object"}, {"type", detail::TypeName(item)}}});
      continue;
    }
    detail::CheckKnownKeys(item, {"title", "url"}, path, errors);
    Source source;
    if (auto title = RequiredString(item, "title", path, 300, errors)) source.title = *title;
    if (item.contains("url")) {
      if (auto url = detail::ReadString(item["url"], path + "url", 500, errors)) source.url = *url;
    }
    table->sources.push_back(std::move(source));
  }
}

void ParseInstance(const Json& item, const std::string& path, PriceTable* table, Errors* errors) {
  if (!item.is_object()) {
    errors->push_back({code::kWrongType,
                       path.substr(0, path.size() - 1),
                       {{"expected", "object"}, {"type", detail::TypeName(item)}}});
    return;
  }
  detail::CheckKnownKeys(item,
                         {"id", "name", "gpu", "gpus_per_instance", "price_per_gpu_hour", "gpu_memory_gb",
                          "gpu_peak_tflops", "gpu_specs_source", "spot_price_per_gpu_hour"},
                         path, errors);
  Instance instance;
  bool ok = true;
  if (auto id = RequiredString(item, "id", path, 64, errors)) {
    if (detail::IsInstanceId(*id)) {
      instance.id = *id;
    } else {
      errors->push_back(
          {code::kUnknownValue, path + "id", {{"value", detail::Excerpt(*id)}, {"allowed", "a-z 0-9 - _"}}});
      ok = false;
    }
  } else {
    ok = false;
  }
  if (auto name = RequiredString(item, "name", path, 64, errors))
    instance.name = *name;
  else
    ok = false;
  if (auto gpu = RequiredString(item, "gpu", path, 64, errors))
    instance.gpu = *gpu;
  else
    ok = false;
  if (!item.contains("gpus_per_instance")) {
    errors->push_back({code::kMissing, path + "gpus_per_instance", {}});
    ok = false;
  } else if (auto n = detail::ReadNumber(item["gpus_per_instance"], path + "gpus_per_instance",
                                         limits::kGpusPerInstance, errors)) {
    instance.gpus_per_instance = static_cast<std::int64_t>(n->num());
  } else {
    ok = false;
  }
  if (!item.contains("price_per_gpu_hour")) {
    errors->push_back({code::kMissing, path + "price_per_gpu_hour", {}});
    ok = false;
  } else if (auto price = detail::ReadNumber(item["price_per_gpu_hour"], path + "price_per_gpu_hour",
                                             limits::RuleOf("price_per_gpu_hour"), errors)) {
    instance.price_per_gpu_hour = *price;
  } else {
    ok = false;
  }
  if (item.contains("spot_price_per_gpu_hour")) {
    instance.spot_price_per_gpu_hour =
        detail::ReadNumber(item["spot_price_per_gpu_hour"], path + "spot_price_per_gpu_hour",
                           limits::RuleOf("spot.price_per_gpu_hour"), errors);
    if (!instance.spot_price_per_gpu_hour) ok = false;
  }
  const std::size_t before = errors->size();
  if (item.contains("gpu_memory_gb")) {
    instance.gpu_memory_gb =
        detail::ReadNumber(item["gpu_memory_gb"], path + "gpu_memory_gb", limits::kGpuMemoryGb, errors);
  }
  if (item.contains("gpu_peak_tflops")) {
    instance.gpu_peak_tflops = detail::ReadNumber(item["gpu_peak_tflops"], path + "gpu_peak_tflops",
                                                  limits::RuleOf("flops.peak_tflops"), errors);
  }
  if (item.contains("gpu_specs_source")) {
    if (auto source = detail::ReadString(item["gpu_specs_source"], path + "gpu_specs_source", 300, errors)) {
      instance.gpu_specs_source = *source;
    }
  } else if (instance.gpu_memory_gb || instance.gpu_peak_tflops) {
    // Every figure needs a source.
    errors->push_back({code::kMissing, path + "gpu_specs_source", {}});
  }
  ok = ok && errors->size() == before;
  if (ok) table->instances.push_back(std::move(instance));
}

void ParseInstances(const Json& root, PriceTable* table, Errors* errors) {
  if (!root.contains("instances")) {
    errors->push_back({code::kMissing, "instances", {}});
    return;
  }
  const Json& instances = root["instances"];
  if (!instances.is_array()) {
    errors->push_back({code::kWrongType, "instances", {{"expected", "array"}, {"type", detail::TypeName(instances)}}});
    return;
  }
  if (instances.empty()) {
    errors->push_back({code::kEmptyList, "instances", {}});
    return;
  }
  if (instances.size() > limits::kMaxInstances) {
    errors->push_back({code::kInputTooLarge, "instances", {{"max", Int128ToString(limits::kMaxInstances)}}});
    return;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < instances.size(); ++i) {
    const std::string path = "instances[" + Int128ToString(i) + "].";
    const std::size_t before = table->instances.size();
    ParseInstance(instances[i], path, table, errors);
    if (table->instances.size() > before && !seen.insert(table->instances.back().id).second) {
      errors->push_back({code::kDuplicateId, path + "id", {{"value", table->instances.back().id}}});
    }
  }
}

}  // namespace

const Instance* PriceTable::Find(std::string_view id) const {
  for (const Instance& instance : instances) {
    if (instance.id == id) return &instance;
  }
  return nullptr;
}

PriceTableResult ParsePriceTable(std::string_view json_text) {
  PriceTableResult result;
  Errors& errors = result.errors;
  auto parsed = detail::ParseExactJson(json_text, "prices", kMaxPriceTableBytes, &errors);
  if (!parsed) return result;
  const Json& root = *parsed;
  if (!root.is_object()) {
    errors.push_back({code::kNotAnObject, "prices", {{"type", detail::TypeName(root)}}});
    return result;
  }
  detail::CheckKnownKeys(root,
                         {"format", "provider", "currency", "minor_unit_digits", "price_unit", "prices_date",
                          "date_note", "sources", "instances"},
                         "", &errors);
  PriceTable& table = result.table;
  if (auto format = RequiredString(root, "format", "", 64, &errors); format && *format != kFormat) {
    errors.push_back(
        {code::kUnsupportedVersion, "format", {{"value", detail::Excerpt(*format)}, {"allowed", kFormat}}});
  }
  if (auto provider = RequiredString(root, "provider", "", 100, &errors)) table.provider = *provider;
  if (auto currency = RequiredString(root, "currency", "", 3, &errors)) {
    if (IsCurrencyCode(*currency)) {
      table.currency = *currency;
    } else {
      errors.push_back(
          {code::kUnknownValue, "currency", {{"value", detail::Excerpt(*currency)}, {"allowed", "ISO 4217"}}});
    }
  }
  if (root.contains("minor_unit_digits")) {
    if (auto digits =
            detail::ReadNumber(root["minor_unit_digits"], "minor_unit_digits", limits::kMinorUnitDigits, &errors)) {
      table.minor_unit_digits = static_cast<int>(digits->num());
    }
  }
  if (auto unit = RequiredString(root, "price_unit", "", 32, &errors); unit && *unit != kPriceUnitPerGpuHour) {
    errors.push_back(
        {code::kUnknownValue, "price_unit", {{"value", detail::Excerpt(*unit)}, {"allowed", kPriceUnitPerGpuHour}}});
  }
  if (auto date = RequiredString(root, "prices_date", "", 10, &errors)) {
    if (IsIsoDate(*date)) {
      table.prices_date = *date;
    } else {
      errors.push_back(
          {code::kUnknownValue, "prices_date", {{"value", detail::Excerpt(*date)}, {"allowed", "YYYY-MM-DD"}}});
    }
  }
  if (root.contains("date_note")) {
    if (auto note = detail::ReadString(root["date_note"], "date_note", 500, &errors)) table.date_note = *note;
  }
  ParseSources(root, &table, &errors);
  ParseInstances(root, &table, &errors);
  return result;
}

}  // namespace epochcost
