// libFuzzer target: a configuration is typed or pasted by a user. ParseConfig
// must never crash; a valid configuration estimated against the real Ciuic
// table (and without a table) must keep the estimate's invariants and give a
// link that decodes without errors. The JSON interface (EstimateFromJson,
// what the CLI and wasm expose) must agree with the direct calls. The same
// text read as a model's config.json (which the page reads from a file)
// must give a shape whose count is positive, or errors. Read as the page's
// form values (Calculator::AnswerForm), it gives a well-formed answer that
// names the inputs in use and says what Answer() says for the configuration
// it reports.
#include <cstddef>
#include <cstdint>
#include <string>

#include "epochcost/calculator.h"
#include "epochcost/config.h"
#include "epochcost/estimate.h"
#include "epochcost/json_api.h"
#include "epochcost/link.h"
#include "epochcost/model_shape.h"
#include "epochcost/schema.h"
#include "fuzz_checks.h"

namespace {

using Json = nlohmann::json;

void CheckAgainst(const epochcost::PriceTable* table, const epochcost::ConfigResult& config,
                  const std::string& json_result) {
  const Json out = epochcost::fuzz::CheckJsonOutput(json_result);
  if (!config.ok()) {
    FUZZ_CHECK(!out["ok"].get<bool>());
    return;
  }
  const epochcost::EstimateResult result = epochcost::ComputeEstimate(table, config.config);
  epochcost::fuzz::CheckEstimate(result);
  FUZZ_CHECK(out["ok"].get<bool>() == result.ok());
  if (!result.ok()) return;
  const epochcost::Estimate& e = result.estimate;
  if (e.memory) {
    // The parts add up, every part is a whole number of bytes, none negative.
    const epochcost::MemoryBytes& b = e.memory->bytes;
    FUZZ_CHECK(b.weights >= 0 && b.gradients >= 0 && b.optimizer >= 0 && b.activations >= 0 && b.overhead > 0);
    FUZZ_CHECK(b.total == b.weights + b.gradients + b.optimizer + b.activations + b.overhead);
    FUZZ_CHECK(out["memory"]["per_gpu_bytes"]["total"].get<std::int64_t>() == static_cast<std::int64_t>(b.total));
  }
  const epochcost::Rational scale(e.minor_unit_digits == 0   ? 1
                                  : e.minor_unit_digits == 1 ? 10
                                  : e.minor_unit_digits == 2 ? 100
                                  : e.minor_unit_digits == 3 ? 1000
                                                             : 10000);
  const std::string total =
      epochcost::ToFixed(epochcost::Rational::Fraction(e.total.total, 1) / scale, e.minor_unit_digits);
  FUZZ_CHECK(out.contains("total") && out["total"].is_string() && out["total"].get<std::string>() == total);
  epochcost::fuzz::CheckLinkReproduces(table, config.config, e);
}

// The form's answer is Answer() for the configuration it made, plus that
// configuration and the inputs in use; or the form's own errors.
void CheckFormAnswer(const std::string& text) {
  static const epochcost::Calculator calculator(epochcost::fuzz::CiuicTableJson());
  Json out = epochcost::fuzz::CheckJsonOutput(calculator.AnswerForm(text));
  if (!out.contains("config")) {
    FUZZ_CHECK(!out["ok"].get<bool>() && !out.contains("in_use"));
    return;
  }
  FUZZ_CHECK(out["config"].is_object() && out["in_use"].is_array());
  for (const Json& key : out["in_use"]) FUZZ_CHECK(epochcost::FindField(key.get<std::string>()) != nullptr);
  const Json same = epochcost::fuzz::CheckJsonOutput(calculator.Answer(out["config"].dump()));
  out.erase("config");
  out.erase("in_use");
  FUZZ_CHECK(out == same);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const epochcost::ConfigResult config = epochcost::ParseConfig(text);
  epochcost::fuzz::CheckErrors(config.errors);
  if (config.ok()) {
    const epochcost::Config& c = config.config;
    FUZZ_CHECK(c.epochs >= 1 && c.billing_increment_seconds >= 0);
    FUZZ_CHECK(!c.gpus || *c.gpus >= 1);
    FUZZ_CHECK(!c.instance.empty() || (c.gpus && c.price_per_gpu_hour));
  }
  CheckAgainst(&epochcost::fuzz::CiuicTable(), config,
               epochcost::EstimateFromJson(epochcost::fuzz::CiuicTableJson(), text));
  CheckAgainst(nullptr, config, epochcost::EstimateFromJson("", text));

  const epochcost::ModelConfigResult model = epochcost::ParseModelConfigJson(text);
  epochcost::fuzz::CheckErrors(model.errors);
  const Json answer = epochcost::fuzz::CheckJsonOutput(epochcost::ModelConfigFromJson(text));
  FUZZ_CHECK(answer["ok"].get<bool>() == model.ok());
  if (model.ok()) FUZZ_CHECK(epochcost::CountParams(model.shape).total > 0);

  CheckFormAnswer(text);
  return 0;
}
