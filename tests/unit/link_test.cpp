// The shareable link: ?i=a100x4&t=1.5&p=20&n=4&d=2&m=1&e=10 reads like the
// formula, decodes to a configuration, and encodes back unchanged. A link is
// untrusted text: each bad parameter is an error naming that parameter.
#include "epochcost/link.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "epochcost/config.h"
#include "epochcost/json_api.h"
#include "expect_error.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;

constexpr const char* kSeedQuery = "i=a100x4&t=1.5&p=20&n=4&d=2&m=1&e=10";

// The configuration JSON a decoded link stands for.
std::string ConfigJsonOf(const LinkResult& link) {
  Json config = Json::object();
  for (const auto& [key, value] : link.config) config[key] = value;
  return config.dump();
}

// Decode, then encode again through the engine (with the Ciuic table).
std::string RoundTrip(const std::string& query) {
  const LinkResult link = DecodeLink(query);
  EXPECT_TRUE(link.errors.empty()) << query << test::Describe(link.errors);
  const Json encoded = Json::parse(EncodeLinkFromJson(ConfigJsonOf(link), test::CiuicJson()));
  EXPECT_EQ(encoded["ok"], true) << encoded.dump();
  return encoded.value("query", "");
}

// The link gives exactly one error, with this code, naming its parameter.
::testing::AssertionResult LinkFailsWith(const std::string& query, const std::string& code, const std::string& param) {
  const LinkResult link = DecodeLink(query);
  if (link.errors.size() != 1) {
    return ::testing::AssertionFailure() << "expected one error for " << query << ", got"
                                         << test::Describe(link.errors);
  }
  const Error& error = link.errors[0];
  if (error.code != code) return ::testing::AssertionFailure() << query << ": code " << error.code;
  const auto it = error.params.find("param");
  if (it == error.params.end() || it->second != param) {
    return ::testing::AssertionFailure() << query << ": params[\"param\"] is "
                                         << (it == error.params.end() ? "missing" : "\"" + it->second + "\"");
  }
  for (const Lang lang : {Lang::kEn, Lang::kZh}) {
    const std::string message = RenderError(error, lang);
    if (message.empty() || message.find('{') != std::string::npos) {
      return ::testing::AssertionFailure() << query << ": message \"" << message << "\"";
    }
  }
  return ::testing::AssertionSuccess();
}

// ---- Decoding --------------------------------------------------------------

TEST(Link, SeedQueryDecodesToTheSeedConfiguration) {
  const LinkResult link = DecodeLink(std::string("?") + kSeedQuery);
  EXPECT_TRUE(link.errors.empty()) << test::Describe(link.errors);
  EXPECT_EQ(link.config, (std::map<std::string, std::string>{{"instance", "a100x4"},
                                                             {"hours_per_epoch", "1.5"},
                                                             {"price_per_gpu_hour", "20"},
                                                             {"gpus", "4"},
                                                             {"data_cost_per_epoch", "2"},
                                                             {"ops_cost_per_epoch", "1"},
                                                             {"epochs", "10"}}));
  EXPECT_TRUE(link.settings.empty());
}

TEST(Link, LeadingQuestionMarkIsOptional) {
  EXPECT_EQ(DecodeLink(kSeedQuery).config, DecodeLink(std::string("?") + kSeedQuery).config);
}

TEST(Link, SeedLinkEstimatesOneHundredTwentyThree) {
  const Json out = Json::parse(EstimateFromJson(test::CiuicJson(), ConfigJsonOf(DecodeLink(kSeedQuery))));
  EXPECT_EQ(out["per_epoch"]["total"], "123.00");
  EXPECT_EQ(out["total"], "1230.00");
}

TEST(Link, ValuesAreNormalisedToCanonicalDecimals) {
  const LinkResult link = DecodeLink("t=1.50&p=020&n=4.0&e=1e1&d=%32&m=0.10");
  EXPECT_TRUE(link.errors.empty()) << test::Describe(link.errors);
  EXPECT_EQ(link.config.at("hours_per_epoch"), "1.5");
  EXPECT_EQ(link.config.at("price_per_gpu_hour"), "20");
  EXPECT_EQ(link.config.at("gpus"), "4");
  EXPECT_EQ(link.config.at("epochs"), "10");
  EXPECT_EQ(link.config.at("data_cost_per_epoch"), "2");  // %32 is "2"
  EXPECT_EQ(link.config.at("ops_cost_per_epoch"), "0.1");
}

