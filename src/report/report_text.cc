#include "report/report_text.h"

#include <cmath>
#include <cstdio>

namespace trygnet::report {
namespace {

constexpr std::string_view kMonthsDa[] = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                                          "juli",   "august",  "september", "oktober", "november", "december"};
constexpr std::string_view kMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};

}  // namespace

double RoundTo(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

std::string ReportText::Number(double value, int decimals) const {
  const double rounded = RoundTo(value, decimals);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(rounded));
  std::string digits = buffer;
  const size_t point = digits.find('.');
  std::string whole = digits.substr(0, point);
  std::string fraction = point == std::string::npos ? "" : digits.substr(point + 1);
  // Thousands grouped: "1.234" in Danish, "1,234" in English.
  const char group = danish() ? '.' : ',';
  for (int idx = static_cast<int>(whole.size()) - 3; idx > 0; idx -= 3) whole.insert(idx, 1, group);
  std::string text = (rounded < 0 ? "−" : "") + whole;
  if (!fraction.empty()) text += (danish() ? "," : ".") + fraction;
  return text;
}

std::string ReportText::LongDate(Date date) const {
  const std::string day = std::to_string(date.day());
  const std::string year = std::to_string(date.year());
  if (danish()) return day + ". " + std::string(kMonthsDa[date.month() - 1]) + " " + year;
  return day + " " + std::string(kMonthsEn[date.month() - 1]) + " " + year;
}

Cell ReportText::Count(int64_t count) const {
  if (edition_ == Edition::kExternal && count > 0 && count < kSuppressBelow) return Text("<5");
  return Cell{static_cast<double>(count), 0, Number(static_cast<double>(count), 0)};
}

Cell ReportText::Value(std::optional<double> value, int decimals) const {
  if (!value) return Missing();
  const double rounded = RoundTo(*value, decimals);
  return Cell{rounded, decimals, Number(rounded, decimals)};
}

Cell ReportText::Change(double difference, int decimals) const {
  const double rounded = RoundTo(difference, decimals);
  std::string text = Number(rounded, decimals);
  if (rounded > 0) text = "+" + text;
  return Cell{rounded, decimals, text};
}

Cell ReportText::Share(int64_t part, int64_t whole) const {
  if (whole == 0) return Missing();
  if (edition_ == Edition::kExternal && whole < kSuppressBelow) return Text("<5");
  return Value(100.0 * static_cast<double>(part) / static_cast<double>(whole), 1);
}

}  // namespace trygnet::report
