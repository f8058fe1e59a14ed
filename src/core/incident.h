// An incident (hændelse): a violent conflict or a public gang gathering,
// with the response log that shows how fast each role was there [p.11–12].
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "core/group.h"
#include "core/person.h"

namespace trygnet {

using IncidentId = int64_t;

enum class IncidentKind { kViolentConflict, kPublicGathering };
std::string_view IncidentKindName(IncidentKind kind);
Result<IncidentKind> ParseIncidentKind(std::string_view text, std::string_view field);

// The roles of initiative 4 [p.12].
enum class ResponseRole { kPolice, kStreetWorkers, kSsp, kStaff18Plus, kHospitalPresence };
inline constexpr ResponseRole kAllResponseRoles[] = {ResponseRole::kPolice, ResponseRole::kStreetWorkers,
                                                     ResponseRole::kSsp, ResponseRole::kStaff18Plus,
                                                     ResponseRole::kHospitalPresence};
std::string_view ResponseRoleName(ResponseRole role);
Result<ResponseRole> ParseResponseRole(std::string_view text, std::string_view field);

struct ResponseEntry {
  Timestamp at;
  ResponseRole role = ResponseRole::kPolice;
  std::string unit_id;
  std::string note;
};

struct Incident {
  IncidentId id = 0;
  std::string partnership_id;
  IncidentKind kind = IncidentKind::kViolentConflict;
  Timestamp occurred_at;
  std::string area_id;
  std::string place;
  std::vector<PersonId> person_ids;
  std::vector<GroupId> group_ids;
  std::vector<ResponseEntry> responses;
  std::optional<Timestamp> closed_at;
  std::string after_action_note;
  std::string recorded_by;
  std::string recorded_by_unit_id;  // holds the incident with the police (access policy)
  Timestamp recorded_at;
};

// Responses not before the incident; closing after it and with an after-action note.
Status ValidateIncident(const Incident& incident);
// Seconds from the incident to the first response by `role`, if any.
std::optional<int64_t> SecondsToFirstResponse(const Incident& incident, ResponseRole role);

}  // namespace trygnet
