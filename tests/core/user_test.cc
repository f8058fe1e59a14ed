#include "core/user.h"

#include <gtest/gtest.h>

#include "core/core_test_support.h"

namespace trygnet {
namespace {

using testing::IsError;

User Analyst() {
  User user;
  user.username = "eas-analyst";
  user.display_name = "Sofie Prøvesen";
  user.unit_id = "eas";
  user.roles = {UserRole::kAnalyst, UserRole::kAuditor};
  return user;
}

TEST(ValidateUser, AcceptsAUserWithRoles) { EXPECT_TRUE(ValidateUser(Analyst()).ok()); }

TEST(ValidateUser, UsernameIsAnIdentifierOfThreeOrMore) {
  User user = Analyst();
  user.username = "Sofie";
  EXPECT_TRUE(IsError(ValidateUser(user), ErrorCode::kInvalidArgument, "username"));
  user.username = "sp";
  EXPECT_TRUE(IsError(ValidateUser(user), ErrorCode::kInvalidArgument, "username"));
  user.username = "spv";
  EXPECT_TRUE(ValidateUser(user).ok());
}

TEST(ValidateUser, RequiresDisplayNameAndUnit) {
  User user = Analyst();
  user.display_name = "";
  EXPECT_TRUE(IsError(ValidateUser(user), ErrorCode::kInvalidArgument, "display_name"));
  user = Analyst();
  user.unit_id = "";
  EXPECT_TRUE(IsError(ValidateUser(user), ErrorCode::kInvalidArgument, "unit_id"));
}

TEST(ValidateUser, NeedsAtLeastOneRoleAndNoRepeats) {
  User user = Analyst();
  user.roles.clear();
  EXPECT_TRUE(IsError(ValidateUser(user), ErrorCode::kInvalidArgument, "roles"));
  user.roles = {UserRole::kAuditor, UserRole::kAnalyst, UserRole::kAuditor};
  EXPECT_TRUE(IsError(ValidateUser(user), ErrorCode::kInvalidArgument, "roles"));
}

TEST(UserRole, RoundTripsItsNames) {
  for (UserRole role : {UserRole::kAnalyst, UserRole::kCaseworker, UserRole::kCoordinator, UserRole::kSteeringMember,
                        UserRole::kAdministrator, UserRole::kAuditor, UserRole::kExternalPartner}) {
    EXPECT_EQ(*ParseUserRole(UserRoleName(role), "role"), role);
  }
  EXPECT_TRUE(IsError(ParseUserRole("superuser", "role"), ErrorCode::kInvalidArgument, "role"));
}

}  // namespace
}  // namespace trygnet
