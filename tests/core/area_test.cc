#include "core/area.h"

#include <gtest/gtest.h>

#include <limits>

#include "core/core_test_support.h"

namespace trygnet {
namespace {

using testing::D;
using testing::IsError;

Area Torvet() {
  Area area;
  area.id = "torvet";
  area.name = "Torvet i Testby";
  area.kind = AreaKind::kFocusArea;
  area.parent_id = "testby-nord";
  area.outline = {{12.50, 55.60}, {12.51, 55.60}, {12.51, 55.61}, {12.50, 55.61}};
  area.focus = {{D("2017-01-01"), D("2018-01-01"), "Udmøntningsplan, s. 7", ""},
                {D("2018-06-01"), std::nullopt, "Styregruppemøde 2018-05-20", ""}};
  return area;
}

TEST(ValidateArea, AcceptsAWellFormedArea) { EXPECT_TRUE(ValidateArea(Torvet()).ok()); }

TEST(ValidateArea, RequiresIdAndName) {
  Area area = Torvet();
  area.id = "Torvet";
  EXPECT_TRUE(IsError(ValidateArea(area), ErrorCode::kInvalidArgument, "id"));
  area = Torvet();
  area.name.clear();
  EXPECT_TRUE(IsError(ValidateArea(area), ErrorCode::kInvalidArgument, "name"));
}

TEST(ValidateArea, RejectsItselfAsParent) {
  Area area = Torvet();
  area.parent_id = "torvet";
  EXPECT_TRUE(IsError(ValidateArea(area), ErrorCode::kInvalidArgument, "parent"));
}

TEST(ValidateArea, OutlineNeedsThreePoints) {
  Area area = Torvet();
  area.outline.resize(2);
  EXPECT_TRUE(IsError(ValidateArea(area), ErrorCode::kInvalidArgument, "outline"));
  area.outline.clear();
  EXPECT_TRUE(IsError(ValidateArea(area), ErrorCode::kInvalidArgument, "outline"));
}

TEST(ValidateArea, OutlinePointsMustBeDegrees) {
  Area area = Torvet();
  area.outline[1].lat = 91;
  EXPECT_TRUE(IsError(ValidateArea(area), ErrorCode::kInvalidArgument, "outline[1]"));
  area = Torvet();
  area.outline[2].lon = -180.5;
  EXPECT_TRUE(IsError(ValidateArea(area), ErrorCode::kInvalidArgument, "outline[2]"));
  area = Torvet();
  area.outline[0].lon = std::numeric_limits<double>::quiet_NaN();
  EXPECT_TRUE(IsError(ValidateArea(area), ErrorCode::kInvalidArgument, "outline[0]"));
}

TEST(ValidateArea, FocusPeriodMustEndAfterItStarts) {
  Area area = Torvet();
  area.focus[0].to = D("2017-01-01");
  EXPECT_TRUE(IsError(ValidateArea(area), ErrorCode::kInvalidArgument, "focus[0].to"));
}

TEST(ValidateArea, FocusPeriodNeedsADecision) {
  Area area = Torvet();
  area.focus[1].decision = "";
  EXPECT_TRUE(IsError(ValidateArea(area), ErrorCode::kInvalidArgument, "focus[1].decision"));
}

TEST(ValidateArea, FocusPeriodsMustNotOverlap) {
  Area area = Torvet();
  area.focus[1].from = D("2017-12-31");
  EXPECT_TRUE(IsError(ValidateArea(area), ErrorCode::kInvalidArgument, "focus[1].from"));
  // An open-ended period cannot be followed by another.
  area = Torvet();
  area.focus[0].to.reset();
  EXPECT_TRUE(IsError(ValidateArea(area), ErrorCode::kInvalidArgument, "focus[1].from"));
  // Touching periods are fine: `to` is exclusive.
  area = Torvet();
  area.focus[1].from = D("2018-01-01");
  EXPECT_TRUE(ValidateArea(area).ok());
}

TEST(Area, InFocusOnFollowsThePeriods) {
  Area area = Torvet();
  EXPECT_FALSE(area.InFocusOn(D("2016-12-31")));
  EXPECT_TRUE(area.InFocusOn(D("2017-01-01")));
  EXPECT_TRUE(area.InFocusOn(D("2017-12-31")));
  EXPECT_FALSE(area.InFocusOn(D("2018-01-01")));
  EXPECT_TRUE(area.InFocusOn(D("2025-01-01")));
}

TEST(AreaKind, ParsesKnownNamesOnly) {
  EXPECT_EQ(*ParseAreaKind("focus_area", "kind"), AreaKind::kFocusArea);
  EXPECT_EQ(AreaKindName(AreaKind::kDistrict), "district");
  EXPECT_TRUE(IsError(ParseAreaKind("fokusomraade", "areas[0].kind"), ErrorCode::kInvalidArgument, "areas[0].kind"));
}

}  // namespace
}  // namespace trygnet
