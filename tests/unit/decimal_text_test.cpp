// ParseDecimalText: decimal text to an exact Rational, or a named error code.
#include "epochcost/decimal_text.h"

#include <gtest/gtest.h>

#include <string>

#include "epochcost/error.h"

namespace epochcost {
namespace {

// The parsed value, or a failure naming the code that came back.
::testing::AssertionResult ParsesAs(const std::string& text, const Rational& expected) {
  Rational value;
  if (const char* failure = ParseDecimalText(text, &value)) {
    return ::testing::AssertionFailure() << "\"" << text << "\" failed with " << failure;
  }
  if (value != expected) {
    return ::testing::AssertionFailure() << "\"" << text << "\" parsed as " << ToShortDecimal(value, 12);
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult FailsWith(const std::string& text, const std::string& code) {
  Rational value;
  const char* failure = ParseDecimalText(text, &value);
  if (failure == nullptr) return ::testing::AssertionFailure() << "\"" << text << "\" was accepted";
  if (failure != code) return ::testing::AssertionFailure() << "\"" << text << "\" failed with " << failure;
  return ::testing::AssertionSuccess();
}

TEST(DecimalText, ParsesPlainDecimalsExactly) {
  EXPECT_TRUE(ParsesAs("20", Rational(20)));
  EXPECT_TRUE(ParsesAs("0.1", Rational::Fraction(1, 10)));
  EXPECT_TRUE(ParsesAs("1.5", Rational::Fraction(3, 2)));
  EXPECT_TRUE(ParsesAs("1.50", Rational::Fraction(3, 2)));
  EXPECT_TRUE(ParsesAs("007", Rational(7)));
  EXPECT_TRUE(ParsesAs(".5", Rational::Fraction(1, 2)));
  EXPECT_TRUE(ParsesAs("5.", Rational(5)));
  EXPECT_TRUE(ParsesAs("+2", Rational(2)));
  EXPECT_TRUE(ParsesAs("-2.25", Rational::Fraction(-9, 4)));
  EXPECT_TRUE(ParsesAs("0", Rational(0)));
  EXPECT_TRUE(ParsesAs("-0.000", Rational(0)));
}

TEST(DecimalText, ParsesExponents) {
  EXPECT_TRUE(ParsesAs("1.4e12", Rational(1400000000000)));
  EXPECT_TRUE(ParsesAs("15E-1", Rational::Fraction(3, 2)));
  EXPECT_TRUE(ParsesAs("1e+3", Rational(1000)));
  EXPECT_TRUE(ParsesAs("0e999999", Rational(0)));
}

TEST(DecimalText, IgnoresSurroundingWhiteSpace) {
  EXPECT_TRUE(ParsesAs("  1.5\t\n", Rational::Fraction(3, 2)));
  EXPECT_TRUE(ParsesAs("\r\n1.5\r\n", Rational::Fraction(3, 2)));  // a line copied from a Windows file
  EXPECT_TRUE(FailsWith("\v1.5", code::kNotANumber));              // other control characters are not space
}

TEST(DecimalText, AcceptsFullWidthDigitsFromAChineseKeyboard) {
  EXPECT_TRUE(ParsesAs("１.５", Rational::Fraction(3, 2)));   // full-width digits, ASCII point
  EXPECT_TRUE(ParsesAs("１．５", Rational::Fraction(3, 2)));  // full-width point too
  EXPECT_TRUE(
      ParsesAs("\xE3\x80\x80"
               "２０",
               Rational(20)));                // ideographic space
  EXPECT_TRUE(ParsesAs("−3", Rational(-3)));  // U+2212 minus sign
  EXPECT_EQ(FoldFullWidth("０１２３４５６７８９"), "0123456789");
  EXPECT_EQ(FoldFullWidth("a100x4"), "a100x4");
  EXPECT_EQ(FoldFullWidth("元"), "元");  // other characters are kept
  // U+FF1A, the full-width colon, sits just past the digits (EF BC 9A).
  EXPECT_EQ(FoldFullWidth("\xEF\xBC\x9A"), "\xEF\xBC\x9A");
  EXPECT_TRUE(
      FailsWith("1\xEF\xBC\x9A"
                "5",
                code::kNotANumber));
}

TEST(DecimalText, EmptyTextIsEmptyValue) {
  EXPECT_TRUE(FailsWith("", code::kEmptyValue));
  EXPECT_TRUE(FailsWith("   ", code::kEmptyValue));
}

TEST(DecimalText, NonFiniteWordsAreNotFinite) {
  for (const char* word : {"NaN", "nan", "Infinity", "-inf", "+INF", "-Infinity"}) {
    EXPECT_TRUE(FailsWith(word, code::kNotFinite)) << word;
  }
}

TEST(DecimalText, CommaIsRefusedByName) {
  // "1,5" is 1.5 to some readers and 15 to others: refuse, do not guess.
  EXPECT_TRUE(FailsWith("1,5", code::kCommaInNumber));
  EXPECT_TRUE(FailsWith("1,000", code::kCommaInNumber));
  EXPECT_TRUE(FailsWith("1，5", code::kCommaInNumber));  // full-width comma
}

TEST(DecimalText, TextThatIsNotANumberIsNotANumber) {
  for (const char* text :
       {"abc", "1.5h", "1 000", "0x10", ".", "-", "1e", "1e+", "1.2.3", "二十", "$5", "1e5x", "1e5/", "2e1.5"}) {
    EXPECT_TRUE(FailsWith(text, code::kNotANumber)) << text;
  }
}

TEST(DecimalText, HugeValuesAreTooLarge) {
  EXPECT_TRUE(FailsWith("1e309", code::kTooLarge));
  EXPECT_TRUE(FailsWith("1e21", code::kTooLarge));
  EXPECT_TRUE(FailsWith("1e99999999999", code::kTooLarge));
  EXPECT_TRUE(FailsWith("123456789012345678901234567890", code::kTooLarge));
  EXPECT_TRUE(
      ParsesAs("999999999999999999999", Rational::Fraction(999999999999999999, 1) * Rational(1000) + Rational(999)));
}

TEST(DecimalText, TinyOrOverlyPreciseValuesAreTooPrecise) {
  EXPECT_TRUE(FailsWith("1e-400", code::kTooPrecise));
  EXPECT_TRUE(FailsWith("0.0000000000001", code::kTooPrecise));                   // 13 places
  EXPECT_TRUE(ParsesAs("0.000000000001", Rational::Fraction(1, 1000000000000)));  // 12 places
  EXPECT_TRUE(ParsesAs("1.500000000000000000", Rational::Fraction(3, 2)));        // trailing zeros add no precision
  // More than 30 significant digits, the leading one near 1 (or below it):
  // too precise to keep exactly, not too large.
  EXPECT_TRUE(FailsWith("1.000000000000000000000000000001", code::kTooPrecise));
  EXPECT_TRUE(FailsWith("0.1234567890123456789012345678901", code::kTooPrecise));
}

}  // namespace
}  // namespace epochcost
