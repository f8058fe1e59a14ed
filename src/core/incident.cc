#include "core/incident.h"

#include <array>

#include "core/enum_names.h"
#include "core/text_rules.h"

namespace trygnet {
namespace {
constexpr std::array<std::pair<IncidentKind, std::string_view>, 2> kKinds{{
    {IncidentKind::kViolentConflict, "violent_conflict"},
    {IncidentKind::kPublicGathering, "public_gathering"},
}};
constexpr std::array<std::pair<ResponseRole, std::string_view>, 5> kRoles{{
    {ResponseRole::kPolice, "police"},
    {ResponseRole::kStreetWorkers, "street_workers"},
    {ResponseRole::kSsp, "ssp"},
    {ResponseRole::kStaff18Plus, "staff_18plus"},
    {ResponseRole::kHospitalPresence, "hospital_presence"},
}};
}  // namespace

std::string_view IncidentKindName(IncidentKind kind) { return EnumName<IncidentKind>(kKinds, kind); }
Result<IncidentKind> ParseIncidentKind(std::string_view text, std::string_view field) {
  return ParseEnum<IncidentKind>(kKinds, text, field);
}
std::string_view ResponseRoleName(ResponseRole role) { return EnumName<ResponseRole>(kRoles, role); }
Result<ResponseRole> ParseResponseRole(std::string_view text, std::string_view field) {
  return ParseEnum<ResponseRole>(kRoles, text, field);
}

Status ValidateIncident(const Incident& incident) {
  TRY_STATUS(RequireIdentifier("partnership_id", incident.partnership_id));
  if (!incident.area_id.empty()) TRY_STATUS(RequireIdentifier("area_id", incident.area_id));
  TRY_STATUS(RequireText("place", incident.place));
  TRY_STATUS(RequireIdentifier("recorded_by", incident.recorded_by));
  for (size_t entry_idx = 0; entry_idx < incident.responses.size(); ++entry_idx) {
    const ResponseEntry& entry = incident.responses[entry_idx];
    std::string field = "responses[" + std::to_string(entry_idx) + "]";
    if (entry.at < incident.occurred_at) return InvalidArgument(field + ".at", "is before the incident occurred");
    TRY_STATUS(RequireIdentifier(field + ".unit_id", entry.unit_id));
    TRY_STATUS(OptionalText(field + ".note", entry.note));
  }
  if (incident.closed_at) {
    if (*incident.closed_at < incident.occurred_at) return InvalidArgument("closed_at", "is before the incident");
    TRY_STATUS(RequireText("after_action_note", incident.after_action_note, kMaxTextLength));
  }
  return OkStatus();
}

std::optional<int64_t> SecondsToFirstResponse(const Incident& incident, ResponseRole role) {
  std::optional<int64_t> first;
  for (const ResponseEntry& entry : incident.responses) {
    if (entry.role != role) continue;
    int64_t seconds = entry.at.unix_seconds() - incident.occurred_at.unix_seconds();
    if (!first || seconds < *first) first = seconds;
  }
  return first;
}

}  // namespace trygnet
