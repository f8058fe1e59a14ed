// "Indsatsområder": per focus area [p.7], when it was in focus, its own
// indicators by year against their baselines, and the incidents there.
#include "report/indicator_series.h"
#include "report/sections.h"

namespace trygnet::report {
namespace {

bool FocusOverlaps(const FocusPeriod& focus, Date from, Date to) {
  return focus.from <= to && (!focus.to || *focus.to > from);
}

std::string FocusText(const ReportContext& context, const std::vector<FocusPeriod>& periods) {
  const ReportText& text = context.text;
  std::string joined;
  for (const FocusPeriod& focus : periods) {
    if (!FocusOverlaps(focus, context.from(), context.to())) continue;
    std::string part = text.Tr("fra ", "from ") + text.LongDate(focus.from);
    if (focus.to) part += text.Tr(" til ", " to ") + text.LongDate(focus.to->AddDays(-1));
    if (!focus.decision.empty()) part += " (" + focus.decision + ")";
    joined += (joined.empty() ? "" : "; ") + part;
  }
  return joined;
}

// The baseline row of an area table: each indicator's own baseline.
std::vector<Cell> BaselineRow(const ReportText& text, const std::vector<const IndicatorDefinition*>& definitions) {
  std::vector<Cell> row = {text.Text(text.Tr("Baseline", "Baseline"))};
  for (const IndicatorDefinition* definition : definitions) {
    row.push_back(definition->baseline
                      ? text.Value(definition->baseline->value, BaselineDecimals(definition->baseline->value))
                      : text.Missing());
  }
  return row;
}

Result<int64_t> IncidentsInArea(const ReportContext& context, const std::string& area_id) {
  TRY_ASSIGN(auto incidents, context.store.ListIncidents(context.partnership.id, Timestamp::StartOf(context.from()),
                                                         EndOfDay(context.to())));
  int64_t count = 0;
  for (const Incident& incident : incidents) {
    if (incident.area_id == area_id && incident.recorded_at <= context.request.known_at) ++count;
  }
  return count;
}

}  // namespace

Result<Section> BuildAreaSection(const ReportContext& context, int number) {
  const ReportText& text = context.text;
  const Partnership& partnership = context.partnership;
  Section section;
  section.id = "areas";
  section.heading = NumberedHeading(number, text.Tr("Indsatsområder", "Focus areas"));
  section.blocks.push_back(Paragraph{
      text.Tr("Områder i fokus i perioden (s. 7) med deres egne målepunkter pr. år. Baseline-rækken viser hvert "
              "målepunkts baseline; se målepunktstabellen for dens år og kilde.",
              "Areas in focus during the period (p. 7) with their own indicators by year. The baseline row shows "
              "each indicator's baseline; see the indicator table for its year and source.")});
  for (const Area& area : partnership.areas) {
    TRY_ASSIGN(auto history, context.store.FocusHistory(partnership.id, area.id));
    const std::string focus = FocusText(context, history);
    std::vector<const IndicatorDefinition*> definitions;
    for (const IndicatorDefinition& definition : partnership.indicators) {
      if (definition.area_id == area.id) definitions.push_back(&definition);
    }
    if (focus.empty() && definitions.empty()) continue;

    TRY_ASSIGN(int64_t incidents, IncidentsInArea(context, area.id));
    const Cell incident_count = text.Count(incidents);
    section.blocks.push_back(Paragraph{
        area.name + ". " +
        (focus.empty() ? text.Tr("Ikke i fokus i perioden.", "Not in focus during the period.")
                       : text.Tr("I fokus ", "In focus ") + focus + ".") +
        text.Tr(" Hændelser registreret i området i perioden: ", " Incidents recorded in the area in the period: ") +
        incident_count.text + "."});
    if (definitions.empty()) continue;

    TRY_ASSIGN(Table table, YearTable(context, "area-" + area.id, area.name, definitions));
    table.rows.insert(table.rows.begin(), BaselineRow(text, definitions));
    // A chart for each imported yearly figure (crime, insecurity): years as bars.
    std::vector<Chart> charts;
    for (int column = 1; column < static_cast<int>(table.columns.size()); ++column) {
      const IndicatorDefinition& definition = *definitions[column - 1];
      if (ShapeOf(definition) != IndicatorShape::kImportedYearly) continue;
      Chart& chart = charts.emplace_back();
      chart.kind = ChartKind::kBar;
      chart.title = table.columns[column];
      chart.y_label = definition.unit == IndicatorUnit::kPer1000Inhabitants
                          ? text.Tr("Pr. 1.000 indbyggere", "Per 1,000 inhabitants")
                          : text.Tr("Procent", "Percent");
      chart.table_id = table.id;
      chart.value_columns = {column};
    }
    section.blocks.emplace_back(std::move(table));
    for (Chart& chart : charts) section.blocks.emplace_back(std::move(chart));
  }
  return section;
}

}  // namespace trygnet::report
