// Figures about an area and a year that come from outside the partnership
// [p.15]: the population, the number of reported citizen-oriented crimes
// (Rigspolitiet) and the safety survey's respondents and insecure residents
// (Københavns Tryghedsundersøgelse). The indicators divide them; a later
// import of the same area, year and kind is a correction that supersedes the
// earlier figure from the moment it is recorded (as known at).
#pragma once

#include <string>
#include <string_view>

#include "core/date.h"
#include "core/error.h"

namespace trygnet {

enum class StatisticKind { kPopulation, kCitizenCrimeReports, kSurveyRespondents, kSurveyInsecure };
std::string_view StatisticKindName(StatisticKind kind);
Result<StatisticKind> ParseStatisticKind(std::string_view text, std::string_view field);

inline constexpr int kMinStatisticYear = 1990;
inline constexpr int kMaxStatisticYear = 2100;

struct AreaStatistic {
  std::string partnership_id;
  std::string area_id;
  int year = 0;
  StatisticKind kind = StatisticKind::kPopulation;
  double value = 0;  // a count: whole and not negative
};

// Area and partnership named, year in range, value a whole number ≥ 0.
Status ValidateAreaStatistic(const AreaStatistic& statistic);

// One import of a file: what it was, where it came from, who brought it in.
struct StatisticsImport {
  int64_t id = 0;
  std::string partnership_id;
  std::string dataset;  // "population", "police-reports" or "survey"
  std::string source;   // e.g. "Danmarks Statistik, FOLK1A"
  std::string file_name;
  int64_t rows = 0;
  std::string imported_by;
  Timestamp recorded_at;
};

}  // namespace trygnet
