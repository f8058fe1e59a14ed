// The partnership's work: cases, assessments, measures, incidents, meetings
// and disclosures (src/store/sqlite/sqlite_store_work.cc).
#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"
#include "store/store_fixture.h"

namespace trygnet {
namespace {

using testing::D;
using testing::IsError;
using testing::IsOk;
using testing::StoreTest;
using testing::T;

class WorkTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    LoadNorrebro();
    // Ali is 15 in 2017 and lives in Mjølnerparken (Ydre Nørrebro); Emma lives on Blågårds Plads (Indre Nørrebro).
    ali_ = AddPerson(MakePerson("Ali", "Testesen", "120302-4011", "mjolnerparken"));
    emma_ = AddPerson(MakePerson("Emma", "Prøvesen", "050501-4022", "blaagaards-plads"));
    adult_ = AddPerson(MakePerson("Mikkel", "Eksempel", "010190-1238"));
  }

  static Measure ConcernConversation(PersonId person_id, MeasureStatus status, std::optional<Date> completed_on) {
    Measure measure;
    measure.person_id = person_id;
    measure.partnership_id = "norrebro-2017";
    measure.measure_type_id = "concern-conversation";
    measure.assigned_unit_id = "ssp";
    measure.due_on = D("2017-05-15");
    measure.status = status;
    measure.completed_on = completed_on;
    measure.created_by = "ssp-caseworker";
    return measure;
  }

  static Meeting HousingForum(Date held_on) {
    Meeting meeting;
    meeting.partnership_id = "norrebro-2017";
    meeting.meeting_type_id = "housing-forum";
    meeting.held_on = held_on;
    meeting.attending_unit_ids = {"sikker-by", "ssp", "eas", "boligsocial"};
    meeting.minutes = "Gensidig orientering uden personoplysninger.";
    meeting.recorded_by = "sikker-by-sekretariat";
    return meeting;
  }

  int64_t CountConcern(const std::string& area, Timestamp known_at) {
    auto count = store_->CountMeasuresDone("norrebro-2017", "concern-conversation", D("2017-01-01"), D("2017-12-31"),
                                           known_at, area);
    EXPECT_TRUE(IsOk(count));
    return count.ok() ? *count : -1;
  }

  PersonId ali_ = 0;
  PersonId emma_ = 0;
  PersonId adult_ = 0;
};

// ------------------------------------------------------------------ measures

TEST_F(WorkTest, StoresAndReadsMeasures) {
  auto id = store_->AddMeasure(ConcernConversation(ali_, MeasureStatus::kDone, D("2017-05-10")));
  ASSERT_TRUE(IsOk(id));
  auto measures = store_->MeasuresForPerson(ali_);
  ASSERT_TRUE(IsOk(measures));
  ASSERT_EQ(measures->size(), 1u);
  EXPECT_EQ((*measures)[0].id, *id);
  EXPECT_EQ((*measures)[0].status, MeasureStatus::kDone);
  EXPECT_EQ((*measures)[0].completed_on, D("2017-05-10"));
  EXPECT_EQ((*measures)[0].assigned_unit_id, "ssp");
  EXPECT_EQ((*measures)[0].recorded_at, clock_.Now());
}

TEST_F(WorkTest, RejectsInvalidMeasures) {
  EXPECT_TRUE(IsError(store_->AddMeasure(ConcernConversation(ali_, MeasureStatus::kDone, std::nullopt)),
                      ErrorCode::kInvalidArgument, "completed_on"));
  Measure unknown_unit = ConcernConversation(ali_, MeasureStatus::kPlanned, std::nullopt);
  unknown_unit.assigned_unit_id = "skattestyrelsen";
  EXPECT_TRUE(IsError(store_->AddMeasure(unknown_unit), ErrorCode::kInvalidArgument, "measure"));
  EXPECT_TRUE(IsError(store_->AddMeasure(ConcernConversation(999, MeasureStatus::kPlanned, std::nullopt)),
                      ErrorCode::kInvalidArgument, "measure"));
  EXPECT_TRUE(store_->MeasuresForPerson(ali_)->empty());
}

