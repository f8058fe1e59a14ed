// The geographic focus of an area over time [p.7, p.9]: the periods in the
// partnership definition, changed by the strategic steering group's decisions
// (a meeting decision to add or end the focus takes effect on its date).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/area.h"
#include "core/date.h"
#include "core/error.h"

namespace trygnet {

struct FocusChange {
  std::string area_id;
  bool in_focus = true;  // true: the area becomes a focus area; false: it stops being one
  Date effective_on;
  std::string decision;    // the decision's text, as shown in the area's history
  int64_t meeting_id = 0;  // the meeting that decided it
};

// The area's focus periods with `changes` applied in the order given (by
// effective date, then as decided). Adding focus to an area already in focus
// on that date, or ending focus where there is none, is an error naming
// `field` (e.g. "decisions[0]"). Periods stay ordered and non-overlapping.
Result<std::vector<FocusPeriod>> ApplyFocusChanges(std::vector<FocusPeriod> periods,
                                                   const std::vector<FocusChange>& changes, std::string_view field);

}  // namespace trygnet
