// Exact rational numbers for money and time.
//
// Every quantity in an estimate (hours, prices, counts, percentages) is a
// fraction of two 128-bit integers, so that 0.1 h x 3 yuan is exactly 0.3
// yuan and rounding happens once, at display. Arithmetic never throws: an
// overflow makes the value "overflowed", which then sticks through further
// operations (like NaN, but checked explicitly by the caller).
#ifndef EPOCHCOST_RATIONAL_H
#define EPOCHCOST_RATIONAL_H

#include <cstdint>
#include <string>

namespace epochcost {

// GCC and clang both provide __int128, natively and on wasm32.
__extension__ typedef __int128 Int128;  // NOLINT(modernize-use-using)

class Rational {
 public:
  Rational() = default;
  Rational(std::int64_t value) : num_(value) {}  // NOLINT: implicit by design
  static Rational Fraction(Int128 num, Int128 den);
  static Rational Overflowed();

  Int128 num() const { return num_; }
  Int128 den() const { return den_; }
  bool overflowed() const { return overflowed_; }
  bool is_zero() const { return num_ == 0; }
  bool is_negative() const { return num_ < 0; }
  bool is_integer() const { return den_ == 1; }

  friend Rational operator+(const Rational& a, const Rational& b);
  friend Rational operator-(const Rational& a, const Rational& b);
  friend Rational operator*(const Rational& a, const Rational& b);
  // Division by zero yields an overflowed value; callers validate first.
  friend Rational operator/(const Rational& a, const Rational& b);
  friend bool operator==(const Rational& a, const Rational& b);
  friend bool operator!=(const Rational& a, const Rational& b) { return !(a == b); }
  friend bool operator<(const Rational& a, const Rational& b);
  friend bool operator>(const Rational& a, const Rational& b) { return b < a; }
  friend bool operator<=(const Rational& a, const Rational& b) { return !(b < a); }
  friend bool operator>=(const Rational& a, const Rational& b) { return !(a < b); }

  // Smallest integer not below the value (for billing increments and
  // whole instances).
  Rational Ceil() const;
  // Largest integer not above the value.
  Rational Floor() const;

  // Rounds half away from zero to `places` decimal places and returns the
  // result as an integer count of 10^-places units ("四舍五入").
  Int128 RoundToUnits(int places) const;

 private:
  Int128 num_ = 0;
  Int128 den_ = 1;
  bool overflowed_ = false;
};

// Decimal digits of an integer, with a leading '-' when negative.
std::string Int128ToString(Int128 value);

// Fixed-point text with exactly `places` decimals, rounded half away from
// zero: 1230 -> "1230.00".
std::string ToFixed(const Rational& value, int places);

// An integer count of 10^-digits units as fixed-point text: (123000, 2) ->
// "1230.00". For amounts already rounded to the currency's minor unit.
std::string MinorUnitsToFixed(Int128 units, int digits);

// The exact decimal when it has at most `max_places` decimals ("1.5", "60"),
// otherwise rounded half away from zero to `max_places` with trailing zeros
// removed. `exact` (optional) tells which case applied.
std::string ToShortDecimal(const Rational& value, int max_places, bool* exact = nullptr);

}  // namespace epochcost

#endif  // EPOCHCOST_RATIONAL_H
