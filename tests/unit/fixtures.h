// Shared test helpers: the real price table and configurations from
// tests/fixtures/, the same files the wasm and browser tests read.
#ifndef EPOCHCOST_TESTS_FIXTURES_H
#define EPOCHCOST_TESTS_FIXTURES_H

#include <gtest/gtest.h>

#include <fstream>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "epochcost/config.h"
#include "epochcost/estimate.h"
#include "epochcost/price_table.h"
#include "epochcost/rational.h"

namespace epochcost::test {

// An answer's JSON text, parsed; text that is not JSON fails the test.
inline nlohmann::json ParseJson(const std::string& text) {
  nlohmann::json out = nlohmann::json::parse(text, nullptr, false);
  EXPECT_FALSE(out.is_discarded()) << text;
  return out;
}

inline std::string ReadSourceFile(const std::string& relative) {
  std::ifstream file(std::string(EPOCHCOST_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

inline std::string CiuicJson() { return ReadSourceFile("web/prices/ciuic.json"); }

inline const PriceTable& CiuicTable() {
  static const PriceTableResult result = ParsePriceTable(CiuicJson());
  return result.table;
}

inline std::string SeedConfigJson() { return ReadSourceFile("examples/seed.json"); }

// Parses and estimates against the Ciuic table; fails the test on errors.
inline Estimate MustEstimate(const std::string& config_json) {
  const ConfigResult config = ParseConfig(config_json);
  EXPECT_TRUE(config.ok()) << config_json;
  const EstimateResult result = ComputeEstimate(&CiuicTable(), config.config);
  EXPECT_TRUE(result.ok()) << config_json;
  return result.estimate;
}

// Minor units as the user sees them: 12300 -> "123.00".
inline std::string Money(Int128 units, int digits = 2) {
  Int128 scale = 1;
  for (int i = 0; i < digits; ++i) scale *= 10;
  return ToFixed(Rational::Fraction(units, scale), digits);
}

// Configuration JSON written out as text, key by key, so that a value such
// as 1e309 or 1e-400 reaches the parser exactly as typed (a JSON library
// would have turned it into a double first). Values are raw JSON.
using RawFields = std::vector<std::pair<std::string, std::string>>;

inline std::string ConfigText(const RawFields& fields) {
  std::string out = "{";
  for (const auto& [key, value] : fields) {
    out += (out.size() > 1 ? ", \"" : "\"") + key + "\": " + value;
  }
  return out + "}";
}

// The seed's configuration (1.5 h x 20 x 4 GPUs + 2 + 1, 10 epochs).
inline RawFields SeedFields() {
  return {{"instance", "\"a100x4\""},       {"gpus", "4"},
          {"hours_per_epoch", "1.5"},       {"data_cost_per_epoch", "2"},
          {"ops_cost_per_epoch", "1"},      {"epochs", "10"},
          {"price_per_gpu_hour", "\"20\""}, {"billing_increment_seconds", "0"},
          {"discount_percent", "0"}};
}

// The seed with more raw fields (nested keys as JSON objects), replacing
// its own where they share a key and added after it otherwise.
inline std::string SeedPlus(const RawFields& more) {
  RawFields fields = SeedFields();
  for (const auto& [key, raw] : more) {
    bool replaced = false;
    for (auto& field : fields) {
      if (field.first == key) {
        field.second = raw;
        replaced = true;
      }
    }
    if (!replaced) fields.emplace_back(key, raw);
  }
  return ConfigText(fields);
}

// The seed with one key's raw value replaced (or added when absent).
inline std::string SeedWith(const std::string& key, const std::string& raw_value) {
  return SeedPlus({{key, raw_value}});
}

// The seed without some keys.
inline std::string SeedWithout(std::initializer_list<const char*> keys) {
  RawFields fields;
  for (const auto& field : SeedFields()) {
    bool drop = false;
    for (const char* key : keys) drop = drop || field.first == key;
    if (!drop) fields.push_back(field);
  }
  return ConfigText(fields);
}

}  // namespace epochcost::test

#endif  // EPOCHCOST_TESTS_FIXTURES_H
