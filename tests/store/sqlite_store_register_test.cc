// The gang register: bitemporal registrations (src/store/sqlite/sqlite_store_register.cc).
#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"
#include "store/store_fixture.h"

namespace trygnet {
namespace {

using testing::D;
using testing::IsError;
using testing::IsOk;
using testing::kNorrebroPolicy;
using testing::StoreTest;
using testing::T;

class RegisterTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    LoadNorrebro();
    clock_.Set(T("2017-04-01T09:00:00Z"));
    mikkel_ = AddPerson(MakePerson("Mikkel", "Testesen", "010190-1238", "mjolnerparken"));
    sofie_ = AddPerson(MakePerson("Sofie", "Prøvesen", "020292-4002", "lundtoftegade"));
    nordlys_ = AddGroup("Gruppe Nordlys");
    sydlys_ = AddGroup("Gruppe Sydlys");
  }

  size_t ActiveCount(Date as_of, Timestamp known_at) {
    auto active = store_->ActiveRegistrations("norrebro-2017", {as_of, known_at});
    EXPECT_TRUE(IsOk(active));
    return active.ok() ? active->size() : 0;
  }

  Registration AddMember() {
    Registration registration = MemberRegistration(mikkel_, nordlys_);
    auto added = store_->AddRegistration(registration, kNorrebroPolicy);
    EXPECT_TRUE(IsOk(added));
    return added.ok() ? *added : registration;
  }

  PersonId mikkel_ = 0;
  PersonId sofie_ = 0;
  GroupId nordlys_ = 0;
  GroupId sydlys_ = 0;
};

// ------------------------------------------------------------------ adding

TEST_F(RegisterTest, AddComputesTheReviewDateAndAssignsIds) {
  Registration registration = MemberRegistration(mikkel_, nordlys_);
  registration.review_due = D("2030-01-01");  // ignored: the store computes it
  auto added = store_->AddRegistration(registration, kNorrebroPolicy);
  ASSERT_TRUE(IsOk(added));
  EXPECT_GT(added->id, 0);
  EXPECT_GT(added->version, 0);
  EXPECT_EQ(added->review_due, D("2018-02-20"));  // newest criterion 2017-02-20 + 12 months
  EXPECT_EQ(added->recorded_at, T("2017-04-01T09:00:00Z"));
  EXPECT_FALSE(added->superseded_at.has_value());

  auto read = store_->GetRegistration(added->id, clock_.Now());
  ASSERT_TRUE(IsOk(read));
  EXPECT_EQ(read->person_id, mikkel_);
  EXPECT_EQ(read->group_id, nordlys_);
  EXPECT_EQ(read->role, RegistrationRole::kMember);
  EXPECT_EQ(read->review_due, D("2018-02-20"));
  EXPECT_EQ(read->validating_officer, "eas-officer-b");
  EXPECT_EQ(read->validated_on, D("2017-03-05"));
  ASSERT_EQ(read->criteria.size(), 2u);
  EXPECT_EQ(read->criteria[0].kind, "intelligence");
  EXPECT_EQ(read->criteria[1].source, "Rapport 17-0456");
  EXPECT_EQ(read->criteria[1].observed_on, D("2017-02-20"));
}

TEST_F(RegisterTest, AddCapsTheReviewDateAtThePolicyMaximum) {
  Registration registration = MemberRegistration(mikkel_, nordlys_);
  RegistrationPolicy short_cap{2, 12, 12, ""};
  registration.valid_from = D("2016-06-01");
  auto added = store_->AddRegistration(registration, short_cap);
  ASSERT_TRUE(IsOk(added));
  EXPECT_EQ(added->review_due, D("2017-06-01"));
}

TEST_F(RegisterTest, AddRejectsAnInvalidRegistration) {
  Registration registration = MemberRegistration(mikkel_, nordlys_);
  registration.criteria.pop_back();
  EXPECT_TRUE(IsError(store_->AddRegistration(registration, kNorrebroPolicy), ErrorCode::kInvalidArgument, "criteria"));
  registration = MemberRegistration(mikkel_, nordlys_);
  registration.validating_officer = registration.registering_officer;
  EXPECT_TRUE(IsError(store_->AddRegistration(registration, kNorrebroPolicy), ErrorCode::kInvalidArgument,
                      "validating_officer"));
  registration = MemberRegistration(mikkel_, nordlys_);
  registration.criteria[1].observed_on = D("2017-04-02");  // after the clock's today
  EXPECT_TRUE(
      IsError(store_->AddRegistration(registration, kNorrebroPolicy), ErrorCode::kInvalidArgument, "criteria[1].date"));
  EXPECT_EQ(ActiveCount(D("2017-03-31"), clock_.Now()), 0u);
}

