// Core benchmarks: table loading, one estimate, a comparison of every
// instance, a 1000-point sweep, link encode and decode, and the page's one
// call per keystroke.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "epochcost/calculator.h"
#include "epochcost/compare.h"
#include "epochcost/json_api.h"
#include "epochcost/link.h"
#include "epochcost/open_link.h"

namespace {

std::string Read(const char* relative) {
  std::ifstream file(std::string(EPOCHCOST_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

const std::string& Prices() {
  static const std::string text = Read("web/prices/ciuic.json");
  return text;
}
const std::string& Seed() {
  static const std::string text = Read("examples/seed.json");
  return text;
}

void BM_LoadPriceTable(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(epochcost::ParsePriceTable(Prices()));
}
BENCHMARK(BM_LoadPriceTable);

void BM_EstimateFromJson(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(epochcost::EstimateFromJson(Prices(), Seed()));
}
BENCHMARK(BM_EstimateFromJson);

void BM_EstimateParsed(benchmark::State& state) {
  const auto table = epochcost::ParsePriceTable(Prices());
  const auto config = epochcost::ParseConfig(Seed());
  for (auto _ : state) benchmark::DoNotOptimize(epochcost::ComputeEstimate(&table.table, config.config));
}
BENCHMARK(BM_EstimateParsed);

void BM_CompareEveryInstance(benchmark::State& state) {
  const auto table = epochcost::ParsePriceTable(Prices());
  const auto config = epochcost::ParseWorkload(Seed());
  for (auto _ : state) benchmark::DoNotOptimize(epochcost::CompareInstances(table.table, config.config));
}
BENCHMARK(BM_CompareEveryInstance);

// What the page asks on every keystroke: JSON in, the estimate, the
// comparison and the link out, against a table parsed once.
void BM_CalculatorAnswer(benchmark::State& state) {
  const epochcost::Calculator calculator(Prices());
  for (auto _ : state) benchmark::DoNotOptimize(calculator.Answer(Seed()));
}
BENCHMARK(BM_CalculatorAnswer);

// The same from the form's values as the page sends them (every input, the
// way and the alternative): the core also picks the inputs in use and makes
// the configuration. Its cost over BM_CalculatorAnswer is what moving that
// rule out of the page adds to a keystroke.
void BM_CalculatorAnswerForm(benchmark::State& state) {
  const epochcost::Calculator calculator(Prices());
  const auto table = epochcost::ParsePriceTable(Prices());
  const epochcost::OpenedLink start = epochcost::OpenLink(&table.table, "");
  std::string form = "{";
  for (const auto& [key, value] : start.values) form += "\"" + key + "\":\"" + value + "\",";
  form.back() = '}';
  for (auto _ : state) benchmark::DoNotOptimize(calculator.AnswerForm(form));
}
BENCHMARK(BM_CalculatorAnswerForm);

void BM_Sweep1000Points(benchmark::State& state) {
  const auto table = epochcost::ParsePriceTable(Prices());
  auto config = epochcost::ParseConfig(Seed()).config;
  for (auto _ : state) {
    for (int epochs = 1; epochs <= 1000; ++epochs) {
      config.epochs = epochs;
      benchmark::DoNotOptimize(epochcost::ComputeEstimate(&table.table, config));
    }
  }
}
BENCHMARK(BM_Sweep1000Points);

void BM_LinkDecode(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(epochcost::DecodeLink("i=a100x4&t=1.5&p=20&n=4&d=2&m=1&e=10"));
}
BENCHMARK(BM_LinkDecode);

void BM_LinkEncode(benchmark::State& state) {
  const auto config = epochcost::ParseConfig(Seed()).config;
  for (auto _ : state) benchmark::DoNotOptimize(epochcost::EncodeLink(config, epochcost::Rational(20)));
}
BENCHMARK(BM_LinkEncode);

}  // namespace

BENCHMARK_MAIN();
