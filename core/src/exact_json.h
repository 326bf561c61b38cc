// JSON parsing that keeps every number exact, and typed field readers that
// turn a JSON value into a validated Rational or string, or an Error.
//
// nlohmann_json stores non-integer numbers as double. We parse through its
// SAX interface instead and keep such numbers as their source text (in a
// binary value, which JSON text itself can never produce), so "0.1" and 0.1
// both reach ParseDecimalText untouched. Nothing here throws: under
// emscripten without exceptions a throw would abort the whole instance.
#ifndef EPOCHCOST_EXACT_JSON_H
#define EPOCHCOST_EXACT_JSON_H

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "epochcost/error.h"
#include "epochcost/rational.h"

namespace epochcost::detail {

using Json = nlohmann::json;

// Parses `text`; on failure appends one error naming `field` and returns
// nullopt. Inputs above `max_bytes` are refused before parsing.
std::optional<Json> ParseExactJson(std::string_view text, const std::string& field, std::size_t max_bytes,
                                   Errors* errors);

struct NumberRule {
  bool integer = false;        // counts: GPUs, epochs, seconds
  bool allow_zero = false;     // costs may be zero, durations may not
  Rational max;                // inclusive upper bound
  bool max_exclusive = false;  // the bound itself refused too (interruptions per hour)
};

// Reads a JSON number or decimal string under `rule`. On failure appends an
// error naming `field` and returns nullopt.
std::optional<Rational> ReadNumber(const Json& value, const std::string& field, const NumberRule& rule, Errors* errors);
// Validates decimal text (also used for link parameters).
std::optional<Rational> ReadNumberText(std::string_view text, const std::string& field, const NumberRule& rule,
                                       Errors* errors);
// Reads a non-empty string of at most `max_length` bytes.
std::optional<std::string> ReadString(const Json& value, const std::string& field, std::size_t max_length,
                                      Errors* errors);
// Appends unknown_key for every key of `object` not in `known`.
void CheckKnownKeys(const Json& object, std::initializer_list<const char*> known, const std::string& prefix,
                    Errors* errors);
void CheckKnownKeys(const Json& object, const std::vector<std::string>& known, const std::string& prefix,
                    Errors* errors);
// The JSON type of a value for a message ("number" also for a number kept
// as its text, which nlohmann would call "binary").
std::string TypeName(const Json& value);
// An instance id: 1 to 32 of a-z, 0-9, '-' and '_' (safe in links and files).
bool IsInstanceId(std::string_view text);
// Nothing but white space: an empty field (a link's '+' decodes to a space).
bool IsBlank(std::string_view text);
// Short, printable excerpt of a value for an error message.
std::string Excerpt(std::string_view text);

}  // namespace epochcost::detail

#endif  // EPOCHCOST_EXACT_JSON_H
