// An area (område): a district (bydel) or a focus area inside one, with its
// outline and the periods in which it was a focus area of a partnership [p.7].
// Focus status changes by decision (of the strategic steering group), so each
// period records the decision that set it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"

namespace trygnet {

enum class AreaKind { kDistrict, kFocusArea, kOther };
std::string_view AreaKindName(AreaKind kind);
Result<AreaKind> ParseAreaKind(std::string_view text, std::string_view field);

struct GeoPoint {
  double lon = 0;
  double lat = 0;
};

struct FocusPeriod {
  Date from;
  std::optional<Date> to;  // exclusive; absent while still in focus
  std::string decision;    // e.g. "Udmøntningsplan 2017, s. 7" or a meeting decision
  std::string ended_by;    // the decision that ended it early, if one did (focus_history.h)
};

struct Area {
  std::string id;
  std::string name;
  AreaKind kind = AreaKind::kOther;
  std::string parent_id;           // empty for a top-level area
  std::vector<GeoPoint> outline;   // polygon ring, WGS84 lon/lat, not repeated at the end
  std::vector<FocusPeriod> focus;  // ordered, non-overlapping

  bool InFocusOn(Date on) const;
};

// Outline of at least three points with valid coordinates; focus periods
// ordered, non-overlapping, each ending after it starts, each with a decision.
Status ValidateArea(const Area& area);

}  // namespace trygnet
