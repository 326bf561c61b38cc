// libFuzzer target: a shared link's query string is untrusted text from a
// chat. DecodeLink must never crash; every value it accepts must be accepted
// by ParseConfig too (only a missing or conflicting field may be wrong); and
// when the link gives a full configuration, encoding its estimate and
// decoding again must be stable: the same values, the same amounts and the
// same query string. Opening it on the page (OpenLink) never crashes either.
#include <cstddef>
#include <cstdint>
#include <string>

#include "epochcost/config.h"
#include "epochcost/estimate.h"
#include "epochcost/json_api.h"
#include "epochcost/link.h"
#include "epochcost/open_link.h"
#include "epochcost/schema.h"
#include "fuzz_checks.h"

namespace {

using Json = nlohmann::json;

std::size_t CountLeaves(const Json& object) {
  std::size_t count = 0;
  for (const auto& item : object.items()) count += item.value().is_object() ? CountLeaves(item.value()) : 1;
  return count;
}

// Errors of a relation between values, which the link decoder (one value at
// a time) leaves to the configuration: a part that is missing, two ways at
// once, LoRA adapters larger than the model.
bool IsRelationError(const epochcost::Error& error) {
  return error.code == epochcost::code::kMissing || error.code == epochcost::code::kConflicting ||
         error.code == epochcost::code::kAboveParams;
}

// `config_json`: the "config" object of DecodeLinkToJson, as the page builds
// its configuration from a link.
void CheckRoundTrip(const std::string& config_json, const epochcost::LinkResult& first) {
  const epochcost::ConfigResult config = epochcost::ParseConfig(config_json);
  epochcost::fuzz::CheckErrors(config.errors);
  for (const epochcost::Error& error : config.errors) {
    if (!IsRelationError(error)) {
      std::fprintf(stderr, "a value the link accepted is refused as a configuration: %s %s\n", error.code.c_str(),
                   error.field.c_str());
      __builtin_trap();
    }
  }
  if (!config.ok()) return;
  const epochcost::PriceTable& table = epochcost::fuzz::CiuicTable();
  const epochcost::EstimateResult estimate = epochcost::ComputeEstimate(&table, config.config);
  epochcost::fuzz::CheckEstimate(estimate);
  if (!estimate.ok()) return;  // an instance the table lacks, or too large

  epochcost::fuzz::CheckLinkReproduces(&table, config.config, estimate.estimate);
  // Every value of the link comes back as it was (canonical decimal text),
  // except that a canonical link leaves out settings at their default
  // ("bill=0", "disc=0" mean no increment and no discount).
  const epochcost::LinkResult second =
      epochcost::DecodeLink(epochcost::EncodeLink(config.config, estimate.estimate.price_per_gpu_hour));
  for (const auto& [key, value] : first.config) {
    const auto it = second.config.find(key);
    const epochcost::Field& field = epochcost::FieldOf(key);
    const bool default_left_out = it == second.config.end() && value == field.default_value &&
                                  (key == "billing_increment_seconds" || key == "discount_percent" ||
                                   field.group == epochcost::FieldGroup::kHours);
    if (default_left_out) continue;
    if (it == second.config.end() || it->second != value) {
      std::fprintf(stderr, "link value changed: %s=%s -> %s\n", key.c_str(), value.c_str(),
                   it == second.config.end() ? "(gone)" : it->second.c_str());
      __builtin_trap();
    }
  }
}

// Opening the link on the page: never a crash; every input gets a value; a
// problem names its parameter (or the whole link); what the link kept is a
// schema input.
void CheckOpened(const std::string& query) {
  const epochcost::OpenedLink opened = epochcost::OpenLink(&epochcost::fuzz::CiuicTable(), query);
  for (const epochcost::Field& field : epochcost::Fields()) {
    if (field.group != epochcost::FieldGroup::kPage) FUZZ_CHECK(opened.values.count(field.key) == 1);
  }
  FUZZ_CHECK(opened.values.count("way") == 1 && opened.values.count("alternative") == 1);
  for (const std::string& key : opened.from_link) FUZZ_CHECK(epochcost::FindField(key) != nullptr);
  for (const epochcost::LinkProblem& problem : opened.problems) {
    epochcost::fuzz::CheckErrors({problem.error});
    FUZZ_CHECK(problem.error.code == epochcost::code::kInputTooLarge || problem.error.params.count("param") == 1 ||
               !problem.chosen_way.empty());
  }
  epochcost::fuzz::CheckJsonOutput(epochcost::OpenedLinkJson(opened));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string query(reinterpret_cast<const char*>(data), size);
  const epochcost::LinkResult link = epochcost::DecodeLink(query);
  epochcost::fuzz::CheckErrors(link.errors);
  for (const auto& [key, value] : link.config) FUZZ_CHECK(!key.empty() && !value.empty());
  // Every error but "the whole query is too long" names its parameter.
  for (const epochcost::Error& error : link.errors) {
    FUZZ_CHECK(error.code == epochcost::code::kInputTooLarge || error.params.count("param") == 1);
  }

  const Json out = epochcost::fuzz::CheckJsonOutput(epochcost::DecodeLinkToJson(query));
  FUZZ_CHECK(out["ok"].get<bool>() == link.errors.empty());
  FUZZ_CHECK(out.contains("config") && CountLeaves(out["config"]) == link.config.size());

  CheckRoundTrip(out["config"].dump(), link);
  CheckOpened(query);
  return 0;
}