TEST_F(WorkTest, CountsDoneMeasuresAsKnownAtAndByArea) {
  clock_.Set(T("2017-05-10T12:00:00Z"));
  ASSERT_TRUE(IsOk(store_->AddMeasure(ConcernConversation(ali_, MeasureStatus::kDone, D("2017-05-10")))));
  clock_.Set(T("2017-06-20T12:00:00Z"));
  ASSERT_TRUE(IsOk(store_->AddMeasure(ConcernConversation(emma_, MeasureStatus::kDone, D("2017-06-19")))));
  ASSERT_TRUE(IsOk(store_->AddMeasure(ConcernConversation(emma_, MeasureStatus::kPlanned, std::nullopt))));
  ASSERT_TRUE(IsOk(store_->AddMeasure(ConcernConversation(adult_, MeasureStatus::kDeclined, D("2017-06-19")))));

  EXPECT_EQ(CountConcern("", clock_.Now()), 2);
  EXPECT_EQ(CountConcern("", T("2017-06-01T00:00:00Z")), 1);  // Emma's was not yet recorded
  EXPECT_EQ(CountConcern("", T("2017-05-10T11:59:59Z")), 0);
  // Areas count persons living in them or in their sub-areas.
  EXPECT_EQ(CountConcern("ydre-norrebro", clock_.Now()), 1);
  EXPECT_EQ(CountConcern("indre-norrebro", clock_.Now()), 1);
  EXPECT_EQ(CountConcern("mjolnerparken", clock_.Now()), 1);
  EXPECT_EQ(CountConcern("lundtoftegade", clock_.Now()), 0);
  // Outside the period, or another type: nothing.
  auto in_2018 = store_->CountMeasuresDone("norrebro-2017", "concern-conversation", D("2018-01-01"), D("2018-12-31"),
                                           clock_.Now(), "");
  ASSERT_TRUE(IsOk(in_2018));
  EXPECT_EQ(*in_2018, 0);
  auto other_type =
      store_->CountMeasuresDone("norrebro-2017", "home-visit", D("2017-01-01"), D("2017-12-31"), clock_.Now(), "");
  ASSERT_TRUE(IsOk(other_type));
  EXPECT_EQ(*other_type, 0);
}

// ------------------------------------------------------------------ meetings

TEST_F(WorkTest, CountsMeetingsAsKnownAt) {
  clock_.Set(T("2017-03-15T12:00:00Z"));
  ASSERT_TRUE(IsOk(store_->AddMeeting(HousingForum(D("2017-03-14")))));
  clock_.Set(T("2017-10-02T12:00:00Z"));
  ASSERT_TRUE(IsOk(store_->AddMeeting(HousingForum(D("2017-09-28")))));
  ASSERT_TRUE(IsOk(store_->AddMeeting(HousingForum(D("2016-11-01")))));  // recorded late, previous year
  Meeting steering = HousingForum(D("2017-05-01"));
  steering.meeting_type_id = "operative-steering-group";
  ASSERT_TRUE(IsOk(store_->AddMeeting(steering)));

  auto count = [&](Date from, Date to, Timestamp known_at) {
    auto counted = store_->CountMeetings("norrebro-2017", "housing-forum", from, to, known_at);
    EXPECT_TRUE(IsOk(counted));
    return counted.ok() ? *counted : -1;
  };
  EXPECT_EQ(count(D("2017-01-01"), D("2017-12-31"), clock_.Now()), 2);
  EXPECT_EQ(count(D("2017-01-01"), D("2017-12-31"), T("2017-09-30T00:00:00Z")), 1);
  EXPECT_EQ(count(D("2017-01-01"), D("2017-12-31"), T("2017-03-15T11:59:59Z")), 0);
  EXPECT_EQ(count(D("2016-01-01"), D("2016-12-31"), clock_.Now()), 1);
  EXPECT_EQ(count(D("2017-03-14"), D("2017-03-14"), clock_.Now()), 1);  // both ends inclusive
  auto steering_count = store_->CountMeetings("norrebro-2017", "operative-steering-group", D("2017-01-01"),
                                              D("2017-12-31"), clock_.Now());
  ASSERT_TRUE(IsOk(steering_count));
  EXPECT_EQ(*steering_count, 1);
}

