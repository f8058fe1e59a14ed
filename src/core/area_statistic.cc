#include "core/area_statistic.h"

#include <array>
#include <cmath>

#include "core/enum_names.h"
#include "core/text_rules.h"

namespace trygnet {
namespace {
constexpr std::array<std::pair<StatisticKind, std::string_view>, 4> kKinds{{
    {StatisticKind::kPopulation, "population"},
    {StatisticKind::kCitizenCrimeReports, "citizen_crime_reports"},
    {StatisticKind::kSurveyRespondents, "survey_respondents"},
    {StatisticKind::kSurveyInsecure, "survey_insecure"},
}};
}  // namespace

std::string_view StatisticKindName(StatisticKind kind) { return EnumName<StatisticKind>(kKinds, kind); }
Result<StatisticKind> ParseStatisticKind(std::string_view text, std::string_view field) {
  return ParseEnum<StatisticKind>(kKinds, text, field);
}

Status ValidateAreaStatistic(const AreaStatistic& statistic) {
  TRY_STATUS(RequireIdentifier("partnership_id", statistic.partnership_id));
  TRY_STATUS(RequireIdentifier("area_id", statistic.area_id));
  if (statistic.year < kMinStatisticYear || statistic.year > kMaxStatisticYear) {
    return InvalidArgument("year", "must be between " + std::to_string(kMinStatisticYear) + " and " +
                                       std::to_string(kMaxStatisticYear));
  }
  if (!std::isfinite(statistic.value) || statistic.value < 0 || statistic.value != std::floor(statistic.value)) {
    return InvalidArgument(std::string(StatisticKindName(statistic.kind)), "must be a whole number, 0 or more");
  }
  return OkStatus();
}

}  // namespace trygnet
