#include "core/incident.h"

#include <gtest/gtest.h>

#include "core/core_test_support.h"

namespace trygnet {
namespace {

using testing::IsError;
using testing::T;

Incident Gathering() {
  Incident incident;
  incident.partnership_id = "norrebro-2017";
  incident.kind = IncidentKind::kPublicGathering;
  incident.occurred_at = T("2017-07-01T20:00:00Z");
  incident.area_id = "torvet";
  incident.place = "Torvet ved springvandet";
  incident.person_ids = {1, 2};
  incident.group_ids = {7};
  incident.responses = {
      {T("2017-07-01T20:30:00Z"), ResponseRole::kStreetWorkers, "cfr", "Gadeplansmedarbejdere på stedet"},
      {T("2017-07-01T20:10:00Z"), ResponseRole::kPolice, "lokalpoliti", ""},
      {T("2017-07-01T20:05:00Z"), ResponseRole::kPolice, "osa", ""},
  };
  incident.recorded_by = "lokalpoliti-vagt";
  return incident;
}

TEST(ValidateIncident, AcceptsAnOpenIncident) { EXPECT_TRUE(ValidateIncident(Gathering()).ok()); }

TEST(ValidateIncident, ResponsesCannotPrecedeTheIncident) {
  Incident incident = Gathering();
  incident.responses[1].at = T("2017-07-01T19:59:59Z");
  EXPECT_TRUE(IsError(ValidateIncident(incident), ErrorCode::kInvalidArgument, "responses[1].at"));
}

TEST(ValidateIncident, ResponseNamesAUnit) {
  Incident incident = Gathering();
  incident.responses[2].unit_id = "";
  EXPECT_TRUE(IsError(ValidateIncident(incident), ErrorCode::kInvalidArgument, "responses[2].unit_id"));
}

TEST(ValidateIncident, ClosingNeedsALaterTimeAndANote) {
  Incident incident = Gathering();
  incident.closed_at = T("2017-07-01T19:00:00Z");
  incident.after_action_note = "Opløst uden vold";
  EXPECT_TRUE(IsError(ValidateIncident(incident), ErrorCode::kInvalidArgument, "closed_at"));
  incident.closed_at = T("2017-07-02T01:00:00Z");
  incident.after_action_note = "";
  EXPECT_TRUE(IsError(ValidateIncident(incident), ErrorCode::kInvalidArgument, "after_action_note"));
  incident.after_action_note = "Opløst uden vold";
  EXPECT_TRUE(ValidateIncident(incident).ok());
}

TEST(ValidateIncident, RequiresPlacePartnershipAndRecorder) {
  Incident incident = Gathering();
  incident.place = "";
  EXPECT_TRUE(IsError(ValidateIncident(incident), ErrorCode::kInvalidArgument, "place"));
  incident = Gathering();
  incident.partnership_id = "Nørrebro";
  EXPECT_TRUE(IsError(ValidateIncident(incident), ErrorCode::kInvalidArgument, "partnership_id"));
  incident = Gathering();
  incident.recorded_by = "";
  EXPECT_TRUE(IsError(ValidateIncident(incident), ErrorCode::kInvalidArgument, "recorded_by"));
  incident = Gathering();
  incident.area_id = "Torvet";
  EXPECT_TRUE(IsError(ValidateIncident(incident), ErrorCode::kInvalidArgument, "area_id"));
}

TEST(SecondsToFirstResponse, TakesTheEarliestEntryOfTheRole) {
  Incident incident = Gathering();
  EXPECT_EQ(SecondsToFirstResponse(incident, ResponseRole::kPolice), 300);
  EXPECT_EQ(SecondsToFirstResponse(incident, ResponseRole::kStreetWorkers), 1800);
  EXPECT_FALSE(SecondsToFirstResponse(incident, ResponseRole::kHospitalPresence).has_value());
}

TEST(ResponseRole, RoundTripsItsNames) {
  for (ResponseRole role : {ResponseRole::kPolice, ResponseRole::kStreetWorkers, ResponseRole::kSsp,
                            ResponseRole::kStaff18Plus, ResponseRole::kHospitalPresence}) {
    EXPECT_EQ(*ParseResponseRole(ResponseRoleName(role), "role"), role);
  }
  EXPECT_EQ(*ParseIncidentKind("violent_conflict", "kind"), IncidentKind::kViolentConflict);
  EXPECT_TRUE(IsError(ParseIncidentKind("riot", "kind"), ErrorCode::kInvalidArgument, "kind"));
}

}  // namespace
}  // namespace trygnet
