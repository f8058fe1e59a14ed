// "Målepunkter": every indicator against its baseline, and the trends of
// the partnership-wide ones (area indicators are shown per area).
#include <algorithm>

#include "report/indicator_series.h"
#include "report/sections.h"

namespace trygnet::report {
namespace {

Result<Table> IndicatorTable(const ReportContext& context) {
  const ReportText& text = context.text;
  Table table;
  table.id = "indicators";
  table.title = text.Tr("Målepunkter mod baseline", "Indicators against their baselines");
  table.columns = {text.Tr("Målepunkt", "Indicator"),
                   text.Tr("Baseline", "Baseline"),
                   text.Tr("Baseline opgjort", "Baseline as of"),
                   text.Tr("Periodens tal", "Figure"),
                   text.Tr("Opgjort for", "Measured for"),
                   text.Tr("Ændring", "Change")};
  for (const IndicatorDefinition& definition : context.partnership.indicators) {
    TRY_ASSIGN(IndicatorFigure figure, LatestFigure(context, definition));
    const int decimals = DecimalsOf(definition.unit);
    std::vector<Cell> row = {text.Text(context.Name(definition.name, definition.name_en))};
    if (definition.baseline) {
      const Baseline& baseline = *definition.baseline;
      row.push_back(text.Value(baseline.value, BaselineDecimals(baseline.value)));
      row.push_back(text.Text(text.LongDate(baseline.date) + " (" + baseline.source + ")"));
    } else {
      row.push_back(text.Missing());
      row.push_back(text.Missing());
    }
    // Figures are counts of persons or events for count indicators: the
    // external edition suppresses small ones like any other count.
    row.push_back(definition.unit == IndicatorUnit::kCount && figure.value
                      ? text.Count(static_cast<int64_t>(*figure.value))
                      : text.Value(figure.value, decimals));
    row.push_back(text.Text(figure.measured_for));
    const bool comparable = definition.baseline && figure.value && row[3].value;
    row.push_back(comparable ? text.Change(*figure.value - definition.baseline->value, decimals) : text.Missing());
    table.rows.push_back(std::move(row));
  }
  table.note = text.Tr(
      "Ændring er periodens tal minus baseline. Tal for et kalenderår er opgjort til og med periodens sidste dag, "
      "når året ikke er slut; importerede tal (anmeldelser, befolkning, tryghedsundersøgelse) for det nyeste år med "
      "data.",
      "Change is the figure minus the baseline. Figures for a calendar year run to the period's last day when the "
      "year is not over; imported figures (reports, population, survey) are for the newest year with data.");
  return table;
}

// The partnership-wide stocks per quarter (and at their baseline dates).
Result<Table> StockTrendTable(const ReportContext& context, const std::vector<const IndicatorDefinition*>& stocks) {
  const ReportText& text = context.text;
  Table table;
  table.id = "trend-stock";
  table.title = text.Tr("Udvikling pr. kvartal", "Development by quarter");
  table.columns = {text.Tr("Dato", "Date")};
  for (const IndicatorDefinition* definition : stocks) {
    table.columns.push_back(context.Name(definition->name, definition->name_en));
  }
  std::vector<Date> points;
  for (const IndicatorDefinition* definition : stocks) {
    if (definition->baseline && definition->baseline->date < context.from()) {
      points.push_back(definition->baseline->date);
    }
  }
  for (Date point : QuarterPoints(context.from(), context.to())) points.push_back(point);
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  for (Date point : points) {
    std::vector<Cell> row = {text.Text(point.ToString())};
    for (const IndicatorDefinition* definition : stocks) {
      TRY_ASSIGN(auto value, ValueOn(context, *definition, point));
      row.push_back(value ? text.Count(static_cast<int64_t>(*value)) : text.Missing());
    }
    table.rows.push_back(std::move(row));
  }
  table.note = text.Tr("Opgjort på hver dato som registreret pr. rapportens opgørelsestidspunkt.",
                       "Counted on each date as recorded at the report's instant.");
  return table;
}

}  // namespace

Result<Table> YearTable(const ReportContext& context, const std::string& id, const std::string& title,
                        const std::vector<const IndicatorDefinition*>& definitions) {
  const ReportText& text = context.text;
  Table table;
  table.id = id;
  table.title = title;
  table.columns = {text.Tr("År", "Year")};
  for (const IndicatorDefinition* definition : definitions) {
    table.columns.push_back(context.Name(definition->name, definition->name_en));
  }
  for (int year : YearsShown(context, definitions)) {
    std::string label = std::to_string(year);
    if (*Date::FromYmd(year, 12, 31) > context.to()) {
      label += text.Tr(" (til ", " (to ") + context.to().ToString() + ")";
    }
    std::vector<Cell> row = {text.Text(label)};
    for (const IndicatorDefinition* definition : definitions) {
      TRY_ASSIGN(auto value, ValueInYear(context, *definition, year));
      if (definition->unit == IndicatorUnit::kCount && value) {
        row.push_back(text.Count(static_cast<int64_t>(*value)));
      } else {
        row.push_back(text.Value(value, DecimalsOf(definition->unit)));
      }
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::vector<int> ValueColumns(const Table& table) {
  std::vector<int> columns;
  for (int idx = 1; idx < static_cast<int>(table.columns.size()); ++idx) columns.push_back(idx);
  return columns;
}

Result<Section> BuildIndicatorSection(const ReportContext& context, int number) {
  const ReportText& text = context.text;
  Section section;
  section.id = "indicators";
  section.heading = NumberedHeading(number, text.Tr("Målepunkter", "Indicators"));
  section.blocks.push_back(Paragraph{
      text.Tr("Partnerskabets målepunkter fra udmøntningsplanen (s. 15–16), hver med sin baseline og periodens tal. "
              "Målepunkter for et bestemt område vises også under indsatsområderne.",
              "The partnership's indicators from the plan (p. 15–16), each with its baseline and the period's figure. "
              "Indicators of one area are also shown under the focus areas.")});
  TRY_ASSIGN(Table indicators, IndicatorTable(context));
  section.blocks.push_back(std::move(indicators));

  std::vector<const IndicatorDefinition*> stocks;
  std::vector<const IndicatorDefinition*> in_year;  // partnership-wide counts in the year
  for (const IndicatorDefinition& definition : context.partnership.indicators) {
    if (ShapeOf(definition) == IndicatorShape::kStock) stocks.push_back(&definition);
    if (ShapeOf(definition) == IndicatorShape::kCountInYear && definition.area_id.empty()) {
      in_year.push_back(&definition);
    }
  }
  if (!stocks.empty()) {
    TRY_ASSIGN(Table trend, StockTrendTable(context, stocks));
    Chart chart{ChartKind::kLine, trend.title, text.Tr("Personer", "Persons"), trend.id, 0, ValueColumns(trend)};
    section.blocks.push_back(std::move(trend));
    section.blocks.push_back(std::move(chart));
  }
  for (const IndicatorDefinition* definition : in_year) {
    TRY_ASSIGN(Table table, YearTable(context, "trend-" + definition->id,
                                      text.Tr("Udvikling pr. år: ", "By year: ") +
                                          context.Name(definition->name, definition->name_en),
                                      {definition}));
    const bool percent = definition->unit == IndicatorUnit::kPercent;
    Chart chart{ChartKind::kBar, table.title, percent ? text.Tr("Procent", "Percent") : text.Tr("Antal", "Number"),
                table.id,        0,           ValueColumns(table)};
    section.blocks.push_back(std::move(table));
    section.blocks.push_back(std::move(chart));
  }
  return section;
}

}  // namespace trygnet::report
