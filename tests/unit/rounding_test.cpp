// Rounding, once, at display: half away from zero to the minor unit, and
// the shown parts allotted so that they add up to the shown total.
#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "epochcost/estimate.h"
#include "epochcost/rational.h"
#include "fixtures.h"

namespace epochcost {
namespace {

Int128 Sum(const std::vector<Int128>& units) { return std::accumulate(units.begin(), units.end(), Int128{0}); }

Int128 Pow10(int n) {
  Int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

TEST(AllocateRounded, ThreeThirdsOfACentAddUpToTheRoundedCent) {
  // Each part is 0.00333... and rounds to 0.00, yet together they are 0.01.
  const Rational third_cent = Rational::Fraction(1, 300);
  Int128 total = -1;
  const std::vector<Int128> parts = AllocateRounded({third_cent, third_cent, third_cent}, 2, &total);
  EXPECT_EQ(total, 1);
  EXPECT_EQ(Sum(parts), total);
  EXPECT_EQ(parts, (std::vector<Int128>{1, 0, 0}));  // ties keep their order
}

TEST(AllocateRounded, TwoHalfCentsThatEachRoundUpGiveBackTheExtraCent) {
  // 0.005 + 0.005 = 0.01; each alone would show 0.01, together 0.02.
  const Rational half_cent = Rational::Fraction(5, 1000);
  Int128 total = -1;
  const std::vector<Int128> parts = AllocateRounded({half_cent, half_cent}, 2, &total);
  EXPECT_EQ(total, 1);
  EXPECT_EQ(Sum(parts), 1);
}

TEST(AllocateRounded, TheMissingUnitGoesToTheLargestRemainder) {
  // 0.004 + 0.003 + 0.003 = 0.010: the 0.004 is closest to a cent.
  Int128 total = 0;
  EXPECT_EQ(AllocateRounded({Rational::Fraction(4, 1000), Rational::Fraction(3, 1000), Rational::Fraction(3, 1000)}, 2,
                            &total),
            (std::vector<Int128>{1, 0, 0}));
  EXPECT_EQ(AllocateRounded({Rational::Fraction(3, 1000), Rational::Fraction(4, 1000), Rational::Fraction(3, 1000)}, 2,
                            &total),
            (std::vector<Int128>{0, 1, 0}));
  EXPECT_EQ(total, 1);
}

TEST(AllocateRounded, PartsThatAlreadyAddUpAreLeftAlone) {
  // 1.5 + 2.25 + 0.125 = 3.875 -> 3.88; 1.50 + 2.25 + 0.13 = 3.88.
  Int128 total = 0;
  const std::vector<Int128> parts =
      AllocateRounded({Rational::Fraction(3, 2), Rational::Fraction(9, 4), Rational::Fraction(1, 8)}, 2, &total);
  EXPECT_EQ(parts, (std::vector<Int128>{150, 225, 13}));
  EXPECT_EQ(total, 388);
}

TEST(AllocateRounded, RoundsHalfAwayFromZero) {
  Int128 total = 0;
  EXPECT_EQ(AllocateRounded({Rational::Fraction(5, 1000)}, 2, &total), (std::vector<Int128>{1}));  // 0.005 -> 0.01
  EXPECT_EQ(total, 1);
  EXPECT_EQ(AllocateRounded({Rational::Fraction(49, 10000)}, 2, &total), (std::vector<Int128>{0}));  // 0.0049 -> 0.00
  EXPECT_EQ(total, 0);
  EXPECT_EQ(AllocateRounded({Rational::Fraction(15, 1000)}, 2, &total), (std::vector<Int128>{2}));  // 0.015 -> 0.02
  EXPECT_EQ(AllocateRounded({Rational::Fraction(25, 1000)}, 2, &total), (std::vector<Int128>{3}));  // not banker's
}

TEST(AllocateRounded, WorksForOtherMinorUnits) {
  // A currency without decimals (digits 0): 0.5 + 0.5 = 1, not 2.
  Int128 total = 0;
  const std::vector<Int128> parts = AllocateRounded({Rational::Fraction(1, 2), Rational::Fraction(1, 2)}, 0, &total);
  EXPECT_EQ(total, 1);
  EXPECT_EQ(Sum(parts), 1);
  // Three decimals: a third each of 0.001.
  const std::vector<Int128> mils = AllocateRounded(
      {Rational::Fraction(1, 3000), Rational::Fraction(1, 3000), Rational::Fraction(1, 3000)}, 3, &total);
  EXPECT_EQ(total, 1);
  EXPECT_EQ(Sum(mils), 1);
}

TEST(AllocateRounded, NoPartsMeanAZeroTotal) {
  Int128 total = -1;
  EXPECT_TRUE(AllocateRounded({}, 2, &total).empty());
  EXPECT_EQ(total, 0);
}

TEST(AllocateRounded, ManySmallPartsStillAddUp) {
  // Seven parts of 1/7 cent each round to 0.00 and sum to exactly 0.01.
  std::vector<Rational> sevenths(7, Rational::Fraction(1, 700));
  Int128 total = 0;
  const std::vector<Int128> parts = AllocateRounded(sevenths, 2, &total);
  EXPECT_EQ(total, 1);
  EXPECT_EQ(Sum(parts), 1);
  for (const Int128 part : parts) EXPECT_TRUE(part == 0 || part == 1);
}

// Exact amounts from 12-decimal inputs have numerators and denominators
// near 10^37; scaling the numerator by 100 first overflowed and the amount
// was shown as 0.00.
TEST(RoundToUnits, LargeNumeratorAndDenominatorStillRoundCorrectly) {
  const Int128 den = Pow10(37);
  // 100 + 10^-36 -> 100.00
  EXPECT_EQ(Rational::Fraction(Pow10(38) + 1, Pow10(36)).RoundToUnits(2), 10000);
  // 1.005 - 10^-37 -> 1.00, and 1.005 + 10^-37 -> 1.01
  EXPECT_EQ(Rational::Fraction(1005 * Pow10(34) - 1, den).RoundToUnits(2), 100);
  EXPECT_EQ(Rational::Fraction(1005 * Pow10(34) + 1, den).RoundToUnits(2), 101);
  EXPECT_EQ(Rational::Fraction(-(1005 * Pow10(34) + 1), den).RoundToUnits(2), -101);
  EXPECT_EQ(ToFixed(Rational::Fraction(123 * Pow10(35) + 7, Pow10(35)), 2), "123.00");
}

TEST(Estimate, TwelveDecimalInputsDoNotShowAZeroTotal) {
  // 0.123456789011 h x 7 epochs x 1000 GPUs x 0.123456789013 x (1 - 12.345678901237 %):
  // about 93.52 in total, 13.36 per epoch. The exact figures have 37-digit
  // numerators; the total used to come out as 0.00.
  const Estimate e = test::MustEstimate(
      R"({"instance":"a100x4","gpus":1000,"hours_per_epoch":"0.123456789011","price_per_gpu_hour":"0.123456789013",
          "discount_percent":"12.345678901237","epochs":7})");
  EXPECT_EQ(test::Money(e.per_epoch.total), "13.36");
  EXPECT_EQ(test::Money(e.total.total), "93.52");
  EXPECT_EQ(e.total.compute + e.total.data + e.total.ops, e.total.total);
  EXPECT_EQ(e.total.total, e.total_exact.RoundToUnits(2));
}

}  // namespace
}  // namespace epochcost
