// A user of the system: belongs to one unit, holds roles. What a role may do
// is decided by the policy layer, not here.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"

namespace trygnet {

enum class UserRole {
  kAnalyst,
  kCaseworker,
  kCoordinator,
  kSteeringMember,
  kAdministrator,
  kAuditor,
  kExternalPartner,
};
std::string_view UserRoleName(UserRole role);
Result<UserRole> ParseUserRole(std::string_view text, std::string_view field);

struct User {
  std::string username;  // identifier, e.g. "eas-analyst"
  std::string display_name;
  std::string unit_id;
  std::vector<UserRole> roles;
  bool disabled = false;
};

// Username an identifier, a display name, a unit, at least one role, no role twice.
Status ValidateUser(const User& user);

}  // namespace trygnet
