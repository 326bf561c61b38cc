// Young's checkpoint interval in whole minutes (see spot.h). The spot
// estimate itself is worked out with the on-demand one, in estimate.cpp.
#include "epochcost/spot.h"

namespace epochcost {

std::optional<Rational> BestCheckpointIntervalHours(const Rational& save_minutes, const Rational& rate) {
  if (save_minutes.is_zero() || rate.is_zero()) return std::nullopt;
  const Rational x = Rational(120) * save_minutes / rate;  // minutes squared
  if (x.overflowed()) return std::nullopt;
  // The largest m with m^2 <= x, by bisection (x < 2^64 within the limits).
  Int128 lo = 0;
  Int128 hi = Int128{1} << 40;
  while (hi - lo > 1) {
    const Int128 mid = lo + (hi - lo) / 2;
    (Rational::Fraction(mid * mid, 1) <= x ? lo : hi) = mid;
  }
  // Nearest whole minute: up when x >= (m + 1/2)^2.
  const Int128 up = 2 * lo + 1;
  Int128 minutes = x >= Rational::Fraction(up * up, 4) ? lo + 1 : lo;
  if (minutes < 1) minutes = 1;
  return Rational::Fraction(minutes, 60);
}

}  // namespace epochcost
