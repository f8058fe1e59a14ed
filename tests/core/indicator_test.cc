#include "core/indicator.h"

#include <gtest/gtest.h>

#include <limits>

#include "core/core_test_support.h"

namespace trygnet {
namespace {

using testing::D;
using testing::IsError;

IndicatorDefinition ActiveMembers() {
  IndicatorDefinition indicator;
  indicator.id = "registered_active_members";
  indicator.name = "Registrerede og aktive medlemmer";
  indicator.name_en = "Registered and active members";
  indicator.unit = IndicatorUnit::kCount;
  indicator.computation = "registered_active_members";
  indicator.baseline = Baseline{290, D("2017-03-31"), "Testby Politi", ""};
  return indicator;
}

TEST(ValidateIndicatorDefinition, AcceptsAKnownComputation) {
  EXPECT_TRUE(ValidateIndicatorDefinition(ActiveMembers()).ok());
}

TEST(ValidateIndicatorDefinition, RejectsAnUnknownComputation) {
  IndicatorDefinition indicator = ActiveMembers();
  indicator.computation = "gang_members_guessed";
  auto status = ValidateIndicatorDefinition(indicator);
  ASSERT_TRUE(IsError(status, ErrorCode::kInvalidArgument, "computation"));
  EXPECT_NE(status.error().message.find("registered_active_members"), std::string::npos);
  indicator.computation = "";
  EXPECT_TRUE(IsError(ValidateIndicatorDefinition(indicator), ErrorCode::kInvalidArgument, "computation"));
}

TEST(ValidateIndicatorDefinition, CountingComputationsNeedTheirType) {
  IndicatorDefinition indicator = ActiveMembers();
  indicator.computation = "meetings_held";
  EXPECT_TRUE(IsError(ValidateIndicatorDefinition(indicator), ErrorCode::kInvalidArgument, "meeting_type"));
  indicator.meeting_type_id = "housing-forum";
  EXPECT_TRUE(ValidateIndicatorDefinition(indicator).ok());
  indicator.computation = "concern_conversations_held";
  EXPECT_TRUE(IsError(ValidateIndicatorDefinition(indicator), ErrorCode::kInvalidArgument, "measure_type"));
  indicator.measure_type_id = "concern-conversation";
  EXPECT_TRUE(ValidateIndicatorDefinition(indicator).ok());
}

TEST(ValidateIndicatorDefinition, BaselineMustBeSane) {
  IndicatorDefinition indicator = ActiveMembers();
  indicator.baseline->value = -1;
  EXPECT_TRUE(IsError(ValidateIndicatorDefinition(indicator), ErrorCode::kInvalidArgument, "baseline.value"));
  indicator.baseline->value = std::numeric_limits<double>::quiet_NaN();
  EXPECT_TRUE(IsError(ValidateIndicatorDefinition(indicator), ErrorCode::kInvalidArgument, "baseline.value"));
  indicator.baseline->value = 290;
  indicator.baseline->source = "";
  EXPECT_TRUE(IsError(ValidateIndicatorDefinition(indicator), ErrorCode::kInvalidArgument, "baseline.source"));
}

TEST(ValidateIndicatorDefinition, PercentCannotExceed100) {
  IndicatorDefinition indicator = ActiveMembers();
  indicator.unit = IndicatorUnit::kPercent;
  indicator.computation = "insecure_share";
  indicator.area_id = "ydre-norrebro";
  indicator.baseline->value = 100.5;
  EXPECT_TRUE(IsError(ValidateIndicatorDefinition(indicator), ErrorCode::kInvalidArgument, "baseline.value"));
  indicator.baseline->value = 8;
  EXPECT_TRUE(ValidateIndicatorDefinition(indicator).ok());
}

TEST(ValidateIndicatorDefinition, RequiresIdAndBothNames) {
  IndicatorDefinition indicator = ActiveMembers();
  indicator.id = "Aktive";
  EXPECT_TRUE(IsError(ValidateIndicatorDefinition(indicator), ErrorCode::kInvalidArgument, "id"));
  indicator = ActiveMembers();
  indicator.name_en = "";
  EXPECT_TRUE(IsError(ValidateIndicatorDefinition(indicator), ErrorCode::kInvalidArgument, "name_en"));
  indicator = ActiveMembers();
  indicator.area_id = "Ydre Nørrebro";
  EXPECT_TRUE(IsError(ValidateIndicatorDefinition(indicator), ErrorCode::kInvalidArgument, "area"));
}

TEST(IndicatorUnit, RoundTripsItsNames) {
  for (IndicatorUnit unit : {IndicatorUnit::kCount, IndicatorUnit::kPer1000Inhabitants, IndicatorUnit::kPercent}) {
    EXPECT_EQ(*ParseIndicatorUnit(IndicatorUnitName(unit), "unit"), unit);
  }
  EXPECT_TRUE(IsError(ParseIndicatorUnit("per_capita", "unit"), ErrorCode::kInvalidArgument, "unit"));
}

}  // namespace
}  // namespace trygnet
