#include "core/user.h"

#include <algorithm>
#include <array>

#include "core/enum_names.h"
#include "core/text_rules.h"

namespace trygnet {
namespace {
constexpr std::array<std::pair<UserRole, std::string_view>, 7> kRoles{{
    {UserRole::kAnalyst, "analyst"},
    {UserRole::kCaseworker, "caseworker"},
    {UserRole::kCoordinator, "coordinator"},
    {UserRole::kSteeringMember, "steering_member"},
    {UserRole::kAdministrator, "administrator"},
    {UserRole::kAuditor, "auditor"},
    {UserRole::kExternalPartner, "external_partner"},
}};
}  // namespace

std::string_view UserRoleName(UserRole role) { return EnumName<UserRole>(kRoles, role); }
Result<UserRole> ParseUserRole(std::string_view text, std::string_view field) {
  return ParseEnum<UserRole>(kRoles, text, field);
}

Status ValidateUser(const User& user) {
  TRY_STATUS(RequireIdentifier("username", user.username));
  if (user.username.size() < 3) return InvalidArgument("username", "must be at least 3 characters");
  TRY_STATUS(RequireText("display_name", user.display_name));
  TRY_STATUS(RequireIdentifier("unit_id", user.unit_id));
  if (user.roles.empty()) return InvalidArgument("roles", "a user needs at least one role");
  std::vector<UserRole> roles = user.roles;
  std::sort(roles.begin(), roles.end());
  if (std::adjacent_find(roles.begin(), roles.end()) != roles.end()) {
    return InvalidArgument("roles", "lists a role twice");
  }
  return OkStatus();
}

}  // namespace trygnet
