// The Danish personal identification number (CPR-nummer): DDMMYY-SSSS.
//
// The first six digits are the birth date; the first serial digit together
// with the two-digit year gives the century (CPR-kontoret's table). The
// modulus-11 check is not required: numbers issued since 2007 may fail it.
#pragma once

#include <string>
#include <string_view>

#include "core/date.h"
#include "core/error.h"

namespace trygnet {

class CprNumber {
 public:
  // Accepts "DDMMYYSSSS" or "DDMMYY-SSSS". Returns invalid_argument naming
  // `field` when the format is wrong or the date part is not a real date.
  static Result<CprNumber> Parse(std::string_view text, std::string_view field = "cpr");

  const std::string& digits() const { return digits_; }  // ten digits, no hyphen
  std::string Formatted() const;                         // "DDMMYY-SSSS"
  Date birth_date() const { return birth_date_; }
  bool PassesModulus11() const;

  friend bool operator==(const CprNumber&, const CprNumber&) = default;

 private:
  CprNumber(std::string digits, Date birth_date) : digits_(std::move(digits)), birth_date_(birth_date) {}
  std::string digits_;
  Date birth_date_;
};

// Full birth year from the two-digit year and the first serial digit.
int CprCentury(int two_digit_year, int first_serial_digit);

}  // namespace trygnet
