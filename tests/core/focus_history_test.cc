#include "core/focus_history.h"

#include <gtest/gtest.h>

#include "core/core_test_support.h"

namespace trygnet {
namespace {

using testing::D;
using testing::IsError;

// In focus from the plan's start, with no end.
std::vector<FocusPeriod> FromThePlan() { return {{D("2017-01-01"), std::nullopt, "Udmøntningsplan, s. 7", ""}}; }

FocusChange Change(bool in_focus, const char* on, const char* decision) {
  return FocusChange{"torvet", in_focus, D(on), decision, 7};
}

TEST(FocusHistoryTest, WithoutDecisionsTheDefinedPeriodsStand) {
  auto periods = ApplyFocusChanges(FromThePlan(), {}, "decisions[0]");
  ASSERT_TRUE(periods.ok());
  ASSERT_EQ(periods->size(), 1u);
  EXPECT_EQ(periods->at(0).from, D("2017-01-01"));
  EXPECT_FALSE(periods->at(0).to.has_value());
}

TEST(FocusHistoryTest, AnEndDecisionEndsTheFocusOnItsDateAndNamesTheDecision) {
  auto periods = ApplyFocusChanges(FromThePlan(), {Change(false, "2019-01-01", "Udgår fra 2019")}, "decisions[0]");
  ASSERT_TRUE(periods.ok());
  ASSERT_EQ(periods->size(), 1u);
  EXPECT_EQ(periods->at(0).to, D("2019-01-01"));
  EXPECT_EQ(periods->at(0).decision, "Udmøntningsplan, s. 7");
  EXPECT_EQ(periods->at(0).ended_by, "Udgår fra 2019");
}

TEST(FocusHistoryTest, AnAddDecisionAfterAnEndStartsANewPeriod) {
  auto periods = ApplyFocusChanges(
      FromThePlan(), {Change(false, "2018-01-01", "Udgår"), Change(true, "2018-09-01", "Genoptages")}, "d");
  ASSERT_TRUE(periods.ok());
  ASSERT_EQ(periods->size(), 2u);
  EXPECT_EQ(periods->at(0).to, D("2018-01-01"));
  EXPECT_EQ(periods->at(1).from, D("2018-09-01"));
  EXPECT_FALSE(periods->at(1).to.has_value());
  EXPECT_EQ(periods->at(1).decision, "Genoptages");
}

TEST(FocusHistoryTest, AddingFocusBeforeALaterPeriodJoinsThem) {
  std::vector<FocusPeriod> later = {{D("2018-01-01"), D("2019-01-01"), "Plan", ""}};
  auto periods = ApplyFocusChanges(later, {Change(true, "2017-06-01", "Fremrykket")}, "d");
  ASSERT_TRUE(periods.ok());
  ASSERT_EQ(periods->size(), 1u);
  EXPECT_EQ(periods->at(0).from, D("2017-06-01"));
  EXPECT_EQ(periods->at(0).to, D("2019-01-01"));
}

TEST(FocusHistoryTest, EndingOnTheFirstDayRemovesThePeriod) {
  auto periods = ApplyFocusChanges(FromThePlan(), {Change(false, "2017-01-01", "Aldrig")}, "d");
  ASSERT_TRUE(periods.ok());
  EXPECT_TRUE(periods->empty());
}

TEST(FocusHistoryTest, DecisionsThatDoNotFitTheHistoryAreRefusedNamingTheField) {
  EXPECT_TRUE(IsError(ApplyFocusChanges(FromThePlan(), {Change(true, "2018-01-01", "Igen")}, "decisions[1]"),
                      ErrorCode::kInvalidArgument, "decisions[1]"));
  EXPECT_TRUE(IsError(ApplyFocusChanges({}, {Change(false, "2018-01-01", "Slut")}, "decisions[0]"),
                      ErrorCode::kInvalidArgument, "decisions[0]"));
  EXPECT_TRUE(IsError(ApplyFocusChanges(FromThePlan(),
                                        {Change(false, "2018-01-01", "Slut"), Change(false, "2018-06-01", "Slut")},
                                        "decisions[0]"),
                      ErrorCode::kInvalidArgument, "decisions[0]"));
}

}  // namespace
}  // namespace trygnet
