// The vocabulary of access rules: kinds of data, what one does with them, and
// the age groups the law treats differently. The rules themselves are data in
// the partnership file (legal bases, role grants); src/policy decides.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/user.h"

namespace trygnet {

// Kinds of data. The first group is personal data about a named person.
enum class DataCategory {
  kIdentity,      // name, CPR number, birth date
  kRegistration,  // gang register entries
  kObservation,   // who was seen with whom
  kCase,          // cases, assessments and measures
  kIncident,
  kDisclosure,
  kAggregate,  // counts and indicators, no person named
  kMeeting,
  kPartnership,  // the definition, areas, units
  kAudit,        // the audit log
  kUserAdmin,    // user accounts
};
std::string_view DataCategoryName(DataCategory category);
Result<DataCategory> ParseDataCategory(std::string_view text, std::string_view field);
bool IsPersonalData(DataCategory category);

enum class AccessAction { kRead, kWrite };
std::string_view AccessActionName(AccessAction action);

enum class AgeGroup { kUnder18, kOver18 };
std::string_view AgeGroupName(AgeGroup group);
Result<AgeGroup> ParseAgeGroup(std::string_view text, std::string_view field);

// "read:registration" — one permission a role grants.
struct Grant {
  AccessAction action = AccessAction::kRead;
  DataCategory category = DataCategory::kAggregate;
  friend bool operator==(const Grant&, const Grant&) = default;
};
Result<Grant> ParseGrant(std::string_view text, std::string_view field);

}  // namespace trygnet
