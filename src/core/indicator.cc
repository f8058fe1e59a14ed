#include "core/indicator.h"

#include <array>
#include <cmath>

#include "core/enum_names.h"
#include "core/text_rules.h"

namespace trygnet {
namespace {
constexpr std::array<std::pair<IndicatorUnit, std::string_view>, 3> kUnits{{
    {IndicatorUnit::kCount, "count"},
    {IndicatorUnit::kPer1000Inhabitants, "per_1000"},
    {IndicatorUnit::kPercent, "percent"},
}};
}  // namespace

std::string_view IndicatorUnitName(IndicatorUnit unit) { return EnumName<IndicatorUnit>(kUnits, unit); }
Result<IndicatorUnit> ParseIndicatorUnit(std::string_view text, std::string_view field) {
  return ParseEnum<IndicatorUnit>(kUnits, text, field);
}

Status ValidateIndicatorDefinition(const IndicatorDefinition& indicator) {
  TRY_STATUS(RequireIdentifier("id", indicator.id));
  TRY_STATUS(RequireText("name", indicator.name));
  TRY_STATUS(RequireText("name_en", indicator.name_en));
  TRY_STATUS(RequireIdentifier("computation", indicator.computation));
  bool known = false;
  std::string known_list;
  for (std::string_view name : kIndicatorComputations) {
    known = known || name == indicator.computation;
    known_list += (known_list.empty() ? "" : ", ") + std::string(name);
  }
  if (!known) {
    return InvalidArgument("computation",
                           "unknown computation \"" + indicator.computation + "\"; expected one of: " + known_list);
  }
  if (indicator.computation == "meetings_held" && indicator.meeting_type_id.empty()) {
    return InvalidArgument("meeting_type", "is required for the computation meetings_held");
  }
  if ((indicator.computation == "citizen_crime_per_1000" || indicator.computation == "insecure_share") &&
      indicator.area_id.empty()) {
    return InvalidArgument("area", "is required for the computation " + indicator.computation +
                                       " (the imported figures are per area)");
  }
  if ((indicator.computation == "concern_conversations_held" ||
       indicator.computation == "concern_conversations_in_time_share") &&
      indicator.measure_type_id.empty()) {
    return InvalidArgument("measure_type", "is required for the computation " + indicator.computation);
  }
  if (!indicator.area_id.empty()) TRY_STATUS(RequireIdentifier("area", indicator.area_id));
  if (indicator.baseline) {
    const Baseline& baseline = *indicator.baseline;
    if (!std::isfinite(baseline.value) || baseline.value < 0) {
      return InvalidArgument("baseline.value", "must be a number of zero or more");
    }
    if (indicator.unit == IndicatorUnit::kPercent && baseline.value > 100) {
      return InvalidArgument("baseline.value", "a percentage cannot exceed 100");
    }
    TRY_STATUS(RequireText("baseline.source", baseline.source));
  }
  return OkStatus();
}

}  // namespace trygnet
