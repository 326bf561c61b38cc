// libFuzzer target: a price table is untrusted text (someone else may host
// it). ParsePriceTable must never crash; a valid table must give a
// well-formed normalised JSON form and price a few fixed configurations
// within the estimate's invariants.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "epochcost/config.h"
#include "epochcost/estimate.h"
#include "epochcost/json_api.h"
#include "epochcost/price_table.h"
#include "fuzz_checks.h"

namespace {

using epochcost::Config;
using epochcost::PriceTable;
using Json = nlohmann::json;

// The normalised table (PriceTableToJson) lists every instance, and is a
// fixed point: read back as a table file (absent optional members left out,
// as a file would, instead of null or ""), it normalises to itself. It is a
// display form (GPU figures rounded to 6 decimals), so it need not always
// read back; when it does not, its errors must still be well formed.
void CheckNormalisedForm(const PriceTable& table, const std::string& normalised) {
  Json out = epochcost::fuzz::CheckJsonOutput(normalised);
  FUZZ_CHECK(out["ok"].get<bool>() && out.contains("table") && out["table"].is_object());
  Json file = out["table"];
  FUZZ_CHECK(file.contains("instances") && file["instances"].is_array());
  FUZZ_CHECK(file["instances"].size() == table.instances.size());
  for (std::size_t i = 0; i < table.instances.size(); ++i) {
    FUZZ_CHECK(file["instances"][i].is_object() && file["instances"][i]["id"] == table.instances[i].id);
  }
  file["format"] = "epochcost-prices/1";
  if (file["date_note"] == "") file.erase("date_note");
  for (auto& source : file["sources"]) {
    if (source["url"] == "") source.erase("url");
  }
  for (auto& instance : file["instances"]) {
    for (const char* key : {"gpu_memory_gb", "gpu_peak_tflops", "gpu_specs_source"}) {
      if (instance.contains(key) && (instance[key].is_null() || instance[key] == "")) instance.erase(key);
    }
  }
  const epochcost::PriceTableResult again = epochcost::ParsePriceTable(file.dump());
  epochcost::fuzz::CheckErrors(again.errors);
  if (again.ok()) FUZZ_CHECK(epochcost::PriceTableToJson(again.table) == normalised);
}

// Fixed configurations, parsed once: the seed's; one with partial instances,
// billing rounding, a discount and thirds; one at the input limits (it may
// overflow, but must say so); and T from a FLOPs model (the table's GPU peak).
struct FixedConfig {
  const char* json;
  bool extra_gpu;  // one GPU more than the instance has
};
constexpr FixedConfig kFixedConfigs[] = {
    {R"({"instance":"x","hours_per_epoch":1.5,"data_cost_per_epoch":2,"ops_cost_per_epoch":1,"epochs":10})", false},
    {R"({"instance":"x","gpus":1,"hours_per_epoch":"2.333333333333","data_cost_per_epoch":"0.333333333333",
         "ops_cost_per_epoch":0,"epochs":7,"billing_increment_seconds":3600,"discount_percent":12.5})",
     true},
    {R"({"instance":"x","gpus":100000,"hours_per_epoch":100000,"data_cost_per_epoch":1e9,
         "ops_cost_per_epoch":1e-12,"epochs":1000000})",
     false},
    {R"({"instance":"x","gpus":1,"hours_per_epoch":0.000000000001,"epochs":1,"billing_increment_seconds":86400})",
     false},
};
constexpr const char* kFlopsConfig =
    R"({"instance":"x","flops":{"method":"lora","params":7e9,"trainable_params":4e7,"tokens_per_epoch":1e8}})";

const std::vector<Config>& FixedConfigs() {
  static const std::vector<Config> configs = [] {
    std::vector<Config> out;
    for (const FixedConfig& fixed : kFixedConfigs) {
      const epochcost::ConfigResult parsed = epochcost::ParseConfig(fixed.json);
      if (!parsed.ok()) {
        std::fprintf(stderr, "fuzz: fixed configuration refused: %s\n", fixed.json);
        __builtin_trap();
      }
      out.push_back(parsed.config);
    }
    // Only while the configuration format has this way of giving T.
    const epochcost::ConfigResult flops = epochcost::ParseConfig(kFlopsConfig);
    if (flops.ok()) out.push_back(flops.config);
    return out;
  }();
  return configs;
}

void EstimateAgainst(const PriceTable& table) {
  const std::vector<Config>& configs = FixedConfigs();
  std::size_t count = 0;
  for (const epochcost::Instance& instance : table.instances) {
    if (++count > 8) break;
    for (std::size_t k = 0; k < configs.size(); ++k) {
      Config config = configs[k];
      config.instance = instance.id;
      if (k < std::size(kFixedConfigs) && kFixedConfigs[k].extra_gpu) config.gpus = instance.gpus_per_instance + 1;
      epochcost::fuzz::CheckEstimate(epochcost::ComputeEstimate(&table, config));
    }
  }
  // An instance that is not in the table is an error.
  Config missing = configs.front();
  missing.instance = "no-such-instance";
  const epochcost::EstimateResult result = epochcost::ComputeEstimate(&table, missing);
  epochcost::fuzz::CheckEstimate(result);
  if (table.Find(missing.instance) == nullptr) FUZZ_CHECK(!result.ok());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const epochcost::PriceTableResult result = epochcost::ParsePriceTable(text);
  epochcost::fuzz::CheckErrors(result.errors);
  const std::string json = epochcost::PriceTableFromJson(text);
  const Json out = epochcost::fuzz::CheckJsonOutput(json);
  FUZZ_CHECK(out["ok"].get<bool>() == result.ok());
  if (!result.ok()) return 0;

  const PriceTable& table = result.table;
  FUZZ_CHECK(!table.instances.empty());
  for (const epochcost::Instance& instance : table.instances) {
    FUZZ_CHECK(!instance.id.empty() && instance.gpus_per_instance >= 1);
    FUZZ_CHECK(epochcost::fuzz::NonNegative(instance.price_per_gpu_hour) && !instance.price_per_gpu_hour.is_zero());
    FUZZ_CHECK(table.Find(instance.id) == &instance);  // ids are unique
  }
  CheckNormalisedForm(table, json);
  EstimateAgainst(table);
  return 0;
}