TEST(Link, FullWidthDigitsArriveEscapedAndAreAccepted) {
  // "１.５" as a browser escapes it.
  const LinkResult link = DecodeLink("t=%EF%BC%91.%EF%BC%95");
  EXPECT_TRUE(link.errors.empty()) << test::Describe(link.errors);
  EXPECT_EQ(link.config.at("hours_per_epoch"), "1.5");
}

TEST(Link, EmptyQueriesAndEmptyPairsAreNothing) {
  for (const char* query : {"", "?", "&&", "?&"}) {
    const LinkResult link = DecodeLink(query);
    EXPECT_TRUE(link.config.empty() && link.settings.empty() && link.errors.empty()) << query;
  }
}

// "t" alone is the parameter with an empty value, and says so.
TEST(LinkError, AParameterWithoutEqualsSignIsEmpty) {
  EXPECT_TRUE(LinkFailsWith("t", code::kEmptyValue, "t"));
  const LinkResult link = DecodeLink("i=a100x4&t");
  EXPECT_EQ(link.errors[0].field, "hours_per_epoch");
  EXPECT_EQ(link.config.at("instance"), "a100x4");
}

TEST(Link, LangAndEmbedPassThroughAsPageSettings) {
  const LinkResult link = DecodeLink(std::string(kSeedQuery) + "&lang=zh&embed=1");
  EXPECT_TRUE(link.errors.empty());
  EXPECT_EQ(link.settings, (std::map<std::string, std::string>{{"lang", "zh"}, {"embed", "1"}}));
  EXPECT_EQ(link.config.count("lang"), 0u);
  EXPECT_EQ(link.config.size(), 7u);
}

TEST(Link, TheReadOnlyEmbedAndTheThemeAreReadAsPageSettings) {
  const LinkResult link = DecodeLink(std::string(kSeedQuery) + "&embed=figures&theme=dark");
  EXPECT_TRUE(link.errors.empty());
  EXPECT_EQ(link.settings, (std::map<std::string, std::string>{{"embed", "figures"}, {"theme", "dark"}}));
  EXPECT_EQ(link.config.size(), 7u);
}

TEST(Link, AnInstanceNotInTheTableIsCaughtByTheEstimate) {
  // The link only checks that it looks like an id; the table decides.
  const LinkResult link = DecodeLink("i=h100x8&t=1");
  EXPECT_TRUE(link.errors.empty());
  const ConfigResult config = ParseConfig(ConfigJsonOf(link));
  ASSERT_TRUE(config.ok());
  EXPECT_TRUE(test::IsOnlyError(ComputeEstimate(&test::CiuicTable(), config.config).errors, code::kUnknownInstance,
                                "instance"));
}

// ---- Encoding and round trips ----------------------------------------------

TEST(Link, SeedConfigurationEncodesToTheSeedQuery) {
  const Json encoded = Json::parse(EncodeLinkFromJson(test::SeedConfigJson(), test::CiuicJson()));
  EXPECT_EQ(encoded["ok"], true);
  EXPECT_EQ(encoded["query"], kSeedQuery);
}

TEST(Link, TheTablesPriceIsRecordedSoTheLinkReproducesTheEstimate) {
  const Json encoded =
      Json::parse(EncodeLinkFromJson(R"({"instance":"v100x4","hours_per_epoch":2})", test::CiuicJson()));
  EXPECT_EQ(encoded["query"], "i=v100x4&t=2&p=12&d=0&m=0&e=1");
}

TEST(Link, RoundTripsUnchanged) {
  for (const char* query : {
           kSeedQuery,
           "t=0.1&p=3&n=1&d=0&m=0&e=3",
           "i=rtx3090&t=1.5&p=5&d=0&m=0&e=1",
           "i=v100x4&t=0.7&p=12&n=6&d=0.5&m=0.25&e=2&bill=3600&disc=25",
           "i=a100x4&t=123.456789&p=0.01&n=7&d=0.001&m=999&e=1000000&bill=1&disc=0.5",
           "i=a100x4&t=0.000000000001&p=18&n=100000&d=1000000000&m=0&e=1&bill=86400&disc=100",
       }) {
    EXPECT_EQ(RoundTrip(query), query);
  }
}

