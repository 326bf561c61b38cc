// Invariants shared by the libFuzzer targets. A violated invariant prints
// what failed and traps, which libFuzzer reports as a crash and saves the
// input that caused it.
#ifndef EPOCHCOST_FUZZ_CHECKS_H
#define EPOCHCOST_FUZZ_CHECKS_H

#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_set>

#include "epochcost/error.h"
#include "epochcost/estimate.h"
#include "epochcost/json_api.h"
#include "epochcost/link.h"
#include "epochcost/price_table.h"
#include "epochcost/rational.h"

#define FUZZ_CHECK(condition)                                                                 \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "invariant failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
      __builtin_trap();                                                                       \
    }                                                                                         \
  } while (false)

namespace epochcost::fuzz {

// A rendered message must not show a template placeholder ("{type}") that
// no parameter filled. Braces that a user's own text brought in (a link
// value "{value}", a field label) are allowed.
inline bool HasUnfilledPlaceholder(const std::string& message, const std::map<std::string, std::string>& params,
                                   const std::string& field_label) {
  for (std::size_t open = message.find('{'); open != std::string::npos; open = message.find('{', open + 1)) {
    std::size_t end = open + 1;
    while (end < message.size() && ((message[end] >= 'a' && message[end] <= 'z') || message[end] == '_')) ++end;
    if (end == open + 1 || end >= message.size() || message[end] != '}') continue;
    const std::string placeholder = message.substr(open, end - open + 1);
    bool from_input = field_label.find(placeholder) != std::string::npos;
    for (const auto& [key, value] : params) from_input = from_input || value.find(placeholder) != std::string::npos;
    if (!from_input) {
      std::fprintf(stderr, "unfilled placeholder %s in: %s\n", placeholder.c_str(), message.c_str());
      return true;
    }
  }
  return false;
}

// JSON type names that the messages translate ("a list", "一个列表").
inline bool IsJsonTypeName(const std::string& name) {
  for (const char* known : {"number", "string", "object", "array", "boolean", "null"}) {
    if (name == known) return true;
  }
  return false;
}

// Whether this error is new to the process. Its checks read the error alone
// (its code, field and parameters, through RenderError and FieldLabel), and
// the same error comes back often (a link's errors are its opening's
// problems too), so each distinct one is checked once. Bounded: forgotten in
// bulk past a million, and then checked again.
inline bool FirstTimeError(const Error& error) {
  static std::unordered_set<std::string> seen;
  if (seen.size() >= 1000000) seen.clear();
  // Each text length-prefixed, so that no two errors share a key.
  std::string key;
  const auto add = [&key](const std::string& text) {
    key.append(std::to_string(text.size())).append(":").append(text);
  };
  add(error.code), add(error.field);
  for (const auto& [name, value] : error.params) add(name), add(value);
  return seen.insert(std::move(key)).second;
}

inline void CheckErrors(const Errors& errors) {
  for (const Error& error : errors) {
    if (!FirstTimeError(error)) continue;
    FUZZ_CHECK(!error.code.empty());
    FUZZ_CHECK(!error.field.empty());
    for (const char* typed : {"type", "expected"}) {
      const auto it = error.params.find(typed);
      if (it != error.params.end() && !IsJsonTypeName(it->second)) {
        std::fprintf(stderr, "%s: %s \"%s\" is not a JSON type name\n", error.code.c_str(), typed, it->second.c_str());
        __builtin_trap();
      }
    }
    for (const Lang lang : {Lang::kEn, Lang::kZh}) {
      const std::string message = RenderError(error, lang);
      FUZZ_CHECK(!message.empty());
      // RenderError's fallback for a code without a message in the catalogue.
      FUZZ_CHECK(message != FieldLabel(error.field, lang) + ": " + error.code);
      FUZZ_CHECK(!HasUnfilledPlaceholder(message, error.params, FieldLabel(error.field, lang)));
    }
  }
}

inline bool NonNegative(const Rational& value) { return !value.overflowed() && !value.is_negative(); }

inline bool PartsAddUp(const MoneyParts& parts) {
  return parts.compute + parts.eval + parts.checkpoint + parts.startup + parts.data + parts.ops == parts.total &&
         parts.compute >= 0 && parts.eval >= 0 && parts.checkpoint >= 0 && parts.startup >= 0 && parts.data >= 0 &&
         parts.ops >= 0 && parts.total >= 0;
}

// The output of EstimateToJson / ErrorsToJson / PriceTableToJson: valid JSON
// with a boolean "ok".
inline nlohmann::json CheckJsonOutput(const std::string& text) {
  nlohmann::json out = nlohmann::json::parse(text, nullptr, false);
  FUZZ_CHECK(!out.is_discarded());
  FUZZ_CHECK(out.is_object() && out.contains("ok") && out["ok"].is_boolean());
  if (!out["ok"].get<bool>()) {
    FUZZ_CHECK(out.contains("errors") && out["errors"].is_array() && !out["errors"].empty());
    for (const auto& error : out["errors"]) {
      FUZZ_CHECK(error.is_object());
      for (const char* key : {"code", "field", "message_en", "message_zh"}) {
        FUZZ_CHECK(error.contains(key) && error[key].is_string() && !error[key].get<std::string>().empty());
      }
    }
  }
  return out;
}

// CheckJsonOutput's checks for an answer whose document is not needed: the
// same parser (nlohmann's, as strict) reads it through its SAX interface,
// without building the document, which was most of a parse's time. As in a
// document, a key given twice counts by its last value.
class AnswerShape final : public nlohmann::json_sax<nlohmann::json> {
 public:
  // What a value is, as far as the checks ask.
  enum class Kind { kAbsent, kTrue, kFalse, kString, kEmptyString, kObject, kArray, kOther };

