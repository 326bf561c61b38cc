// The throughput kept across instances (see scaling.h).
#include "epochcost/scaling.h"

#include <cmath>

namespace epochcost {
namespace {

constexpr double kLn2 = 0.693147180559945309417232121458;
constexpr std::int64_t kScale = 1000000000;  // nine decimals

double ToDouble(const Rational& value) { return static_cast<double>(value.num()) / static_cast<double>(value.den()); }

// ln x for x > 0: x = m 2^p with m near 1 (frexp and ldexp are exact), then
// ln m = 2 atanh((m - 1) / (m + 1)) by its series.
double Ln(double x) {
  int p = 0;
  double m = std::frexp(x, &p);  // m in [0.5, 1)
  if (m < 0.70710678118654752) {
    m *= 2;
    --p;
  }
  const double z = (m - 1) / (m + 1);  // |z| < 0.18
  const double z2 = z * z;
  double term = z;
  double sum = 0;
  for (int k = 1; k < 60; k += 2) {
    sum += term / k;
    term *= z2;
  }
  return p * kLn2 + 2 * sum;
}

// e^y: y = n ln 2 + f with |f| <= ln 2 / 2, Taylor series for e^f.
double Exp(double y) {
  const double n = std::floor(y / kLn2 + 0.5);
  const double f = y - n * kLn2;
  double term = 1;
  double sum = 1;
  for (int k = 1; k < 30; ++k) {
    term = term * f / k;
    sum += term;
  }
  return std::ldexp(sum, static_cast<int>(n));
}

}  // namespace

Rational ThroughputKept(const Rational& efficiency, std::int64_t instances) {
  if (instances <= 1 || efficiency == Rational(1)) return Rational(1);
  const double kept = Exp(Ln(ToDouble(efficiency)) * Ln(static_cast<double>(instances)) / kLn2);
  double units = std::floor(kept * static_cast<double>(kScale) + 0.5);
  if (units < 1) units = 1;
  return Rational::Fraction(static_cast<Int128>(units), kScale);
}

}  // namespace epochcost
