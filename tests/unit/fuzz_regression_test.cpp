// Inputs that the libFuzzer targets (tests/fuzz/) found breaking an
// invariant, fed here as the exact bytes, so that each fix stays fixed in
// the ordinary (and the sanitizer) test run.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "epochcost/config.h"
#include "epochcost/error.h"
#include "epochcost/link.h"
#include "epochcost/price_table.h"

namespace epochcost {
namespace {

// Both messages are complete: no template placeholder is left unfilled and
// a JSON type is named as such (never nlohmann's internal "binary").
void ExpectCompleteMessages(const Errors& errors) {
  ASSERT_FALSE(errors.empty());
  for (const Error& error : errors) {
    for (const Lang lang : {Lang::kEn, Lang::kZh}) {
      const std::string message = RenderError(error, lang);
      EXPECT_EQ(message.find('{'), std::string::npos) << error.code << " " << error.field << ": " << message;
      EXPECT_EQ(message.find("binary"), std::string::npos) << error.code << " " << error.field << ": " << message;
    }
    for (const char* typed : {"type", "expected"}) {
      if (error.params.count(typed) != 0) {
        EXPECT_NE(error.params.at(typed), "binary") << error.code;
      }
    }
  }
}

const Error* FindError(const Errors& errors, const std::string& error_code, const std::string& field) {
  for (const Error& error : errors) {
    if (error.code == error_code && error.field == field) return &error;
  }
  return nullptr;
}

// price_table_fuzzer: an instance that is not an object rendered
// "Instances[0] must be a object, not a {type}."
TEST(FuzzRegression, PriceTableInstanceNotAnObjectNamesItsType) {
  const std::string table =
      R"({"format":"epochcost-prices/1","provider":"Ciuic","currency":"CNY","minor_unit_digits":2,)"
      R"("price_unit":"gpu_hour","prices_date":"2025-08-03","sources":[{"title":"t"}],"instances":[42]})";
  const PriceTableResult result = ParsePriceTable(table);
  const Error* error = FindError(result.errors, code::kWrongType, "instances[0]");
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->params.at("type"), "number");
  ExpectCompleteMessages(result.errors);
}

// price_table_fuzzer: the same for a source.
TEST(FuzzRegression, PriceTableSourceNotAnObjectNamesItsType) {
  const std::string table =
      R"({"format":"epochcost-prices/1","provider":"Ciuic","currency":"CNY","price_unit":"gpu_hour",)"
      R"("prices_date":"2025-08-03","sources":["text"],)"
      R"("instances":[{"id":"a","name":"A","gpu":"A","gpus_per_instance":1,"price_per_gpu_hour":"1"}]})";
  const PriceTableResult result = ParsePriceTable(table);
  const Error* error = FindError(result.errors, code::kWrongType, "sources[0]");
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->params.at("type"), "string");
  ExpectCompleteMessages(result.errors);
}

// price_table_fuzzer: a non-integer number where a list belongs was called
// a "binary" (how the exact parser keeps a number's text).
TEST(FuzzRegression, PriceTableInstancesAsDecimalIsANumber) {
  const std::string table =
      R"({"format":"epochcost-prices/1","provider":"Ciuic","currency":"CNY","price_unit":"gpu_hour",)"
      R"("prices_date":"2025-08-03","sources":[{"title":"t"}],"instances":2.5})";
  const PriceTableResult result = ParsePriceTable(table);
  const Error* error = FindError(result.errors, code::kWrongType, "instances");
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->params.at("type"), "number");
  ExpectCompleteMessages(result.errors);
  ExpectCompleteMessages(ParsePriceTable("2.5").errors);
}

// config_fuzzer: a configuration that is a decimal number.
TEST(FuzzRegression, ConfigAsDecimalIsANumber) {
  const ConfigResult result = ParseConfig("2.5");
  const Error* error = FindError(result.errors, code::kNotAnObject, "config");
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->params.at("type"), "number");
  ExpectCompleteMessages(result.errors);
}

// config_fuzzer: an empty key gave an unknown_key error with an empty field,
// which names nothing (crash-6612c94e2cea2f87e1671ebe17a5b5774fdd8363).
TEST(FuzzRegression, ConfigEmptyKeyHasAField) {
  const ConfigResult result =
      ParseConfig(R"({"instance":"a100x4","gpus":4,"hours_per_epoch":1.5,"":10,"billing_inn_terecmseconds":0,)"
                  R"("dount_percercent":0})");
  for (const Error& error : result.errors) EXPECT_FALSE(error.field.empty()) << error.code;
  const Error* error = FindError(result.errors, code::kUnknownKey, "\"\"");
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->params.at("key"), "");
  ExpectCompleteMessages(result.errors);
  EXPECT_NE(FindError(ParsePriceTable(R"({"":1})").errors, code::kUnknownKey, "\"\""), nullptr);
}

// config_fuzzer: an empty key given twice gave a duplicate_key error with an
// empty field (crash-319d29b920383c3f0ba41dbd25c0cd36138ead10).
TEST(FuzzRegression, ConfigDuplicateEmptyKeyHasAField) {
  const ConfigResult result = ParseConfig(
      R"({"instance":"a100x4","gpus":4,"hourz_penullr_epoch":1.5,"data_cost_pokqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq)"
      R"(qqqqqqqqqqqqqqqqqqffffffffffffffffffffffffffffffffeilling_increment_seconds":0,"":0,"discount_percen)"
      R"(t":0,"budget":1083,"_increment_seconds":0,"":0,"discount_percent":0,"budget":1083,"deadline_hours":2)"
      R"(4})");
  ASSERT_FALSE(result.ok());
  for (const Error& error : result.errors) EXPECT_FALSE(error.field.empty()) << error.code;
  ExpectCompleteMessages(result.errors);
}

// link_fuzzer: an instance id that is not an id at all rendered
// "... is not in the price table (available: {allowed})."
TEST(FuzzRegression, LinkMalformedInstanceIdSaysWhatIsAllowed) {
  const LinkResult link = DecodeLink("i=%3Cscript%3Ealert(1)%3C/script%3E&lang=%E2%80%AE%3Cb%3E");
  const Error* error = FindError(link.errors, code::kUnknownValue, "instance");
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->params.at("param"), "i");
  EXPECT_EQ(link.config.count("instance"), 0U);
  ExpectCompleteMessages(link.errors);
}

// link_fuzzer: a link may carry LoRA adapters larger than its model (each
// value is fine on its own); the configuration built from it refuses the
// pair, naming the adapter field, as it does when the values are typed.
TEST(FuzzRegression, LinkWithAdaptersLargerThanTheModelIsRefusedAsAConfiguration) {
  const std::string query = "i=a100x4&fp=709&ft=4e7&ftok=1e8&fm=lora&mfu=0.35&pk=312&e=1";
  const LinkResult link = DecodeLink(query);
  EXPECT_TRUE(link.errors.empty());
  EXPECT_EQ(link.config.at("flops.params"), "709");
  EXPECT_EQ(link.config.at("flops.trainable_params"), "40000000");
  const auto out = nlohmann::json::parse(DecodeLinkToJson(query));
  const ConfigResult config = ParseConfig(out.at("config").dump());
  ASSERT_EQ(config.errors.size(), 1U);
  EXPECT_EQ(config.errors[0].code, code::kAboveParams);
  EXPECT_EQ(config.errors[0].field, "flops.trainable_params");
  ExpectCompleteMessages(config.errors);
}

}  // namespace
}  // namespace epochcost
