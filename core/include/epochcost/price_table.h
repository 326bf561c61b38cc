// A provider's price table: instance types and their price per GPU-hour.
//
// Loaded from JSON (web/prices/*.json; the format is in docs/formats.md).
// Prices are per GPU-hour: the seed's worked example multiplies the table
// price by the GPU count (1.5 h x 20 x 4 GPUs), so that is how its table
// reads, and every table must say so explicitly in "price_unit".
#ifndef EPOCHCOST_PRICE_TABLE_H
#define EPOCHCOST_PRICE_TABLE_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "epochcost/error.h"
#include "epochcost/rational.h"

namespace epochcost {

// Larger tables are refused before parsing.
inline constexpr std::size_t kMaxPriceTableBytes = 256 * 1024;
inline constexpr const char* kPriceUnitPerGpuHour = "gpu_hour";

struct Source {
  std::string title;
  std::string url;
};

struct Instance {
  std::string id;    // stable key used in configurations and links
  std::string name;  // display name, e.g. "A100 x4"
  std::string gpu;   // GPU model, e.g. "A100"
  std::int64_t gpus_per_instance = 1;
  Rational price_per_gpu_hour;
  // Interruptible (spot) capacity's price, when the provider sells it.
  std::optional<Rational> spot_price_per_gpu_hour;
  // The GPU's figures, for the FLOPs model and the memory check; dense
  // (not 2:4 sparse) BF16/FP16 tensor peak. Optional: a table may lack them.
  std::optional<Rational> gpu_memory_gb;
  std::optional<Rational> gpu_peak_tflops;
  std::string gpu_specs_source;
};

struct PriceTable {
  std::string provider;
  std::string currency;  // ISO 4217, e.g. "CNY"
  int minor_unit_digits = 2;
  std::string price_unit = kPriceUnitPerGpuHour;
  std::string prices_date;  // ISO date the prices were read
  std::string date_note;    // how the date was established, if not obvious
  std::vector<Source> sources;
  std::vector<Instance> instances;

  const Instance* Find(std::string_view id) const;
};

struct PriceTableResult {
  PriceTable table;
  Errors errors;  // empty when the table is valid
  bool ok() const { return errors.empty(); }
};

// Parses and validates a table. Never throws.
PriceTableResult ParsePriceTable(std::string_view json_text);

}  // namespace epochcost

#endif  // EPOCHCOST_PRICE_TABLE_H
