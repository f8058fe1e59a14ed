#include "cli/labels_da.h"

#include <cmath>
#include <cstdio>

#include "report/labels.h"

namespace trygnet::cli {

std::string_view DanishLabel(RegistrationRole role) { return report::Label(role, report::Language::kDanish); }

std::string_view DanishLabel(RemovalReason reason) { return report::Label(reason, report::Language::kDanish); }

std::string_view DanishLabel(UnitKind kind) {
  switch (kind) {
    case UnitKind::kPolice:
      return "politi";
    case UnitKind::kMunicipal:
      return "kommune";
    case UnitKind::kPrisonService:
      return "kriminalforsorg";
    case UnitKind::kExternal:
      return "ekstern aktør";
  }
  return "ukendt";
}

std::string_view DanishMonth(int month) {
  static constexpr std::string_view kMonths[] = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                                                 "juli",   "august",  "september", "oktober", "november", "december"};
  return month >= 1 && month <= 12 ? kMonths[month - 1] : "ukendt måned";
}

std::string FormatNumber(double value, bool danish) {
  char buffer[64];
  bool whole = std::isfinite(value) && std::fabs(value) < 1e15 && std::floor(value) == value;
  std::snprintf(buffer, sizeof buffer, whole ? "%.0f" : "%.1f", value);
  std::string text = buffer;
  if (danish) {
    for (char& c : text) {
      if (c == '.') c = ',';
    }
  }
  return text;
}

std::string ShownCpr(const CprNumber& cpr, bool full) {
  return full ? cpr.Formatted() : cpr.digits().substr(0, 6) + "-xxxx";
}

std::string PadRight(std::string_view text, size_t width) {
  size_t characters = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;  // count lead bytes only
  }
  std::string padded(text);
  padded.append(characters < width ? width - characters : 1, ' ');
  return padded;
}

}  // namespace trygnet::cli
