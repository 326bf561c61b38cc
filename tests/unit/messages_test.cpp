// The message catalogue: every error and note has an English and a Chinese
// text, every placeholder is filled, and every message names its field.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "epochcost/error.h"
#include "expect_error.h"

namespace epochcost {
namespace {

// Every stable error code (error.h).
const char* const kAllCodes[] = {
    code::kEmptyInput,     code::kInputTooLarge, code::kMalformedJson,      code::kNotAnObject,    code::kMissing,
    code::kWrongType,      code::kEmptyValue,    code::kNotANumber,         code::kNotFinite,      code::kCommaInNumber,
    code::kTooLarge,       code::kTooPrecise,    code::kNegative,           code::kZero,           code::kNotInteger,
    code::kAboveMaximum,   code::kUnknownKey,    code::kUnknownInstance,    code::kUnknownValue,   code::kDuplicateId,
    code::kEmptyList,      code::kOverflow,      code::kUnsupportedVersion, code::kUnreadableFile, code::kUnknownParam,
    code::kDuplicateParam, code::kBadEscape,     code::kAboveParams,
};

// Every parameter any message may name.
const std::map<std::string, std::string> kAllParams = {
    {"value", "abc"},          {"max", "100000"},
    {"key", "hours_per_epok"}, {"position", "12"},
    {"expected", "number"},    {"type", "boolean"},
    {"allowed", "a100x4"},     {"path", "/tmp/x.json"},
    {"param", "zz"},           {"ways", "hours_per_epoch, trial"},
    {"reason", "nesting"},
};

bool HasPlaceholder(const std::string& text) { return text.find('{') != std::string::npos; }

TEST(Messages, EveryErrorCodeHasBothLanguages) {
  for (const char* c : kAllCodes) {
    const Error error{c, "hours_per_epoch", kAllParams};
    const std::string en = RenderError(error, Lang::kEn);
    const std::string zh = RenderError(error, Lang::kZh);
    EXPECT_FALSE(en.empty()) << c;
    EXPECT_FALSE(zh.empty()) << c;
    EXPECT_NE(en, zh) << c;
    // An unknown code falls back to "label: code"; a known one never does.
    EXPECT_NE(en, FieldLabel("hours_per_epoch", Lang::kEn) + ": " + c) << c;
    EXPECT_FALSE(HasPlaceholder(en)) << c << ": " << en;
    EXPECT_FALSE(HasPlaceholder(zh)) << c << ": " << zh;
  }
}

TEST(Messages, FieldSpecificErrorsNameTheFieldInBothLanguages) {
  for (const char* c : {code::kMissing, code::kWrongType, code::kEmptyValue, code::kNotANumber, code::kNotFinite,
                        code::kCommaInNumber, code::kTooLarge, code::kTooPrecise, code::kNegative, code::kZero,
                        code::kNotInteger, code::kAboveMaximum, code::kUnknownInstance, code::kUnknownValue}) {
    for (const char* field : {"hours_per_epoch", "gpus", "price_per_gpu_hour", "data_cost_per_epoch",
                              "ops_cost_per_epoch", "epochs", "billing_increment_seconds", "discount_percent"}) {
      EXPECT_TRUE(test::MessagesNameField(Error{c, field, kAllParams})) << c << " / " << field;
    }
  }
}

TEST(Messages, UnknownKeyNamesTheKeyAsTyped) {
  const Error error{code::kUnknownKey, "hours_per_epok", {{"key", "hours_per_epok"}}};
  EXPECT_NE(RenderError(error, Lang::kEn).find("hours_per_epok"), std::string::npos);
  EXPECT_NE(RenderError(error, Lang::kZh).find("hours_per_epok"), std::string::npos);
}

TEST(Messages, EnglishSentencesStartWithACapital) {
  // "number of epochs" is the label; the sentence starts "Number of epochs".
  EXPECT_EQ(RenderError({code::kZero, "epochs", {}}, Lang::kEn), "Number of epochs must be greater than zero.");
}

TEST(Messages, TypeNamesAreTranslated) {
  const Error error{code::kWrongType, "gpus", {{"expected", "number"}, {"type", "boolean"}}};
  EXPECT_EQ(RenderError(error, Lang::kEn), "N, number of GPUs must be a number, not true or false.");
  const std::string zh = RenderError(error, Lang::kZh);
  EXPECT_NE(zh.find("数字"), std::string::npos);
  EXPECT_NE(zh.find("布尔值"), std::string::npos);
}

TEST(Messages, FieldLabelsCarryTheFormulasLetters) {
  EXPECT_EQ(FieldLabel("hours_per_epoch", Lang::kEn), "T, hours per epoch");
  EXPECT_EQ(FieldLabel("price_per_gpu_hour", Lang::kEn), "P, price per GPU-hour");
  EXPECT_EQ(FieldLabel("gpus", Lang::kEn), "N, number of GPUs");
  EXPECT_EQ(FieldLabel("data_cost_per_epoch", Lang::kEn).substr(0, 2), "D,");
  EXPECT_EQ(FieldLabel("ops_cost_per_epoch", Lang::kEn).substr(0, 2), "M,");
  EXPECT_NE(FieldLabel("hours_per_epoch", Lang::kZh).find("T"), std::string::npos);
  EXPECT_NE(FieldLabel("price_per_gpu_hour", Lang::kZh).find("P"), std::string::npos);
  EXPECT_NE(FieldLabel("gpus", Lang::kZh).find("N"), std::string::npos);
}

TEST(Messages, EveryConfigurationKeyHasAChineseLabel) {
  for (const char* field :
       {"instance", "gpus", "hours_per_epoch", "price_per_gpu_hour", "data_cost_per_epoch", "ops_cost_per_epoch",
        "epochs", "billing_increment_seconds", "discount_percent", "config", "prices", "link"}) {
    EXPECT_NE(FieldLabel(field, Lang::kZh), field) << field;
    EXPECT_NE(FieldLabel(field, Lang::kZh), FieldLabel(field, Lang::kEn)) << field;
  }
}

TEST(Messages, PriceTablePathsKeepTheirPosition) {
  EXPECT_EQ(FieldLabel("instances[1].price_per_gpu_hour", Lang::kEn), "P, price per GPU-hour (instances[1])");
  EXPECT_EQ(FieldLabel("instances[1].price_per_gpu_hour", Lang::kZh), "单价 P(每 GPU·小时) (instances[1])");
  EXPECT_EQ(FieldLabel("sources[0].title", Lang::kEn), "title (sources[0])");
}

TEST(Messages, UnknownFieldsAreShownAsTheyAre) {
  EXPECT_EQ(FieldLabel("hours_per_epok", Lang::kEn), "hours_per_epok");
  EXPECT_EQ(FieldLabel("hours_per_epok", Lang::kZh), "hours_per_epok");
}

TEST(Messages, AnUnknownCodeStillGivesAMessage) {
  const std::string text = RenderError({"no_such_code", "gpus", {}}, Lang::kEn);
  EXPECT_NE(text.find("no_such_code"), std::string::npos);
  EXPECT_NE(text.find("N, number of GPUs"), std::string::npos);
}

TEST(Messages, EveryNoteOfTheEstimateHasBothLanguages) {
  const std::map<std::string, std::string> params = {
      {"gpus", "6"},           {"instances", "2"},    {"gpus_per_instance", "4"}, {"gpus_billed", "8"},
      {"instance", "A100 x4"}, {"extra", "600.00"},   {"currency", "CNY"},        {"increment_seconds", "3600"},
      {"used_hours", "1.3"},   {"billed_hours", "2"}, {"table_price", "20"},      {"price", "18"},
      {"percent", "10"},       {"amount", "120.00"},
  };
  for (const char* note : {"whole_instances", "billing_rounded", "price_override", "discount_applied"}) {
    const std::string en = RenderNote({note, params}, Lang::kEn);
    const std::string zh = RenderNote({note, params}, Lang::kZh);
    EXPECT_NE(en, note);  // an unknown note renders as its code
    EXPECT_NE(en, zh) << note;
    EXPECT_FALSE(HasPlaceholder(en)) << en;
    EXPECT_FALSE(HasPlaceholder(zh)) << zh;
  }
}

// A parameter the error lacks stays visible as its placeholder, so that the
// tests' placeholder checks catch it, rather than vanishing from the sentence.
TEST(Messages, AMissingParameterLeavesItsPlaceholder) {
  const std::string en = RenderError(Error{code::kAboveMaximum, "gpus", {}}, Lang::kEn);
  EXPECT_NE(en.find("{max}"), std::string::npos) << en;
}

// A note the messages do not know (from a newer core, say) shows its code
// rather than nothing.
TEST(Messages, AnUnknownNoteRendersAsItsCode) {
  EXPECT_EQ(RenderNote({"no_such_note", {}}, Lang::kEn), "no_such_note");
  EXPECT_EQ(RenderNote({"no_such_note", {}}, Lang::kZh), "no_such_note");
}

// A JSON type the messages have no word for is named as the parser names it.
TEST(Messages, AnUnknownTypeNameIsShownAsGiven) {
  const Error error{code::kWrongType, "gpus", {{"expected", "number"}, {"type", "binary"}}};
  EXPECT_NE(RenderError(error, Lang::kEn).find("binary"), std::string::npos) << RenderError(error, Lang::kEn);
  EXPECT_NE(RenderError(error, Lang::kZh).find("binary"), std::string::npos) << RenderError(error, Lang::kZh);
}

TEST(Messages, NotesStateTheirAmounts) {
  const Note note{"billing_rounded",
                  {{"increment_seconds", "3600"},
                   {"used_hours", "1.3"},
                   {"billed_hours", "2"},
                   {"extra", "56.00"},
                   {"currency", "CNY"}}};
  EXPECT_EQ(RenderNote(note, Lang::kEn), "Billed per 3600 s: the run uses 1.3 h and is billed 2 h, 56.00 CNY more.");
  EXPECT_NE(RenderNote(note, Lang::kZh).find("56.00"), std::string::npos);
}

TEST(Messages, ParseLangReadsLocales) {
  EXPECT_EQ(ParseLang("zh"), Lang::kZh);
  EXPECT_EQ(ParseLang("zh-CN"), Lang::kZh);
  EXPECT_EQ(ParseLang("zh_TW.UTF-8"), Lang::kZh);
  EXPECT_EQ(ParseLang("en"), Lang::kEn);
  EXPECT_EQ(ParseLang("en_US.UTF-8"), Lang::kEn);
  EXPECT_EQ(ParseLang(""), Lang::kEn);
  EXPECT_EQ(ParseLang("fr"), Lang::kEn);
}

}  // namespace
}  // namespace epochcost
