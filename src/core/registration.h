// A registration (registrering) of a person in the gang register [p.8].
//
// Rules from DESIGN.md §3.6 (lessons of the Gangs Matrix and CalGang):
//  * at least `min_criteria` documented criteria, each with a source and date;
//  * a second officer, not the registering one, validates the entry;
//  * *at risk / victim* is a status of its own and never held by a person at
//    the same time as a member role;
//  * the review falls due `review_months` after the newest criterion, capped
//    at `max_months` after the registration took effect;
//  * removal is an event with a reason, not a delete.
//
// Registrations are bitemporal (DESIGN.md §4): `valid_from/valid_to` is when
// it was true in the world, `recorded_at/superseded_at` when the system
// believed it. A correction records a new version; the old one is superseded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "core/group.h"
#include "core/person.h"

namespace trygnet {

using RegistrationId = int64_t;

enum class RegistrationRole { kMember, kAssociate, kYoungPotentialMember, kAtRiskVictim };
std::string_view RegistrationRoleName(RegistrationRole role);
Result<RegistrationRole> ParseRegistrationRole(std::string_view text, std::string_view field);
// Member, associate (medløber) and young potential member [p.17]; not at risk / victim.
bool IsGangRole(RegistrationRole role);

enum class RemovalReason {
  kNoLongerActive,          // "ikke længere vurderes at være aktive" [p.8]
  kDocumentationUncertain,  // "dokumentationen herfor er usikker" [p.8]
  kExpired,                 // past the hard maximum with no new criterion
  kExitCompleted,
  kDeceased,
  kRecordedInError,
};
std::string_view RemovalReasonName(RemovalReason reason);
Result<RemovalReason> ParseRemovalReason(std::string_view text, std::string_view field);

// The register's rules as one partnership sets them.
struct RegistrationPolicy {
  int min_criteria = 2;
  int review_months = 12;  // review due this long after the newest criterion
  int max_months = 36;     // hard cap after valid_from, whatever new criteria say
  // The measure type of the task each disclosure recipient gets when a
  // registration is removed: delete your copy (no shadow lists). Empty: none.
  std::string copy_removal_measure_type;
};
Status ValidateRegistrationPolicy(const RegistrationPolicy& policy);

struct Criterion {
  std::string kind;    // e.g. "intelligence", "seen_with_members", "self_declared", "conviction"
  std::string source;  // where it is documented (report number, intelligence reference)
  Date observed_on;
};

struct Registration {
  RegistrationId id = 0;  // the registration across its versions; 0 until stored
  int64_t version = 0;    // one per recorded belief; 0 until stored
  std::string partnership_id;
  PersonId person_id = 0;
  std::optional<GroupId> group_id;  // required for gang roles
  RegistrationRole role = RegistrationRole::kMember;
  std::vector<Criterion> criteria;
  std::string justification;
  std::string registering_officer;  // user name
  std::string validating_officer;   // empty until validated
  std::optional<Date> validated_on;
  Date valid_from;
  std::optional<Date> valid_to;  // exclusive; set by removal
  std::optional<RemovalReason> removal_reason;
  std::string removal_note;
  Date review_due;
  Timestamp recorded_at;
  std::optional<Timestamp> superseded_at;

  bool IsValidated() const { return !validating_officer.empty() && validated_on.has_value(); }
  bool IsRemoved() const { return valid_to.has_value(); }
  // True in the world on `on`: taken effect, not yet removed.
  bool InEffectOn(Date on) const { return valid_from <= on && (!valid_to || on < *valid_to); }
  // Counts as registered and active on `on`: a validated gang role in effect.
  bool CountsAsActiveOn(Date on) const {
    return IsGangRole(role) && IsValidated() && *validated_on <= on && InEffectOn(on);
  }
  Date NewestCriterionDate() const;
};

// When the review falls due, from the newest criterion and the hard cap.
// REQUIRES: !registration.criteria.empty()
Date ComputeReviewDue(const Registration& registration, const RegistrationPolicy& policy);
// The last day the registration may stand without removal: valid_from + max_months.
Date HardMaximum(const Registration& registration, const RegistrationPolicy& policy);

// Checks every rule that a single registration must satisfy on its own.
// `today` bounds criterion and validation dates. Errors name the field.
Status ValidateRegistration(const Registration& registration, const RegistrationPolicy& policy, Date today);

// A new registration of `role` must not overlap in time with an existing one
// of the other kind (at risk / victim versus gang roles) for the same person,
// nor duplicate a gang role in the same group.
Status CheckRoleSeparation(const Registration& candidate, const std::vector<Registration>& existing_for_person);

// Records validation by a second officer. Returns invalid_argument if the
// officer is the registering one, or failed_precondition if already validated.
Status ValidateBySecondOfficer(Registration& registration, const std::string& officer, Date on);

// Records removal with a reason. Returns failed_precondition if already removed.
Status RemoveRegistration(Registration& registration, RemovalReason reason, std::string note, Date on);

}  // namespace trygnet
