// The direct JSON writer (core/src/json_writer.h) must write what nlohmann's
// dump() wrote before it, byte for byte: the engine's formats, the CLI's
// output and the page all read that text.
#include "json_writer.h"

#include <gtest/gtest.h>

#include <cstdint>
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

// Every string of one or two bytes, and many longer ones from the bytes that
// matter to UTF-8 and to escaping, come out as nlohmann wrote them (the
// writer no longer asks nlohmann for any of them).
TEST(JsonWriter, AnyBytesAreEscapedAndReplacedAsNlohmannDoes) {
  for (int a = 0; a < 256; ++a) {
    const std::string one(1, static_cast<char>(a));
    ASSERT_EQ(Written(one), NlohmannText(Json(one))) << a;
    for (int b = 0; b < 256; ++b) {
      const std::string two = one + static_cast<char>(b);
      ASSERT_EQ(Written(two), NlohmannText(Json(two))) << a << " " << b;
    }
  }
  const unsigned char bytes[] = {0x00, 0x1F, '"',  '\\', 'a',  0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
                                 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
  std::uint32_t seed = 12345;
  for (int n = 0; n < 200000; ++n) {
    std::string text;
    seed = seed * 1103515245u + 12345u;
    const std::size_t size = 3 + (seed >> 16) % 6;
    for (std::size_t i = 0; i < size; ++i) {
      seed = seed * 1103515245u + 12345u;
      text.push_back(static_cast<char>(bytes[(seed >> 16) % sizeof bytes]));
    }
    ASSERT_EQ(Written(text), NlohmannText(Json(text))) << n;
    ASSERT_EQ(WellFormedUtf8(text), Json::parse(NlohmannText(Json(text))).get<std::string>()) << n;
  }
}

TEST(JsonWriter, IndentedTextIsNlohmannsDumpWithAnIndent) {
  const Json value = {{"a", Json::array()},
                      {"b", Json::object()},
                      {"c", {1, "x, y: {z}", {{"d", nullptr}, {"e", {true, false}}}}},
                      {"q", "quote \" back \\ [ ] , :"}};
  EXPECT_EQ(IndentedJson(NlohmannText(value), 2), value.dump(2));
  EXPECT_EQ(IndentedJson("[]", 2), Json::array().dump(2));
  EXPECT_EQ(IndentedJson("{}", 4), Json::object().dump(4));
}

// Text cut short (an unclosed string or list, a closing bracket too many)
// is copied as far as it goes, never read past its end.
TEST(JsonWriter, IndentingTruncatedTextStaysWithinIt) {
  EXPECT_EQ(IndentedJson(R"(["ab)", 2), "[\n  \"ab");
  EXPECT_EQ(IndentedJson(R"(["a\)", 2), "[\n  \"a\\");
  EXPECT_EQ(IndentedJson("[", 2), "[\n  ");
  EXPECT_EQ(IndentedJson("1]", 2), "1\n]");
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
    for (const std::string& answer :
         {calculator.Estimate(config), calculator.Compare(config), calculator.Answer(config), calculator.Table()}) {
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
