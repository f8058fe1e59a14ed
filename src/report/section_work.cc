// "Møder og indsatser": meetings held per type against their cadence
// [p.9, p.13–14], and the measures by initiative and status [p.10–12].
#include <algorithm>
#include <map>

#include "core/meeting_cadence.h"
#include "report/labels.h"
#include "report/sections.h"

namespace trygnet::report {
namespace {

constexpr MeasureStatus kStatuses[] = {MeasureStatus::kPlanned, MeasureStatus::kInProgress, MeasureStatus::kDone,
                                       MeasureStatus::kDeclined, MeasureStatus::kNotReached};

// Meetings within [from, to] recorded by the report's instant.
Result<std::vector<Meeting>> MeetingsKnown(const ReportContext& context, Date from, Date to) {
  TRY_ASSIGN(auto meetings, context.store.ListMeetings(context.partnership.id, from, to));
  std::erase_if(meetings, [&](const Meeting& meeting) { return meeting.recorded_at > context.request.known_at; });
  return meetings;
}

std::string CadenceText(const ReportText& text, const MeetingType& type) {
  if (!type.min_per_year) return text.Tr("efter behov", "as needed");
  std::string cadence = text.Number(*type.min_per_year, 0);
  if (type.max_per_year && *type.max_per_year != *type.min_per_year)
    cadence += "–" + text.Number(*type.max_per_year, 0);
  return cadence;
}

Result<Table> MeetingTable(const ReportContext& context) {
  const ReportText& text = context.text;
  const Language language = text.language();
  TRY_ASSIGN(auto in_period, MeetingsKnown(context, context.from(), context.to()));
  // The cadence status looks at the calendar year of the period's end.
  TRY_ASSIGN(auto this_year, MeetingsKnown(context, *Date::FromYmd(context.to().year(), 1, 1), context.to()));
  const std::vector<CadenceView> cadences = MeetingCadences(context.partnership, this_year, context.to());

  Table table;
  table.id = "meetings";
  table.title = text.Tr("Møder afholdt i forhold til kadence", "Meetings held against their cadence");
  table.columns = {text.Tr("Mødetype", "Meeting type"), text.Tr("Kadence pr. år", "Cadence per year"),
                   text.Tr("Afholdt", "Held"), text.Tr("Forventet", "Expected"),
                   text.Tr("Status pr. ", "Status at ") + context.to().ToString()};
  for (size_t idx = 0; idx < context.partnership.meeting_types.size(); ++idx) {
    const MeetingType& type = context.partnership.meeting_types[idx];
    const int64_t held = std::count_if(in_period.begin(), in_period.end(),
                                       [&](const Meeting& meeting) { return meeting.meeting_type_id == type.id; });
    std::optional<double> expected;
    if (type.min_per_year) expected = *type.min_per_year * context.Years();
    table.rows.push_back({text.Text(context.Name(type.name, type.name_en)), text.Text(CadenceText(text, type)),
                          text.Count(held), text.Value(expected, 1),
                          text.Text(std::string(Label(cadences[idx].status, language)))});
  }
  table.note = text.Tr(
      "Forventet er mindste antal pr. år gange periodens længde i år. Status følger kadencen i kalenderåret for "
      "periodens sidste dag.",
      "Expected is the yearly minimum times the period's length in years. Status follows the cadence in the calendar "
      "year of the period's last day.");
  return table;
}

Result<Table> MeasureTable(const ReportContext& context) {
  const ReportText& text = context.text;
  const Partnership& partnership = context.partnership;
  TRY_ASSIGN(auto counts, context.store.CountMeasuresByTypeAndStatus(partnership.id, context.from(), context.to(),
                                                                     context.request.known_at));
  // Rows: the initiatives in the plan's order, then the parties' existing activities.
  std::map<std::string, std::map<MeasureStatus, int64_t>> by_initiative;
  for (const Store::MeasureCount& count : counts) {
    const MeasureType* type = partnership.FindMeasureType(count.measure_type_id);
    by_initiative[type ? type->initiative_id : ""][count.status] += count.count;
  }
  Table table;
  table.id = "measures";
  table.title = text.Tr("Indsatser med frist i perioden, efter initiativ og status",
                        "Measures due in the period, by initiative and status");
  table.columns = {text.Tr("Initiativ", "Initiative")};
  for (MeasureStatus status : kStatuses) {
    const std::string label = Capitalized(Label(status, text.language()));
    table.columns.push_back(label);
  }
  table.columns.push_back(text.Tr("I alt", "Total"));
  auto add_row = [&](const std::string& name, const std::map<MeasureStatus, int64_t>& statuses) {
    std::vector<Cell> row = {text.Text(name)};
    int64_t total = 0;
    for (MeasureStatus status : kStatuses) {
      auto found = statuses.find(status);
      const int64_t count = found == statuses.end() ? 0 : found->second;
      total += count;
      row.push_back(text.Count(count));
    }
    row.push_back(text.Count(total));
    table.rows.push_back(std::move(row));
  };
  for (const Initiative& initiative : partnership.initiatives) {
    auto found = by_initiative.find(initiative.id);
    add_row(std::to_string(initiative.number) + ". " + context.Name(initiative.name, initiative.name_en),
            found == by_initiative.end() ? std::map<MeasureStatus, int64_t>{} : found->second);
  }
  auto existing = by_initiative.find("");
  add_row(text.Tr("Eksisterende aktiviteter", "Existing activities"),
          existing == by_initiative.end() ? std::map<MeasureStatus, int64_t>{} : existing->second);
  table.note = text.Tr("Hver indsats med sin status som registreret pr. rapportens opgørelsestidspunkt.",
                       "Each measure with its status as recorded at the report's instant.");
  return table;
}

}  // namespace

Result<Section> BuildWorkSection(const ReportContext& context, int number) {
  const ReportText& text = context.text;
  Section section;
  section.id = "work";
  section.heading = NumberedHeading(number, text.Tr("Møder og indsatser", "Meetings and measures"));
  TRY_ASSIGN(Table meetings, MeetingTable(context));
  Chart meeting_chart{ChartKind::kBar, meetings.title, text.Tr("Møder", "Meetings"), meetings.id, 0, {2, 3}};
  section.blocks.push_back(std::move(meetings));
  section.blocks.push_back(std::move(meeting_chart));
  TRY_ASSIGN(Table measures, MeasureTable(context));
  const int done_column = 3, total_column = static_cast<int>(measures.columns.size()) - 1;
  Chart measure_chart{
      ChartKind::kBar, measures.title, text.Tr("Indsatser", "Measures"), measures.id, 0, {done_column, total_column}};
  section.blocks.push_back(std::move(measures));
  section.blocks.push_back(std::move(measure_chart));
  return section;
}

}  // namespace trygnet::report
