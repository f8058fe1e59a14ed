#include "core/group.h"

#include <gtest/gtest.h>

#include "core/core_test_support.h"

namespace trygnet {
namespace {

using testing::D;
using testing::IsError;

Group Nordlys() {
  Group group;
  group.id = 7;
  group.name = "Gruppe Nordlys";
  group.aliases = {"Nordlys-drengene", "GN"};
  group.home_area_ids = {"torvet"};
  return group;
}

TEST(ValidateGroup, AcceptsAGroupWithAliases) { EXPECT_TRUE(ValidateGroup(Nordlys()).ok()); }

TEST(ValidateGroup, RequiresAName) {
  Group group = Nordlys();
  group.name = "";
  EXPECT_TRUE(IsError(ValidateGroup(group), ErrorCode::kInvalidArgument, "name"));
}

TEST(ValidateGroup, AliasesMustBeTextAndDistinct) {
  Group group = Nordlys();
  group.aliases.push_back("");
  EXPECT_TRUE(IsError(ValidateGroup(group), ErrorCode::kInvalidArgument, "aliases[2]"));
  group = Nordlys();
  group.aliases[1] = "Gruppe Nordlys";
  EXPECT_TRUE(IsError(ValidateGroup(group), ErrorCode::kInvalidArgument, "aliases[1]"));
  group = Nordlys();
  group.aliases.push_back("GN");
  EXPECT_TRUE(IsError(ValidateGroup(group), ErrorCode::kInvalidArgument, "aliases[1]"));
}

TEST(ValidateGroup, HomeAreasAreIdentifiers) {
  Group group = Nordlys();
  group.home_area_ids.push_back("Den Røde Plads");
  EXPECT_TRUE(IsError(ValidateGroup(group), ErrorCode::kInvalidArgument, "home_areas[1]"));
}

TEST(ValidateGroup, LineageNamesAStoredOtherGroup) {
  Group group = Nordlys();
  group.lineage = {{LineageKind::kSplitFrom, 0, D("2016-05-01")}};
  EXPECT_TRUE(IsError(ValidateGroup(group), ErrorCode::kInvalidArgument, "lineage[0].source_group_id"));
  group.lineage = {{LineageKind::kSplitFrom, 7, D("2016-05-01")}};
  EXPECT_TRUE(IsError(ValidateGroup(group), ErrorCode::kInvalidArgument, "lineage[0].source_group_id"));
  group.lineage = {{LineageKind::kMergedFrom, 3, D("2016-05-01")}, {LineageKind::kMergedFrom, 4, D("2016-05-01")}};
  EXPECT_TRUE(ValidateGroup(group).ok());
}

TEST(ValidateGroup, RenameHasExactlyOneSource) {
  Group group = Nordlys();
  group.lineage = {{LineageKind::kRenamedFrom, 3, D("2016-05-01")}};
  EXPECT_TRUE(ValidateGroup(group).ok());
  group.lineage.push_back({LineageKind::kRenamedFrom, 4, D("2016-05-01")});
  EXPECT_TRUE(IsError(ValidateGroup(group), ErrorCode::kInvalidArgument, "lineage"));
  group.lineage = {{LineageKind::kRenamedFrom, 3, D("2016-05-01")}, {LineageKind::kSplitFrom, 4, D("2016-05-01")}};
  EXPECT_TRUE(IsError(ValidateGroup(group), ErrorCode::kInvalidArgument, "lineage"));
}

TEST(LineageKind, RoundTripsItsNames) {
  for (LineageKind kind : {LineageKind::kSplitFrom, LineageKind::kMergedFrom, LineageKind::kRenamedFrom}) {
    EXPECT_EQ(*ParseLineageKind(LineageKindName(kind), "kind"), kind);
  }
  EXPECT_TRUE(IsError(ParseLineageKind("forked_from", "kind"), ErrorCode::kInvalidArgument, "kind"));
}

}  // namespace
}  // namespace trygnet
