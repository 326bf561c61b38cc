// Shared test helpers: the real price table and configurations from
// tests/fixtures/, the same files the wasm and browser tests read.
#ifndef EPOCHCOST_TESTS_FIXTURES_H
#define EPOCHCOST_TESTS_FIXTURES_H

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "epochcost/config.h"
#include "epochcost/estimate.h"
#include "epochcost/price_table.h"

namespace epochcost::test {

inline std::string ReadSourceFile(const std::string& relative) {
  std::ifstream file(std::string(EPOCHCOST_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

inline const PriceTable& CiuicTable() {
  static const PriceTableResult result = ParsePriceTable(ReadSourceFile("web/prices/ciuic.json"));
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

}  // namespace epochcost::test

#endif  // EPOCHCOST_TESTS_FIXTURES_H
