#include "core/measure.h"

#include <gtest/gtest.h>

#include "core/core_test_support.h"

namespace trygnet {
namespace {

using testing::D;
using testing::IsError;

constexpr MeasureStatus kAll[] = {MeasureStatus::kPlanned, MeasureStatus::kInProgress, MeasureStatus::kDone,
                                  MeasureStatus::kDeclined, MeasureStatus::kNotReached};

Measure ConcernConversation() {
  Measure measure;
  measure.person_id = 4;
  measure.partnership_id = "norrebro-2017";
  measure.measure_type_id = "concern-conversation";
  measure.assigned_unit_id = "ssp";
  measure.due_on = D("2017-05-15");
  measure.created_by = "rule:under-18-seen-with-members";
  return measure;
}

TEST(CanMove, FollowsTheStatusFlow) {
  EXPECT_TRUE(CanMove(MeasureStatus::kPlanned, MeasureStatus::kInProgress));
  EXPECT_TRUE(CanMove(MeasureStatus::kPlanned, MeasureStatus::kDone));
  EXPECT_TRUE(CanMove(MeasureStatus::kPlanned, MeasureStatus::kDeclined));
  EXPECT_TRUE(CanMove(MeasureStatus::kPlanned, MeasureStatus::kNotReached));
  EXPECT_TRUE(CanMove(MeasureStatus::kInProgress, MeasureStatus::kDone));
  EXPECT_TRUE(CanMove(MeasureStatus::kInProgress, MeasureStatus::kDeclined));
  EXPECT_TRUE(CanMove(MeasureStatus::kInProgress, MeasureStatus::kNotReached));
  EXPECT_FALSE(CanMove(MeasureStatus::kInProgress, MeasureStatus::kPlanned));
  EXPECT_FALSE(CanMove(MeasureStatus::kPlanned, MeasureStatus::kPlanned));
  EXPECT_FALSE(CanMove(MeasureStatus::kInProgress, MeasureStatus::kInProgress));
}

TEST(CanMove, FinalStatusesAreFinal) {
  for (MeasureStatus from : {MeasureStatus::kDone, MeasureStatus::kDeclined, MeasureStatus::kNotReached}) {
    EXPECT_TRUE(IsFinal(from));
    for (MeasureStatus to : kAll)
      EXPECT_FALSE(CanMove(from, to)) << MeasureStatusName(from) << "→" << MeasureStatusName(to);
  }
  EXPECT_FALSE(IsFinal(MeasureStatus::kPlanned));
  EXPECT_FALSE(IsFinal(MeasureStatus::kInProgress));
}

TEST(MoveMeasure, WalksToDoneAndSetsCompletion) {
  Measure measure = ConcernConversation();
  ASSERT_TRUE(MoveMeasure(measure, MeasureStatus::kInProgress, D("2017-05-05"), "").ok());
  EXPECT_EQ(measure.status, MeasureStatus::kInProgress);
  EXPECT_FALSE(measure.completed_on.has_value());
  ASSERT_TRUE(MoveMeasure(measure, MeasureStatus::kDone, D("2017-05-10"), "Hjemmebesøg gennemført").ok());
  EXPECT_EQ(measure.status, MeasureStatus::kDone);
  EXPECT_EQ(measure.completed_on, D("2017-05-10"));
  EXPECT_EQ(measure.outcome, "Hjemmebesøg gennemført");
  EXPECT_TRUE(ValidateMeasure(measure).ok());
}

TEST(MoveMeasure, RefusesMovesOutsideTheFlow) {
  Measure measure = ConcernConversation();
  ASSERT_TRUE(MoveMeasure(measure, MeasureStatus::kDeclined, D("2017-05-10"), "Familien takkede nej").ok());
  auto status = MoveMeasure(measure, MeasureStatus::kInProgress, D("2017-05-11"), "");
  ASSERT_TRUE(IsError(status, ErrorCode::kFailedPrecondition));
  EXPECT_NE(status.error().message.find("declined"), std::string::npos);
  EXPECT_EQ(measure.status, MeasureStatus::kDeclined);
  EXPECT_EQ(measure.completed_on, D("2017-05-10"));
}

TEST(MoveMeasure, RejectsAnInvalidOutcome) {
  Measure measure = ConcernConversation();
  EXPECT_TRUE(IsError(MoveMeasure(measure, MeasureStatus::kDone, D("2017-05-10"), "\xFF"), ErrorCode::kInvalidArgument,
                      "outcome"));
  EXPECT_EQ(measure.status, MeasureStatus::kPlanned);
}

TEST(ValidateMeasure, CompletionDateGoesWithAFinalStatus) {
  Measure measure = ConcernConversation();
  EXPECT_TRUE(ValidateMeasure(measure).ok());
  measure.completed_on = D("2017-05-10");
  EXPECT_TRUE(IsError(ValidateMeasure(measure), ErrorCode::kInvalidArgument, "completed_on"));
  measure.completed_on.reset();
  measure.status = MeasureStatus::kDone;
  EXPECT_TRUE(IsError(ValidateMeasure(measure), ErrorCode::kInvalidArgument, "completed_on"));
}

TEST(ValidateMeasure, RequiresItsReferences) {
  Measure measure = ConcernConversation();
  measure.person_id = -1;
  EXPECT_TRUE(IsError(ValidateMeasure(measure), ErrorCode::kInvalidArgument, "person_id"));
  measure = ConcernConversation();
  measure.measure_type_id = "";
  EXPECT_TRUE(IsError(ValidateMeasure(measure), ErrorCode::kInvalidArgument, "measure_type_id"));
  measure = ConcernConversation();
  measure.assigned_unit_id = "SSP København";
  EXPECT_TRUE(IsError(ValidateMeasure(measure), ErrorCode::kInvalidArgument, "assigned_unit_id"));
  measure = ConcernConversation();
  measure.created_by = "";
  EXPECT_TRUE(IsError(ValidateMeasure(measure), ErrorCode::kInvalidArgument, "created_by"));
}

TEST(Measure, IsOverdueWhenOpenPastItsDueDate) {
  Measure measure = ConcernConversation();
  EXPECT_FALSE(measure.IsOverdueOn(D("2017-05-15")));
  EXPECT_TRUE(measure.IsOverdueOn(D("2017-05-16")));
  ASSERT_TRUE(MoveMeasure(measure, MeasureStatus::kNotReached, D("2017-05-20"), "").ok());
  EXPECT_FALSE(measure.IsOverdueOn(D("2017-05-21")));
}

TEST(MeasureStatus, RoundTripsItsNames) {
  for (MeasureStatus status : kAll) EXPECT_EQ(*ParseMeasureStatus(MeasureStatusName(status), "status"), status);
  EXPECT_TRUE(IsError(ParseMeasureStatus("cancelled", "status"), ErrorCode::kInvalidArgument, "status"));
}

}  // namespace
}  // namespace trygnet
