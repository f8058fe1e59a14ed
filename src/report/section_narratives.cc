// "Vurderinger fra parterne": the narratives units wrote for this period
// (the police assessment of the gang environment and so on), each in the
// version recorded by the report's instant. The external edition carries
// only those their authors marked for it.
#include "report/sections.h"

namespace trygnet::report {

Result<Section> BuildNarrativeSection(const ReportContext& context, int number) {
  const ReportText& text = context.text;
  Section section;
  section.id = "narratives";
  section.heading = NumberedHeading(number, text.Tr("Vurderinger fra parterne", "Assessments by the parties"));
  TRY_ASSIGN(auto narratives,
             context.store.ReportNarratives(context.partnership.id, context.request.period, context.request.known_at));
  for (const ReportNarrative& narrative : narratives) {
    if (context.request.edition == Edition::kExternal && !narrative.external) continue;
    const Unit* unit = context.partnership.FindUnit(narrative.unit_id);
    std::string byline = unit ? context.Name(unit->name, unit->name_en) : narrative.unit_id;
    byline += " · " + text.Tr("version ", "version ") + std::to_string(narrative.version) + " · " +
              narrative.recorded_at.date().ToString();
    // Names of staff stay out of the external edition.
    if (context.request.edition == Edition::kInternal) byline += " · " + narrative.recorded_by;
    section.blocks.push_back(Narrative{narrative.title, byline, narrative.text});
  }
  if (section.blocks.empty()) {
    section.blocks.push_back(
        Paragraph{text.Tr("Ingen bidrag er registreret for perioden. Parterne tilføjer deres vurderinger i Trygnet "
                          "(POST /api/v1/reports/narratives).",
                          "No contributions are recorded for the period. The parties add their assessments in Trygnet "
                          "(POST /api/v1/reports/narratives).")});
  }
  return section;
}

}  // namespace trygnet::report
