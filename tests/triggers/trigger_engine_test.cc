#include "triggers/trigger_engine.h"

#include <gtest/gtest.h>

#include "support/test_store.h"

namespace trygnet::triggers {
namespace {

using testing::Day;
using testing::Noon;
using testing::TestStore;

constexpr char kPartnership[] = "norrebro-2017";

// A small world: one registered, validated member of a fictional group, and
// persons of chosen ages who are seen with him or arrested.
class TriggerEngineTest : public ::testing::Test {
 protected:
  TriggerEngineTest() : db_(Noon(2018, 1, 1)) {
    Group group;
    group.name = "Gruppe Tågelys";
    auto group_id = db_.store->AddGroup(group);
    EXPECT_TRUE(group_id.ok());
    group_id_ = *group_id;
    member_ = AddPerson("Mikkel", Day(1995, 3, 3));
    Register(member_, RegistrationRole::kMember, Day(2018, 1, 2), Day(2018, 1, 5));
  }

  PersonId AddPerson(const char* given, Date born) {
    Person person;
    person.identity = {given, "Prøvesen", std::nullopt, born};
    person.residence_area_id = "mjolnerparken";
    auto id = db_.store->AddPerson(person);
    EXPECT_TRUE(id.ok()) << id.error().ToString();
    return *id;
  }

  Registration Register(PersonId person_id, RegistrationRole role, Date valid_from, std::optional<Date> validated_on) {
    const RegistrationPolicy& policy = db_.partnership.registration_policy;
    Registration registration;
    registration.partnership_id = kPartnership;
    registration.person_id = person_id;
    if (IsGangRole(role)) registration.group_id = group_id_;
    registration.role = role;
    registration.criteria = {{"intelligence_report", "EAS-1", valid_from.AddDays(-20)},
                             {"seen_with_members", "EAS-2", valid_from.AddDays(-5)}};
    registration.justification = "Testgrundlag.";
    registration.registering_officer = "officer-a";
    registration.valid_from = valid_from;
    At(valid_from);
    auto stored = db_.store->AddRegistration(registration, policy);
    EXPECT_TRUE(stored.ok()) << stored.error().ToString();
    if (validated_on) {
      At(*validated_on);
      EXPECT_TRUE(ValidateBySecondOfficer(*stored, "officer-b", *validated_on).ok());
      stored = db_.store->RecordRegistrationVersion(*stored, policy, stored->version);
      EXPECT_TRUE(stored.ok()) << stored.error().ToString();
    }
    return *stored;
  }

  void At(Date day) { db_.clock.Set(Timestamp::StartOf(day).AddSeconds(3600)); }

  void SeenTogether(Date on, std::vector<PersonId> person_ids) {
    At(on);
    Observation observation;
    observation.observed_at = Timestamp::StartOf(on).AddSeconds(1800);
    observation.area_id = "mjolnerparken";
    observation.source = "patrol_stop";
    observation.person_ids = std::move(person_ids);
    observation.recorded_by = "officer-a";
    observation.recorded_at = Timestamp::StartOf(on).AddSeconds(3600);
    auto stored = db_.store->AddObservations({observation});
    ASSERT_TRUE(stored.ok()) << stored.error().ToString();
  }

  void Custody(PersonId person_id, CustodyKind kind, Date on) {
    At(on);
    CustodyEvent event;
    event.partnership_id = kPartnership;
    event.person_id = person_id;
    event.kind = kind;
    event.occurred_on = on;
    event.recorded_by = "officer-a";
    auto stored = db_.store->AddCustodyEvent(event);
    ASSERT_TRUE(stored.ok()) << stored.error().ToString();
  }

  TriggerRun RunOn(Date as_of) {
    db_.clock.Set(Timestamp::StartOf(as_of).AddSeconds(20 * 3600));
    auto run = RunTriggers(*db_.store, db_.partnership, as_of, {"system:triggers", "system"}, db_.clock);
    EXPECT_TRUE(run.ok()) << run.error().ToString();
    return run.ok() ? *run : TriggerRun{};
  }

  std::vector<Measure> MeasuresOf(PersonId person_id) {
    auto measures = db_.store->MeasuresForPerson(person_id);
    EXPECT_TRUE(measures.ok());
    return *measures;
  }

