#include "core/meeting.h"

#include <gtest/gtest.h>

#include "core/core_test_support.h"

namespace trygnet {
namespace {

using testing::D;
using testing::IsError;

Meeting SteeringGroupMeeting() {
  Meeting meeting;
  meeting.partnership_id = "norrebro-2017";
  meeting.meeting_type_id = "strategic-steering-group";
  meeting.held_on = D("2017-09-12");
  meeting.attending_unit_ids = {"sikker-by", "eas", "ssp"};
  meeting.minutes = "Status på partnerskabet.";
  meeting.decisions = {{DecisionKind::kGeneral, "Statusrapporten godkendes", "", std::nullopt},
                       {DecisionKind::kFocusAreaAdd, "Torvet bliver fokusområde", "torvet", D("2017-10-01")}};
  meeting.recorded_by = "sikker-by-sekretariat";
  return meeting;
}

TEST(ValidateMeeting, AcceptsAMeetingWithDecisions) { EXPECT_TRUE(ValidateMeeting(SteeringGroupMeeting()).ok()); }

TEST(ValidateMeeting, NeedsAnAttendingUnit) {
  Meeting meeting = SteeringGroupMeeting();
  meeting.attending_unit_ids.clear();
  EXPECT_TRUE(IsError(ValidateMeeting(meeting), ErrorCode::kInvalidArgument, "attending_unit_ids"));
  meeting.attending_unit_ids = {"eas", "Sikker By"};
  EXPECT_TRUE(IsError(ValidateMeeting(meeting), ErrorCode::kInvalidArgument, "attending_unit_ids[1]"));
}

TEST(ValidateMeeting, FocusDecisionNeedsAnArea) {
  Meeting meeting = SteeringGroupMeeting();
  meeting.decisions[1].area_id = "";
  EXPECT_TRUE(IsError(ValidateMeeting(meeting), ErrorCode::kInvalidArgument, "decisions[1].area_id"));
}

TEST(ValidateMeeting, FocusDecisionNeedsAnEffectiveDateNotBeforeTheMeeting) {
  Meeting meeting = SteeringGroupMeeting();
  meeting.decisions[1].effective_on.reset();
  EXPECT_TRUE(IsError(ValidateMeeting(meeting), ErrorCode::kInvalidArgument, "decisions[1].effective_on"));
  meeting.decisions[1].effective_on = D("2017-09-11");
  EXPECT_TRUE(IsError(ValidateMeeting(meeting), ErrorCode::kInvalidArgument, "decisions[1].effective_on"));
  meeting.decisions[1].kind = DecisionKind::kFocusAreaEnd;
  meeting.decisions[1].effective_on = D("2017-09-12");
  EXPECT_TRUE(ValidateMeeting(meeting).ok());
}

TEST(ValidateMeeting, DecisionNeedsText) {
  Meeting meeting = SteeringGroupMeeting();
  meeting.decisions[0].text = "";
  EXPECT_TRUE(IsError(ValidateMeeting(meeting), ErrorCode::kInvalidArgument, "decisions[0].text"));
}

TEST(ValidateMeeting, RequiresTypePartnershipAndRecorder) {
  Meeting meeting = SteeringGroupMeeting();
  meeting.meeting_type_id = "";
  EXPECT_TRUE(IsError(ValidateMeeting(meeting), ErrorCode::kInvalidArgument, "meeting_type_id"));
  meeting = SteeringGroupMeeting();
  meeting.partnership_id = "";
  EXPECT_TRUE(IsError(ValidateMeeting(meeting), ErrorCode::kInvalidArgument, "partnership_id"));
  meeting = SteeringGroupMeeting();
  meeting.recorded_by = "";
  EXPECT_TRUE(IsError(ValidateMeeting(meeting), ErrorCode::kInvalidArgument, "recorded_by"));
  meeting = SteeringGroupMeeting();
  meeting.minutes = "\xED\xA0\x80";
  EXPECT_TRUE(IsError(ValidateMeeting(meeting), ErrorCode::kInvalidArgument, "minutes"));
}

TEST(DecisionKind, RoundTripsItsNames) {
  for (DecisionKind kind : {DecisionKind::kGeneral, DecisionKind::kFocusAreaAdd, DecisionKind::kFocusAreaEnd}) {
    EXPECT_EQ(*ParseDecisionKind(DecisionKindName(kind), "kind"), kind);
  }
  EXPECT_TRUE(IsError(ParseDecisionKind("veto", "kind"), ErrorCode::kInvalidArgument, "kind"));
}

}  // namespace
}  // namespace trygnet
