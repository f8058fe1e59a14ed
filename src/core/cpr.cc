#include "core/cpr.h"

namespace trygnet {

int CprCentury(int two_digit_year, int first_serial_digit) {
  switch (first_serial_digit) {
    case 0:
    case 1:
    case 2:
    case 3:
      return 1900;
    case 4:
    case 9:
      return two_digit_year <= 36 ? 2000 : 1900;
    default:  // 5–8
      return two_digit_year <= 57 ? 2000 : 1800;
  }
}

Result<CprNumber> CprNumber::Parse(std::string_view text, std::string_view field) {
  std::string digits;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '-' && i == 6 && text.size() == 11) continue;
    if (c < '0' || c > '9' || digits.size() == 10) {
      return InvalidArgument(std::string(field), "must be 10 digits as DDMMYY-SSSS");
    }
    digits += c;
  }
  if (digits.size() != 10) {
    return InvalidArgument(std::string(field), "must be 10 digits as DDMMYY-SSSS");
  }
  auto two = [&](size_t pos) { return (digits[pos] - '0') * 10 + (digits[pos + 1] - '0'); };
  int year2 = two(4);
  int year = CprCentury(year2, digits[6] - '0') + year2;
  auto birth = Date::FromYmd(year, static_cast<unsigned>(two(2)), static_cast<unsigned>(two(0)), field);
  if (!birth.ok()) {
    return InvalidArgument(std::string(field), "the first six digits are not a real birth date (DDMMYY)");
  }
  return CprNumber(std::move(digits), *birth);
}

std::string CprNumber::Formatted() const { return digits_.substr(0, 6) + "-" + digits_.substr(6); }

bool CprNumber::PassesModulus11() const {
  static constexpr int kWeights[10] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
  int sum = 0;
  for (int i = 0; i < 10; ++i) sum += (digits_[static_cast<size_t>(i)] - '0') * kWeights[i];
  return sum % 11 == 0;
}

}  // namespace trygnet
