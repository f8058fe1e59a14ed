// "Status på aktivitetsmål": each initiative's yearly activity goals
// [p.13–16] against what was done in the period, the goal prorated to the
// period's length.
#include <cmath>

#include "report/sections.h"

namespace trygnet::report {
namespace {

std::string GoalText(const ReportText& text, const ActivityGoal& goal) {
  if (goal.min_per_year && goal.max_per_year && *goal.min_per_year != *goal.max_per_year) {
    return text.Number(*goal.min_per_year, 0) + "–" + text.Number(*goal.max_per_year, 0);
  }
  if (goal.min_per_year) return text.Number(*goal.min_per_year, 0);
  if (goal.max_per_year) return text.Tr("højst ", "at most ") + text.Number(*goal.max_per_year, 0);
  return text.Tr("efter behov", "as needed");
}

}  // namespace

Result<Section> BuildActivityGoalSection(const ReportContext& context, int number) {
  const ReportText& text = context.text;
  const Partnership& partnership = context.partnership;
  Section section;
  section.id = "activity-goals";
  section.heading = NumberedHeading(number, text.Tr("Status på aktivitetsmål", "Activity goals"));
  Table table;
  table.id = "activity-goals";
  table.title = text.Tr("Aktivitetsmål pr. indsats", "Activity goals by initiative");
  table.columns = {text.Tr("Indsats", "Initiative"),       text.Tr("Aktivitetsmål", "Activity goal"),
                   text.Tr("Mål pr. år", "Goal per year"), text.Tr("Forventet i perioden", "Expected in period"),
                   text.Tr("Gennemført", "Done"),          text.Tr("Status", "Status")};
  for (const Initiative& initiative : partnership.initiatives) {
    for (const ActivityGoal& goal : initiative.activity_goals) {
      int64_t done = 0;
      if (!goal.meeting_type_id.empty()) {
        TRY_ASSIGN(done, context.store.CountMeetings(partnership.id, goal.meeting_type_id, context.from(), context.to(),
                                                     context.request.known_at));
      } else if (!goal.measure_type_id.empty()) {
        TRY_ASSIGN(done, context.store.CountMeasuresDone(partnership.id, goal.measure_type_id, context.from(),
                                                         context.to(), context.request.known_at, ""));
      }
      std::optional<double> expected;
      if (goal.min_per_year) expected = *goal.min_per_year * context.Years();  // 4 a year over 11 months: 3.7
      std::string status = text.Tr("efter behov", "as needed");
      if (goal.max_per_year &&
          static_cast<double>(done) > std::ceil(*goal.max_per_year * context.Years())) {
        status = text.Tr("over maksimum", "above maximum");
      } else if (expected) {
        // Meetings and measures come whole, and a part-year period ends before the next is due:
        // 3.7 expected is met by 3.
        status = static_cast<double>(done) >= std::floor(*expected) ? text.Tr("opfyldt", "met")
                                                                    : text.Tr("ikke opfyldt", "not met");
      }
      table.rows.push_back(
          {text.Text(std::to_string(initiative.number) + ". " + context.Name(initiative.name, initiative.name_en)),
           text.Text(goal.description), text.Text(GoalText(text, goal)), text.Value(expected, 1), text.Count(done),
           text.Text(status)});
    }
  }
  table.note = text.Tr(
      "Forventet i perioden er målet pr. år gange periodens længde i år. Et mål er opfyldt, når det gennemførte "
      "mindst når det forventede, rundet ned til et helt antal. Møder tælles efter mødedato, indsatser efter den "
      "dato de blev gennemført.",
      "Expected in period is the yearly goal times the period's length in years. A goal is met when the number done "
      "reaches the expected number rounded down to a whole one. Meetings count by their date, measures by the date "
      "they were done.");
  if (table.rows.empty()) {
    section.blocks.push_back(
        Paragraph{text.Tr("Partnerskabet har ingen aktivitetsmål.", "The partnership has no activity goals.")});
  } else {
    section.blocks.push_back(std::move(table));
  }
  return section;
}

}  // namespace trygnet::report
