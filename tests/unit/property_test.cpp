// Generated configurations: for a few thousand pseudo-random inputs (fixed
// seed, so a failure is reproducible), the shown parts add up to the shown
// totals, and the total equals an independent exact computation in integers
// rounded half up. Numbers are written as JSON numbers, decimal strings and
// exponents, and must give byte-identical results either way.
#include <gtest/gtest.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "epochcost/config.h"
#include "epochcost/decimal_text.h"
#include "epochcost/estimate.h"
#include "epochcost/json_api.h"
#include "expect_error.h"
#include "fixtures.h"

namespace epochcost {
namespace {

constexpr int kCases = 4000;

// Integer powers of ten, for the independent computation.
Int128 Pow10(int n) {
  Int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// floor(num / den + 1/2) for num >= 0: half up, which for the non-negative
// amounts here is the same as half away from zero.
Int128 RoundHalfUp(Int128 num, Int128 den) { return (2 * num + den) / (2 * den); }

struct Instance {
  const char* id;
  std::int64_t gpus_per_instance;
  std::int64_t price4;  // table price in units of 1e-4
};
constexpr Instance kInstances[] = {{"a100x4", 4, 200000}, {"v100x4", 4, 120000}, {"rtx3090", 1, 50000}};

// One generated configuration. Decimal inputs are integers in units of
// 10^-4 (discount: hundredths of a percent), so the test's own arithmetic
// stays in integers.
struct Case {
  int instance = -1;  // index into kInstances, or -1 for none
  std::int64_t gpus = 0;
  bool gpus_given = true;
  std::int64_t hours4 = 0;
  std::int64_t price4 = 0;
  bool price_given = true;
  std::int64_t data4 = 0;
  std::int64_t ops4 = 0;
  std::int64_t epochs = 1;
  std::int64_t increment = 0;
  std::int64_t discount100 = 0;  // percent x 100
};

class Generator {
 public:
  explicit Generator(std::uint32_t seed) : rng_(seed) {}

  std::int64_t Int(std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng_);
  }
  bool Chance(int percent) { return Int(1, 100) <= percent; }

  // A value in units of 10^-scale with at most `places` decimals, in [lo, hi].
  std::int64_t Decimal(std::int64_t lo, std::int64_t hi, int scale) {
    const int places = static_cast<int>(Int(0, scale));
    const auto step = static_cast<std::int64_t>(Pow10(scale - places));
    const std::int64_t first = (lo + step - 1) / step;
    const std::int64_t last = hi / step;
    return Int(first, last) * step;
  }

  Case Next() {
    Case c;
    c.instance = static_cast<int>(Int(-1, 2));
    c.gpus = Int(1, 12);
    c.gpus_given = c.instance < 0 || Chance(70);
    c.hours4 = Decimal(1, 40 * 10000, 4);  // up to 40 h per epoch
    c.price_given = c.instance < 0 || Chance(40);
    c.price4 = c.price_given ? Decimal(1, 50 * 10000, 4) : kInstances[c.instance].price4;
    c.data4 = Chance(20) ? 0 : Decimal(0, 10 * 10000, 4);
    c.ops4 = Chance(20) ? 0 : Decimal(0, 10 * 10000, 4);
    c.epochs = Chance(10) ? Int(1000, 100000) : Int(1, 200);
    constexpr std::int64_t kIncrements[] = {0, 0, 1, 60, 900, 3600, 86400};
    c.increment = kIncrements[Int(0, 6)];
    c.discount100 = Chance(50) ? 0 : Decimal(0, 100 * 100, 2);
    return c;
  }

  // `units` x 10^-scale as JSON: a number or a string, plain, padded with
  // zeros, or with an exponent.
  std::string Json(std::int64_t units, int scale, bool force_string) {
    std::string text;
    switch (Int(0, 2)) {
      case 0:
        text = ToShortDecimal(Rational::Fraction(units, Pow10(scale)), scale);  // "1.5"
        break;
      case 1:
        text = ToFixed(Rational::Fraction(units, Pow10(scale)), scale);  // "1.5000"
        break;
      default:
        text = std::to_string(units) + (scale > 0 ? "e-" + std::to_string(scale) : "");  // "15000e-4"
        break;
    }
    return force_string || Chance(50) ? "\"" + text + "\"" : text;
  }

 private:
  std::mt19937 rng_;
};

std::string ConfigJson(const Case& c, Generator* g, bool all_strings) {
  test::RawFields fields;
  if (c.instance >= 0) fields.emplace_back("instance", std::string("\"") + kInstances[c.instance].id + "\"");
  if (c.gpus_given) fields.emplace_back("gpus", g->Json(c.gpus, 0, all_strings));
  fields.emplace_back("hours_per_epoch", g->Json(c.hours4, 4, all_strings));
  if (c.price_given) fields.emplace_back("price_per_gpu_hour", g->Json(c.price4, 4, all_strings));
  fields.emplace_back("data_cost_per_epoch", g->Json(c.data4, 4, all_strings));
  fields.emplace_back("ops_cost_per_epoch", g->Json(c.ops4, 4, all_strings));
  fields.emplace_back("epochs", g->Json(c.epochs, 0, all_strings));
  fields.emplace_back("billing_increment_seconds", g->Json(c.increment, 0, all_strings));
  fields.emplace_back("discount_percent", g->Json(c.discount100, 2, all_strings));
  return test::ConfigText(fields);
}

// The exact total of the run over the denominator kDen = 3600 x 10^12,
// computed here in integers without Rational:
//   compute = billed hours x billed GPUs x P x (1 - discount)
//   total   = compute + (D + M) x E
struct Expected {
  Int128 compute_num = 0;
  Int128 total_num = 0;
  std::int64_t gpus_billed = 0;
};
const Int128 kDen = 3600 * Pow10(12);

Expected Independent(const Case& c) {
  Expected x;
  const std::int64_t per_instance = c.instance >= 0 ? kInstances[c.instance].gpus_per_instance : 1;
  const std::int64_t gpus = c.gpus_given ? c.gpus : per_instance;
  x.gpus_billed = (gpus + per_instance - 1) / per_instance * per_instance;
  const Int128 wall4 = Int128{c.hours4} * c.epochs;  // hours x 10^4
  const Int128 pay4 = 10000 - c.discount100;         // (1 - discount) x 10^4
  if (c.increment == 0) {
    // wall4/10^4 h x N x price4/10^4 x pay4/10^4 = wall4 x 3600 x N x price4 x pay4 / kDen
    x.compute_num = wall4 * 3600 * x.gpus_billed * c.price4 * pay4;
  } else {
    // The run's seconds, wall4 x 3600 / 10^4, rounded up to the increment.
    const Int128 step = Int128{c.increment} * 10000;
    const Int128 billed_seconds = (wall4 * 3600 + step - 1) / step * c.increment;
    // billed_seconds/3600 h x N x price4/10^4 x pay4/10^4
    x.compute_num = billed_seconds * x.gpus_billed * c.price4 * pay4 * 10000;
  }
  // (D + M) x E = (data4 + ops4) x E / 10^4
  x.total_num = x.compute_num + Int128{c.data4 + c.ops4} * c.epochs * 3600 * Pow10(8);
  return x;
}

TEST(Property, ShownPartsAddUpAndTotalsMatchAnIndependentComputation) {
  Generator g(20250803);
  const std::string prices = test::CiuicJson();
  for (int i = 0; i < kCases; ++i) {
    const Case c = g.Next();
    const std::string json = ConfigJson(c, &g, false);
    SCOPED_TRACE("case " + std::to_string(i) + ": " + json);

    const ConfigResult config = ParseConfig(json);
    ASSERT_TRUE(config.ok()) << test::Describe(config.errors);
    const EstimateResult result = ComputeEstimate(&test::CiuicTable(), config.config);
    ASSERT_TRUE(result.ok()) << test::Describe(result.errors);
    const Estimate& e = result.estimate;

    // The parts shown add up to the totals shown, in minor units.
    ASSERT_EQ(e.per_epoch.compute + e.per_epoch.data + e.per_epoch.ops, e.per_epoch.total);
    ASSERT_EQ(e.total.compute + e.total.data + e.total.ops, e.total.total);

    // The totals are the exact amounts rounded once, half up.
    const Expected x = Independent(c);
    ASSERT_EQ(e.gpus_billed, x.gpus_billed);
    ASSERT_EQ(Int128ToString(e.total.total), Int128ToString(RoundHalfUp(x.total_num * 100, kDen)));
    ASSERT_EQ(Int128ToString(e.per_epoch.total), Int128ToString(RoundHalfUp(x.total_num * 100, kDen * c.epochs)));
    // A part moves by at most one minor unit from its own rounding.
    const Int128 compute = RoundHalfUp(x.compute_num * 100, kDen);
    ASSERT_LE(e.total.compute - compute, 1);
    ASSERT_GE(e.total.compute - compute, -1);

    // The same configuration with every number as a decimal string gives a
    // byte-identical result.
    const std::string strings = ConfigJson(c, &g, true);
    ASSERT_EQ(EstimateFromJson(prices, json), EstimateFromJson(prices, strings)) << strings;
  }
}

TEST(Property, JsonResultPartsAddUpAsDecimalText) {
  // The same property on the JSON the page shows: parse the money strings
  // back into minor units and add them.
  Generator g(7);
  const std::string prices = test::CiuicJson();
  auto units = [](const nlohmann::json& money) {
    Rational value;
    EXPECT_EQ(ParseDecimalText(money.get<std::string>(), &value), nullptr);
    return (value * Rational(100)).num();
  };
  for (int i = 0; i < 500; ++i) {
    const std::string json = ConfigJson(g.Next(), &g, false);
    const auto out = nlohmann::json::parse(EstimateFromJson(prices, json));
    ASSERT_TRUE(out.at("ok").get<bool>()) << json;
    for (const char* group : {"per_epoch", "totals"}) {
      const auto& parts = out.at(group);
      ASSERT_EQ(units(parts.at("compute")) + units(parts.at("data")) + units(parts.at("ops")), units(parts.at("total")))
          << group << " of " << json;
    }
    ASSERT_EQ(out.at("total"), out.at("totals").at("total"));
  }
}

}  // namespace
}  // namespace epochcost
