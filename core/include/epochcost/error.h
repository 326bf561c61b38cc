// Structured errors and notes: the values that cross every boundary.
//
// Nothing in the public API throws. A failure is an Error naming its code
// (stable, for programs), its field (the configuration key or the JSON path
// in a price table), and the parameters needed to render the message in
// either language.
#ifndef EPOCHCOST_ERROR_H
#define EPOCHCOST_ERROR_H

#include <map>
#include <string>
#include <vector>

namespace epochcost {

enum class Lang { kEn, kZh };

// Stable error codes; their text is part of the JSON and wasm interface.
namespace code {
inline constexpr const char* kEmptyInput = "empty_input";
inline constexpr const char* kInputTooLarge = "input_too_large";
inline constexpr const char* kMalformedJson = "malformed_json";
inline constexpr const char* kNotAnObject = "not_an_object";
inline constexpr const char* kMissing = "missing";
inline constexpr const char* kWrongType = "wrong_type";
inline constexpr const char* kEmptyValue = "empty_value";
inline constexpr const char* kNotANumber = "not_a_number";
inline constexpr const char* kNotFinite = "not_finite";
inline constexpr const char* kCommaInNumber = "comma_in_number";
inline constexpr const char* kTooLarge = "too_large";
inline constexpr const char* kTooPrecise = "too_precise";
inline constexpr const char* kNegative = "negative";
inline constexpr const char* kZero = "zero";
inline constexpr const char* kNotInteger = "not_integer";
inline constexpr const char* kAboveMaximum = "above_maximum";
inline constexpr const char* kUnknownKey = "unknown_key";
inline constexpr const char* kDuplicateKey = "duplicate_key";
inline constexpr const char* kUnknownInstance = "unknown_instance";
inline constexpr const char* kUnknownValue = "unknown_value";
inline constexpr const char* kDuplicateId = "duplicate_id";
inline constexpr const char* kEmptyList = "empty_list";
inline constexpr const char* kOverflow = "overflow";
inline constexpr const char* kUnsupportedVersion = "unsupported_version";
inline constexpr const char* kUnreadableFile = "unreadable_file";
inline constexpr const char* kUnknownParam = "unknown_param";
inline constexpr const char* kDuplicateParam = "duplicate_param";
inline constexpr const char* kBadEscape = "bad_escape";
inline constexpr const char* kConflicting = "conflicting";
inline constexpr const char* kDerivedTooLong = "derived_too_long";
inline constexpr const char* kNeedsScaling = "needs_scaling";
inline constexpr const char* kDeadlineUnreachable = "deadline_unreachable";
inline constexpr const char* kAboveParams = "above_params";
inline constexpr const char* kNotDivisible = "not_divisible";
inline constexpr const char* kUnsupportedModel = "unsupported_model";
inline constexpr const char* kUnexpectedKey = "unexpected_key";
inline constexpr const char* kUnknownModule = "unknown_module";
inline constexpr const char* kNotBelow = "not_below";
inline constexpr const char* kAboveMfu = "above_mfu";
inline constexpr const char* kBelowMfu = "below_mfu";
inline constexpr const char* kLongerThanRun = "longer_than_run";
inline constexpr const char* kRangeEndShorterThanInterval = "range_end_shorter_than_interval";
inline constexpr const char* kNoSpotPrice = "no_spot_price";
inline constexpr const char* kScalingUnreachable = "scaling_unreachable";
inline constexpr const char* kBelowOne = "below_one";
inline constexpr const char* kCurrenciesDiffer = "currencies_differ";
inline constexpr const char* kRateDoesNotApply = "rate_does_not_apply";
}  // namespace code

struct Error {
  std::string code;
  std::string field;
  // Named values substituted into the message: "value", "max", "key", ...
  std::map<std::string, std::string> params;
};

// An informational remark attached to a successful estimate (whole
// instances rented, billing rounding, price overridden, ...).
struct Note {
  std::string code;
  std::map<std::string, std::string> params;
};

using Errors = std::vector<Error>;

// The message for a user, in the chosen language, naming the field.
std::string RenderError(const Error& error, Lang lang);
std::string RenderNote(const Note& note, Lang lang);
// The label of a configuration field ("hours_per_epoch" -> "T, hours per
// epoch"); unknown fields are returned as they are.
std::string FieldLabel(const std::string& field, Lang lang);
// Whether the catalogue has a label of its own for a field (by its last part).
bool HasFieldLabel(const std::string& field);

// Parses "en"/"zh" (and "zh-CN" etc.); anything else is English.
Lang ParseLang(const std::string& text);

}  // namespace epochcost

#endif  // EPOCHCOST_ERROR_H
