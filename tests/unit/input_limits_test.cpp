// Limits: very large but valid inputs (10^6 epochs, 10^5 GPUs,
// prices up to 10^7 per GPU-hour, 12 decimals everywhere) compute exactly,
// checked against an independent big-integer computation, or are refused
// with "overflow"; never a silently wrong figure. Inputs above their stated
// size (configuration 16 KB, price table 256 KB, link 2 KB) are refused with
// input_too_large before parsing.
#include <gtest/gtest.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "big_uint.h"
#include "epochcost/config.h"
#include "epochcost/estimate.h"
#include "epochcost/json_api.h"
#include "epochcost/link.h"
#include "epochcost/price_table.h"
#include "expect_error.h"
#include "fixtures.h"

namespace epochcost {
namespace {

using Json = nlohmann::json;
using test::BigUint;

// ---- An independent computation, in big integers ------------------------------------

// Decimal text with at most 12 places ("1.5", "20") as an integer count of 10^-12.
BigUint Pico(const std::string& text) {
  const std::size_t point = text.find('.');
  std::string whole = text.substr(0, point);
  std::string fraction = point == std::string::npos ? "" : text.substr(point + 1);
  fraction.resize(12, '0');
  return BigUint::FromDecimal(whole + fraction);
}

struct Inputs {
  std::string hours;  // T, decimal text
  std::string price;  // P
  std::string data = "0";
  std::string ops = "0";
  std::string discount = "0";  // percent
  std::uint64_t gpus_billed = 1;
  std::uint64_t epochs = 1;
  std::uint64_t increment = 0;  // seconds
};

// The run's total in minor units (1/100), rounded half up (the amounts are
// never negative, so the same as half away from zero):
//   compute = billed hours x billed GPUs x P x (100 - discount) / 100
//   total   = compute + (D + M) x E
std::string IndependentTotalCents(const Inputs& in) {
  const BigUint pico = BigUint::Pow10(12);
  const BigUint pay = BigUint(100) * pico - Pico(in.discount);  // (100 - discount) x 10^12
  BigUint num;
  BigUint den;
  if (in.increment == 0) {
    // T x E x N x P x pay / (10^12 x 10^12 x 100 x 10^12)
    num = Pico(in.hours) * BigUint(in.epochs) * BigUint(in.gpus_billed) * Pico(in.price) * pay;
    den = pico * pico * BigUint(100) * pico;
  } else {
    // Billed seconds: T x E x 3600 rounded up to the increment.
    const BigUint seconds_num = Pico(in.hours) * BigUint(in.epochs) * BigUint(3600);
    const BigUint step = pico * BigUint(in.increment);
    auto [increments, rest] = BigUint::DivMod(seconds_num, step);
    if (!rest.is_zero()) increments = increments + BigUint(1);
    const BigUint billed_seconds = increments * BigUint(in.increment);
    // billed_seconds / 3600 x N x P x pay / (10^12 x 100 x 10^12)
    num = billed_seconds * BigUint(in.gpus_billed) * Pico(in.price) * pay;
    den = BigUint(3600) * pico * BigUint(100) * pico;
  }
  // + (D + M) x E = (Dp + Mp) x E / 10^12, over the same denominator.
  const auto [den_over_pico, zero] = BigUint::DivMod(den, pico);
  EXPECT_TRUE(zero.is_zero());
  num = num + (Pico(in.data) + Pico(in.ops)) * BigUint(in.epochs) * den_over_pico;
  // Cents, half up: floor((200 x num + den) / (2 x den)).
  return BigUint::DivMod(BigUint(200) * num + den, BigUint(2) * den).first.ToDecimal();
}

// "1230.00" -> "123000"; "0.05" -> "5".
std::string Cents(const std::string& money) {
  std::string digits;
  for (const char c : money) {
    if (c != '.') digits.push_back(c);
  }
  const std::size_t first = digits.find_first_not_of('0');
  return first == std::string::npos ? "0" : digits.substr(first);
}

struct Outcome {
  bool computed = false;
  std::string total;  // the engine's, in cents
  Errors errors;
};

Outcome EstimateLarge(const std::string& config_json) {
  Outcome outcome;
  const ConfigResult config = ParseConfig(config_json);
  EXPECT_TRUE(config.ok()) << test::Describe(config.errors) << "\n" << config_json;
  if (!config.ok()) return outcome;
  const EstimateResult result = ComputeEstimate(&test::CiuicTable(), config.config);
  outcome.errors = result.errors;
  outcome.computed = result.ok();
  if (outcome.computed) outcome.total = Cents(test::Money(result.estimate.total.total));
  // The JSON interface says the same.
  const Json out = Json::parse(EstimateFromJson(test::CiuicJson(), config_json));
  EXPECT_EQ(out["ok"], outcome.computed) << out.dump();
  if (outcome.computed) {
    EXPECT_EQ(Cents(out["total"]), outcome.total);
  }
  return outcome;
}

TEST(BigUint, AgreesWithPlainArithmetic) {
  EXPECT_EQ((BigUint(123456789) * BigUint(987654321)).ToDecimal(), "121932631112635269");
  EXPECT_EQ(BigUint::Pow10(40).ToDecimal(), "1" + std::string(40, '0'));
  const auto [q, r] = BigUint::DivMod(BigUint::FromDecimal("100000000000000000000000000007"), BigUint(10));
  EXPECT_EQ(q.ToDecimal(), "10000000000000000000000000000");
  EXPECT_EQ(r.ToDecimal(), "7");
  EXPECT_EQ((BigUint::Pow10(30) - BigUint(1)).ToDecimal(), std::string(30, '9'));
}

// ---- Each maximum on its own, and all at once -------------------------------------------

TEST(Limits, AMillionEpochsComputeExactly) {
  // 123 per epoch x 1,000,000 = 123,000,000.
  const Outcome o = EstimateLarge(test::SeedWith("epochs", "1000000"));
  ASSERT_TRUE(o.computed) << test::Describe(o.errors);
  EXPECT_EQ(o.total, "12300000000");
  EXPECT_EQ(o.total, IndependentTotalCents({"1.5", "20", "2", "1", "0", 4, 1000000, 0}));
}

TEST(Limits, AHundredThousandGpusComputeExactly) {
  // 25,000 A100 x4 instances: (1.5 x 20 x 100,000 + 3) x 10 = 30,000,030.
  const Outcome o = EstimateLarge(test::SeedWith("gpus", "100000"));
  ASSERT_TRUE(o.computed) << test::Describe(o.errors);
  EXPECT_EQ(o.total, "3000003000");
  EXPECT_EQ(o.total, IndependentTotalCents({"1.5", "20", "2", "1", "0", 100000, 10, 0}));
}

TEST(Limits, ATenMillionPriceComputesExactly) {
  // (1.5 x 10,000,000 x 4 + 3) x 10 = 600,000,030.
  const Outcome o = EstimateLarge(test::SeedWith("price_per_gpu_hour", "10000000"));
  ASSERT_TRUE(o.computed) << test::Describe(o.errors);
  EXPECT_EQ(o.total, "60000003000");
  EXPECT_EQ(o.total, IndependentTotalCents({"1.5", "10000000", "2", "1", "0", 4, 10, 0}));
}

TEST(Limits, EveryMaximumAtOnceComputesExactly) {
  // 1e5 h x 1e6 epochs x 1e5 GPUs x 1e7 per GPU-hour = 1e23, plus
  // (1e9 + 1e9) x 1e6 = 2e15: 100,000,002,000,000,000,000,000.00.
  const std::string config = test::ConfigText({{"gpus", "100000"},
                                               {"hours_per_epoch", "100000"},
                                               {"price_per_gpu_hour", "10000000"},
                                               {"data_cost_per_epoch", "1000000000"},
                                               {"ops_cost_per_epoch", "1000000000"},
                                               {"epochs", "1000000"}});
  const Outcome o = EstimateLarge(config);
  ASSERT_TRUE(o.computed) << test::Describe(o.errors);
  EXPECT_EQ(o.total, "10000000200000000000000000");
  EXPECT_EQ(o.total,
            IndependentTotalCents({"100000", "10000000", "1000000000", "1000000000", "0", 100000, 1000000, 0}));
  const Json out = Json::parse(EstimateFromJson("", config));
  EXPECT_EQ(out["total"], "100000002000000000000000.00");
  EXPECT_EQ(out["gpu_hours"], "10000000000000000");
}

// ---- Generated inputs near the maxima, 12 decimals everywhere ---------------------------

class NearMaximum {
 public:
  explicit NearMaximum(std::uint32_t seed) : rng_(seed) {}
  std::uint64_t Int(std::uint64_t lo, std::uint64_t hi) {
    return std::uniform_int_distribution<std::uint64_t>(lo, hi)(rng_);
  }
  // A decimal in [0, max) (or exactly max) with 0 to 12 places, as text.
  std::string Decimal(std::uint64_t max) {
    if (Int(0, 9) == 0) return std::to_string(max);
    std::string text = std::to_string(Int(0, max - 1));
    const auto places = static_cast<int>(Int(0, 12));
    if (places > 0) {
      text += ".";
      for (int i = 0; i < places; ++i) text.push_back(static_cast<char>('0' + Int(0, 9)));
    }
    return text;
  }

