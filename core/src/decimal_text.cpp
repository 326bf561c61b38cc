// Exact decimal text parsing (see decimal_text.h).
#include "epochcost/decimal_text.h"

#include <cctype>

#include "epochcost/error.h"

namespace epochcost {
namespace {

// Mantissas longer than this cannot be exact in 128 bits anyway.
constexpr int kMaxMantissaDigits = 30;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// `text` is not empty (checked first).
bool IsNonFiniteWord(std::string_view text) {
  std::string word = Lower(text);
  if (word[0] == '+' || word[0] == '-') word.erase(0, 1);
  return word == "nan" || word == "inf" || word == "infinity";
}

}  // namespace

std::string FoldFullWidth(std::string_view text) {
  // What a Chinese IME or a copied document puts where ASCII is meant.
  struct Fold {
    std::string_view from;
    char to;
  };
  static constexpr Fold kFolds[] = {
      {"\xEF\xBC\x8E", '.'},  // U+FF0E full-width full stop
      {"\xEF\xBC\x8B", '+'},  // U+FF0B full-width plus
      {"\xEF\xBC\x8D", '-'},  // U+FF0D full-width hyphen-minus
      {"\xE2\x88\x92", '-'},  // U+2212 minus sign
      {"\xEF\xBC\x8C", ','},  // U+FF0C full-width comma (refused later, by name)
      {"\xEF\xBC\xA5", 'E'},  // U+FF25 full-width E
      {"\xEF\xBD\x85", 'e'},  // U+FF45 full-width e
      {"\xE3\x80\x80", ' '},  // U+3000 ideographic space
      {"\xC2\xA0", ' '},      // U+00A0 no-break space
  };
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::string_view rest = text.substr(i);
    // U+FF10..U+FF19, the full-width digits, are EF BC 90..99.
    if (rest.size() >= 3 && rest.substr(0, 2) == "\xEF\xBC" && static_cast<unsigned char>(rest[2]) >= 0x90 &&
        static_cast<unsigned char>(rest[2]) <= 0x99) {
      out.push_back(static_cast<char>('0' + (static_cast<unsigned char>(rest[2]) - 0x90)));
      i += 3;
      continue;
    }
    bool folded = false;
    for (const Fold& fold : kFolds) {
      if (rest.substr(0, fold.from.size()) == fold.from) {
        out.push_back(fold.to);
        i += fold.from.size();
        folded = true;
        break;
      }
    }
    if (!folded) out.push_back(text[i++]);
  }
  return out;
}

const char* ParseDecimalText(std::string_view raw, Rational* out) {
  const std::string folded = FoldFullWidth(raw);
  std::string_view text(folded);
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  if (text.empty()) return code::kEmptyValue;
  if (IsNonFiniteWord(text)) return code::kNotFinite;
  if (text.find(',') != std::string_view::npos) return code::kCommaInNumber;

  std::size_t i = 0;
  bool negative = false;
  if (text[i] == '+' || text[i] == '-') {
    negative = text[i] == '-';
    ++i;
  }
  Int128 mantissa = 0;
  int significant = 0;
  int integer_significant = 0;  // significant digits before the point
  int leading_zeros = 0;        // zeros after the point before the first significant digit
  int fraction_digits = 0;
  int digits_seen = 0;
  bool in_fraction = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !in_fraction) {
      in_fraction = true;
      continue;
    }
    if (c < '0' || c > '9') break;
    ++digits_seen;
    if (mantissa == 0 && c == '0') {
      if (in_fraction) ++fraction_digits;
      continue;  // leading zeros carry no information
    }
    if (!in_fraction) ++integer_significant;
    if (significant == 0) leading_zeros = fraction_digits;
    // Past 30 digits only count them: whether the number is far too large
    // or too precise depends on where its leading digit stands.
    if (++significant > kMaxMantissaDigits) continue;
    mantissa = mantissa * 10 + (c - '0');
    if (in_fraction) ++fraction_digits;
  }
  if (digits_seen == 0) return code::kNotANumber;

  long exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
      exp_negative = text[i] == '-';
      ++i;
    }
    int exp_digits = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      if (exponent < 100000) exponent = exponent * 10 + (text[i] - '0');
      ++exp_digits;
    }
    if (exp_digits == 0) return code::kNotANumber;
    if (exp_negative) exponent = -exponent;
  }
  if (i != text.size()) return code::kNotANumber;
  if (significant > kMaxMantissaDigits) {
    // Too many digits to be exact: far too large when the leading digit
    // stands at 10^21 or above (a 5000-digit "999..."), else too precise.
    const long leading = integer_significant > 0 ? integer_significant - 1 + exponent : exponent - 1 - leading_zeros;
    return leading >= kMaxInputExponent ? code::kTooLarge : code::kTooPrecise;
  }

  if (mantissa == 0) {
    *out = Rational(0);
    return nullptr;
  }
  // Trailing zeros of the mantissa move into the exponent, so "1.50" and
  // "1.5" are the same value with the same precision check.
  exponent -= fraction_digits;
  while (mantissa % 10 == 0) {
    mantissa /= 10;
    ++exponent;
  }
  long magnitude = exponent;  // the power of ten of the leading digit
  for (Int128 m = mantissa; m >= 10; m /= 10) ++magnitude;
  if (magnitude >= kMaxInputExponent) return code::kTooLarge;
  if (exponent < -kMaxInputPlaces) return code::kTooPrecise;

  Int128 scale = 1;
  for (long k = 0; k < (exponent < 0 ? -exponent : exponent); ++k) scale *= 10;
  const Int128 signed_mantissa = negative ? -mantissa : mantissa;
  *out = exponent < 0 ? Rational::Fraction(signed_mantissa, scale) : Rational::Fraction(signed_mantissa * scale, 1);
  return nullptr;
}

}  // namespace epochcost
