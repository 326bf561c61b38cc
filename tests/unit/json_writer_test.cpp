// The direct JSON writer (core/src/json_writer.h) must write what nlohmann's
// dump() wrote before it, byte for byte: the engine's formats, the CLI's
// output and the page all read that text.
#include "json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "epochcost/calculator.h"
#include "fixtures.h"

namespace epochcost::detail {
namespace {

using Json = nlohmann::json;

std::string NlohmannText(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string Written(std::string_view text) {
  std::string out;
  AppendJsonString(&out, text);
  return out;
}

TEST(JsonWriter, KeysComeOutInNlohmannsOrderWhateverTheOrderTheyWereAddedIn) {
  const std::string text =
      JsonObject()
          .Bool("ok", true)
          .String("total", "1230.00")
          .Raw("per_epoch", JsonObject().String("total", "123.00").String("compute", "120.00").Text())
          .Int("gpus", 4)
          .Int("gpus_billed", -8)
          .Null("fits")
          .Raw("notes", JsonArrayText({"1", "\"a\""}))
          .Int("billed_gpu_hours", 60)
          .Int("billed_hours", 15)
          .Text();
  const Json same = {
      {"ok", true},        {"total", "1230.00"},     {"per_epoch", {{"total", "123.00"}, {"compute", "120.00"}}},
      {"gpus", 4},         {"gpus_billed", -8},      {"fits", nullptr},
      {"notes", {1, "a"}}, {"billed_gpu_hours", 60}, {"billed_hours", 15}};
  EXPECT_EQ(text, NlohmannText(same));
  EXPECT_EQ(text.rfind("{\"billed_gpu_hours\":60,\"billed_hours\":15,", 0), 0u) << text;
}

TEST(JsonWriter, EmptyObjectsAndArrays) {
  EXPECT_EQ(JsonObject().Text(), "{}");
  EXPECT_EQ(JsonArrayText({}), "[]");
  EXPECT_EQ(JsonObject().Int("n", INT64_MIN).Text(), NlohmannText(Json{{"n", INT64_MIN}}));
}

TEST(JsonWriter, StringsAreEscapedAsNlohmannEscapesThem) {
  const std::vector<std::string> texts = {
      "",
      "plain ascii / slash",
      "quote \" and backslash \\",
      "controls \b\f\n\r\t \x01 \x1f end",
      std::string("nul \0 inside", 12),
      "del \x7f",
      "中文 元/小时",
      "emoji \xF0\x9F\x98\x80",
      "lone continuation \x80 byte",
      "truncated \xE4\xB8",
      "overlong \xC0\xAF slash",
      "surrogate \xED\xA0\x80 half",
      "past unicode \xF4\x90\x80\x80",
      "bad lead \xFF",
  };
  for (const std::string& text : texts) EXPECT_EQ(Written(text), NlohmannText(Json(text))) << text;
}

// Every answer the engine writes for the shared cases is nlohmann's own text
// of its values: parsing it and dumping it again gives it back unchanged.
TEST(JsonWriter, TheEnginesAnswersForTheSharedCasesAreInNlohmannsForm) {
  const Json doc = Json::parse(test::ReadSourceFile("tests/fixtures/cases.json"), nullptr, false);
  ASSERT_TRUE(doc.contains("cases"));
  const Calculator calculator(test::ReadSourceFile(doc.value("prices", "web/prices/ciuic.json")));
  int answers = 0;
  for (const Json& c : doc["cases"]) {
    const std::string config = c["config"].dump();
    for (const std::string& answer : {calculator.Estimate(config), calculator.Compare(config)}) {
      const Json parsed = Json::parse(answer, nullptr, false);
      ASSERT_FALSE(parsed.is_discarded()) << answer;
      EXPECT_EQ(answer, NlohmannText(parsed)) << c.value("name", "");
      ++answers;
    }
  }
  EXPECT_GE(answers, 26);
}

}  // namespace
}  // namespace epochcost::detail
