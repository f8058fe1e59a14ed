#include "core/meeting.h"

#include <array>

#include "core/enum_names.h"
#include "core/text_rules.h"

namespace trygnet {
namespace {
constexpr std::array<std::pair<DecisionKind, std::string_view>, 3> kKinds{{
    {DecisionKind::kGeneral, "general"},
    {DecisionKind::kFocusAreaAdd, "focus_area_add"},
    {DecisionKind::kFocusAreaEnd, "focus_area_end"},
}};
}  // namespace

std::string_view DecisionKindName(DecisionKind kind) { return EnumName<DecisionKind>(kKinds, kind); }
Result<DecisionKind> ParseDecisionKind(std::string_view text, std::string_view field) {
  return ParseEnum<DecisionKind>(kKinds, text, field);
}

Status ValidateMeeting(const Meeting& meeting) {
  TRY_STATUS(RequireIdentifier("partnership_id", meeting.partnership_id));
  TRY_STATUS(RequireIdentifier("meeting_type_id", meeting.meeting_type_id));
  if (meeting.attending_unit_ids.empty()) {
    return InvalidArgument("attending_unit_ids", "at least one unit must attend");
  }
  for (size_t idx = 0; idx < meeting.attending_unit_ids.size(); ++idx) {
    TRY_STATUS(RequireIdentifier("attending_unit_ids[" + std::to_string(idx) + "]", meeting.attending_unit_ids[idx]));
  }
  TRY_STATUS(OptionalText("minutes", meeting.minutes));
  TRY_STATUS(RequireIdentifier("recorded_by", meeting.recorded_by));
  for (size_t idx = 0; idx < meeting.decisions.size(); ++idx) {
    const Decision& decision = meeting.decisions[idx];
    std::string field = "decisions[" + std::to_string(idx) + "]";
    TRY_STATUS(RequireText(field + ".text", decision.text, kMaxTextLength));
    if (decision.kind == DecisionKind::kGeneral) continue;
    TRY_STATUS(RequireIdentifier(field + ".area_id", decision.area_id));
    if (!decision.effective_on)
      return InvalidArgument(field + ".effective_on", "is required for a focus-area decision");
    if (*decision.effective_on < meeting.held_on) {
      return InvalidArgument(field + ".effective_on", "is before the meeting that decided it");
    }
  }
  return OkStatus();
}

}  // namespace trygnet