 private:
  std::mt19937_64 rng_;
};

TEST(Limits, LargeInputsComputeExactlyOrAreRefusedWithOverflow) {
  NearMaximum g(20261128);
  int computed = 0;
  int overflowed = 0;
  for (int i = 0; i < 400; ++i) {
    Inputs in;
    in.hours = g.Decimal(100000);
    if (in.hours.find_first_not_of("0.") == std::string::npos) in.hours = "0.5";  // above 0
    in.price = g.Decimal(10000000);
    if (in.price.find_first_not_of("0.") == std::string::npos) in.price = "7";
    in.data = g.Decimal(1000000000);
    in.ops = g.Decimal(1000000000);
    in.discount = g.Decimal(100);
    in.epochs = g.Int(0, 3) == 0 ? 1000000 : g.Int(1, 1000000);
    const std::uint64_t gpus = g.Int(0, 3) == 0 ? 100000 : g.Int(1, 100000);
    const bool on_instance = g.Int(0, 1) == 0;  // A100 x4 rounds up to whole instances
    in.gpus_billed = on_instance ? (gpus + 3) / 4 * 4 : gpus;
    const std::uint64_t increments[] = {0, 1, 60, 3600, 86400};
    in.increment = increments[g.Int(0, 4)];

    test::RawFields fields;
    if (on_instance) fields.emplace_back("instance", "\"a100x4\"");
    fields.emplace_back("gpus", std::to_string(gpus));
    fields.emplace_back("hours_per_epoch", "\"" + in.hours + "\"");
    fields.emplace_back("price_per_gpu_hour", "\"" + in.price + "\"");
    fields.emplace_back("data_cost_per_epoch", "\"" + in.data + "\"");
    fields.emplace_back("ops_cost_per_epoch", "\"" + in.ops + "\"");
    fields.emplace_back("epochs", std::to_string(in.epochs));
    fields.emplace_back("billing_increment_seconds", std::to_string(in.increment));
    fields.emplace_back("discount_percent", "\"" + in.discount + "\"");
    const std::string config = test::ConfigText(fields);

    const Outcome o = EstimateLarge(config);
    if (o.computed) {
      ++computed;
      EXPECT_EQ(o.total, IndependentTotalCents(in)) << config;
    } else {
      ++overflowed;
      EXPECT_TRUE(test::IsOnlyError(o.errors, code::kOverflow, "config")) << config;
    }
  }
  RecordProperty("computed", computed);
  RecordProperty("overflow", overflowed);
  std::cout << "limits: " << computed << " large configurations computed exactly, " << overflowed
            << " refused with overflow\n";
  EXPECT_GT(computed, 0);
}

// ---- Sizes, refused before parsing ----------------------------------------------------------

TEST(SizeLimits, AConfigurationOfSixteenKilobytesIsReadOneByteMoreIsNot) {
  std::string config = test::SeedConfigJson();
  const std::size_t close = config.rfind('}');
  config.insert(close, kMaxConfigBytes - config.size(), ' ');
  ASSERT_EQ(config.size(), 16384u);
  EXPECT_TRUE(ParseConfig(config).ok());
  EXPECT_EQ(Json::parse(EstimateFromJson(test::CiuicJson(), config))["total"], "1230.00");

  config.insert(close, " ");
  EXPECT_CONFIG_ERROR(config, code::kInputTooLarge, "config");
  // Before parsing: broken JSON of that size is still "too large", not "malformed".
  EXPECT_CONFIG_ERROR("{" + std::string(kMaxConfigBytes, '['), code::kInputTooLarge, "config");
  const ConfigResult result = ParseConfig(config);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].params.at("max"), "16384");
}

