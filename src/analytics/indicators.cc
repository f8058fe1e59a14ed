#include "analytics/indicators.h"

#include <set>

namespace trygnet {
namespace {

Date StartOfYear(Date on) { return *Date::FromYmd(on.year(), 1, 1); }

Result<std::set<PersonId>> ActivePersons(Store& store, const std::string& partnership_id,
                                         const BitemporalPoint& point) {
  TRY_ASSIGN(auto registrations, store.ActiveRegistrations(partnership_id, point));
  std::set<PersonId> persons;
  for (const Registration& registration : registrations) persons.insert(registration.person_id);
  return persons;
}

// A ratio of two imported yearly figures for the indicator's area, for the
// calendar year of the date: reports per 1,000 inhabitants, or the share of
// survey respondents who feel insecure. No value until both are imported.
Status ComputeFromImports(Store& store, const Partnership& partnership, const IndicatorDefinition& definition,
                          const BitemporalPoint& point, IndicatorValue& result) {
  const int year = point.as_of.year();
  result.period_from = StartOfYear(point.as_of);
  result.period_to = *Date::FromYmd(year, 12, 31);
  const bool crime = definition.computation == "citizen_crime_per_1000";
  const StatisticKind numerator_kind = crime ? StatisticKind::kCitizenCrimeReports : StatisticKind::kSurveyInsecure;
  const StatisticKind denominator_kind = crime ? StatisticKind::kPopulation : StatisticKind::kSurveyRespondents;
  const double scale = crime ? 1000.0 : 100.0;
  TRY_ASSIGN(std::optional<double> numerator, store.AreaStatisticValue(partnership.id, definition.area_id, year,
                                                                       numerator_kind, point.known_at));
  TRY_ASSIGN(std::optional<double> denominator, store.AreaStatisticValue(partnership.id, definition.area_id, year,
                                                                         denominator_kind, point.known_at));
  const std::string what = crime ? "citizen-oriented crime reports per 1,000 inhabitants"
                                 : "survey respondents feeling insecure, in percent";
  const std::string where = " in " + definition.area_id + " in " + std::to_string(year);
  if (!numerator || !denominator || *denominator <= 0) {
    std::string missing = !numerator ? std::string(StatisticKindName(numerator_kind))
                                     : std::string(StatisticKindName(denominator_kind));
    result.explanation = what + where + "; not computed: no " + missing + " imported for that year";
    return OkStatus();
  }
  result.value = *numerator / *denominator * scale;
  result.explanation = what + where + ": " + std::to_string(static_cast<int64_t>(*numerator)) + " / " +
                       std::to_string(static_cast<int64_t>(*denominator)) + " × " +
                       std::to_string(static_cast<int>(scale));
  return OkStatus();
}

}  // namespace

Result<IndicatorValue> ComputeIndicator(Store& store, const Partnership& partnership,
                                        const IndicatorDefinition& definition, const BitemporalPoint& point) {
  IndicatorValue result;
  result.definition = &definition;
  result.period_from = point.as_of;
  result.period_to = point.as_of;
  const std::string& how = definition.computation;
  if (how == "registered_active_members") {
    TRY_ASSIGN(int64_t count, CountRegisteredActiveMembers(store, partnership.id, point));
    result.value = static_cast<double>(count);
    result.explanation =
        "distinct persons with a validated member, associate or young potential member "
        "registration in effect on the date";
  } else if (how == "registered_under_18") {
    TRY_ASSIGN(auto persons, ActivePersons(store, partnership.id, point));
    int64_t under_18 = 0;
    for (PersonId person_id : persons) {
      TRY_ASSIGN(Person person, store.GetPerson(person_id));
      if (person.IsUnder18At(point.as_of)) ++under_18;
    }
    result.value = static_cast<double>(under_18);
    result.explanation = "of the registered and active, those under 18 on the date";
  } else if (how == "concern_conversations_held") {
    result.period_from = StartOfYear(point.as_of);
    TRY_ASSIGN(int64_t count, store.CountMeasuresDone(partnership.id, definition.measure_type_id, result.period_from,
                                                      point.as_of, point.known_at, definition.area_id));
    result.value = static_cast<double>(count);
    result.explanation = "measures of type " + definition.measure_type_id + " done in the calendar year to the date" +
                         (definition.area_id.empty() ? "" : ", persons residing in " + definition.area_id);
  } else if (how == "concern_conversations_in_time_share") {
    result.period_from = StartOfYear(point.as_of);
    TRY_ASSIGN(Store::DueAndInTime counts,
               store.CountMeasuresDoneInTime(partnership.id, definition.measure_type_id, result.period_from,
                                             point.as_of, point.known_at, definition.area_id));
    std::string what = "measures of type " + definition.measure_type_id +
                       " due in the calendar year to the date, the share done by their due date" +
                       (definition.area_id.empty() ? "" : ", persons residing in " + definition.area_id);
    if (counts.due == 0) {
      result.explanation = what + "; not computed: none due yet";
    } else {
      result.value = 100.0 * static_cast<double>(counts.done_in_time) / static_cast<double>(counts.due);
      result.explanation = what + ": " + std::to_string(counts.done_in_time) + " of " + std::to_string(counts.due);
    }
  } else if (how == "meetings_held") {
    result.period_from = StartOfYear(point.as_of);
    TRY_ASSIGN(int64_t count, store.CountMeetings(partnership.id, definition.meeting_type_id, result.period_from,
                                                  point.as_of, point.known_at));
    result.value = static_cast<double>(count);
    result.explanation = "meetings of type " + definition.meeting_type_id + " held in the calendar year to the date";
  } else if (how == "citizen_crime_per_1000" || how == "insecure_share") {
    TRY_STATUS(ComputeFromImports(store, partnership, definition, point, result));
  } else {
    return Internal("indicator computation \"" + how + "\" is listed but not implemented");
  }
  return result;
}

Result<int64_t> CountRegisteredActiveMembers(Store& store, const std::string& partnership_id,
                                             const BitemporalPoint& point) {
  TRY_ASSIGN(auto persons, ActivePersons(store, partnership_id, point));
  return static_cast<int64_t>(persons.size());
}

Result<std::vector<IndicatorValue>> ComputeIndicators(Store& store, const Partnership& partnership,
                                                      const BitemporalPoint& point) {
  std::vector<IndicatorValue> values;
  for (const IndicatorDefinition& definition : partnership.indicators) {
    TRY_ASSIGN(IndicatorValue value, ComputeIndicator(store, partnership, definition, point));
    values.push_back(std::move(value));
  }
  return values;
}

}  // namespace trygnet
