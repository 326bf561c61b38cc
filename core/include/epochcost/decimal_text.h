// Exact parsing of decimal text ("20", "0.1", "1.4e12") into a Rational.
//
// Used for JSON numbers (read from their source text, never through a
// double), for decimal strings in JSON, and for link parameters.
#ifndef EPOCHCOST_DECIMAL_TEXT_H
#define EPOCHCOST_DECIMAL_TEXT_H

#include <string>
#include <string_view>

#include "epochcost/rational.h"

namespace epochcost {

// Most decimals an input may carry (1e-12 h is far below a second).
inline constexpr int kMaxInputPlaces = 12;
// Largest power of ten an input may reach before range checks (1e21).
inline constexpr int kMaxInputExponent = 21;

// Parses `text` exactly. Returns nullptr on success, otherwise an error code
// from error.h (empty_value, not_a_number, not_finite, too_large,
// too_precise, comma_in_number). White space around the number is ignored
// and full-width forms are folded first (see FoldFullWidth); a comma is
// refused with its own code, since "1,5" means 1.5 to some readers and 15 to
// others.
const char* ParseDecimalText(std::string_view text, Rational* out);

// Folds what a Chinese keyboard or a copy from a document produces into
// ASCII: full-width digits, '．', '＋', '－', '−', ideographic and no-break
// spaces. Everything else is kept.
std::string FoldFullWidth(std::string_view text);

}  // namespace epochcost

#endif  // EPOCHCOST_DECIMAL_TEXT_H
