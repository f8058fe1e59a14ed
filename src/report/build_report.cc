#include "report/build_report.h"

#include "report/sections.h"

namespace trygnet::report {

std::string NumberedHeading(int number, const std::string& heading) { return std::to_string(number) + ". " + heading; }

Result<Report> BuildReport(Store& store, const Partnership& partnership, const ReportRequest& request) {
  const ReportPeriod& period = request.period;
  if (period.to < period.from) return InvalidArgument("period", "ends before it starts");
  if (period.from < partnership.period_from || period.to > partnership.period_to) {
    return InvalidArgument("period", "must lie within the partnership's period " + partnership.period_from.ToString() +
                                         ".." + partnership.period_to.ToString());
  }
  const ReportText text(request.language, request.edition);
  const ReportContext context{store, partnership, request, text};
  Report report;
  report.language = request.language;
  report.edition = request.edition;
  const std::string name = context.Name(partnership.name, partnership.name_en);
  report.author = name;
  report.title = text.Tr("Statusrapport – ", "Status report – ") + name;
  report.subtitle = text.LongDate(period.from) + " – " + text.LongDate(period.to) + ". " +
                    text.Tr("Opgjort som registreret pr. ", "As recorded at ") + request.known_at.ToString() +
                    " (UTC). " +
                    (request.edition == Edition::kExternal
                         ? text.Tr("Ekstern udgave til boligpartnere: kun samlede tal, antal under 5 vises som \"<5\".",
                                   "External edition for housing partners: aggregates only, counts under 5 shown as "
                                   "\"<5\".")
                         : text.Tr("Intern udgave.", "Internal edition."));
  report.created_at = request.known_at.ToString();
  report.footer = name + " · " + text.Tr("Statusrapport ", "Status report ") + ReportPeriodText(period);
  TRY_ASSIGN(report.demo, store.IsDemo());
  if (report.demo) {
    report.demo_notice = text.Tr("DEMO – syntetiske data om opdigtede personer og grupper",
                                 "DEMO – synthetic data about fictional persons and groups");
  }

  using Builder = Result<Section> (*)(const ReportContext&, int);
  std::vector<Builder> builders = {BuildSummarySection,  BuildIndicatorSection, BuildActivityGoalSection,
                                   BuildAreaSection,     BuildWorkSection,      BuildIncidentSection,
                                   BuildNarrativeSection};
  if (request.edition == Edition::kInternal) builders.push_back(BuildRegisterHealthSection);
  // One snapshot: every section sees the same stored state.
  TRY_STATUS(store.InReadSnapshot([&]() -> Status {
    int number = 1;
    for (Builder build : builders) {
      TRY_ASSIGN(Section section, build(context, number++));
      report.sections.push_back(std::move(section));
    }
    return OkStatus();
  }));
  return report;
}

}  // namespace trygnet::report
