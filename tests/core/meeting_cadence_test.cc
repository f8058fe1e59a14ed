#include "core/meeting_cadence.h"

#include <gtest/gtest.h>

#include "core/core_test_support.h"

namespace trygnet {
namespace {

using testing::D;

MeetingType Type(std::optional<int> min, std::optional<int> max) {
  MeetingType type;
  type.id = "operative-steering-group";
  type.min_per_year = min;
  type.max_per_year = max;
  return type;
}

TEST(MeetingCadenceTest, FourAYearAreDueByTheEndOfEachQuarterOfTheYear) {
  MeetingType four = Type(4, std::nullopt);
  CadenceView none = MeetingCadence(four, {}, D("2018-02-01"));
  EXPECT_EQ(none.held_this_year, 0);
  EXPECT_EQ(none.next_due_on, D("2018-04-02"));
  EXPECT_EQ(none.status, CadenceStatus::kOnTrack);

  CadenceView soon = MeetingCadence(four, {}, D("2018-03-15"));
  EXPECT_EQ(soon.status, CadenceStatus::kDueSoon);

  CadenceView late = MeetingCadence(four, {D("2017-11-20")}, D("2018-04-03"));
  EXPECT_EQ(late.status, CadenceStatus::kOverdue);
  EXPECT_EQ(late.last_held_on, D("2017-11-20"));
  EXPECT_EQ(late.held_this_year, 0) << "last year's meeting does not count for this year";

  CadenceView one_held = MeetingCadence(four, {D("2018-03-01")}, D("2018-04-03"));
  EXPECT_EQ(one_held.held_this_year, 1);
  EXPECT_EQ(one_held.next_due_on, D("2018-07-02"));
  EXPECT_EQ(one_held.status, CadenceStatus::kOnTrack);
}

TEST(MeetingCadenceTest, MeetingsAfterTheDateAreNotCounted) {
  CadenceView view = MeetingCadence(Type(2, std::nullopt), {D("2018-03-01"), D("2018-12-01")}, D("2018-06-01"));
  EXPECT_EQ(view.held_this_year, 1);
  EXPECT_EQ(view.last_held_on, D("2018-03-01"));
}

TEST(MeetingCadenceTest, TheYearsMinimumMetIsOnTrackWithNothingDue) {
  CadenceView view = MeetingCadence(Type(2, 3), {D("2018-03-01"), D("2018-05-01")}, D("2018-06-01"));
  EXPECT_EQ(view.status, CadenceStatus::kOnTrack);
  EXPECT_FALSE(view.next_due_on.has_value());
}

TEST(MeetingCadenceTest, MoreThanTheMaximumIsFlagged) {
  CadenceView view = MeetingCadence(Type(1, 2), {D("2018-01-10"), D("2018-02-10"), D("2018-03-10")}, D("2018-06-01"));
  EXPECT_EQ(view.status, CadenceStatus::kAboveMaximum);
}

TEST(MeetingCadenceTest, WithoutAMinimumMeetingsAreHeldAsNeeded) {
  CadenceView view = MeetingCadence(Type(std::nullopt, std::nullopt), {D("2018-01-10")}, D("2018-06-01"));
  EXPECT_EQ(view.status, CadenceStatus::kAsNeeded);
  EXPECT_FALSE(view.next_due_on.has_value());
  EXPECT_EQ(CadenceStatusName(view.status), "as_needed");
}

}  // namespace
}  // namespace trygnet
