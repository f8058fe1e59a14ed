// Meetings due against the partnership's cadences [p.9, p.13–14]: the
// operative steering group meets 4 times a year, the strategic one at least
// twice, and so on. The year is the calendar year; the k-th of a type's
// `min_per_year` meetings is due by the end of the k-th equal part of it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/meeting.h"
#include "core/partnership.h"

namespace trygnet {

enum class CadenceStatus {
  kAsNeeded,      // no minimum: held as needed (e.g. safety dialogues)
  kOnTrack,       // the next meeting is not due within the notice period
  kDueSoon,       // the next meeting is due within the notice period
  kOverdue,       // the next meeting was due and has not been held
  kAboveMaximum,  // more meetings this year than the cadence's maximum
};
std::string_view CadenceStatusName(CadenceStatus status);

struct CadenceView {
  std::string meeting_type_id;
  int year = 0;
  int held_this_year = 0;
  std::optional<int> min_per_year;
  std::optional<int> max_per_year;
  std::optional<Date> last_held_on;
  std::optional<Date> next_due_on;  // absent when as needed or the year's minimum is met
  CadenceStatus status = CadenceStatus::kAsNeeded;
};

inline constexpr int kDefaultCadenceNoticeDays = 30;

// `held_on`: the dates of the type's meetings, in any order; those after
// `as_of` are ignored.
CadenceView MeetingCadence(const MeetingType& type, const std::vector<Date>& held_on, Date as_of,
                           int notice_days = kDefaultCadenceNoticeDays);

// Every meeting type of the partnership, in its order, against the meetings held.
std::vector<CadenceView> MeetingCadences(const Partnership& partnership, const std::vector<Meeting>& meetings,
                                         Date as_of, int notice_days = kDefaultCadenceNoticeDays);

}  // namespace trygnet
