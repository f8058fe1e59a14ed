#include "core/registration.h"

#include <gtest/gtest.h>

#include "core/core_test_support.h"

namespace trygnet {
namespace {

using testing::D;
using testing::IsError;

const RegistrationPolicy kPolicy{2, 12, 36, ""};
const Date kToday = D("2017-06-01");

// A validated member registration that satisfies every rule on kToday.
Registration MemberOfNordlys() {
  Registration registration;
  registration.partnership_id = "norrebro-2017";
  registration.person_id = 1;
  registration.group_id = 7;
  registration.role = RegistrationRole::kMember;
  registration.criteria = {{"intelligence", "EAS-2017-0012", D("2017-02-01")},
                           {"seen_with_members", "Rapport 17-0456", D("2017-03-15")}};
  registration.justification = "Set sammen med kendte medlemmer af Gruppe Nordlys ved to kontroller.";
  registration.registering_officer = "eas-officer-a";
  registration.validating_officer = "eas-officer-b";
  registration.validated_on = D("2017-03-22");
  registration.valid_from = D("2017-03-20");
  registration.review_due = D("2018-03-15");
  return registration;
}

TEST(Registration, AValidMemberRegistrationPasses) {
  EXPECT_TRUE(ValidateRegistration(MemberOfNordlys(), kPolicy, kToday).ok());
}

TEST(Registration, RequiresTwoCriteria) {
  Registration registration = MemberOfNordlys();
  registration.criteria.pop_back();
  registration.review_due = ComputeReviewDue(registration, kPolicy);
  auto status = ValidateRegistration(registration, kPolicy, kToday);
  ASSERT_TRUE(IsError(status, ErrorCode::kInvalidArgument, "criteria"));
  EXPECT_NE(status.error().message.find("at least 2"), std::string::npos);
}

TEST(Registration, RequiresThePolicysMinimumCriteria) {
  RegistrationPolicy strict{3, 12, 36, ""};
  EXPECT_TRUE(
      IsError(ValidateRegistration(MemberOfNordlys(), strict, kToday), ErrorCode::kInvalidArgument, "criteria"));
}

TEST(Registration, RejectsADuplicatedCriterion) {
  Registration registration = MemberOfNordlys();
  registration.criteria[1] = registration.criteria[0];
  registration.review_due = ComputeReviewDue(registration, kPolicy);
  EXPECT_TRUE(IsError(ValidateRegistration(registration, kPolicy, kToday), ErrorCode::kInvalidArgument, "criteria[1]"));
}

TEST(Registration, CriterionNeedsKindAndSource) {
  Registration registration = MemberOfNordlys();
  registration.criteria[0].kind = "Intelligence report";
  EXPECT_TRUE(
      IsError(ValidateRegistration(registration, kPolicy, kToday), ErrorCode::kInvalidArgument, "criteria[0].kind"));
  registration = MemberOfNordlys();
  registration.criteria[1].source = "";
  EXPECT_TRUE(
      IsError(ValidateRegistration(registration, kPolicy, kToday), ErrorCode::kInvalidArgument, "criteria[1].source"));
}

TEST(Registration, RejectsCriteriaDatedInTheFuture) {
  Registration registration = MemberOfNordlys();
  registration.criteria[1].observed_on = D("2017-06-02");
  registration.review_due = ComputeReviewDue(registration, kPolicy);
  EXPECT_TRUE(
      IsError(ValidateRegistration(registration, kPolicy, kToday), ErrorCode::kInvalidArgument, "criteria[1].date"));
}

TEST(Registration, RejectsValidationDatedInTheFuture) {
  Registration registration = MemberOfNordlys();
  registration.validated_on = D("2017-06-02");
  EXPECT_TRUE(
      IsError(ValidateRegistration(registration, kPolicy, kToday), ErrorCode::kInvalidArgument, "validated_on"));
}

TEST(Registration, GangRolesRequireAGroup) {
  for (RegistrationRole role :
       {RegistrationRole::kMember, RegistrationRole::kAssociate, RegistrationRole::kYoungPotentialMember}) {
    Registration registration = MemberOfNordlys();
    registration.role = role;
    registration.group_id.reset();
    EXPECT_TRUE(IsError(ValidateRegistration(registration, kPolicy, kToday), ErrorCode::kInvalidArgument, "group_id"))
        << RegistrationRoleName(role);
  }
  Registration at_risk = MemberOfNordlys();
  at_risk.role = RegistrationRole::kAtRiskVictim;
  at_risk.group_id.reset();
  EXPECT_TRUE(ValidateRegistration(at_risk, kPolicy, kToday).ok());
}

TEST(Registration, RequiresPartnershipPersonJustificationAndOfficer) {
  Registration registration = MemberOfNordlys();
  registration.partnership_id = "";
  EXPECT_TRUE(
      IsError(ValidateRegistration(registration, kPolicy, kToday), ErrorCode::kInvalidArgument, "partnership_id"));
  registration = MemberOfNordlys();
  registration.person_id = 0;
  EXPECT_TRUE(IsError(ValidateRegistration(registration, kPolicy, kToday), ErrorCode::kInvalidArgument, "person_id"));
  registration = MemberOfNordlys();
  registration.justification = "  ";
  EXPECT_TRUE(
      IsError(ValidateRegistration(registration, kPolicy, kToday), ErrorCode::kInvalidArgument, "justification"));
  registration = MemberOfNordlys();
  registration.registering_officer = "";
  EXPECT_TRUE(
      IsError(ValidateRegistration(registration, kPolicy, kToday), ErrorCode::kInvalidArgument, "registering_officer"));
}

TEST(Registration, ValidatingOfficerMustDifferFromRegisteringOfficer) {
  Registration registration = MemberOfNordlys();
  registration.validating_officer = registration.registering_officer;
  EXPECT_TRUE(
      IsError(ValidateRegistration(registration, kPolicy, kToday), ErrorCode::kInvalidArgument, "validating_officer"));
}

TEST(Registration, ValidationNeedsBothOfficerAndDate) {
  Registration registration = MemberOfNordlys();
  registration.validated_on.reset();
  EXPECT_TRUE(
      IsError(ValidateRegistration(registration, kPolicy, kToday), ErrorCode::kInvalidArgument, "validated_on"));
  registration = MemberOfNordlys();
  registration.validating_officer.clear();
  EXPECT_TRUE(
      IsError(ValidateRegistration(registration, kPolicy, kToday), ErrorCode::kInvalidArgument, "validated_on"));
  registration.validated_on.reset();
  EXPECT_TRUE(ValidateRegistration(registration, kPolicy, kToday).ok());  // not yet validated is allowed
}

TEST(Registration, RemovalNeedsAReason) {
  Registration registration = MemberOfNordlys();
  registration.valid_to = D("2017-05-01");
  EXPECT_TRUE(
      IsError(ValidateRegistration(registration, kPolicy, kToday), ErrorCode::kInvalidArgument, "removal_reason"));
  registration.removal_reason = RemovalReason::kNoLongerActive;
  EXPECT_TRUE(ValidateRegistration(registration, kPolicy, kToday).ok());
}

TEST(Registration, ReasonWithoutRemovalDateIsRejected) {
  Registration registration = MemberOfNordlys();
  registration.removal_reason = RemovalReason::kDocumentationUncertain;
  EXPECT_TRUE(
      IsError(ValidateRegistration(registration, kPolicy, kToday), ErrorCode::kInvalidArgument, "removal_reason"));
}

TEST(Registration, RemovalMustBeAfterValidFrom) {
  Registration registration = MemberOfNordlys();
  registration.valid_to = registration.valid_from;
  registration.removal_reason = RemovalReason::kRecordedInError;
  EXPECT_TRUE(IsError(ValidateRegistration(registration, kPolicy, kToday), ErrorCode::kInvalidArgument, "valid_to"));
}

TEST(Registration, ReviewDueMustEqualTheComputedDate) {
  Registration registration = MemberOfNordlys();
  registration.review_due = D("2019-03-15");
  auto status = ValidateRegistration(registration, kPolicy, kToday);
  ASSERT_TRUE(IsError(status, ErrorCode::kInvalidArgument, "review_due"));
  EXPECT_NE(status.error().message.find("2018-03-15"), std::string::npos);
}

TEST(ComputeReviewDue, RunsFromTheNewestCriterion) {
  Registration registration = MemberOfNordlys();
  EXPECT_EQ(registration.NewestCriterionDate(), D("2017-03-15"));
  EXPECT_EQ(ComputeReviewDue(registration, kPolicy), D("2018-03-15"));
  // Order of the criteria does not matter.
  std::swap(registration.criteria[0], registration.criteria[1]);
  EXPECT_EQ(ComputeReviewDue(registration, kPolicy), D("2018-03-15"));
}

TEST(ComputeReviewDue, IsCappedAtTheHardMaximum) {
  Registration registration = MemberOfNordlys();
  registration.valid_from = D("2015-01-10");
  registration.criteria.push_back({"conviction", "Dom 2017-0042", D("2017-05-01")});
  EXPECT_EQ(HardMaximum(registration, kPolicy), D("2018-01-10"));
  // Newest criterion + 12 months = 2018-05-01, but the cap is valid_from + 36 months.
  EXPECT_EQ(ComputeReviewDue(registration, kPolicy), D("2018-01-10"));
}

TEST(ComputeReviewDue, ClampsToMonthEnd) {
  Registration registration = MemberOfNordlys();
  registration.criteria[1].observed_on = D("2016-02-29");
  registration.criteria[0].observed_on = D("2016-01-31");
  registration.valid_from = D("2016-03-01");
  EXPECT_EQ(ComputeReviewDue(registration, kPolicy), D("2017-02-28"));
}

TEST(RegistrationPolicy, RejectsUnsafeSettings) {
  EXPECT_TRUE(ValidateRegistrationPolicy(kPolicy).ok());
  EXPECT_TRUE(IsError(ValidateRegistrationPolicy({1, 12, 36, ""}), ErrorCode::kInvalidArgument, "min_criteria"));
  EXPECT_TRUE(IsError(ValidateRegistrationPolicy({2, 0, 36, ""}), ErrorCode::kInvalidArgument, "review_months"));
  EXPECT_TRUE(IsError(ValidateRegistrationPolicy({2, 61, 120, ""}), ErrorCode::kInvalidArgument, "review_months"));
  EXPECT_TRUE(IsError(ValidateRegistrationPolicy({2, 12, 11, ""}), ErrorCode::kInvalidArgument, "max_months"));
  EXPECT_TRUE(IsError(ValidateRegistrationPolicy({2, 12, 121, ""}), ErrorCode::kInvalidArgument, "max_months"));
}

Registration Existing(RegistrationId id, RegistrationRole role, std::optional<GroupId> group, Date from,
                      std::optional<Date> to = std::nullopt) {
  Registration registration = MemberOfNordlys();
  registration.id = id;
  registration.role = role;
  registration.group_id = group;
  registration.valid_from = from;
  registration.valid_to = to;
  return registration;
}

TEST(CheckRoleSeparation, AtRiskVictimNeverOverlapsAGangRole) {
  std::vector<Registration> existing = {Existing(1, RegistrationRole::kMember, 7, D("2017-01-01"))};
  Registration candidate = Existing(0, RegistrationRole::kAtRiskVictim, std::nullopt, D("2017-06-01"));
  auto status = CheckRoleSeparation(candidate, existing);
  ASSERT_TRUE(IsError(status, ErrorCode::kConflict, "role"));
  EXPECT_NE(status.error().message.find("member"), std::string::npos);

  // And the other way round: a gang role while at risk / victim.
  existing = {Existing(2, RegistrationRole::kAtRiskVictim, std::nullopt, D("2017-01-01"), D("2017-12-01"))};
  candidate = Existing(0, RegistrationRole::kAssociate, 9, D("2017-11-30"));
  EXPECT_TRUE(IsError(CheckRoleSeparation(candidate, existing), ErrorCode::kConflict, "role"));
}

TEST(CheckRoleSeparation, AllowsRolesThatDoNotOverlapInTime) {
  // valid_to is exclusive: the member role ends the day the at-risk record starts.
  std::vector<Registration> existing = {Existing(1, RegistrationRole::kMember, 7, D("2017-01-01"), D("2017-05-01"))};
  Registration candidate = Existing(0, RegistrationRole::kAtRiskVictim, std::nullopt, D("2017-05-01"));
  EXPECT_TRUE(CheckRoleSeparation(candidate, existing).ok());
  // A later-starting existing record does not overlap a candidate that ended before it.
  existing = {Existing(1, RegistrationRole::kMember, 7, D("2018-01-01"))};
  candidate = Existing(0, RegistrationRole::kAtRiskVictim, std::nullopt, D("2017-05-01"), D("2017-12-31"));
  EXPECT_TRUE(CheckRoleSeparation(candidate, existing).ok());
}

TEST(CheckRoleSeparation, SameGroupOverlapIsAConflict) {
  std::vector<Registration> existing = {Existing(1, RegistrationRole::kAssociate, 7, D("2017-01-01"))};
  Registration candidate = Existing(0, RegistrationRole::kMember, 7, D("2017-06-01"));
  EXPECT_TRUE(IsError(CheckRoleSeparation(candidate, existing), ErrorCode::kConflict, "group_id"));
}

TEST(CheckRoleSeparation, DifferentGroupsMayOverlap) {
  std::vector<Registration> existing = {Existing(1, RegistrationRole::kMember, 7, D("2017-01-01"))};
  Registration candidate = Existing(0, RegistrationRole::kAssociate, 8, D("2017-06-01"));
  EXPECT_TRUE(CheckRoleSeparation(candidate, existing).ok());
}

TEST(CheckRoleSeparation, TwoOverlappingAtRiskRecordsAreAConflict) {
  std::vector<Registration> existing = {Existing(3, RegistrationRole::kAtRiskVictim, std::nullopt, D("2017-01-01"))};
  Registration candidate = Existing(0, RegistrationRole::kAtRiskVictim, std::nullopt, D("2017-03-01"));
  EXPECT_TRUE(IsError(CheckRoleSeparation(candidate, existing), ErrorCode::kConflict, "role"));
}

TEST(Registration, ValidationCannotPrecedeTheRegistration) {
  Registration registration = MemberOfNordlys();
  registration.validated_on = D("2017-03-19");  // valid_from is 2017-03-20
  EXPECT_TRUE(IsError(ValidateRegistration(registration, RegistrationPolicy{}, kToday), ErrorCode::kInvalidArgument,
                      "validated_on"));
}

TEST(CheckRoleSeparation, IgnoresTheCandidatesOwnEarlierVersion) {
  std::vector<Registration> existing = {Existing(5, RegistrationRole::kMember, 7, D("2017-01-01"))};
  Registration correction = Existing(5, RegistrationRole::kMember, 7, D("2017-02-01"));
  EXPECT_TRUE(CheckRoleSeparation(correction, existing).ok());
}

TEST(ValidateBySecondOfficer, RecordsTheValidation) {
  Registration registration = MemberOfNordlys();
  registration.validating_officer.clear();
  registration.validated_on.reset();
  ASSERT_TRUE(ValidateBySecondOfficer(registration, "eas-officer-c", D("2017-03-25")).ok());
  EXPECT_EQ(registration.validating_officer, "eas-officer-c");
  EXPECT_EQ(registration.validated_on, D("2017-03-25"));
  EXPECT_TRUE(registration.IsValidated());
}

TEST(ValidateBySecondOfficer, RejectsTheRegisteringOfficer) {
  Registration registration = MemberOfNordlys();
  registration.validating_officer.clear();
  registration.validated_on.reset();
  EXPECT_TRUE(IsError(ValidateBySecondOfficer(registration, "eas-officer-a", D("2017-03-25")),
                      ErrorCode::kInvalidArgument, "validating_officer"));
  EXPECT_FALSE(registration.IsValidated());
  EXPECT_TRUE(IsError(ValidateBySecondOfficer(registration, "Officer C", D("2017-03-25")), ErrorCode::kInvalidArgument,
                      "validating_officer"));
  EXPECT_TRUE(IsError(ValidateBySecondOfficer(registration, "eas-officer-c", D("2017-03-19")),
                      ErrorCode::kInvalidArgument, "validated_on"));
  EXPECT_FALSE(registration.IsValidated());
}

TEST(ValidateBySecondOfficer, RefusesWhenAlreadyValidated) {
  Registration registration = MemberOfNordlys();
  EXPECT_TRUE(
      IsError(ValidateBySecondOfficer(registration, "eas-officer-c", D("2017-04-01")), ErrorCode::kFailedPrecondition));
  EXPECT_EQ(registration.validating_officer, "eas-officer-b");
}

TEST(RemoveRegistration, EndsTheRegistrationWithAReason) {
  Registration registration = MemberOfNordlys();
  ASSERT_TRUE(
      RemoveRegistration(registration, RemovalReason::kNoLongerActive, "Ingen nye oplysninger", D("2017-09-01")).ok());
  EXPECT_TRUE(registration.IsRemoved());
  EXPECT_EQ(registration.valid_to, D("2017-09-01"));
  EXPECT_EQ(registration.removal_reason, RemovalReason::kNoLongerActive);
  EXPECT_EQ(registration.removal_note, "Ingen nye oplysninger");
  EXPECT_TRUE(ValidateRegistration(registration, kPolicy, D("2017-09-01")).ok());
}

TEST(RemoveRegistration, RefusesASecondRemoval) {
  Registration registration = MemberOfNordlys();
  ASSERT_TRUE(RemoveRegistration(registration, RemovalReason::kExpired, "", D("2017-09-01")).ok());
  EXPECT_TRUE(IsError(RemoveRegistration(registration, RemovalReason::kDeceased, "", D("2017-10-01")),
                      ErrorCode::kFailedPrecondition));
  EXPECT_EQ(registration.removal_reason, RemovalReason::kExpired);
}

TEST(RemoveRegistration, MustComeAfterTheRegistrationTookEffect) {
  Registration registration = MemberOfNordlys();
  EXPECT_TRUE(IsError(RemoveRegistration(registration, RemovalReason::kRecordedInError, "", registration.valid_from),
                      ErrorCode::kInvalidArgument, "removed_on"));
  EXPECT_TRUE(IsError(RemoveRegistration(registration, RemovalReason::kRecordedInError, "bad \xC3", D("2017-09-01")),
                      ErrorCode::kInvalidArgument, "removal_note"));
  EXPECT_FALSE(registration.IsRemoved());
}

TEST(Registration, CountsAsActiveOnlyWhenValidatedGangRoleInEffect) {
  Registration registration = MemberOfNordlys();  // from 2017-03-20, validated 2017-03-22
  EXPECT_FALSE(registration.CountsAsActiveOn(D("2017-03-19")));
  EXPECT_FALSE(registration.CountsAsActiveOn(D("2017-03-21")));  // in effect, not yet validated
  EXPECT_TRUE(registration.CountsAsActiveOn(D("2017-03-22")));
  EXPECT_TRUE(registration.CountsAsActiveOn(D("2017-03-31")));

  Registration removed = registration;
  ASSERT_TRUE(RemoveRegistration(removed, RemovalReason::kNoLongerActive, "", D("2017-09-01")).ok());
  EXPECT_TRUE(removed.CountsAsActiveOn(D("2017-08-31")));
  EXPECT_FALSE(removed.CountsAsActiveOn(D("2017-09-01")));

  Registration unvalidated = registration;
  unvalidated.validating_officer.clear();
  unvalidated.validated_on.reset();
  EXPECT_FALSE(unvalidated.CountsAsActiveOn(D("2017-03-31")));

  Registration at_risk = registration;
  at_risk.role = RegistrationRole::kAtRiskVictim;
  EXPECT_FALSE(at_risk.CountsAsActiveOn(D("2017-03-31")));
}

TEST(RegistrationRole, GangRolesExcludeAtRiskVictim) {
  EXPECT_TRUE(IsGangRole(RegistrationRole::kMember));
  EXPECT_TRUE(IsGangRole(RegistrationRole::kAssociate));
  EXPECT_TRUE(IsGangRole(RegistrationRole::kYoungPotentialMember));
  EXPECT_FALSE(IsGangRole(RegistrationRole::kAtRiskVictim));
}

TEST(RegistrationRole, ParsesNamesAndListsTheAllowedOnes) {
  EXPECT_EQ(*ParseRegistrationRole("young_potential_member", "role"), RegistrationRole::kYoungPotentialMember);
  EXPECT_EQ(RegistrationRoleName(RegistrationRole::kAtRiskVictim), "at_risk_victim");
  auto bad = ParseRegistrationRole("leader", "role");
  ASSERT_TRUE(IsError(bad, ErrorCode::kInvalidArgument, "role"));
  EXPECT_NE(bad.error().message.find("member, associate, young_potential_member, at_risk_victim"), std::string::npos);
}

TEST(RemovalReason, RoundTripsItsNames) {
  for (RemovalReason reason :
       {RemovalReason::kNoLongerActive, RemovalReason::kDocumentationUncertain, RemovalReason::kExpired,
        RemovalReason::kExitCompleted, RemovalReason::kDeceased, RemovalReason::kRecordedInError}) {
    EXPECT_EQ(*ParseRemovalReason(RemovalReasonName(reason), "reason"), reason);
  }
  EXPECT_TRUE(IsError(ParseRemovalReason("moved_away", "reason"), ErrorCode::kInvalidArgument, "reason"));
}

}  // namespace
}  // namespace trygnet
