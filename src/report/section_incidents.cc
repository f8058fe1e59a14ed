// "Hændelser og responstid": the rapid response to violent incidents and
// gatherings [p.11–12] — how many, and how fast each role was there.
#include <algorithm>
#include <cmath>

#include "report/labels.h"
#include "report/sections.h"

namespace trygnet::report {
namespace {

constexpr IncidentKind kKinds[] = {IncidentKind::kViolentConflict, IncidentKind::kPublicGathering};

// The nearest-rank percentile of sorted, non-empty `values`.
double Percentile(const std::vector<double>& sorted, double fraction) {
  const size_t rank = static_cast<size_t>(std::ceil(fraction * static_cast<double>(sorted.size())));
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

double Median(const std::vector<double>& sorted) {
  const size_t size = sorted.size();
  return size % 2 == 1 ? sorted[size / 2] : (sorted[size / 2 - 1] + sorted[size / 2]) / 2.0;
}

}  // namespace

Result<Section> BuildIncidentSection(const ReportContext& context, int number) {
  const ReportText& text = context.text;
  const Language language = text.language();
  Section section;
  section.id = "incidents";
  section.heading = NumberedHeading(number, text.Tr("Hændelser og responstid", "Incidents and response times"));
  TRY_ASSIGN(auto incidents, context.store.ListIncidents(context.partnership.id, Timestamp::StartOf(context.from()),
                                                         EndOfDay(context.to())));
  std::erase_if(incidents, [&](const Incident& incident) { return incident.recorded_at > context.request.known_at; });

  Table kinds;
  kinds.id = "incident-kinds";
  kinds.title = text.Tr("Hændelser i perioden", "Incidents in the period");
  kinds.columns = {text.Tr("Type", "Kind"), text.Tr("Antal", "Number"), text.Tr("Afsluttet", "Closed")};
  for (IncidentKind kind : kKinds) {
    int64_t count = 0, closed = 0;
    for (const Incident& incident : incidents) {
      if (incident.kind != kind) continue;
      ++count;
      if (incident.closed_at && *incident.closed_at <= context.request.known_at) ++closed;
    }
    const std::string label = Capitalized(Label(kind, language));
    kinds.rows.push_back({text.Text(label), text.Count(count), text.Count(closed)});
  }
  section.blocks.push_back(std::move(kinds));

  Table times;
  times.id = "response-times";
  times.title =
      text.Tr("Minutter fra hændelse til første indsats pr. rolle", "Minutes from incident to first response by role");
  times.columns = {text.Tr("Rolle", "Role"), text.Tr("Hændelser med indsats", "Incidents with a response"),
                   text.Tr("Median", "Median"), text.Tr("90 %-fraktil", "90th percentile")};
  for (ResponseRole role : kAllResponseRoles) {
    std::vector<double> minutes;
    for (const Incident& incident : incidents) {
      if (auto seconds = SecondsToFirstResponse(incident, role))
        minutes.push_back(static_cast<double>(*seconds) / 60.0);
    }
    std::sort(minutes.begin(), minutes.end());
    const std::string label = Capitalized(Label(role, language));
    const Cell count = text.Count(static_cast<int64_t>(minutes.size()));
    // Times of fewer than 5 incidents would describe single events: the
    // external edition shows them only with the count.
    const bool shown = !minutes.empty() &&
                       (text.edition() == Edition::kInternal || static_cast<int64_t>(minutes.size()) >= kSuppressBelow);
    times.rows.push_back({text.Text(label), count, shown ? text.Value(Median(minutes), 0) : text.Missing(),
                          shown ? text.Value(Percentile(minutes, 0.9), 0) : text.Missing()});
  }
  times.note = text.Tr(
      "Responsloggen er den aktuelle; den føres løbende og er ikke opgjort som registreret på et tidspunkt.",
      "The response log is the current one; it is kept as events happen and not counted as recorded at an instant.");
  Chart chart{ChartKind::kBar, times.title, text.Tr("Minutter", "Minutes"), times.id, 0, {2, 3}};
  section.blocks.push_back(std::move(times));
  section.blocks.push_back(std::move(chart));
  return section;
}

}  // namespace trygnet::report
