// A small unsigned big integer for tests that must compute an expected
// figure independently of the core's 128-bit Rationals (which may refuse
// with "overflow" exactly where these tests look). Only what the tests use:
// decimal text in and out, +, -, x, and division with remainder.
#ifndef EPOCHCOST_TESTS_BIG_UINT_H
#define EPOCHCOST_TESTS_BIG_UINT_H

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace epochcost::test {

class BigUint {
 public:
  BigUint() = default;
  BigUint(std::uint64_t value) {  // NOLINT: implicit, like an integer
    while (value != 0) {
      limbs_.push_back(static_cast<std::uint32_t>(value));
      value >>= 32;
    }
  }
  // Decimal digits only ("1230"); anything else is a test bug.
  static BigUint FromDecimal(const std::string& digits) {
    BigUint out;
    for (const char c : digits) out = out * BigUint(10) + BigUint(static_cast<std::uint64_t>(c - '0'));
    return out;
  }
  static BigUint Pow10(int n) {
    BigUint out(1);
    for (int i = 0; i < n; ++i) out = out * BigUint(10);
    return out;
  }

  bool is_zero() const { return limbs_.empty(); }

  friend BigUint operator+(const BigUint& a, const BigUint& b) {
    BigUint out;
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < std::max(a.limbs_.size(), b.limbs_.size()) || carry != 0; ++i) {
      carry += static_cast<std::uint64_t>(a.Limb(i)) + b.Limb(i);
      out.limbs_.push_back(static_cast<std::uint32_t>(carry));
      carry >>= 32;
    }
    out.Trim();
    return out;
  }
  // a - b for a >= b.
  friend BigUint operator-(const BigUint& a, const BigUint& b) {
    BigUint out;
    std::int64_t borrow = 0;
    for (std::size_t i = 0; i < a.limbs_.size(); ++i) {
      std::int64_t digit = static_cast<std::int64_t>(a.Limb(i)) - b.Limb(i) - borrow;
      borrow = digit < 0 ? 1 : 0;
      if (digit < 0) digit += std::int64_t{1} << 32;
      out.limbs_.push_back(static_cast<std::uint32_t>(digit));
    }
    out.Trim();
    return out;
  }
  friend BigUint operator*(const BigUint& a, const BigUint& b) {
    BigUint out;
    out.limbs_.assign(a.limbs_.size() + b.limbs_.size(), 0);
    for (std::size_t i = 0; i < a.limbs_.size(); ++i) {
      std::uint64_t carry = 0;
      for (std::size_t j = 0; j < b.limbs_.size() || carry != 0; ++j) {
        const std::uint64_t sum = out.limbs_[i + j] + carry + static_cast<std::uint64_t>(a.limbs_[i]) * b.Limb(j);
        out.limbs_[i + j] = static_cast<std::uint32_t>(sum);
        carry = sum >> 32;
      }
    }
    out.Trim();
    return out;
  }
  friend bool operator==(const BigUint& a, const BigUint& b) { return a.limbs_ == b.limbs_; }
  friend bool operator<(const BigUint& a, const BigUint& b) {
    if (a.limbs_.size() != b.limbs_.size()) return a.limbs_.size() < b.limbs_.size();
    for (std::size_t i = a.limbs_.size(); i-- > 0;) {
      if (a.limbs_[i] != b.limbs_[i]) return a.limbs_[i] < b.limbs_[i];
    }
    return false;
  }

  // {a / b, a % b} for b > 0, bit by bit (the numbers here have a few hundred bits).
  static std::pair<BigUint, BigUint> DivMod(const BigUint& a, const BigUint& b) {
    BigUint quotient;
    BigUint remainder;
    quotient.limbs_.assign(a.limbs_.size(), 0);
    for (std::size_t bit = a.limbs_.size() * 32; bit-- > 0;) {
      remainder = remainder + remainder;
      if ((a.limbs_[bit / 32] >> (bit % 32)) & 1U) remainder = remainder + BigUint(1);
      if (!(remainder < b)) {
        remainder = remainder - b;
        quotient.limbs_[bit / 32] |= 1U << (bit % 32);
      }
    }
    quotient.Trim();
    return {quotient, remainder};
  }

  std::string ToDecimal() const {
    if (is_zero()) return "0";
    std::string digits;
    BigUint rest = *this;
    const BigUint ten(10);
    while (!rest.is_zero()) {
      auto [q, r] = DivMod(rest, ten);
      digits.push_back(static_cast<char>('0' + r.Limb(0)));
      rest = q;
    }
    std::reverse(digits.begin(), digits.end());
    return digits;
  }

 private:
  std::uint32_t Limb(std::size_t i) const { return i < limbs_.size() ? limbs_[i] : 0; }
  void Trim() {
    while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
  }

  std::vector<std::uint32_t> limbs_;  // little-endian base 2^32
};

}  // namespace epochcost::test

#endif  // EPOCHCOST_TESTS_BIG_UINT_H
