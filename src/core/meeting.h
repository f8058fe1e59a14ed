// A meeting (møde) of the partnership: its type comes from the partnership's
// cadences [p.9, p.13–14]; it has attending units, minutes and decisions. A
// decision may change the geographic focus from a given date.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"

namespace trygnet {

using MeetingId = int64_t;

enum class DecisionKind { kGeneral, kFocusAreaAdd, kFocusAreaEnd };
std::string_view DecisionKindName(DecisionKind kind);
Result<DecisionKind> ParseDecisionKind(std::string_view text, std::string_view field);

struct Decision {
  DecisionKind kind = DecisionKind::kGeneral;
  std::string text;
  std::string area_id;               // for focus-area decisions
  std::optional<Date> effective_on;  // for focus-area decisions
};

struct Meeting {
  MeetingId id = 0;
  std::string partnership_id;
  std::string meeting_type_id;
  Date held_on;
  std::vector<std::string> attending_unit_ids;
  std::string minutes;
  std::vector<Decision> decisions;
  std::string recorded_by;
  Timestamp recorded_at;
};

// At least one attending unit; a focus-area decision names an area and an
// effective date not before the meeting.
Status ValidateMeeting(const Meeting& meeting);

}  // namespace trygnet
