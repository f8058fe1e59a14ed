#include "report/indicator_series.h"

#include <algorithm>
#include <cmath>

#include "analytics/indicators.h"

namespace trygnet::report {

IndicatorShape ShapeOf(const IndicatorDefinition& definition) {
  const std::string& how = definition.computation;
  if (how == "registered_active_members" || how == "registered_under_18") return IndicatorShape::kStock;
  if (how == "citizen_crime_per_1000" || how == "insecure_share") return IndicatorShape::kImportedYearly;
  return IndicatorShape::kCountInYear;
}

int DecimalsOf(IndicatorUnit unit) { return unit == IndicatorUnit::kCount ? 0 : 1; }

int BaselineDecimals(double value) { return std::fabs(value - std::round(value)) < 1e-9 ? 0 : 1; }

Result<std::optional<double>> ValueOn(const ReportContext& context, const IndicatorDefinition& definition, Date on) {
  TRY_ASSIGN(IndicatorValue value,
             ComputeIndicator(context.store, context.partnership, definition, {on, context.request.known_at}));
  return value.value;
}

Result<std::optional<double>> ValueInYear(const ReportContext& context, const IndicatorDefinition& definition,
                                          int year) {
  const Date year_end = *Date::FromYmd(year, 12, 31);
  return ValueOn(context, definition, std::min(year_end, context.to()));
}

Result<IndicatorFigure> LatestFigure(const ReportContext& context, const IndicatorDefinition& definition) {
  const ReportText& text = context.text;
  const Date end = context.to();
  switch (ShapeOf(definition)) {
    case IndicatorShape::kStock: {
      TRY_ASSIGN(auto value, ValueOn(context, definition, end));
      return IndicatorFigure{value, text.Tr("pr. ", "at ") + text.LongDate(end)};
    }
    case IndicatorShape::kCountInYear: {
      TRY_ASSIGN(auto value, ValueOn(context, definition, end));
      const Date year_start = *Date::FromYmd(end.year(), 1, 1);
      return IndicatorFigure{value, text.LongDate(year_start) + " – " + text.LongDate(end)};
    }
    case IndicatorShape::kImportedYearly:
      // The newest year within the period that has figures imported.
      for (int year = end.year(); year >= context.from().year(); --year) {
        TRY_ASSIGN(auto value, ValueOn(context, definition, *Date::FromYmd(year, 12, 31)));
        if (value) return IndicatorFigure{value, std::to_string(year)};
      }
      return IndicatorFigure{std::nullopt, text.Tr("ingen tal importeret", "no figures imported")};
  }
  return Internal("unknown indicator shape");
}

std::vector<int> YearsShown(const ReportContext& context, const std::vector<const IndicatorDefinition*>& definitions) {
  int first = context.from().year();
  for (const IndicatorDefinition* definition : definitions) {
    if (definition->baseline) first = std::min(first, definition->baseline->date.year());
  }
  std::vector<int> years;
  for (int year = first; year <= context.to().year(); ++year) years.push_back(year);
  return years;
}

std::vector<Date> QuarterPoints(Date from, Date to) {
  std::vector<Date> points = {from};
  for (int year = from.year(); year <= to.year(); ++year) {
    for (unsigned month : {3u, 6u, 9u, 12u}) {
      Date quarter_end = *Date::FromYmd(year, month, month == 6 || month == 9 ? 30 : 31);
      if (from < quarter_end && quarter_end < to) points.push_back(quarter_end);
    }
  }
  if (to != from) points.push_back(to);
  return points;
}

}  // namespace trygnet::report
