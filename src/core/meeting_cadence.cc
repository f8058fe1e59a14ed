#include "core/meeting_cadence.h"

#include <array>
#include <map>

#include "core/enum_names.h"

namespace trygnet {
namespace {

constexpr std::array<std::pair<CadenceStatus, std::string_view>, 5> kStatuses{{
    {CadenceStatus::kAsNeeded, "as_needed"},
    {CadenceStatus::kOnTrack, "on_track"},
    {CadenceStatus::kDueSoon, "due_soon"},
    {CadenceStatus::kOverdue, "overdue"},
    {CadenceStatus::kAboveMaximum, "above_maximum"},
}};

Date StartOfYear(int year) { return *Date::FromYmd(year, 1, 1); }

}  // namespace

std::string_view CadenceStatusName(CadenceStatus status) { return EnumName<CadenceStatus>(kStatuses, status); }

CadenceView MeetingCadence(const MeetingType& type, const std::vector<Date>& held_on, Date as_of, int notice_days) {
  CadenceView view;
  view.meeting_type_id = type.id;
  view.year = as_of.year();
  view.min_per_year = type.min_per_year;
  view.max_per_year = type.max_per_year;
  Date year_start = StartOfYear(view.year);
  for (Date held : held_on) {
    if (as_of < held) continue;
    if (!view.last_held_on || *view.last_held_on < held) view.last_held_on = held;
    if (!(held < year_start)) ++view.held_this_year;
  }
  if (type.max_per_year && view.held_this_year > *type.max_per_year) {
    view.status = CadenceStatus::kAboveMaximum;
    return view;
  }
  if (!type.min_per_year || *type.min_per_year <= 0) {
    view.status = CadenceStatus::kAsNeeded;
    return view;
  }
  int minimum = *type.min_per_year;
  if (view.held_this_year >= minimum) {
    view.status = CadenceStatus::kOnTrack;
    return view;
  }
  int days_in_year = StartOfYear(view.year + 1).days_since_epoch() - year_start.days_since_epoch();
  int next = view.held_this_year + 1;  // the meeting of this year still to be held
  int due_day = (next * days_in_year + minimum - 1) / minimum;  // end of the next-th part, rounded up
  view.next_due_on = year_start.AddDays(due_day - 1);
  if (*view.next_due_on < as_of) {
    view.status = CadenceStatus::kOverdue;
  } else if (view.next_due_on->days_since_epoch() - as_of.days_since_epoch() <= notice_days) {
    view.status = CadenceStatus::kDueSoon;
  } else {
    view.status = CadenceStatus::kOnTrack;
  }
  return view;
}

std::vector<CadenceView> MeetingCadences(const Partnership& partnership, const std::vector<Meeting>& meetings,
                                         Date as_of, int notice_days) {
  std::map<std::string, std::vector<Date>> held_by_type;
  for (const Meeting& meeting : meetings) held_by_type[meeting.meeting_type_id].push_back(meeting.held_on);
  std::vector<CadenceView> views;
  for (const MeetingType& type : partnership.meeting_types) {
    views.push_back(MeetingCadence(type, held_by_type[type.id], as_of, notice_days));
  }
  return views;
}

}  // namespace trygnet