TEST_F(WorkTest, RejectsInvalidMeetings) {
  Meeting no_units = HousingForum(D("2017-03-14"));
  no_units.attending_unit_ids.clear();
  EXPECT_TRUE(IsError(store_->AddMeeting(no_units), ErrorCode::kInvalidArgument, "attending_unit_ids"));
  Meeting other_partnership = HousingForum(D("2017-03-14"));
  other_partnership.partnership_id = "amager-2019";
  EXPECT_TRUE(IsError(store_->AddMeeting(other_partnership), ErrorCode::kInvalidArgument, "meeting"));
  auto counted =
      store_->CountMeetings("norrebro-2017", "housing-forum", D("2017-01-01"), D("2017-12-31"), clock_.Now());
  ASSERT_TRUE(IsOk(counted));
  EXPECT_EQ(*counted, 0);
}

// ------------------------------------------------------------------ cases and assessments

CaseFile ConcernCase(PersonId person_id, CaseTrack track) {
  CaseFile case_file;
  case_file.person_id = person_id;
  case_file.partnership_id = "norrebro-2017";
  case_file.track = track;
  case_file.level = 1;
  case_file.owning_unit_id = "ssp";
  case_file.flags.first_contact = true;
  case_file.opened_on = D("2017-05-01");
  case_file.opened_by = "ssp-caseworker";
  return case_file;
}

TEST_F(WorkTest, StoresCasesCheckingTheTrackAgainstAge) {
  auto id = store_->AddCase(ConcernCase(ali_, CaseTrack::kUnder18Ssp));
  ASSERT_TRUE(IsOk(id));
  auto cases = store_->CasesForPerson(ali_);
  ASSERT_TRUE(IsOk(cases));
  ASSERT_EQ(cases->size(), 1u);
  EXPECT_EQ((*cases)[0].id, *id);
  EXPECT_EQ((*cases)[0].track, CaseTrack::kUnder18Ssp);
  EXPECT_TRUE((*cases)[0].flags.first_contact);
  EXPECT_FALSE((*cases)[0].flags.leading_member);
  EXPECT_EQ((*cases)[0].opened_on, D("2017-05-01"));

  EXPECT_TRUE(
      IsError(store_->AddCase(ConcernCase(adult_, CaseTrack::kUnder18Ssp)), ErrorCode::kInvalidArgument, "track"));
  EXPECT_TRUE(
      IsError(store_->AddCase(ConcernCase(ali_, CaseTrack::kOver18SspPlus)), ErrorCode::kInvalidArgument, "track"));
  EXPECT_TRUE(IsError(store_->AddCase(ConcernCase(999, CaseTrack::kExit)), ErrorCode::kNotFound));
}