TEST_F(RegisterTest, AddRejectsUnknownReferences) {
  Registration registration = MemberRegistration(mikkel_, 99);
  EXPECT_TRUE(IsError(store_->AddRegistration(registration, kNorrebroPolicy), ErrorCode::kInvalidArgument));
  registration = MemberRegistration(99, nordlys_);
  EXPECT_TRUE(IsError(store_->AddRegistration(registration, kNorrebroPolicy), ErrorCode::kInvalidArgument));
  registration = MemberRegistration(mikkel_, nordlys_);
  registration.partnership_id = "amager-2019";
  EXPECT_TRUE(IsError(store_->AddRegistration(registration, kNorrebroPolicy), ErrorCode::kInvalidArgument));
}

TEST_F(RegisterTest, AtRiskVictimCannotOverlapAGangRole) {
  AddMember();
  Registration at_risk = MemberRegistration(mikkel_, nordlys_);
  at_risk.role = RegistrationRole::kAtRiskVictim;
  at_risk.group_id.reset();
  at_risk.valid_from = D("2017-03-20");
  at_risk.validated_on = at_risk.valid_from;
  EXPECT_TRUE(IsError(store_->AddRegistration(at_risk, kNorrebroPolicy), ErrorCode::kConflict, "role"));
  // Another person may well be at risk.
  at_risk.person_id = sofie_;
  EXPECT_TRUE(IsOk(store_->AddRegistration(at_risk, kNorrebroPolicy)));
}

TEST_F(RegisterTest, AVersionNeverSwitchesBetweenGangRoleAndAtRisk) {
  Registration first = AddMember();
  Registration changed = first;
  changed.role = RegistrationRole::kAtRiskVictim;
  changed.group_id.reset();
  EXPECT_TRUE(IsError(store_->RecordRegistrationVersion(changed, kNorrebroPolicy, first.version),
                      ErrorCode::kInvalidArgument, "role"));
  changed = first;
  changed.partnership_id = "amager-2019";
  EXPECT_TRUE(IsError(store_->RecordRegistrationVersion(changed, kNorrebroPolicy, first.version),
                      ErrorCode::kInvalidArgument, "partnership_id"));
  // Within the gang roles a change is a normal new version.
  changed = first;
  changed.role = RegistrationRole::kAssociate;
  EXPECT_TRUE(IsOk(store_->RecordRegistrationVersion(changed, kNorrebroPolicy, first.version)));
}

TEST_F(RegisterTest, AnUnsafePolicyIsRefused) {
  Registration registration = MemberRegistration(mikkel_, nordlys_);
  registration.criteria.clear();
  RegistrationPolicy lax = kNorrebroPolicy;
  lax.min_criteria = 0;
  EXPECT_TRUE(IsError(store_->AddRegistration(registration, lax), ErrorCode::kInvalidArgument, "min_criteria"));
}

TEST_F(RegisterTest, AClockBehindTheLastVersionCannotRewriteHistory) {
  Registration first = AddMember();
  clock_.Set(first.recorded_at.AddSeconds(-3600));
  Registration changed = first;
  changed.justification = "Rettet begrundelse.";
  // As known at that earlier time the registration did not exist yet.
  EXPECT_TRUE(
      IsError(store_->RecordRegistrationVersion(changed, kNorrebroPolicy, first.version), ErrorCode::kNotFound));
}

TEST_F(RegisterTest, SameGroupCannotBeRegisteredTwice) {
  AddMember();
  Registration again = MemberRegistration(mikkel_, nordlys_);
  again.role = RegistrationRole::kAssociate;
  EXPECT_TRUE(IsError(store_->AddRegistration(again, kNorrebroPolicy), ErrorCode::kConflict, "group_id"));
  Registration other_group = MemberRegistration(mikkel_, sydlys_);
  EXPECT_TRUE(IsOk(store_->AddRegistration(other_group, kNorrebroPolicy)));
}

// ------------------------------------------------------------------ bitemporal queries

