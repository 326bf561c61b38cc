// Exact rational arithmetic with sticky overflow (see rational.h).
#include "epochcost/rational.h"

#include <algorithm>

namespace epochcost {
namespace {

Int128 Abs(Int128 v) { return v < 0 ? -v : v; }

Int128 Gcd(Int128 a, Int128 b) {
  a = Abs(a);
  b = Abs(b);
  while (b != 0) {
    const Int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

bool MulOverflows(Int128 a, Int128 b, Int128* out) { return __builtin_mul_overflow(a, b, out); }
bool AddOverflows(Int128 a, Int128 b, Int128* out) { return __builtin_add_overflow(a, b, out); }

}  // namespace

Rational Rational::Fraction(Int128 num, Int128 den) {
  if (den == 0) return Overflowed();
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const Int128 g = Gcd(num, den);
  Rational r;
  if (g > 1) {
    num /= g;
    den /= g;
  }
  r.num_ = num;
  r.den_ = den;
  return r;
}

Rational Rational::Overflowed() {
  Rational r;
  r.overflowed_ = true;
  return r;
}

Rational operator+(const Rational& a, const Rational& b) {
  if (a.overflowed_ || b.overflowed_) return Rational::Overflowed();
  // a/b + c/d over the least common denominator keeps intermediates small.
  const Int128 g = Gcd(a.den_, b.den_);
  const Int128 da = b.den_ / g;
  const Int128 db = a.den_ / g;
  Int128 left = 0;
  Int128 right = 0;
  Int128 num = 0;
  Int128 den = 0;
  if (MulOverflows(a.num_, da, &left) || MulOverflows(b.num_, db, &right) || AddOverflows(left, right, &num) ||
      MulOverflows(a.den_, da, &den)) {
    return Rational::Overflowed();
  }
  return Rational::Fraction(num, den);
}

Rational operator-(const Rational& a, const Rational& b) {
  Rational negated = b;
  negated.num_ = -negated.num_;
  return a + negated;
}

Rational operator*(const Rational& a, const Rational& b) {
  if (a.overflowed_ || b.overflowed_) return Rational::Overflowed();
  // Cross-cancel first so that exact results stay representable.
  const Int128 g1 = Gcd(a.num_, b.den_);
  const Int128 g2 = Gcd(b.num_, a.den_);
  const Int128 an = g1 > 1 ? a.num_ / g1 : a.num_;
  const Int128 bd = g1 > 1 ? b.den_ / g1 : b.den_;
  const Int128 bn = g2 > 1 ? b.num_ / g2 : b.num_;
  const Int128 ad = g2 > 1 ? a.den_ / g2 : a.den_;
  Int128 num = 0;
  Int128 den = 0;
  if (MulOverflows(an, bn, &num) || MulOverflows(ad, bd, &den)) return Rational::Overflowed();
  return Rational::Fraction(num, den);
}

Rational operator/(const Rational& a, const Rational& b) {
  if (a.overflowed_ || b.overflowed_ || b.num_ == 0) return Rational::Overflowed();
  return a * Rational::Fraction(b.den_, b.num_);
}

bool operator==(const Rational& a, const Rational& b) {
  return a.overflowed_ == b.overflowed_ && a.num_ == b.num_ && a.den_ == b.den_;
}

bool operator<(const Rational& a, const Rational& b) {
  const Rational diff = a - b;
  return !diff.overflowed() && diff.is_negative();
}

Rational Rational::Floor() const {
  if (overflowed_) return *this;
  Int128 q = num_ / den_;
  if (num_ % den_ != 0 && num_ < 0) --q;
  return Fraction(q, 1);
}

Rational Rational::Ceil() const {
  if (overflowed_) return *this;
  Int128 q = num_ / den_;
  if (num_ % den_ != 0 && num_ > 0) ++q;
  return Fraction(q, 1);
}

Int128 Rational::RoundToUnits(int places) const {
  Int128 scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  Int128 scaled = 0;
  Int128 q = 0;
  Int128 rem = 0;
  if (!MulOverflows(Abs(num_), scale, &scaled)) {
    q = scaled / den_;
    rem = scaled % den_;
  } else {
    // Exact amounts can have numerators and denominators near 10^37, where
    // |num| x 10^places overflows. Long division, one decimal at a time:
    // 10 x rem = digit x den + rem', with rem' built by ten additions modulo
    // den so that no intermediate exceeds den.
    q = Abs(num_) / den_;
    rem = Abs(num_) % den_;
    for (int i = 0; i < places; ++i) {
      Int128 digit = 0;
      Int128 next = 0;
      for (int k = 0; k < 10; ++k) {
        if (next >= den_ - rem) {
          next -= den_ - rem;
          ++digit;
        } else {
          next += rem;
        }
      }
      if (MulOverflows(q, 10, &q)) return 0;
      q += digit;
      rem = next;
    }
  }
  // floor(x + 1/2) on the magnitude is half away from zero (rem >= den / 2).
  if (rem >= den_ - rem) ++q;
  return num_ < 0 ? -q : q;
}

std::string Int128ToString(Int128 value) {
  if (value == 0) return "0";
  const bool negative = value < 0;
  std::string digits;
  while (value != 0) {
    const int digit = static_cast<int>(value % 10);
    digits.push_back(static_cast<char>('0' + (digit < 0 ? -digit : digit)));
    value /= 10;
  }
  if (negative) digits.push_back('-');
  std::reverse(digits.begin(), digits.end());
  return digits;
}

std::string ToFixed(const Rational& value, int places) {
  const Int128 units = value.RoundToUnits(places);
  std::string digits = Int128ToString(Abs(units));
  if (places > 0) {
    if (static_cast<int>(digits.size()) <= places) {
      digits.insert(0, static_cast<std::size_t>(places) + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - static_cast<std::size_t>(places), ".");
  }
  return (units < 0 ? "-" : "") + digits;
}

std::string MinorUnitsToFixed(Int128 units, int digits) {
  Int128 scale = 1;
  for (int i = 0; i < digits; ++i) scale *= 10;
  return ToFixed(Rational::Fraction(units, scale), digits);
}

std::string ToShortDecimal(const Rational& value, int max_places, bool* exact) {
  std::string text = ToFixed(value, max_places);
  if (exact != nullptr) {
    Int128 scale = 1;
    for (int i = 0; i < max_places; ++i) scale *= 10;
    *exact = Rational::Fraction(value.RoundToUnits(max_places), scale) == value;
  }
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text;  // never "-0": ToFixed writes a sign only before a digit that is not zero
}

}  // namespace epochcost
