#include "core/group.h"

#include <algorithm>
#include <array>

#include "core/enum_names.h"
#include "core/text_rules.h"

namespace trygnet {
namespace {
constexpr std::array<std::pair<LineageKind, std::string_view>, 3> kLineageKinds{{
    {LineageKind::kSplitFrom, "split_from"},
    {LineageKind::kMergedFrom, "merged_from"},
    {LineageKind::kRenamedFrom, "renamed_from"},
}};
}  // namespace

std::string_view LineageKindName(LineageKind kind) { return EnumName<LineageKind>(kLineageKinds, kind); }
Result<LineageKind> ParseLineageKind(std::string_view text, std::string_view field) {
  return ParseEnum<LineageKind>(kLineageKinds, text, field);
}

Status ValidateGroup(const Group& group) {
  TRY_STATUS(RequireText("name", group.name));
  for (size_t alias_idx = 0; alias_idx < group.aliases.size(); ++alias_idx) {
    const std::string& alias = group.aliases[alias_idx];
    std::string field = "aliases[" + std::to_string(alias_idx) + "]";
    TRY_STATUS(RequireText(field, alias));
    if (alias == group.name) return InvalidArgument(field, "repeats the group's own name");
    if (std::count(group.aliases.begin(), group.aliases.end(), alias) > 1) {
      return InvalidArgument(field, "is listed twice");
    }
  }
  for (size_t area_idx = 0; area_idx < group.home_area_ids.size(); ++area_idx) {
    TRY_STATUS(RequireIdentifier("home_areas[" + std::to_string(area_idx) + "]", group.home_area_ids[area_idx]));
  }
  int renames = 0;
  for (size_t link_idx = 0; link_idx < group.lineage.size(); ++link_idx) {
    const GroupLineage& link = group.lineage[link_idx];
    std::string field = "lineage[" + std::to_string(link_idx) + "]";
    if (link.source_group_id <= 0) return InvalidArgument(field + ".source_group_id", "must name a stored group");
    if (group.id != 0 && link.source_group_id == group.id) {
      return InvalidArgument(field + ".source_group_id", "a group cannot descend from itself");
    }
    if (link.kind == LineageKind::kRenamedFrom) ++renames;
  }
  if (renames > 1) return InvalidArgument("lineage", "a group is renamed from one group only");
  if (renames == 1 && group.lineage.size() > 1) {
    return InvalidArgument("lineage", "a rename cannot be combined with a split or merge");
  }
  return OkStatus();
}

}  // namespace trygnet