TEST_F(WorkTest, ClosesACaseOnceWithADateAndAReason) {
  CaseId id = *store_->AddCase(ConcernCase(ali_, CaseTrack::kUnder18Ssp));
  EXPECT_TRUE(IsError(store_->CloseCase(id, D("2017-04-30"), "Afsluttet"), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(IsError(store_->CloseCase(id, D("2017-09-01"), ""), ErrorCode::kInvalidArgument));
  EXPECT_FALSE(store_->GetCase(id)->closed_on.has_value()) << "a refused close changes nothing";
  ASSERT_TRUE(IsOk(store_->CloseCase(id, D("2017-09-01"), "Forløbet er afsluttet")));
  auto closed = store_->GetCase(id);
  EXPECT_EQ(closed->closed_on, D("2017-09-01"));
  EXPECT_EQ(closed->close_reason, "Forløbet er afsluttet");
  EXPECT_TRUE(IsError(store_->CloseCase(id, D("2017-10-01"), "Igen"), ErrorCode::kFailedPrecondition));
  EXPECT_TRUE(IsError(store_->GetCase(999), ErrorCode::kNotFound, "case_id"));
}

TEST_F(WorkTest, StoresAJointAssessment) {
  auto case_id = store_->AddCase(ConcernCase(ali_, CaseTrack::kUnder18Ssp));
  ASSERT_TRUE(IsOk(case_id));
  Assessment assessment;
  assessment.case_id = *case_id;
  assessment.assessed_on = D("2017-05-10");
  assessment.participant_unit_ids = {"ssp", "dks"};
  assessment.risk_factors = {"Ses med ældre medlemmer af Gruppe Nordlys"};
  assessment.recorded_by = "ssp-caseworker";
  EXPECT_TRUE(IsOk(store_->AddAssessment(assessment)));
  // The same version twice clashes; an unknown case is refused.
  EXPECT_TRUE(IsError(store_->AddAssessment(assessment), ErrorCode::kConflict));
  assessment.version = 2;
  assessment.case_id = 999;
  EXPECT_TRUE(IsError(store_->AddAssessment(assessment), ErrorCode::kInvalidArgument, "assessment"));
  assessment.participant_unit_ids = {"ssp"};
  EXPECT_TRUE(IsError(store_->AddAssessment(assessment), ErrorCode::kInvalidArgument, "participant_unit_ids"));
}

// ------------------------------------------------------------------ incidents and disclosures

TEST_F(WorkTest, StoresIncidents) {
  Incident incident;
  incident.partnership_id = "norrebro-2017";
  incident.kind = IncidentKind::kViolentConflict;
  incident.occurred_at = T("2017-05-20T22:00:00Z");
  incident.area_id = "den-roede-plads";
  incident.place = "Den Røde Plads, ved scenen";
  incident.person_ids = {ali_};
  incident.responses = {{T("2017-05-20T22:06:00Z"), ResponseRole::kPolice, "lokalpoliti", ""}};
  incident.recorded_by = "lokalpoliti-vagt";
  EXPECT_TRUE(IsOk(store_->AddIncident(incident)));
  incident.area_id = "vesterbro";
  EXPECT_TRUE(IsError(store_->AddIncident(incident), ErrorCode::kInvalidArgument, "incident"));
  incident.area_id = "";
  incident.responses[0].at = T("2017-05-20T21:00:00Z");
  EXPECT_TRUE(IsError(store_->AddIncident(incident), ErrorCode::kInvalidArgument, "responses[0].at"));
}

TEST_F(WorkTest, StoresDisclosures) {
  Disclosure disclosure;
  disclosure.partnership_id = "norrebro-2017";
  disclosure.from_unit_id = "eas";
  disclosure.to_unit_id = "ssp";
  disclosure.person_id = ali_;
  disclosure.data_categories = {"registration", "observation"};
  disclosure.legal_basis_id = "rpl-115";
  disclosure.purpose = "crime_prevention";
  disclosure.disclosed_by = "eas-analyst";
  disclosure.disclosed_at = T("2017-05-02T09:00:00Z");
  auto id = store_->AddDisclosure(disclosure);
  ASSERT_TRUE(IsOk(id));

  auto read = store_->DisclosuresForPerson(ali_);
  ASSERT_TRUE(IsOk(read));
  ASSERT_EQ(read->size(), 1u);
  EXPECT_EQ((*read)[0].id, *id);
  EXPECT_EQ((*read)[0].to_unit_id, "ssp");
  EXPECT_EQ((*read)[0].data_categories, disclosure.data_categories);
  EXPECT_EQ((*read)[0].legal_basis_id, "rpl-115");
  EXPECT_EQ((*read)[0].disclosed_at, T("2017-05-02T09:00:00Z"));
  EXPECT_TRUE(store_->DisclosuresForPerson(emma_)->empty());

  disclosure.to_unit_id = "boligforening";
  EXPECT_TRUE(IsError(store_->AddDisclosure(disclosure), ErrorCode::kInvalidArgument, "disclosure"));
  disclosure.to_unit_id = "eas";
  EXPECT_TRUE(IsError(store_->AddDisclosure(disclosure), ErrorCode::kInvalidArgument, "to_unit_id"));
}

}  // namespace
}  // namespace trygnet
