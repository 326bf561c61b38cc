// Reading and writing the money inputs (money_inputs.h): from a
// configuration tree, and back as the link's values.
#ifndef EPOCHCOST_MONEY_INPUTS_PRIVATE_H
#define EPOCHCOST_MONEY_INPUTS_PRIVATE_H

#include "epochcost/config.h"
#include "epochcost/link.h"
#include "exact_json.h"

namespace epochcost::detail {

// Reads "display_currency", "energy" and "owned" into `config`.
void ParseMoneyInputs(const Json& root, Config* config, Errors* errors);

// Appends their link values, in schema order, when given.
void AppendMoneyLinkValues(const Config& config, ConfigValues* values);

// Whether `value` is energy.pue below 1 (power usage effectiveness is total
// facility power over IT power: at least 1 by definition); then appends
// below_one naming `key`.
bool PueBelowOne(const std::string& key, const Rational& value, Errors* errors);

// A date of the form YYYY-MM-DD with a real month and day.
bool IsIsoDate(std::string_view text);

// The longest source of a rate, in bytes.
inline constexpr std::size_t kMaxSourceBytes = 200;

// Text a user typed (a rate's source): printable, no control characters.
bool IsPlainText(std::string_view text);

}  // namespace epochcost::detail

#endif  // EPOCHCOST_MONEY_INPUTS_PRIVATE_H