TEST_F(RegisterTest, ActiveRegistrationsRespectsWorldAndSystemTime) {
  Registration added = AddMember();  // recorded 2017-04-01 09:00, valid from 2017-03-01, validated 2017-03-05
  // As of 2017-03-31, as known on 2017-04-10: one active member.
  auto active = store_->ActiveRegistrations("norrebro-2017", {D("2017-03-31"), EndOfDay(D("2017-04-10"))});
  ASSERT_TRUE(IsOk(active));
  ASSERT_EQ(active->size(), 1u);
  EXPECT_EQ((*active)[0].id, added.id);
  // As known on 2017-03-31 the system did not yet know it.
  EXPECT_EQ(ActiveCount(D("2017-03-31"), EndOfDay(D("2017-03-31"))), 0u);
  EXPECT_EQ(ActiveCount(D("2017-03-31"), T("2017-04-01T08:59:59Z")), 0u);
  EXPECT_EQ(ActiveCount(D("2017-03-31"), T("2017-04-01T09:00:00Z")), 1u);
  // Before it took effect, and before it was validated.
  EXPECT_EQ(ActiveCount(D("2017-02-28"), clock_.Now()), 0u);
  EXPECT_EQ(ActiveCount(D("2017-03-04"), clock_.Now()), 0u);
  EXPECT_EQ(ActiveCount(D("2017-03-05"), clock_.Now()), 1u);
}

TEST_F(RegisterTest, UnvalidatedAndAtRiskRegistrationsAreNotActive) {
  Registration pending = MemberRegistration(mikkel_, nordlys_);
  pending.validating_officer.clear();
  pending.validated_on.reset();
  ASSERT_TRUE(IsOk(store_->AddRegistration(pending, kNorrebroPolicy)));
  Registration at_risk = MemberRegistration(sofie_, nordlys_);
  at_risk.role = RegistrationRole::kAtRiskVictim;
  ASSERT_TRUE(IsOk(store_->AddRegistration(at_risk, kNorrebroPolicy)));
  EXPECT_EQ(ActiveCount(D("2017-03-31"), clock_.Now()), 0u);
  auto for_person = store_->RegistrationsForPerson(sofie_, clock_.Now());
  ASSERT_TRUE(IsOk(for_person));
  ASSERT_EQ(for_person->size(), 1u);
  EXPECT_EQ((*for_person)[0].role, RegistrationRole::kAtRiskVictim);
}

TEST_F(RegisterTest, ACorrectionSupersedesTheEarlierBelief) {
  Registration first = AddMember();

  // On 2017-04-20 EAS corrects it: the membership began on 2017-04-05, validated 2017-04-06.
  clock_.Set(T("2017-04-20T09:00:00Z"));
  Registration corrected = first;
  corrected.valid_from = D("2017-04-05");
  corrected.validated_on = D("2017-04-06");
  auto second = store_->RecordRegistrationVersion(corrected, kNorrebroPolicy, first.version);
  ASSERT_TRUE(IsOk(second));
  EXPECT_EQ(second->id, first.id);
  EXPECT_GT(second->version, first.version);
  EXPECT_EQ(second->recorded_at, T("2017-04-20T09:00:00Z"));

  // As known before the correction, he was active on 2017-03-31; as known after, he was not.
  EXPECT_EQ(ActiveCount(D("2017-03-31"), EndOfDay(D("2017-04-10"))), 1u);
  EXPECT_EQ(ActiveCount(D("2017-03-31"), EndOfDay(D("2017-04-25"))), 0u);
  auto later = store_->ActiveRegistrations("norrebro-2017", {D("2017-04-10"), EndOfDay(D("2017-04-25"))});
  ASSERT_TRUE(IsOk(later));
  ASSERT_EQ(later->size(), 1u);
  EXPECT_EQ((*later)[0].version, second->version);

  auto old_belief = store_->GetRegistration(first.id, EndOfDay(D("2017-04-10")));
  ASSERT_TRUE(IsOk(old_belief));
  EXPECT_EQ(old_belief->version, first.version);
  EXPECT_EQ(old_belief->valid_from, D("2017-03-01"));
  auto new_belief = store_->GetRegistration(first.id, clock_.Now());
  ASSERT_TRUE(IsOk(new_belief));
  EXPECT_EQ(new_belief->version, second->version);
  EXPECT_EQ(new_belief->valid_from, D("2017-04-05"));
  ASSERT_EQ(new_belief->criteria.size(), 2u);

  // Before the first recording nothing was known.
  EXPECT_TRUE(IsError(store_->GetRegistration(first.id, T("2017-03-31T12:00:00Z")), ErrorCode::kNotFound));
}

