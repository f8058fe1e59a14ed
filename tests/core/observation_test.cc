#include "core/observation.h"

#include <gtest/gtest.h>

#include "core/core_test_support.h"

namespace trygnet {
namespace {

using testing::IsError;
using testing::T;

Observation PatrolStop() {
  Observation observation;
  observation.observed_at = T("2017-05-12T21:15:00Z");
  observation.area_id = "torvet";
  observation.position = GeoPoint{12.55, 55.69};
  observation.source = "patrol_stop";
  observation.person_ids = {3, 1, 2};
  observation.recorded_by = "lokalpoliti-betjent";
  observation.recorded_at = T("2017-05-13T08:00:00Z");
  return observation;
}

TEST(ValidateObservation, AcceptsAPatrolStop) { EXPECT_TRUE(ValidateObservation(PatrolStop()).ok()); }

TEST(ValidateObservation, NeedsAtLeastOnePerson) {
  Observation observation = PatrolStop();
  observation.person_ids.clear();
  EXPECT_TRUE(IsError(ValidateObservation(observation), ErrorCode::kInvalidArgument, "person_ids"));
}

TEST(ValidateObservation, RejectsUnstoredAndRepeatedPersons) {
  Observation observation = PatrolStop();
  observation.person_ids = {2, 0};
  EXPECT_TRUE(IsError(ValidateObservation(observation), ErrorCode::kInvalidArgument, "person_ids"));
  observation.person_ids = {2, 1, 2};
  EXPECT_TRUE(IsError(ValidateObservation(observation), ErrorCode::kInvalidArgument, "person_ids"));
}

TEST(ValidateObservation, RejectsABadPosition) {
  Observation observation = PatrolStop();
  observation.position = GeoPoint{12.55, 95.0};
  EXPECT_TRUE(IsError(ValidateObservation(observation), ErrorCode::kInvalidArgument, "position"));
  observation.position.reset();
  EXPECT_TRUE(ValidateObservation(observation).ok());
}

TEST(ValidateObservation, ChecksIdentifiers) {
  Observation observation = PatrolStop();
  observation.area_id = "Torvet";
  EXPECT_TRUE(IsError(ValidateObservation(observation), ErrorCode::kInvalidArgument, "area_id"));
  observation = PatrolStop();
  observation.source = "";
  EXPECT_TRUE(IsError(ValidateObservation(observation), ErrorCode::kInvalidArgument, "source"));
  observation = PatrolStop();
  observation.recorded_by = "";
  EXPECT_TRUE(IsError(ValidateObservation(observation), ErrorCode::kInvalidArgument, "recorded_by"));
  observation = PatrolStop();
  observation.area_id = "";
  EXPECT_TRUE(ValidateObservation(observation).ok());
}

TEST(ValidateObservation, CannotBeObservedAfterItWasRecorded) {
  Observation observation = PatrolStop();
  observation.observed_at = observation.recorded_at.AddSeconds(1);
  EXPECT_TRUE(IsError(ValidateObservation(observation), ErrorCode::kInvalidArgument, "observed_at"));
  observation.observed_at = observation.recorded_at;
  EXPECT_TRUE(ValidateObservation(observation).ok());
}

}  // namespace
}  // namespace trygnet