TEST(Link, DecodeLinkToJsonGivesConfigSettingsAndErrors) {
  const Json ok = Json::parse(DecodeLinkToJson(std::string("?") + kSeedQuery + "&lang=zh"));
  EXPECT_EQ(ok["ok"], true);
  EXPECT_EQ(ok["config"]["hours_per_epoch"], "1.5");
  EXPECT_EQ(ok["config"]["instance"], "a100x4");
  EXPECT_EQ(ok["settings"]["lang"], "zh");
  EXPECT_EQ(ok["errors"], Json::array());

  const Json bad = Json::parse(DecodeLinkToJson("t=abc&n=4"));
  EXPECT_EQ(bad["ok"], false);
  EXPECT_EQ(bad["config"]["gpus"], "4");  // the good parameter survives
  ASSERT_EQ(bad["errors"].size(), 1u);
  EXPECT_EQ(bad["errors"][0]["code"], "not_a_number");
  EXPECT_EQ(bad["errors"][0]["field"], "hours_per_epoch");
  EXPECT_EQ(bad["errors"][0]["params"]["param"], "t");
}

// ---- Bad parameters: each costs only itself --------------------------------

TEST(LinkError, NumberErrorsNameTheParameterAndTheField) {
  EXPECT_TRUE(LinkFailsWith("t=abc", code::kNotANumber, "t"));
  EXPECT_TRUE(LinkFailsWith("n=-1", code::kNegative, "n"));
  EXPECT_TRUE(LinkFailsWith("n=1.5", code::kNotInteger, "n"));
  EXPECT_TRUE(LinkFailsWith("p=0", code::kZero, "p"));
  EXPECT_TRUE(LinkFailsWith("t=1,5", code::kCommaInNumber, "t"));
  EXPECT_TRUE(LinkFailsWith("t=NaN", code::kNotFinite, "t"));
  EXPECT_TRUE(LinkFailsWith("t=Infinity", code::kNotFinite, "t"));
  EXPECT_TRUE(LinkFailsWith("t=", code::kEmptyValue, "t"));
  EXPECT_TRUE(LinkFailsWith("t=1e309", code::kTooLarge, "t"));
  EXPECT_TRUE(LinkFailsWith("t=1e-400", code::kTooPrecise, "t"));
  EXPECT_TRUE(LinkFailsWith("e=2000000", code::kAboveMaximum, "e"));
  EXPECT_TRUE(LinkFailsWith("disc=101", code::kAboveMaximum, "disc"));
  EXPECT_TRUE(LinkFailsWith("bill=0.5", code::kNotInteger, "bill"));
  EXPECT_EQ(DecodeLink("n=-1").errors[0].field, "gpus");
  EXPECT_EQ(DecodeLink("t=abc").errors[0].field, "hours_per_epoch");
}

TEST(LinkError, OneBadParameterCostsOnlyItself) {
  const LinkResult link = DecodeLink("i=a100x4&t=abc&n=4&e=10");
  ASSERT_EQ(link.errors.size(), 1u);
  EXPECT_EQ(link.config, (std::map<std::string, std::string>{{"instance", "a100x4"}, {"gpus", "4"}, {"epochs", "10"}}));
}

TEST(LinkError, UnknownParameterIsNamed) {
  EXPECT_TRUE(LinkFailsWith("zz=1", code::kUnknownParam, "zz"));
  EXPECT_TRUE(LinkFailsWith(std::string(kSeedQuery) + "&hours=2", code::kUnknownParam, "hours"));
  // Its message says it was ignored, not that the estimate may be wrong.
  const Error error = DecodeLink("zz=1").errors[0];
  EXPECT_NE(RenderError(error, Lang::kEn).find("zz"), std::string::npos);
  EXPECT_NE(RenderError(error, Lang::kZh).find("zz"), std::string::npos);
}

TEST(LinkError, DuplicateParameterKeepsTheFirstValue) {
  EXPECT_TRUE(LinkFailsWith("t=1&t=2", code::kDuplicateParam, "t"));
  EXPECT_EQ(DecodeLink("t=1&t=2").config.at("hours_per_epoch"), "1");
  EXPECT_TRUE(LinkFailsWith("lang=zh&lang=en", code::kDuplicateParam, "lang"));
}

TEST(LinkError, BrokenPercentEscapesAreBadEscape) {
  EXPECT_TRUE(LinkFailsWith("t=%zz", code::kBadEscape, "t"));
  EXPECT_TRUE(LinkFailsWith("t=1%", code::kBadEscape, "t"));
  EXPECT_TRUE(LinkFailsWith("t=1%4", code::kBadEscape, "t"));
  EXPECT_TRUE(LinkFailsWith("%zz=1", code::kBadEscape, "%zz"));
  // Either digit of the escape may be the bad one; a digit is 0-9, a-f, A-F.
  EXPECT_TRUE(LinkFailsWith("t=%G1", code::kBadEscape, "t"));
  EXPECT_TRUE(LinkFailsWith("t=%1G", code::kBadEscape, "t"));
  EXPECT_TRUE(LinkFailsWith("t=%!1", code::kBadEscape, "t"));
  EXPECT_TRUE(LinkFailsWith("t=%:1", code::kBadEscape, "t"));
  EXPECT_TRUE(DecodeLink("t=%31").errors.empty());  // a whole escape at the very end is fine
}

