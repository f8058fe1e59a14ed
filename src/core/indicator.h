// An indicator (målepunkt) of the partnership [p.15–16]: what is measured, in
// which unit, against which baseline, and how it is computed.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "core/error.h"

namespace trygnet {

enum class IndicatorUnit { kCount, kPer1000Inhabitants, kPercent };
std::string_view IndicatorUnitName(IndicatorUnit unit);
Result<IndicatorUnit> ParseIndicatorUnit(std::string_view text, std::string_view field);

struct Baseline {
  double value = 0;
  Date date;           // the date (or end of the period) the value describes
  std::string source;  // e.g. "Københavns Politi"
  std::string note;
};

struct IndicatorDefinition {
  std::string id;
  std::string name;  // Danish
  std::string name_en;
  IndicatorUnit unit = IndicatorUnit::kCount;
  // How the value is computed: the name of one function in
  // src/analytics/indicators.cc (kIndicatorComputations).
  std::string computation;
  std::string area_id;          // empty: the whole partnership / police district
  std::string meeting_type_id;  // for "meetings_held"
  std::string measure_type_id;  // for "concern_conversations_held" and "…_in_time_share"
  std::optional<Baseline> baseline;
};

// The computations the system knows. Each is implemented by exactly one
// function in src/analytics/indicators.cc. The last two divide figures
// imported from outside (docs/imports.md) and have no value until imported.
inline constexpr std::string_view kIndicatorComputations[] = {
    "registered_active_members",   // validated gang-role registrations in effect [p.8, p.15]
    "registered_under_18",         // of those, persons under 18 on the date [p.15]
    "concern_conversations_held",  // concern-conversation measures done in the calendar year [p.15]
    "concern_conversations_in_time_share",  // of those due in the year to date, % done by their deadline [p.11]
    "meetings_held",               // meetings of the indicator's meeting type in the calendar year [p.16]
    "citizen_crime_per_1000",      // imported reports / imported population × 1,000, area and year [p.15]
    "insecure_share",              // imported survey: insecure / respondents × 100, area and year [p.15]
};

// Id and names given, a known computation, a sane baseline.
Status ValidateIndicatorDefinition(const IndicatorDefinition& indicator);

}  // namespace trygnet
