#include "core/registration.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "core/enum_names.h"
#include "core/text_rules.h"

namespace trygnet {
namespace {

constexpr std::array<std::pair<RegistrationRole, std::string_view>, 4> kRoles{{
    {RegistrationRole::kMember, "member"},
    {RegistrationRole::kAssociate, "associate"},
    {RegistrationRole::kYoungPotentialMember, "young_potential_member"},
    {RegistrationRole::kAtRiskVictim, "at_risk_victim"},
}};

constexpr std::array<std::pair<RemovalReason, std::string_view>, 6> kRemovalReasons{{
    {RemovalReason::kNoLongerActive, "no_longer_active"},
    {RemovalReason::kDocumentationUncertain, "documentation_uncertain"},
    {RemovalReason::kExpired, "expired"},
    {RemovalReason::kExitCompleted, "exit_completed"},
    {RemovalReason::kDeceased, "deceased"},
    {RemovalReason::kRecordedInError, "recorded_in_error"},
}};

bool Overlaps(const Registration& a, const Registration& b) {
  bool a_before_b_ends = !b.valid_to || a.valid_from < *b.valid_to;
  bool b_before_a_ends = !a.valid_to || b.valid_from < *a.valid_to;
  return a_before_b_ends && b_before_a_ends;
}

}  // namespace

std::string_view RegistrationRoleName(RegistrationRole role) { return EnumName<RegistrationRole>(kRoles, role); }
Result<RegistrationRole> ParseRegistrationRole(std::string_view text, std::string_view field) {
  return ParseEnum<RegistrationRole>(kRoles, text, field);
}
bool IsGangRole(RegistrationRole role) { return role != RegistrationRole::kAtRiskVictim; }

std::string_view RemovalReasonName(RemovalReason reason) { return EnumName<RemovalReason>(kRemovalReasons, reason); }
Result<RemovalReason> ParseRemovalReason(std::string_view text, std::string_view field) {
  return ParseEnum<RemovalReason>(kRemovalReasons, text, field);
}

Status ValidateRegistrationPolicy(const RegistrationPolicy& policy) {
  if (policy.min_criteria < 2) {
    return InvalidArgument("min_criteria", "must be at least 2 (DESIGN.md §3.6)");
  }
  if (policy.review_months < 1 || policy.review_months > 60) {
    return InvalidArgument("review_months", "must be between 1 and 60");
  }
  if (policy.max_months < policy.review_months || policy.max_months > 120) {
    return InvalidArgument("max_months", "must be at least review_months and at most 120");
  }
  return OkStatus();
}

Date Registration::NewestCriterionDate() const {
  Date newest = criteria.front().observed_on;
  for (const Criterion& criterion : criteria) newest = std::max(newest, criterion.observed_on);
  return newest;
}

Date HardMaximum(const Registration& registration, const RegistrationPolicy& policy) {
  return registration.valid_from.AddMonths(policy.max_months);
}

Date ComputeReviewDue(const Registration& registration, const RegistrationPolicy& policy) {
  Date from_criteria = registration.NewestCriterionDate().AddMonths(policy.review_months);
  return std::min(from_criteria, HardMaximum(registration, policy));
}

Status ValidateRegistration(const Registration& registration, const RegistrationPolicy& policy, Date today) {
  TRY_STATUS(ValidateRegistrationPolicy(policy));
  TRY_STATUS(RequireIdentifier("partnership_id", registration.partnership_id));
  if (registration.person_id <= 0) return InvalidArgument("person_id", "must name a stored person");
  if (IsGangRole(registration.role) && !registration.group_id) {
    return InvalidArgument("group_id",
                           "is required for the role " + std::string(RegistrationRoleName(registration.role)));
  }
  if (registration.criteria.size() < static_cast<size_t>(policy.min_criteria)) {
    return InvalidArgument("criteria", "at least " + std::to_string(policy.min_criteria) +
                                           " documented criteria are required, got " +
                                           std::to_string(registration.criteria.size()));
  }
  for (size_t criterion_idx = 0; criterion_idx < registration.criteria.size(); ++criterion_idx) {
    const Criterion& criterion = registration.criteria[criterion_idx];
    std::string field = "criteria[" + std::to_string(criterion_idx) + "]";
    TRY_STATUS(RequireIdentifier(field + ".kind", criterion.kind));
    TRY_STATUS(RequireText(field + ".source", criterion.source));
    if (criterion.observed_on > today) return InvalidArgument(field + ".date", "lies in the future");
    for (size_t other_idx = 0; other_idx < criterion_idx; ++other_idx) {
      const Criterion& other = registration.criteria[other_idx];
      if (std::tie(other.kind, other.source, other.observed_on) ==
          std::tie(criterion.kind, criterion.source, criterion.observed_on)) {
        return InvalidArgument(
            field, "repeats criterion " + std::to_string(other_idx) + "; each criterion must be documented separately");
      }
    }
  }
  TRY_STATUS(RequireText("justification", registration.justification, kMaxTextLength));
  TRY_STATUS(RequireIdentifier("registering_officer", registration.registering_officer));
  if (registration.IsValidated()) {
    if (registration.validating_officer == registration.registering_officer) {
      return InvalidArgument("validating_officer", "must be a second officer, not the registering officer");
    }
    if (*registration.validated_on > today) return InvalidArgument("validated_on", "lies in the future");
    if (*registration.validated_on < registration.valid_from) {
      return InvalidArgument("validated_on", "is before the registration took effect");
    }
  } else if (!registration.validating_officer.empty() || registration.validated_on) {
    return InvalidArgument("validated_on", "validation needs both an officer and a date");
  }
  if (registration.valid_to) {
    if (*registration.valid_to <= registration.valid_from) {
      return InvalidArgument("valid_to", "must be after valid_from");
    }
    if (!registration.removal_reason) return InvalidArgument("removal_reason", "is required when removed");
  } else if (registration.removal_reason) {
    return InvalidArgument("removal_reason", "is only given with a removal date");
  }
  TRY_STATUS(OptionalText("removal_note", registration.removal_note));
  if (registration.review_due != ComputeReviewDue(registration, policy)) {
    return InvalidArgument("review_due", "must be " + ComputeReviewDue(registration, policy).ToString() +
                                             " (newest criterion + review period, capped by the maximum)");
  }
  return OkStatus();
}

Status CheckRoleSeparation(const Registration& candidate, const std::vector<Registration>& existing_for_person) {
  for (const Registration& existing : existing_for_person) {
    if (existing.id == candidate.id && candidate.id != 0) continue;
    if (!Overlaps(candidate, existing)) continue;
    if (IsGangRole(candidate.role) != IsGangRole(existing.role)) {
      return Conflict("the person has an overlapping registration as " +
                          std::string(RegistrationRoleName(existing.role)) + " (registration " +
                          std::to_string(existing.id) + "); at risk / victim is never combined with a gang role",
                      "role");
    }
    if (!IsGangRole(candidate.role)) {
      return Conflict("the person already has an overlapping at risk / victim registration (registration " +
                          std::to_string(existing.id) + "); correct that one instead",
                      "role");
    }
    if (candidate.group_id == existing.group_id) {
      return Conflict("the person already has an overlapping registration in this group (registration " +
                          std::to_string(existing.id) + "); correct that one instead",
                      "group_id");
    }
  }
  return OkStatus();
}

Status ValidateBySecondOfficer(Registration& registration, const std::string& officer, Date on) {
  if (registration.IsValidated()) return FailedPrecondition("the registration is already validated");
  TRY_STATUS(RequireIdentifier("validating_officer", officer));
  if (officer == registration.registering_officer) {
    return InvalidArgument("validating_officer", "must be a second officer, not the registering officer");
  }
  if (on < registration.valid_from) return InvalidArgument("validated_on", "is before the registration took effect");
  registration.validating_officer = officer;
  registration.validated_on = on;
  return OkStatus();
}

Status RemoveRegistration(Registration& registration, RemovalReason reason, std::string note, Date on) {
  if (registration.IsRemoved()) return FailedPrecondition("the registration is already removed");
  if (on <= registration.valid_from) return InvalidArgument("removed_on", "must be after the registration took effect");
  TRY_STATUS(OptionalText("removal_note", note));
  registration.valid_to = on;
  registration.removal_reason = reason;
  registration.removal_note = std::move(note);
  return OkStatus();
}

}  // namespace trygnet