TEST(LinkError, AnInstanceThatIsNotAnIdIsRefused) {
  for (const char* query : {"i=A100x4", "i=a100%20x4", "i=%3Cscript%3E"}) {
    const LinkResult link = DecodeLink(query);
    ASSERT_EQ(link.errors.size(), 1u) << query;
    EXPECT_EQ(link.errors[0].field, "instance") << query;
    EXPECT_EQ(link.errors[0].params.at("param"), "i") << query;
    EXPECT_TRUE(link.config.empty()) << query;
  }
  EXPECT_TRUE(LinkFailsWith("i=", code::kEmptyValue, "i"));
  // The value quoted back shows control characters (DEL too) as '?'.
  const LinkResult control = DecodeLink("i=a%7Fb%01c");
  ASSERT_EQ(control.errors.size(), 1u) << test::Describe(control.errors);
  EXPECT_EQ(control.errors[0].params.at("value"), "a?b?c");
}

TEST(LinkError, ATooLongLinkIsRefusedWhole) {
  const std::string long_query = std::string(kSeedQuery) + "&" + std::string(kMaxLinkQueryBytes, 'x');
  const LinkResult link = DecodeLink(long_query);
  ASSERT_EQ(link.errors.size(), 1u);
  EXPECT_EQ(link.errors[0].code, code::kInputTooLarge);
  EXPECT_EQ(link.errors[0].field, "link");
  EXPECT_TRUE(link.config.empty());
  // At the limit, it is read.
  std::string at_limit = std::string(kSeedQuery) + "&";
  at_limit += "lang=" + std::string(kMaxLinkQueryBytes - at_limit.size() - 5, 'z');
  ASSERT_EQ(at_limit.size(), kMaxLinkQueryBytes);
  EXPECT_TRUE(DecodeLink(at_limit).errors.empty());
}

TEST(LinkError, SettingsAreShortenedNotTrusted) {
  const LinkResult link = DecodeLink("lang=" + std::string(500, 'z'));
  ASSERT_EQ(link.settings.count("lang"), 1u);
  EXPECT_LE(link.settings.at("lang").size(), 43u);  // an excerpt, never 500 bytes
}

// A model given by its shape travels in the link as its shape: the
// architecture and tied embeddings when not the default, the key-value heads
// when not as many as the heads; and it reopens to the same estimate.
TEST(Link, AModelShapeTravelsAsItsShape) {
  const std::string config_json =
      R"({"instance": "a100x4", "hours_per_epoch": 2, "model": {"architecture": "Qwen2ForCausalLM",)"
      R"( "num_hidden_layers": 4, "hidden_size": 256, "intermediate_size": 512, "num_attention_heads": 8,)"
      R"( "num_key_value_heads": 2, "vocab_size": 1000, "tie_word_embeddings": true}, "training": {"method": "full"}})";
  const ConfigResult config = ParseConfig(config_json);
  ASSERT_TRUE(config.ok()) << test::Describe(config.errors);
  const Estimate estimate = test::MustEstimate(config_json);
  const std::string query = EncodeLink(config.config, estimate.price_per_gpu_hour);
  for (const char* part : {"arch=Qwen2ForCausalLM", "layers=4", "hid=256", "ffn=512", "heads=8", "kv=2", "vocab=1000",
                           "tie=true", "tm=full"}) {
    EXPECT_NE(query.find(part), std::string::npos) << part << " in " << query;
  }
  const LinkResult link = DecodeLink(query);
  ASSERT_TRUE(link.errors.empty()) << test::Describe(link.errors);
  // As many key-value heads as heads, default architecture, untied: left out.
  const std::string plain_json =
      R"({"instance": "a100x4", "hours_per_epoch": 2, "model": {"num_hidden_layers": 4, "hidden_size": 256,)"
      R"( "intermediate_size": 512, "num_attention_heads": 8, "vocab_size": 1000}})";
  const ConfigResult plain = ParseConfig(plain_json);
  ASSERT_TRUE(plain.ok()) << test::Describe(plain.errors);
  const std::string plain_query = EncodeLink(plain.config, test::MustEstimate(plain_json).price_per_gpu_hour);
  for (const char* absent : {"kv=", "arch=", "tie="}) EXPECT_EQ(plain_query.find(absent), std::string::npos) << absent;
  EXPECT_NE(plain_query.find("layers=4"), std::string::npos) << plain_query;
}

