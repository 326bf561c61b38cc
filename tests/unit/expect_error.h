// Error assertions in the style of fmt's EXPECT_THROW_MSG: every error test
// checks WHICH code, WHICH field, and that the user gets a message naming
// that field in both languages.
//
//   EXPECT_CONFIG_ERROR(SeedWith("gpus", "-1"), code::kNegative, "gpus");
//   EXPECT_TABLE_ERROR(table_json, code::kDuplicateId, "instances[1].id");
#ifndef EPOCHCOST_TESTS_EXPECT_ERROR_H
#define EPOCHCOST_TESTS_EXPECT_ERROR_H

#include <gtest/gtest.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "epochcost/config.h"
#include "epochcost/error.h"
#include "epochcost/estimate.h"
#include "epochcost/json_api.h"
#include "epochcost/price_table.h"
#include "fixtures.h"

namespace epochcost::test {

inline std::string AsciiLower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

inline std::string Describe(const Errors& errors) {
  std::string out;
  for (const Error& e : errors) out += "\n  {" + e.code + ", " + e.field + "}: " + RenderError(e, Lang::kEn);
  return errors.empty() ? "no errors" : out;
}

// The rendered message must name the field: its label (English compared
// without case, since a sentence may capitalise it), or for an unknown key
// the key as typed.
inline ::testing::AssertionResult MessagesNameField(const Error& error) {
  for (const Lang lang : {Lang::kEn, Lang::kZh}) {
    const std::string message = RenderError(error, lang);
    const char* which = lang == Lang::kEn ? "en" : "zh";
    if (message.empty()) return ::testing::AssertionFailure() << "empty " << which << " message for " << error.code;
    const std::string named = error.code == code::kUnknownKey ? error.params.at("key") : FieldLabel(error.field, lang);
    const bool found = lang == Lang::kEn ? AsciiLower(message).find(AsciiLower(named)) != std::string::npos
                                         : message.find(named) != std::string::npos;
    if (!found) {
      return ::testing::AssertionFailure()
             << which << " message \"" << message << "\" does not name \"" << named << "\"";
    }
    if (message.find('{') != std::string::npos) {
      return ::testing::AssertionFailure() << which << " message has an unfilled placeholder: " << message;
    }
  }
  return ::testing::AssertionSuccess();
}

// `errors` holds exactly one error, with this code and field, whose messages
// name the field.
inline ::testing::AssertionResult IsOnlyError(const Errors& errors, std::string_view code, std::string_view field) {
  if (errors.size() != 1 || errors[0].code != code || errors[0].field != field) {
    return ::testing::AssertionFailure() << "expected exactly {" << code << ", " << field << "}, got "
                                         << Describe(errors);
  }
  return MessagesNameField(errors[0]);
}

// The configuration fails, through the C++ API and through the JSON API
// alike, with exactly one error of this code naming this field.
inline ::testing::AssertionResult ConfigFailsWith(const std::string& config_json, std::string_view code,
                                                  std::string_view field) {
  const ConfigResult config = ParseConfig(config_json);
  Errors errors = config.errors;
  if (config.ok()) errors = ComputeEstimate(&CiuicTable(), config.config).errors;
  ::testing::AssertionResult native = IsOnlyError(errors, code, field);
  if (!native) return native << "\n  for config: " << config_json;

  const auto out = nlohmann::json::parse(EstimateFromJson(CiuicJson(), config_json), nullptr, false);
  if (out.is_discarded() || out.value("ok", true) || !out.contains("errors") || out["errors"].size() != 1 ||
      out["errors"][0].value("code", "") != code || out["errors"][0].value("field", "") != field ||
      out["errors"][0].value("message_en", "").empty() || out["errors"][0].value("message_zh", "").empty()) {
    return ::testing::AssertionFailure() << "EstimateFromJson disagrees: " << out.dump()
                                         << "\n  for config: " << config_json;
  }
  return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult TableFailsWith(const std::string& table_json, std::string_view code,
                                                 std::string_view field) {
  const PriceTableResult table = ParsePriceTable(table_json);
  ::testing::AssertionResult native = IsOnlyError(table.errors, code, field);
  if (!native) return native;
  const auto out = nlohmann::json::parse(PriceTableFromJson(table_json), nullptr, false);
  if (out.is_discarded() || out.value("ok", true) || out["errors"][0].value("code", "") != code ||
      out["errors"][0].value("field", "") != field) {
    return ::testing::AssertionFailure() << "PriceTableFromJson disagrees: " << out.dump();
  }
  return ::testing::AssertionSuccess();
}

}  // namespace epochcost::test

#define EXPECT_CONFIG_ERROR(json, code, field) EXPECT_TRUE(::epochcost::test::ConfigFailsWith((json), (code), (field)))
#define EXPECT_TABLE_ERROR(json, code, field) EXPECT_TRUE(::epochcost::test::TableFailsWith((json), (code), (field)))

#endif  // EPOCHCOST_TESTS_EXPECT_ERROR_H
