#include "core/access.h"

#include <array>

#include "core/enum_names.h"

namespace trygnet {
namespace {
constexpr std::array<std::pair<DataCategory, std::string_view>, 11> kCategories{{
    {DataCategory::kIdentity, "identity"},
    {DataCategory::kRegistration, "registration"},
    {DataCategory::kObservation, "observation"},
    {DataCategory::kCase, "case"},
    {DataCategory::kIncident, "incident"},
    {DataCategory::kDisclosure, "disclosure"},
    {DataCategory::kAggregate, "aggregate"},
    {DataCategory::kMeeting, "meeting"},
    {DataCategory::kPartnership, "partnership"},
    {DataCategory::kAudit, "audit"},
    {DataCategory::kUserAdmin, "user_admin"},
}};
constexpr std::array<std::pair<AccessAction, std::string_view>, 2> kActions{{
    {AccessAction::kRead, "read"},
    {AccessAction::kWrite, "write"},
}};
constexpr std::array<std::pair<AgeGroup, std::string_view>, 2> kAgeGroups{{
    {AgeGroup::kUnder18, "under18"},
    {AgeGroup::kOver18, "over18"},
}};
}  // namespace

std::string_view DataCategoryName(DataCategory category) { return EnumName<DataCategory>(kCategories, category); }
Result<DataCategory> ParseDataCategory(std::string_view text, std::string_view field) {
  return ParseEnum<DataCategory>(kCategories, text, field);
}
bool IsPersonalData(DataCategory category) {
  switch (category) {
    case DataCategory::kIdentity:
    case DataCategory::kRegistration:
    case DataCategory::kObservation:
    case DataCategory::kCase:
    case DataCategory::kIncident:
    case DataCategory::kDisclosure:
      return true;
    default:
      return false;
  }
}

std::string_view AccessActionName(AccessAction action) { return EnumName<AccessAction>(kActions, action); }
std::string_view AgeGroupName(AgeGroup group) { return EnumName<AgeGroup>(kAgeGroups, group); }
Result<AgeGroup> ParseAgeGroup(std::string_view text, std::string_view field) {
  return ParseEnum<AgeGroup>(kAgeGroups, text, field);
}

Result<Grant> ParseGrant(std::string_view text, std::string_view field) {
  size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    return InvalidArgument(std::string(field), "a grant is written action:category, e.g. read:registration");
  }
  TRY_ASSIGN(AccessAction action, ParseEnum<AccessAction>(kActions, text.substr(0, colon), field));
  TRY_ASSIGN(DataCategory category, ParseDataCategory(text.substr(colon + 1), field));
  return Grant{action, category};
}

}  // namespace trygnet