// A preset model travels as its id; with the FLOPs way, the parameter counts
// follow from it and stay out of the link; the training setup comes along
// when not the default.
TEST(Link, APresetModelTravelsAsItsIdWithoutTheCountsItImplies) {
  const std::string config_json =
      R"({"instance": "a100x4", "model": {"preset": "llama-2-7b"}, "flops": {"tokens_per_epoch": "1e8"},)"
      R"( "training": {"method": "full", "activation_checkpointing": true}})";
  const ConfigResult config = ParseConfig(config_json);
  ASSERT_TRUE(config.ok()) << test::Describe(config.errors);
  const Estimate estimate = test::MustEstimate(config_json);
  const std::string query = EncodeLink(config.config, estimate.price_per_gpu_hour);
  for (const char* part : {"model=llama-2-7b", "tm=full", "ac=true", "ftok=100000000"}) {
    EXPECT_NE(query.find(part), std::string::npos) << part << " in " << query;
  }
  for (const char* absent : {"fp=", "ft=", "layers=", "hid="}) {
    EXPECT_EQ(query.find(absent), std::string::npos) << absent << " in " << query;
  }
  const LinkResult link = DecodeLink(query);
  ASSERT_TRUE(link.errors.empty()) << test::Describe(link.errors);
  EXPECT_EQ(link.config.at("model.preset"), "llama-2-7b");
  EXPECT_EQ(link.config.at("training.activation_checkpointing"), "true");
}

// Percent escapes decode in either case ("%7a%68" is "zh").
TEST(Link, LowerCaseEscapesDecode) {
  const LinkResult link = DecodeLink("t=1&lang=%7a%68");
  EXPECT_TRUE(link.errors.empty()) << test::Describe(link.errors);
  EXPECT_EQ(link.settings.at("lang"), "zh");
}

// Spot capacity at the instance's own spot price and without a checkpoint
// interval: the link gives only the rate (which turns spot on) and the
// restart time.
TEST(Link, SpotWithoutItsOwnPriceOrIntervalWritesOnlyTheRate) {
  const ConfigResult config =
      ParseConfig(R"({"instance": "a100x4", "hours_per_epoch": 2, "spot": {"interruptions_per_hour": "0.1"}})");
  ASSERT_TRUE(config.ok()) << test::Describe(config.errors);
  const std::string query = EncodeLink(config.config, Rational(20));
  EXPECT_NE(query.find("spl=0.1"), std::string::npos) << query;
  EXPECT_EQ(query.find("spp="), std::string::npos) << query;
  EXPECT_EQ(query.find("spi="), std::string::npos) << query;
}

// A link keeps only values the configuration can use: a module named twice
// in the adapters' list is refused by the link, as by a configuration (found
// by the link fuzzer: "tgt=q_proj,q_proj,k_proj,v_proj" was kept, then
// refused by the configuration).
TEST(Link, AModuleNamedTwiceInTheAdaptersIsRefusedByTheLink) {
  const LinkResult link = DecodeLink("i=a100x4&t=1.5&rank=16&tgt=q_proj,q_proj,k_proj,v_proj&e=10");
  ASSERT_EQ(link.errors.size(), 1u);
  EXPECT_EQ(link.errors[0].code, code::kDuplicateId);
  EXPECT_EQ(link.errors[0].field, "training.lora_targets");
  EXPECT_EQ(link.errors[0].params.at("param"), "tgt");
  EXPECT_EQ(link.errors[0].params.at("value"), "q_proj");
  EXPECT_EQ(link.config.count("training.lora_targets"), 0u);
  EXPECT_EQ(link.config.at("epochs"), "10");
  const ConfigResult same = ParseConfig(R"({"instance":"a100x4","hours_per_epoch":"1.5",)"
                                        R"("training":{"lora_targets":"q_proj,q_proj,k_proj,v_proj"}})");
  ASSERT_EQ(same.errors.size(), 1u);
  EXPECT_EQ(same.errors[0].code, link.errors[0].code);
  EXPECT_EQ(same.errors[0].field, link.errors[0].field);
}

}  // namespace
}  // namespace epochcost
