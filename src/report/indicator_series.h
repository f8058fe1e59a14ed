// How the report reads an indicator over time. Three shapes, from how the
// indicator is counted (src/analytics/indicators.cc):
//  * a stock (registered members) is a figure on a date: shown per quarter;
//  * a count in the calendar year (concern conversations, meetings) is shown
//    per year, the last year up to the period's end;
//  * an imported yearly figure (crime per 1,000, insecure share) is shown per
//    year, and its latest figure is the newest year with data imported.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/indicator.h"
#include "report/sections.h"

namespace trygnet::report {

enum class IndicatorShape { kStock, kCountInYear, kImportedYearly };
IndicatorShape ShapeOf(const IndicatorDefinition& definition);

// Decimals a value of the unit is shown with: counts whole, others one.
int DecimalsOf(IndicatorUnit unit);
// Decimals a baseline is shown with: as given (8 stays "8", 40.5 "40,5").
int BaselineDecimals(double value);

struct IndicatorFigure {
  std::optional<double> value;
  std::string measured_for;  // "pr. 30. juni 2018", "1. januar 2018 – 30. juni 2018", "2017"
};

// The indicator's value in `year`: at the end of the year, or at the
// period's end if that comes first; as known at the report's instant.
Result<std::optional<double>> ValueInYear(const ReportContext& context, const IndicatorDefinition& definition,
                                          int year);
// The value on a date (for stocks), as known at the report's instant.
Result<std::optional<double>> ValueOn(const ReportContext& context, const IndicatorDefinition& definition, Date on);
// The figure the report sets against the baseline.
Result<IndicatorFigure> LatestFigure(const ReportContext& context, const IndicatorDefinition& definition);

// The years a yearly table shows: from the earliest baseline year among
// `definitions` (or the period's first year) to the period's last year.
std::vector<int> YearsShown(const ReportContext& context, const std::vector<const IndicatorDefinition*>& definitions);
// A table of `definitions` per year (YearsShown): a row per year, a column
// per indicator; the last year marked when it runs only to the period's end.
Result<Table> YearTable(const ReportContext& context, const std::string& id, const std::string& title,
                        const std::vector<const IndicatorDefinition*>& definitions);
// The table's columns after the first (the category column), for a chart.
std::vector<int> ValueColumns(const Table& table);

// Quarter ends strictly inside the period, with the period's first and last day.
std::vector<Date> QuarterPoints(Date from, Date to);

}  // namespace trygnet::report