  bool null() override { return Value(Kind::kOther); }
  bool boolean(bool value) override { return Value(value ? Kind::kTrue : Kind::kFalse); }
  bool number_integer(number_integer_t) override { return Value(Kind::kOther); }
  bool number_unsigned(number_unsigned_t) override { return Value(Kind::kOther); }
  bool number_float(number_float_t, const string_t&) override { return Value(Kind::kOther); }
  bool string(string_t& value) override { return Value(value.empty() ? Kind::kEmptyString : Kind::kString); }
  bool binary(binary_t&) override { return Value(Kind::kOther); }
  bool start_object(std::size_t) override {
    Value(Kind::kObject);
    open_.push_back('{');
    return true;
  }
  bool start_array(std::size_t) override {
    Value(Kind::kArray);
    open_.push_back('[');
    return true;
  }
  bool key(string_t& name) override {
    if (open_.size() == 1) top_key_ = name;
    if (open_.size() == 3) error_key_ = name;
    return true;
  }
  bool end_object() override {
    if (InErrorObject()) {
      for (const Kind kind : error_) errors_valid = errors_valid && kind == Kind::kString;
    }
    open_.pop_back();
    return true;
  }
  bool end_array() override {
    open_.pop_back();
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

  Kind top = Kind::kAbsent;
  Kind ok = Kind::kAbsent;
  Kind errors = Kind::kAbsent;
  std::size_t error_count = 0;
  bool errors_valid = true;

 private:
  static constexpr const char* kErrorKeys[] = {"code", "field", "message_en", "message_zh"};

  bool InTopObject() const { return !open_.empty() && open_[0] == '{'; }
  bool InErrorList() const { return open_.size() >= 2 && InTopObject() && open_[1] == '[' && top_key_ == "errors"; }
  bool InErrorObject() const { return open_.size() == 3 && InErrorList() && open_[2] == '{'; }

  bool Value(Kind kind) {
    if (open_.empty()) {
      top = kind;
    } else if (open_.size() == 1 && InTopObject()) {
      if (top_key_ == "ok") ok = kind;
      if (top_key_ == "errors") errors = kind, error_count = 0, errors_valid = true;
    } else if (open_.size() == 2 && InErrorList()) {
      ++error_count;
      if (kind != Kind::kObject) errors_valid = false;
      for (Kind& key_kind : error_) key_kind = Kind::kAbsent;
    } else if (InErrorObject()) {
      for (std::size_t i = 0; i < 4; ++i) {
        if (error_key_ == kErrorKeys[i]) error_[i] = kind;
      }
    }
    return true;
  }

  std::string open_;  // the containers the value is in: '{' or '['
  std::string top_key_;
  std::string error_key_;
  Kind error_[4] = {};
};

inline void CheckJsonAnswer(const std::string& text) {
  using Kind = AnswerShape::Kind;
  AnswerShape shape;
  FUZZ_CHECK(nlohmann::json::sax_parse(text, &shape));
  FUZZ_CHECK(shape.top == Kind::kObject && (shape.ok == Kind::kTrue || shape.ok == Kind::kFalse));
  if (shape.ok == Kind::kFalse) {
    FUZZ_CHECK(shape.errors == Kind::kArray && shape.error_count > 0);
    FUZZ_CHECK(shape.errors_valid);
  }
}

// A successful estimate: shown parts add up, nothing negative or overflowed,
// every note renders in both languages.
inline void CheckEstimate(const EstimateResult& result) {
  CheckErrors(result.errors);
  if (!result.ok()) {
    FUZZ_CHECK(!result.errors.empty());
    return;
  }
  const Estimate& e = result.estimate;
  FUZZ_CHECK(PartsAddUp(e.per_epoch));
  FUZZ_CHECK(PartsAddUp(e.total));
  FUZZ_CHECK(e.billing_extra >= 0 && e.idle_gpu_cost >= 0 && e.discount >= 0);
  for (const Rational* exact :
       {&e.compute_exact, &e.data_exact, &e.ops_exact, &e.total_exact, &e.billing_extra_exact, &e.idle_gpu_exact,
        &e.discount_exact, &e.wall_hours, &e.billed_hours, &e.gpu_hours, &e.billed_gpu_hours, &e.price_per_gpu_hour}) {
    FUZZ_CHECK(NonNegative(*exact));
  }
  FUZZ_CHECK(e.compute_exact + e.data_exact + e.ops_exact == e.total_exact);
  // Billed hours (docs/billed-hours.md): a per-epoch part has no start-up;
  // spot never bills less than the work; a range holds the expected total.
  FUZZ_CHECK(e.per_epoch.startup == 0);
  FUZZ_CHECK(NonNegative(e.eval_exact) && NonNegative(e.checkpoint_exact) && NonNegative(e.startup_exact));
  FUZZ_CHECK(e.throughput_kept > Rational(0) && e.throughput_kept <= Rational(1));
  if (e.spot) {
    FUZZ_CHECK(e.spot->billed_hours >= e.spot->work_hours && NonNegative(e.spot->lost_hours));
    FUZZ_CHECK(e.spot->total >= 0 && e.spot->saving == e.total.total - e.spot->total);
    FUZZ_CHECK(e.spot->checkpoint_interval_hours <= e.spot->work_hours);
  }
  if (e.range) {
    FUZZ_CHECK(e.range->total_low <= e.total.total && e.total.total <= e.range->total_high);
    FUZZ_CHECK(e.range->hours_per_epoch_low <= e.hours_per_epoch && e.hours_per_epoch <= e.range->hours_per_epoch_high);
  }
  FUZZ_CHECK(e.billed_hours >= e.wall_hours);
  FUZZ_CHECK(e.gpus >= 1 && e.gpus_billed >= e.gpus && e.epochs >= 1);
  for (const Note& note : e.notes) {
    for (const Lang lang : {Lang::kEn, Lang::kZh}) {
      const std::string message = RenderNote(note, lang);
      FUZZ_CHECK(!message.empty());
      FUZZ_CHECK(!HasUnfilledPlaceholder(message, note.params, ""));
    }
  }
}

// A decoded link as a configuration file, as the page builds it: the
// "config" object of DecodeLinkToJson.
inline std::string LinkConfigJson(std::string_view query) {
  const nlohmann::json out = CheckJsonOutput(DecodeLinkToJson(query));
  FUZZ_CHECK(out.contains("config") && out["config"].is_object());
  return out["config"].dump();
}

// The link of a successful estimate reproduces it: it decodes without
// errors to a configuration that gives the same amounts and the same link.
inline void CheckLinkReproduces(const PriceTable* table, const Config& config, const Estimate& estimate) {
  const std::string query = EncodeLink(config, estimate.price_per_gpu_hour);
  const LinkResult link = DecodeLink(query);
  CheckErrors(link.errors);
  const ConfigResult again = ParseConfig(LinkConfigJson(query));
  CheckErrors(again.errors);
  if (!link.errors.empty() || !again.ok()) {
    std::fprintf(stderr, "link does not decode: %s\n", query.c_str());
    __builtin_trap();
  }
  const EstimateResult result = ComputeEstimate(table, again.config);
  CheckEstimate(result);
  FUZZ_CHECK(result.ok());
  const Estimate& e = result.estimate;
  FUZZ_CHECK(e.total.total == estimate.total.total && e.per_epoch.total == estimate.per_epoch.total);
  FUZZ_CHECK(e.total.compute == estimate.total.compute && e.total.data == estimate.total.data &&
             e.total.ops == estimate.total.ops);
  const std::string query_again = EncodeLink(again.config, e.price_per_gpu_hour);
  if (query_again != query) {
    std::fprintf(stderr, "link not stable:\n  %s\n  %s\n", query.c_str(), query_again.c_str());
    __builtin_trap();
  }
}

// The real Ciuic table, read once from the source tree and required valid.
inline const PriceTable& CiuicTable() {
  static const PriceTable table = [] {
    std::ifstream file(std::string(EPOCHCOST_SOURCE_DIR) + "/web/prices/ciuic.json", std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    PriceTableResult result = ParsePriceTable(text.str());
    if (!result.ok() || result.table.instances.empty()) {
      std::fprintf(stderr, "fuzz: cannot load web/prices/ciuic.json\n");
      __builtin_trap();
    }
    return result.table;
  }();
  return table;
}

inline const std::string& CiuicTableJson() {
  static const std::string text = [] {
    std::ifstream file(std::string(EPOCHCOST_SOURCE_DIR) + "/web/prices/ciuic.json", std::ios::binary);
    std::ostringstream out;
    out << file.rdbuf();
    return out.str();
  }();
  return text;
}

}  // namespace epochcost::fuzz

#endif  // EPOCHCOST_FUZZ_CHECKS_H
