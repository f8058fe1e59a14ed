#include "core/focus_history.h"

#include <algorithm>

namespace trygnet {
namespace {

bool Covers(const FocusPeriod& period, Date on) { return period.from <= on && (!period.to || on < *period.to); }

Status Apply(std::vector<FocusPeriod>& periods, const FocusChange& change, std::string_view field) {
  auto covering = std::find_if(periods.begin(), periods.end(),
                               [&](const FocusPeriod& period) { return Covers(period, change.effective_on); });
  if (change.in_focus) {
    if (covering != periods.end()) {
      return InvalidArgument(std::string(field), "area " + change.area_id + " is already a focus area on " +
                                        change.effective_on.ToString() + " (since " + covering->from.ToString() + ")");
    }
    FocusPeriod added{change.effective_on, std::nullopt, change.decision, ""};
    auto next = std::find_if(periods.begin(), periods.end(),
                             [&](const FocusPeriod& period) { return change.effective_on < period.from; });
    if (next != periods.end()) {
      // The focus runs on into the next period: they join into one.
      added.to = next->to;
      added.ended_by = next->ended_by;
      *next = std::move(added);
    } else {
      periods.push_back(std::move(added));
    }
    return OkStatus();
  }
  if (covering == periods.end()) {
    return InvalidArgument(std::string(field), "area " + change.area_id + " is not a focus area on " +
                                      change.effective_on.ToString() + ", so its focus cannot end then");
  }
  if (covering->from == change.effective_on) {
    periods.erase(covering);
  } else {
    covering->to = change.effective_on;
    covering->ended_by = change.decision;
  }
  return OkStatus();
}

}  // namespace

Result<std::vector<FocusPeriod>> ApplyFocusChanges(std::vector<FocusPeriod> periods,
                                                   const std::vector<FocusChange>& changes, std::string_view field) {
  for (const FocusChange& change : changes) TRY_STATUS(Apply(periods, change, field));
  std::sort(periods.begin(), periods.end(),
            [](const FocusPeriod& a, const FocusPeriod& b) { return a.from < b.from; });
  return periods;
}

}  // namespace trygnet
