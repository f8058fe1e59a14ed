// "Sammenfatning": what the report covers, for whom, how it is counted, and
// each indicator with a baseline in one sentence.
#include "report/indicator_series.h"
#include "report/sections.h"

namespace trygnet::report {

Result<Section> BuildSummarySection(const ReportContext& context, int number) {
  const ReportText& text = context.text;
  const Partnership& partnership = context.partnership;
  Section section;
  section.id = "summary";
  section.heading = NumberedHeading(number, text.Tr("Sammenfatning", "Summary"));

  std::string recipients;
  for (const std::string& recipient : partnership.reporting.recipients) {
    recipients += (recipients.empty() ? "" : ", ") + recipient;
  }
  section.blocks.push_back(
      Paragraph{text.Tr("Rapporten er partnerskabets fælles status for perioden ",
                        "This is the partnership's joint status for ") +
                text.LongDate(context.from()) + " – " + text.LongDate(context.to()) +
                text.Tr(" (udmøntningsplanen s. 16).", " (the plan, p. 16).") +
                (recipients.empty() ? "" : text.Tr(" Den forelægges for: ", " It goes to: ") + recipients + ".")});

  for (const IndicatorDefinition& definition : partnership.indicators) {
    if (!definition.baseline) continue;
    TRY_ASSIGN(IndicatorFigure figure, LatestFigure(context, definition));
    const Baseline& baseline = *definition.baseline;
    Cell shown = definition.unit == IndicatorUnit::kCount && figure.value
                     ? text.Count(static_cast<int64_t>(*figure.value))
                     : text.Value(figure.value, DecimalsOf(definition.unit));
    std::string sentence = context.Name(definition.name, definition.name_en) + ": ";
    sentence += figure.value ? shown.text + " (" + figure.measured_for + ")" : text.Tr("ingen tal", "no figure");
    sentence += text.Tr(" mod baseline ", " against the baseline of ") +
                text.Number(baseline.value, BaselineDecimals(baseline.value)) + " (" + text.LongDate(baseline.date) +
                ").";
    section.blocks.push_back(Paragraph{sentence});
  }

  section.blocks.push_back(Paragraph{
      text.Tr("Alle tal er opgjort som de var registreret pr. ", "All figures are as they were recorded at ") +
      context.request.known_at.ToString() +
      text.Tr(" (UTC). Senere rettelser ændrer ikke denne rapport: den kan genskabes med samme tal med "
              "`trygnet report --known-at ",
              " (UTC). Later corrections do not change this report: it can be regenerated with the same figures "
              "with `trygnet report --known-at ") +
      context.request.known_at.ToString() + "`." +
      text.Tr(" Rapporten indeholder kun samlede tal; ingen personer nævnes.",
              " The report holds aggregates only; no person is named.")});
  return section;
}

}  // namespace trygnet::report
