// libFuzzer target: a shared link's query string is untrusted text from a
// chat. DecodeLink must never crash; every value it accepts must be accepted
// by ParseConfig too (only a missing or conflicting field may be wrong); and
// when the link gives a full configuration, encoding its estimate and
// decoding again must be stable: the same values, the same amounts and the
// same query string. Opening it on the page is open_link_fuzzer's.
//
// Speed: most mutated queries decode to a link already seen (the same values,
// errors and settings: a parameter repeated, reordered, or a byte changed in
// a part that is dropped). The JSON form and the round trip depend on the
// decoded link alone (LinkResultJson takes the LinkResult), so each
// distinct link is checked once per process, and its
// round trip, which reads only the configuration, once per distinct
// configuration (about a quarter of the new links bring a new one). The
// decoding runs on every input; each distinct error's messages are checked
// once (fuzz_checks.h).
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>

#include "decoded_link.h"
#include "epochcost/config.h"
#include "epochcost/estimate.h"
#include "epochcost/json_api.h"
#include "epochcost/link.h"
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
// once, LoRA adapters larger than the model, a low MFU above the expected
// one (or a high one below it), heads that do not divide the hidden size.
bool IsRelationError(const epochcost::Error& error) {
  for (const char* relation :
       {epochcost::code::kMissing, epochcost::code::kConflicting, epochcost::code::kAboveParams,
        epochcost::code::kAboveMfu, epochcost::code::kBelowMfu, epochcost::code::kNotDivisible}) {
    if (error.code == relation) return true;
  }
  return false;
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
  const auto second_value = [&second](const std::string& key) {
    const auto it = second.config.find(key);
    return it == second.config.end() ? std::string(epochcost::FieldOf(key).default_value) : it->second;
  };
  const auto first_value = [&first](const std::string& key) {
    const auto it = first.config.find(key);
    return it == first.config.end() ? std::string(epochcost::FieldOf(key).default_value) : it->second;
  };
  for (const auto& [key, value] : first.config) {
    const auto it = second.config.find(key);
    // Left out at its default; flops.method is written as training.method;
    // key-value heads as many as the heads; adapters not written for a
    // full fine-tune.
    const bool default_left_out = it == second.config.end() && value == epochcost::FieldOf(key).default_value;
    if (default_left_out) continue;
    if (key == "flops.method") {
      FUZZ_CHECK(second_value("training.method") == value);
      continue;
    }
    if (key == "model.num_key_value_heads" && it == second.config.end() &&
        value == first_value("model.num_attention_heads")) {
      continue;
    }
    if ((key == "training.lora_rank" || key == "training.lora_targets") && it == second.config.end() &&
        second_value("training.method") == "full") {
      continue;
    }
    if (it == second.config.end() || it->second != value) {
      std::fprintf(stderr, "link value changed: %s=%s -> %s\n", key.c_str(), value.c_str(),
                   it == second.config.end() ? "(gone)" : it->second.c_str());
      __builtin_trap();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string query(reinterpret_cast<const char*>(data), size);
  const epochcost::LinkResult link = epochcost::DecodeLink(query);
  for (const auto& [key, value] : link.config) FUZZ_CHECK(!key.empty() && !value.empty());
  // Every error but "the whole query is too long" names its parameter.
  for (const epochcost::Error& error : link.errors) {
    FUZZ_CHECK(error.code == epochcost::code::kInputTooLarge || error.params.count("param") == 1);
  }
  // The rest depends on the decoded link alone: DecodeLinkToJson(query) is
  // LinkResultJson(DecodeLink(query)).
  static std::unordered_set<std::string> links_seen;
  if (!epochcost::fuzz::FirstTime(&links_seen, epochcost::fuzz::LinkKey(link))) return 0;
  epochcost::fuzz::CheckErrors(link.errors);
  const Json out = epochcost::fuzz::CheckJsonOutput(epochcost::LinkResultJson(link));
  FUZZ_CHECK(out["ok"].get<bool>() == link.errors.empty());
  FUZZ_CHECK(out.contains("config") && CountLeaves(out["config"]) == link.config.size());

  // The round trip reads the configuration alone (the "config" object is
  // written from it): links that differ only in their errors or settings
  // share it.
  static std::unordered_set<std::string> configs_seen;
  if (epochcost::fuzz::FirstTime(&configs_seen, epochcost::fuzz::ConfigKey(link)))
    CheckRoundTrip(out["config"].dump(), link);
  return 0;
}