TEST_F(RegisterTest, HistoryListsEveryVersion) {
  Registration first = AddMember();
  clock_.Set(T("2017-04-20T09:00:00Z"));
  Registration corrected = first;
  corrected.justification = "Rettet: kilderne er to separate kontroller.";
  auto second = store_->RecordRegistrationVersion(corrected, kNorrebroPolicy, first.version);
  ASSERT_TRUE(IsOk(second));

  auto history = store_->RegistrationHistory(first.id);
  ASSERT_TRUE(IsOk(history));
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].version, first.version);
  ASSERT_TRUE((*history)[0].superseded_at.has_value());
  EXPECT_EQ(*(*history)[0].superseded_at, T("2017-04-20T09:00:00Z"));
  EXPECT_EQ((*history)[0].justification, first.justification);
  EXPECT_EQ((*history)[1].version, second->version);
  EXPECT_FALSE((*history)[1].superseded_at.has_value());
  EXPECT_EQ((*history)[1].justification, "Rettet: kilderne er to separate kontroller.");
}

TEST_F(RegisterTest, AStaleVersionIsAConflict) {
  Registration first = AddMember();
  clock_.Set(T("2017-04-20T09:00:00Z"));
  ASSERT_TRUE(IsOk(store_->RecordRegistrationVersion(first, kNorrebroPolicy, first.version)));
  clock_.Set(T("2017-04-21T09:00:00Z"));
  Registration late_edit = first;
  late_edit.justification = "En anden sagsbehandlers rettelse";
  EXPECT_TRUE(IsError(store_->RecordRegistrationVersion(late_edit, kNorrebroPolicy, first.version),
                      ErrorCode::kConflict, "version"));
  auto history = store_->RegistrationHistory(first.id);
  ASSERT_TRUE(IsOk(history));
  EXPECT_EQ(history->size(), 2u);  // nothing recorded by the stale edit
}

TEST_F(RegisterTest, AVersionCannotMoveToAnotherPerson) {
  Registration first = AddMember();
  Registration moved = first;
  moved.person_id = sofie_;
  EXPECT_TRUE(IsError(store_->RecordRegistrationVersion(moved, kNorrebroPolicy, first.version),
                      ErrorCode::kInvalidArgument, "person_id"));
}

TEST_F(RegisterTest, AVersionOfAnUnknownRegistrationIsNotFound) {
  Registration ghost = MemberRegistration(mikkel_, nordlys_);
  ghost.id = 77;
  EXPECT_TRUE(IsError(store_->RecordRegistrationVersion(ghost, kNorrebroPolicy, 1), ErrorCode::kNotFound));
}

TEST_F(RegisterTest, RemovalByANewVersionEndsTheRegistrationInWorldTime) {
  Registration first = AddMember();
  clock_.Set(T("2017-09-01T09:00:00Z"));
  Registration removed = first;
  ASSERT_TRUE(IsOk(RemoveRegistration(removed, RemovalReason::kNoLongerActive, "Ingen nye oplysninger i et halvt år",
                                      D("2017-08-31"))));
  auto stored = store_->RecordRegistrationVersion(removed, kNorrebroPolicy, first.version);
  ASSERT_TRUE(IsOk(stored));
  EXPECT_EQ(stored->valid_to, D("2017-08-31"));
  EXPECT_EQ(stored->removal_reason, RemovalReason::kNoLongerActive);

  EXPECT_EQ(ActiveCount(D("2017-08-30"), clock_.Now()), 1u);
  EXPECT_EQ(ActiveCount(D("2017-08-31"), clock_.Now()), 0u);
  // As known before the removal was recorded, it was still active on 2017-08-31.
  EXPECT_EQ(ActiveCount(D("2017-08-31"), EndOfDay(D("2017-08-31"))), 1u);

  auto current = store_->GetRegistration(first.id, clock_.Now());
  ASSERT_TRUE(IsOk(current));
  EXPECT_TRUE(current->IsRemoved());
  EXPECT_EQ(current->removal_note, "Ingen nye oplysninger i et halvt år");

  // After removal the person may be recorded as at risk / victim from the removal date.
  Registration at_risk = MemberRegistration(mikkel_, nordlys_);
  at_risk.role = RegistrationRole::kAtRiskVictim;
  at_risk.group_id.reset();
  at_risk.valid_from = D("2017-08-31");
  at_risk.validated_on = at_risk.valid_from;
  EXPECT_TRUE(IsOk(store_->AddRegistration(at_risk, kNorrebroPolicy)));
}

TEST_F(RegisterTest, ARemovalWithoutReasonIsRejected) {
  Registration first = AddMember();
  Registration removed = first;
  removed.valid_to = D("2017-03-31");
  EXPECT_TRUE(IsError(store_->RecordRegistrationVersion(removed, kNorrebroPolicy, first.version),
                      ErrorCode::kInvalidArgument, "removal_reason"));
}

}  // namespace
}  // namespace trygnet
