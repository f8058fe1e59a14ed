// A group (gruppering). Groups split, merge and rename [p.6], so a group
// keeps its aliases and its lineage: the groups it came from and how.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"

namespace trygnet {

using GroupId = int64_t;

enum class LineageKind { kSplitFrom, kMergedFrom, kRenamedFrom };
std::string_view LineageKindName(LineageKind kind);
Result<LineageKind> ParseLineageKind(std::string_view text, std::string_view field);

struct GroupLineage {
  LineageKind kind = LineageKind::kSplitFrom;
  GroupId source_group_id = 0;
  Date on;
};

struct Group {
  GroupId id = 0;  // 0 until stored
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::string> home_area_ids;
  std::vector<GroupLineage> lineage;
  Timestamp recorded_at;
};

// Name required; aliases distinct and not the name; lineage never points at
// the group itself, and a rename has exactly one source.
Status ValidateGroup(const Group& group);

}  // namespace trygnet
