// Rational: exact fractions of 128-bit integers, with sticky overflow.
#include "epochcost/rational.h"

#include <gtest/gtest.h>

#include "epochcost/decimal_text.h"

namespace epochcost {
namespace {

Rational Dec(const char* text) {
  Rational value;
  EXPECT_EQ(ParseDecimalText(text, &value), nullptr) << text;
  return value;
}

Int128 Pow10(int n) {
  Int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

TEST(Rational, PointOnePlusPointTwoIsExactlyPointThree) {
  // The classic binary floating-point failure: 0.1 + 0.2 != 0.3 as doubles.
  EXPECT_EQ(Dec("0.1") + Dec("0.2"), Dec("0.3"));
  EXPECT_EQ(Dec("0.3"), Rational::Fraction(3, 10));
}

TEST(Rational, TenthOfAnHourTimesThreeTimesThreeIsPointNine) {
  // 0.1 h x 3 yuan x 3 epochs = 0.9, not 0.8999999999999999.
  EXPECT_EQ(Dec("0.1") * Rational(3) * Rational(3), Rational::Fraction(9, 10));
  EXPECT_EQ(ToFixed(Dec("0.1") * Rational(3) * Rational(3), 2), "0.90");
}

TEST(Rational, FractionsAreKeptInLowestTermsWithPositiveDenominator) {
  const Rational r = Rational::Fraction(6, -4);
  EXPECT_EQ(r.num(), -3);
  EXPECT_EQ(r.den(), 2);
  EXPECT_EQ(Rational::Fraction(10, 5), Rational(2));
  EXPECT_TRUE(Rational::Fraction(10, 5).is_integer());
  EXPECT_TRUE(Rational::Fraction(0, 7).is_zero());
  EXPECT_EQ(Rational::Fraction(0, 7).den(), 1);
}

TEST(Rational, ArithmeticIsExact) {
  EXPECT_EQ(Rational::Fraction(1, 3) + Rational::Fraction(1, 6), Rational::Fraction(1, 2));
  EXPECT_EQ(Rational::Fraction(1, 3) - Rational::Fraction(1, 2), Rational::Fraction(-1, 6));
  EXPECT_EQ(Rational::Fraction(2, 3) * Rational::Fraction(9, 4), Rational::Fraction(3, 2));
  EXPECT_EQ(Rational::Fraction(2, 3) / Rational::Fraction(4, 9), Rational::Fraction(3, 2));
  // Three thirds are one, exactly.
  EXPECT_EQ(Rational::Fraction(1, 3) + Rational::Fraction(1, 3) + Rational::Fraction(1, 3), Rational(1));
}

TEST(Rational, ComparesByValue) {
  EXPECT_LT(Rational::Fraction(1, 3), Rational::Fraction(1, 2));
  EXPECT_GT(Rational(-1), Rational(-2));
  EXPECT_LE(Rational::Fraction(2, 4), Rational::Fraction(1, 2));
  EXPECT_GE(Rational(0), Rational::Fraction(-1, 1000000));
  EXPECT_NE(Rational::Fraction(1, 3), Rational::Fraction(333, 1000));
}

TEST(Rational, DivisionByZeroOverflowsInsteadOfCrashing) {
  EXPECT_TRUE((Rational(1) / Rational(0)).overflowed());
  EXPECT_TRUE(Rational::Fraction(1, 0).overflowed());
}

TEST(Rational, OverflowIsStickyThroughFurtherArithmetic) {
  const Rational big = Rational::Fraction(Pow10(30), 1);
  const Rational overflowed = big * big;  // 1e60 does not fit in 128 bits
  EXPECT_TRUE(overflowed.overflowed());
  EXPECT_TRUE((overflowed + Rational(1)).overflowed());
  EXPECT_TRUE((Rational(1) - overflowed).overflowed());
  // Rounding to a whole number keeps it overflowed, rather than making up a value.
  EXPECT_TRUE(overflowed.Floor().overflowed());
  EXPECT_TRUE(overflowed.Ceil().overflowed());
  EXPECT_TRUE((overflowed * Rational(0)).overflowed());
  EXPECT_TRUE((overflowed / Rational(2)).overflowed());
  EXPECT_NE(overflowed, Rational(0));
}

// Each step of a sum or product that can leave 128 bits gives an overflowed
// value, never a wrapped one: either numerator, their sum, the common
// denominator; and an overflowed right-hand side is as sticky as a left one.
TEST(Rational, EveryStepThatLeaves128BitsOverflows) {
  Int128 three_pow_40 = 1;
  for (int i = 0; i < 40; ++i) three_pow_40 *= 3;  // about 1.2e19, coprime with 1e20
  const Rational big = Rational::Fraction(Pow10(38), 1);
  EXPECT_TRUE((big + big).overflowed());                                                    // the sum of the numerators
  EXPECT_TRUE((Rational::Fraction(1, 2) + Rational::Fraction(Pow10(38), 3)).overflowed());  // the right numerator
  const Rational tiny = Rational::Fraction(1, Pow10(20));
  const Rational other_tiny = Rational::Fraction(1, three_pow_40);
  EXPECT_TRUE((tiny + other_tiny).overflowed());  // the common denominator, about 1.2e39
  EXPECT_TRUE((tiny * other_tiny).overflowed());  // the product's denominator
  EXPECT_FALSE((tiny * Rational::Fraction(1, 1000)).overflowed());
  const Rational overflowed = big * big;
  EXPECT_TRUE((Rational(2) * overflowed).overflowed());
  EXPECT_TRUE((Rational(2) / overflowed).overflowed());
}

TEST(Rational, CrossCancellationKeepsLargeExactProductsRepresentable) {
  // (1e30 / 7) x (7 / 1e30) = 1, although 1e30 x 7 x 1e30 would not fit.
  const Rational a = Rational::Fraction(Pow10(30), 7);
  const Rational b = Rational::Fraction(7, Pow10(30));
  EXPECT_EQ(a * b, Rational(1));
}

TEST(Rational, CeilAndFloorRoundTowardTheirSide) {
  EXPECT_EQ(Rational::Fraction(13, 10).Ceil(), Rational(2));
  EXPECT_EQ(Rational::Fraction(13, 10).Floor(), Rational(1));
  EXPECT_EQ(Rational(2).Ceil(), Rational(2));
  EXPECT_EQ(Rational(2).Floor(), Rational(2));
  EXPECT_EQ(Rational::Fraction(-13, 10).Ceil(), Rational(-1));
  EXPECT_EQ(Rational::Fraction(-13, 10).Floor(), Rational(-2));
}

TEST(Rational, RoundsHalfAwayFromZero) {
  EXPECT_EQ(Rational::Fraction(5, 1000).RoundToUnits(2), 1);    // 0.005 -> 0.01
  EXPECT_EQ(Rational::Fraction(49, 10000).RoundToUnits(2), 0);  // 0.0049 -> 0.00
  EXPECT_EQ(Rational::Fraction(-5, 1000).RoundToUnits(2), -1);  // -0.005 -> -0.01
  EXPECT_EQ(Rational::Fraction(25, 10).RoundToUnits(0), 3);     // 2.5 -> 3, not banker's 2
  EXPECT_EQ(Rational::Fraction(35, 10).RoundToUnits(0), 4);
  EXPECT_EQ(Rational::Fraction(1, 3).RoundToUnits(2), 33);
  EXPECT_EQ(Rational::Fraction(2, 3).RoundToUnits(2), 67);
}

TEST(Rational, ToFixedPadsAndRounds) {
  EXPECT_EQ(ToFixed(Rational(1230), 2), "1230.00");
  EXPECT_EQ(ToFixed(Rational::Fraction(9, 10), 2), "0.90");
  EXPECT_EQ(ToFixed(Rational::Fraction(1, 100), 2), "0.01");
  EXPECT_EQ(ToFixed(Rational::Fraction(-1, 100), 2), "-0.01");
  EXPECT_EQ(ToFixed(Rational::Fraction(1, 3), 0), "0");
  EXPECT_EQ(ToFixed(Rational::Fraction(5, 1000), 2), "0.01");
}

TEST(Rational, ToShortDecimalIsExactWhenItCanBe) {
  bool exact = false;
  EXPECT_EQ(ToShortDecimal(Rational::Fraction(3, 2), 6, &exact), "1.5");
  EXPECT_TRUE(exact);
  EXPECT_EQ(ToShortDecimal(Rational(60), 6, &exact), "60");
  EXPECT_TRUE(exact);
  EXPECT_EQ(ToShortDecimal(Rational::Fraction(1, 3), 4, &exact), "0.3333");
  EXPECT_FALSE(exact);
  EXPECT_EQ(ToShortDecimal(Rational::Fraction(-1, 1000000), 2), "0");  // never "-0"
}

TEST(Rational, Int128ToStringHandlesSignAndWidth) {
  EXPECT_EQ(Int128ToString(0), "0");
  EXPECT_EQ(Int128ToString(-42), "-42");
  EXPECT_EQ(Int128ToString(Pow10(30)), "1000000000000000000000000000000");
}

}  // namespace
}  // namespace epochcost
