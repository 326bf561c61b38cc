// Every input of an estimate, described once.
//
// One row per input: its configuration key, its link parameter, its kind,
// unit, default, limits, the part of the model it belongs to and the key of
// its label. The configuration parser, the validation limits, the link
// encoder and decoder, the CLI's `schema` command and the page's form are all
// driven by this table (docs/formats.md lists it, checked by a test), so an
// input is added by adding its row.
#ifndef EPOCHCOST_SCHEMA_H
#define EPOCHCOST_SCHEMA_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace epochcost {

enum class FieldKind {
  kDecimal,  // exact decimal text: hours, prices, rates
  kInteger,  // a whole number: GPUs, epochs, steps
  kChoice,   // one of a list (the price table's instance ids, the method)
  kText,     // text of a fixed shape (a price table's path)
  kList,     // some of a fixed list, in a configuration an array, in a link "a,b"
};

// Which part of the model an input belongs to.
enum class FieldGroup {
  kRun,       // what runs where: instance, GPUs, epochs
  kTime,      // a way of getting T
  kPrice,     // P, D, M and what adjusts them
  kPlan,      // planning backwards: a budget, a deadline
  kModel,     // the model's shape, for its parameters and activations
  kTraining,  // how it is trained, for the memory per GPU
  kPage,      // page settings carried by the link, not part of a configuration
  kHours,     // what turns training hours into billed hours: overheads, spot, scaling, range
  kMoney,     // a second currency, energy and carbon, owned GPUs (docs/money.md)
};

// When a value may be left out.
enum class Need {
  kRequired,  // in its way (or always, for a field of no way) there is no default
  kOptional,  // absent means `default_value`, or none (the table's, or no plan)
};

struct Field {
  std::string_view key;   // configuration path: "trial.steps"
  std::string_view link;  // link parameter: "ts"
  FieldKind kind;
  FieldGroup group;
  Need need;
  // The way of getting T it belongs to ("direct", "trial", "throughput",
  // "flops"), and within the trial way the alternative it belongs to
  // ("steps": steps per epoch given; "samples": from samples and batch).
  std::string_view way;
  std::string_view alternative;
  // Used only when another field has this value ("flops.method=lora").
  std::string_view only_when;
  std::string_view unit;  // "h", "GPU", "currency/GPU-hour", ...; empty for none
  // The value used when it is absent, as decimal text; empty: none.
  std::string_view default_value;
  // The seed example's value, the page's starting point (docs/formats.md).
  std::string_view example;
  bool allow_zero;   // numbers: 0 accepted (costs may be zero, durations not)
  std::int64_t max;  // numbers: inclusive upper bound
  // Choices with a fixed list ("full, lora"); empty when the list comes from
  // elsewhere (the price table).
  std::string_view choices;
  // Large counts the page writes in e-notation (6.9e9, not 6900000000).
  bool exponent;
};

// Their names in the schema's JSON: "decimal", ...; "run", ...
const char* FieldKindName(FieldKind kind);
const char* FieldGroupName(FieldGroup group);

// Every input, in link order (the order EncodeLink writes them).
const std::vector<Field>& Fields();
// The row of a configuration key, or null.
const Field* FindField(std::string_view key);
// The row of a link parameter, or null.
const Field* FindLinkField(std::string_view link);
// The row of a key that must exist (a typo in the core is a bug: it aborts
// in tests, and under emscripten would abort the instance, so keys are
// checked by the schema tests).
const Field& FieldOf(std::string_view key);

// Whether a number's maximum is itself refused: interruptions per hour must
// stay below 1 (docs/billed-hours.md).
bool MaxIsExclusive(const Field& field);

// Whether `value` is one of a fixed list of choices ("full, lora").
bool InChoices(const Field& field, std::string_view value);

// The keys of a configuration object: its top-level keys (prefix ""), or
// those of a way's object (prefix "trial").
std::vector<std::string> KnownKeys(std::string_view prefix);

// The schema as JSON for the CLI and the page:
// {"fields":[{"key","link","kind","group","need","way","alternative",
//   "only_when","unit","default","example","min","max","integer",
//   "choices","exponent","label_en","label_zh"}...],
//  "limits":{"config_bytes","link_bytes","price_table_bytes"},
//  "constants":{"flops_per_param_token":{"frozen","trained"}}}.
std::string SchemaJson();

}  // namespace epochcost

#endif  // EPOCHCOST_SCHEMA_H