  TestStore db_;
  GroupId group_id_ = 0;
  PersonId member_ = 0;
};

TEST_F(TriggerEngineTest, AnUnder18SeenWithAMemberGetsAConcernConversationInALevelOneCase) {
  PersonId youth = AddPerson("Otto", Day(2002, 6, 1));  // 15 years old
  SeenTogether(Day(2018, 3, 10), {youth, member_});

  TriggerRun run = RunOn(Day(2018, 3, 12));

  ASSERT_EQ(run.created.size(), 1u);
  const Firing& firing = run.created[0];
  EXPECT_EQ(firing.rule_id, "under-18-seen-with-member");
  EXPECT_EQ(firing.person_id, youth);
  EXPECT_TRUE(firing.case_opened);
  EXPECT_EQ(firing.facts["registered_members_present"], 1);
  EXPECT_EQ(firing.facts["age"], 15);
  EXPECT_EQ(firing.facts["first_contact"], true);
  EXPECT_FALSE(firing.facts.contains("members")) << "the register's names stay with the police";

  std::vector<Measure> measures = MeasuresOf(youth);
  ASSERT_EQ(measures.size(), 1u);
  EXPECT_EQ(measures[0].measure_type_id, "concern-conversation");
  EXPECT_EQ(measures[0].assigned_unit_id, "ssp");
  EXPECT_EQ(measures[0].due_on, Day(2018, 3, 24));  // 14 days from the observation
  EXPECT_EQ(measures[0].status, MeasureStatus::kPlanned);
  EXPECT_EQ(measures[0].rule_id, "under-18-seen-with-member");
  EXPECT_EQ(measures[0].created_by, "rule:under-18-seen-with-member");
  EXPECT_NE(measures[0].facts.find("\"observation_id\""), std::string::npos);

  auto cases = db_.store->CasesForPerson(youth);
  ASSERT_TRUE(cases.ok());
  ASSERT_EQ(cases->size(), 1u);
  EXPECT_EQ((*cases)[0].track, CaseTrack::kUnder18Ssp);
  EXPECT_EQ((*cases)[0].level, 1);
  EXPECT_EQ((*cases)[0].owning_unit_id, "ssp");
  EXPECT_TRUE((*cases)[0].flags.first_contact);
  EXPECT_EQ(measures[0].case_id, (*cases)[0].id);
}

TEST_F(TriggerEngineTest, RunningAgainCreatesNothingTwice) {
  PersonId youth = AddPerson("Otto", Day(2002, 6, 1));
  SeenTogether(Day(2018, 3, 10), {youth, member_});
  ASSERT_EQ(RunOn(Day(2018, 3, 12)).created.size(), 1u);

  TriggerRun again = RunOn(Day(2018, 3, 12));
  EXPECT_TRUE(again.created.empty());
  EXPECT_EQ(again.already_acted, 1);
  TriggerRun next_day = RunOn(Day(2018, 3, 13));
  EXPECT_TRUE(next_day.created.empty());
  EXPECT_EQ(MeasuresOf(youth).size(), 1u);
}

TEST_F(TriggerEngineTest, SeenAgainWithinTheRepeatWindowDoesNotFireAgain) {
  PersonId youth = AddPerson("Otto", Day(2002, 6, 1));
  SeenTogether(Day(2018, 3, 10), {youth, member_});
  SeenTogether(Day(2018, 3, 11), {youth, member_});
  TriggerRun run = RunOn(Day(2018, 3, 12));
  EXPECT_EQ(run.created.size(), 1u);
  EXPECT_EQ(MeasuresOf(youth).size(), 1u);
}

TEST_F(TriggerEngineTest, SecondContactIsNotFirstContact) {
  PersonId youth = AddPerson("Otto", Day(2002, 6, 1));
  SeenTogether(Day(2018, 1, 20), {youth, member_});  // outside the 30-day look-back of the run below
  SeenTogether(Day(2018, 3, 10), {youth, member_});
  TriggerRun run = RunOn(Day(2018, 3, 12));
  ASSERT_EQ(run.created.size(), 1u);
  EXPECT_EQ(run.created[0].facts["first_contact"], false);
}

TEST_F(TriggerEngineTest, AdultsAndPersonsWithoutAnActiveMemberDoNotFire) {
  PersonId adult = AddPerson("Viggo", Day(1999, 1, 1));
  PersonId youth = AddPerson("Otto", Day(2002, 6, 1));
  PersonId unvalidated = AddPerson("Ulrik", Day(1996, 1, 1));
  Register(unvalidated, RegistrationRole::kMember, Day(2018, 2, 1), std::nullopt);  // no second officer yet
  SeenTogether(Day(2018, 3, 10), {adult, member_});
  SeenTogether(Day(2018, 3, 11), {youth, unvalidated});

  TriggerRun run = RunOn(Day(2018, 3, 12));
  // The member was seen with an adult only: that fact is seen, then ruled out by age.
  for (const Firing& firing : run.created) EXPECT_NE(firing.person_id, adult);
  for (const Firing& firing : run.created) EXPECT_NE(firing.person_id, youth);
  EXPECT_TRUE(MeasuresOf(adult).empty());
  EXPECT_TRUE(MeasuresOf(youth).empty());
  EXPECT_GE(run.not_applicable, 1);
}

TEST_F(TriggerEngineTest, FactsOlderThanTheLookBackAreLeftAlone) {
  PersonId youth = AddPerson("Otto", Day(2002, 6, 1));
  SeenTogether(Day(2018, 2, 1), {youth, member_});
  TriggerRun run = RunOn(Day(2018, 3, 12));  // 39 days later; the rule looks back 30
  EXPECT_TRUE(run.created.empty());
  EXPECT_TRUE(MeasuresOf(youth).empty());
}

TEST_F(TriggerEngineTest, AnArrestInTheTargetGroupStartsMotivationJobPlanAndExitScreening) {
  Custody(member_, CustodyKind::kArrested, Day(2018, 4, 2));

  TriggerRun run = RunOn(Day(2018, 4, 3));

  ASSERT_EQ(run.created.size(), 1u);
  EXPECT_EQ(run.created[0].rule_id, "custody-of-target-group-person");
  EXPECT_EQ(run.created[0].facts["kind"], "arrested");
  std::vector<Measure> measures = MeasuresOf(member_);
  ASSERT_EQ(measures.size(), 3u);
  EXPECT_EQ(measures[0].measure_type_id, "motivational-conversation");
  EXPECT_EQ(measures[0].assigned_unit_id, "jobcenter");
  EXPECT_EQ(measures[0].due_on, Day(2018, 4, 16));  // the type's 14 days
  EXPECT_EQ(measures[1].measure_type_id, "job-education-plan");
  EXPECT_EQ(measures[1].due_on, Day(2018, 5, 2));  // 30 days
  EXPECT_EQ(measures[2].measure_type_id, "exit-screening");
  EXPECT_EQ(measures[2].assigned_unit_id, "eki");
  auto cases = db_.store->CasesForPerson(member_);
  ASSERT_TRUE(cases.ok());
  ASSERT_EQ(cases->size(), 1u);
  EXPECT_EQ((*cases)[0].track, CaseTrack::kOver18SspPlus);  // by age: he is 23
  EXPECT_TRUE((*cases)[0].flags.arrested_remanded_imprisoned);
  EXPECT_TRUE(RunOn(Day(2018, 4, 3)).created.empty());
}

TEST_F(TriggerEngineTest, ARemandRaisesTheFlagOfAnOpenCase) {
  CaseFile case_file;
  case_file.person_id = member_;
  case_file.partnership_id = kPartnership;
  case_file.track = CaseTrack::kExit;
  case_file.level = 2;
  case_file.owning_unit_id = "eki";
  case_file.opened_on = Day(2018, 2, 1);
  case_file.opened_by = "eki-caseworker";
  auto case_id = db_.store->AddCase(case_file);
  ASSERT_TRUE(case_id.ok()) << case_id.error().ToString();
  Custody(member_, CustodyKind::kRemanded, Day(2018, 4, 2));

  TriggerRun run = RunOn(Day(2018, 4, 3));
  ASSERT_EQ(run.created.size(), 1u);
  EXPECT_FALSE(run.created[0].case_opened);
  EXPECT_EQ(run.created[0].case_id, *case_id);
  auto stored = db_.store->GetCase(*case_id);
  ASSERT_TRUE(stored.ok());
  EXPECT_TRUE(stored->flags.arrested_remanded_imprisoned);
}

TEST_F(TriggerEngineTest, ReleaseAndCustodyOutsideTheTargetGroupDoNotFire) {
  PersonId outsider = AddPerson("Svend", Day(1990, 1, 1));
  Custody(outsider, CustodyKind::kArrested, Day(2018, 4, 2));
  Custody(member_, CustodyKind::kReleased, Day(2018, 4, 2));
  TriggerRun run = RunOn(Day(2018, 4, 3));
  EXPECT_TRUE(run.created.empty());
  EXPECT_EQ(run.not_applicable, 1);  // the outsider; a release is not a fact of the rule at all
  EXPECT_TRUE(MeasuresOf(outsider).empty());
}

TEST_F(TriggerEngineTest, ARemandAfterTheArrestDoesNotRepeatTheMeasures) {
  Custody(member_, CustodyKind::kArrested, Day(2018, 4, 2));
  Custody(member_, CustodyKind::kRemanded, Day(2018, 4, 3));
  TriggerRun run = RunOn(Day(2018, 4, 4));
  EXPECT_EQ(run.created.size(), 1u);
  EXPECT_EQ(run.already_acted, 1);
  EXPECT_EQ(MeasuresOf(member_).size(), 3u);
}

TEST_F(TriggerEngineTest, SeenAt17AndAdultByTheRunGetsACaseOnTheAdultTrack) {
  PersonId youth = AddPerson("Otto", Day(2000, 3, 11));  // 17 on the 10th, 18 on the 11th
  SeenTogether(Day(2018, 3, 10), {youth, member_});
  TriggerRun run = RunOn(Day(2018, 3, 12));
  ASSERT_EQ(run.created.size(), 1u);
  auto cases = db_.store->CasesForPerson(youth);
  ASSERT_TRUE(cases.ok());
  ASSERT_EQ(cases->size(), 1u);
  EXPECT_EQ((*cases)[0].track, CaseTrack::kOver18SspPlus);
}

TEST_F(TriggerEngineTest, AReviewFallingDueGivesEasAReviewTaskOnce) {
  auto registration = db_.store->RegistrationsForPerson(member_, db_.clock.Now());
  ASSERT_TRUE(registration.ok());
  ASSERT_EQ(registration->size(), 1u);
  Date review_due = (*registration)[0].review_due;

  EXPECT_TRUE(RunOn(review_due.AddDays(-15)).created.empty());  // not yet within 14 days' notice
  TriggerRun run = RunOn(review_due.AddDays(-14));
  ASSERT_EQ(run.created.size(), 1u);
  EXPECT_EQ(run.created[0].rule_id, "registration-review-due");
  EXPECT_FALSE(run.created[0].case_id.has_value());
  std::vector<Measure> measures = MeasuresOf(member_);
  ASSERT_EQ(measures.size(), 1u);
  EXPECT_EQ(measures[0].measure_type_id, "registration-review");
  EXPECT_EQ(measures[0].assigned_unit_id, "eas");
  EXPECT_EQ(measures[0].due_on, review_due);
  EXPECT_TRUE(RunOn(review_due).created.empty());
}

TEST_F(TriggerEngineTest, ARegistrationPastItsHardMaximumIsRemovedAndEveryRecipientDeletesItsCopy) {
  Disclosure told;
  told.partnership_id = kPartnership;
  told.from_unit_id = "eas";
  told.to_unit_id = "ssp";
  told.person_id = member_;
  told.data_categories = {"identity", "registration"};
  told.legal_basis_id = "rpl-115";
  told.purpose = "crime_prevention";
  told.disclosed_by = "officer-a";
  told.disclosed_at = Noon(2018, 2, 1);
  ASSERT_TRUE(db_.store->AddDisclosure(told).ok());
  told.to_unit_id = "eki";
  ASSERT_TRUE(db_.store->AddDisclosure(told).ok());
  ASSERT_TRUE(db_.store->AddDisclosure(told).ok());  // told twice: still one task

  Date maximum = Day(2018, 1, 2).AddMonths(36);
  EXPECT_TRUE(RunOn(maximum).removed.empty()) << "the last day it may stand";
  TriggerRun run = RunOn(maximum.AddDays(1));

  ASSERT_EQ(run.removed.size(), 1u);
  EXPECT_EQ(run.removed[0].person_id, member_);
  EXPECT_EQ(run.removed[0].removed_on, maximum.AddDays(1));
  ASSERT_EQ(run.removed[0].tasks.size(), 2u);
  auto history = db_.store->RegistrationsForPerson(member_, db_.clock.Now());
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].removal_reason, RemovalReason::kExpired);
  EXPECT_EQ((*history)[0].valid_to, maximum.AddDays(1));
  std::vector<std::string> units;
  for (const Measure& measure : MeasuresOf(member_)) {
    if (measure.measure_type_id == "removal-of-copy") units.push_back(measure.assigned_unit_id);
  }
  EXPECT_EQ(units, (std::vector<std::string>{"ssp", "eki"}));
  EXPECT_TRUE(RunOn(maximum.AddDays(2)).removed.empty()) << "removed once";
}

TEST_F(TriggerEngineTest, EachFiringIsAudited) {
  PersonId youth = AddPerson("Otto", Day(2002, 6, 1));
  SeenTogether(Day(2018, 3, 10), {youth, member_});
  auto before = db_.store->AuditAnchor();
  ASSERT_TRUE(before.ok());
  RunOn(Day(2018, 3, 12));
  AuditQuery query;
  query.person_id = youth;
  auto entries = db_.store->QueryAudit(query);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0].record.action, "trigger");
  EXPECT_EQ((*entries)[0].record.user, "system:triggers");
  EXPECT_EQ((*entries)[0].record.resource, "person/" + std::to_string(youth) + "/measures");
}

TEST_F(TriggerEngineTest, RefusesADateInTheFuture) {
  db_.clock.Set(Noon(2018, 3, 1));
  auto run = RunTriggers(*db_.store, db_.partnership, Day(2018, 3, 2), {"system:triggers", "system"}, db_.clock);
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.error().field, "as_of");
}

}  // namespace
}  // namespace trygnet::triggers