TEST(SizeLimits, APriceTableOfTwoHundredFiftySixKilobytesIsReadOneByteMoreIsNot) {
  std::string table = test::CiuicJson();
  table.append(kMaxPriceTableBytes - table.size(), ' ');
  ASSERT_EQ(table.size(), 262144u);
  EXPECT_TRUE(ParsePriceTable(table).ok());
  EXPECT_EQ(Json::parse(EstimateFromJson(table, test::SeedConfigJson()))["total"], "1230.00");

  table.push_back(' ');
  EXPECT_TABLE_ERROR(table, code::kInputTooLarge, "prices");
  EXPECT_TABLE_ERROR(std::string(kMaxPriceTableBytes + 1, '{'), code::kInputTooLarge, "prices");
  const Json out = Json::parse(EstimateFromJson(table, test::SeedConfigJson()));
  EXPECT_EQ(out["ok"], false);
  EXPECT_EQ(out["errors"][0]["code"], "input_too_large");
  EXPECT_EQ(out["errors"][0]["field"], "prices");
  EXPECT_EQ(out["errors"][0]["params"]["max"], "262144");
}

TEST(SizeLimits, AQueryStringOfTwoKilobytesIsReadOneByteMoreIsNot) {
  // Empty pairs ("&&") are skipped, so padding keeps the seed's link valid.
  std::string query = "i=a100x4&t=1.5&p=20&n=4&d=2&m=1&e=10";
  query.append(kMaxLinkQueryBytes - query.size(), '&');
  ASSERT_EQ(query.size(), 2048u);
  const LinkResult ok = DecodeLink("?" + query);  // the '?' does not count
  EXPECT_TRUE(ok.errors.empty()) << test::Describe(ok.errors);
  EXPECT_EQ(ok.config.at("hours_per_epoch"), "1.5");

  query.push_back('&');
  const LinkResult refused = DecodeLink(query);
  ASSERT_TRUE(test::IsOnlyError(refused.errors, code::kInputTooLarge, "link"));
  EXPECT_EQ(refused.errors[0].params.at("max"), "2048");
  EXPECT_TRUE(refused.config.empty());  // nothing of it is read
  const Json out = Json::parse(DecodeLinkToJson(std::string(kMaxLinkQueryBytes + 1, '%')));
  EXPECT_EQ(out["ok"], false);
  EXPECT_EQ(out["errors"][0]["code"], "input_too_large");  // not bad_escape: refused before decoding
}

}  // namespace
}  // namespace epochcost
