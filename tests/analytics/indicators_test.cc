#include "analytics/indicators.h"

#include <gtest/gtest.h>

#include "support/test_store.h"

namespace trygnet {
namespace {

using testing::Day;
using testing::Noon;
using testing::TestStore;

// A small register whose counts are worked out by hand in each test.
class IndicatorsTest : public ::testing::Test {
 protected:
  IndicatorsTest() : db_(Noon(2016, 1, 1)) {}

  PersonId AddPerson(const char* given, Date born, const char* area) {
    Person person;
    person.identity = {given, "Testesen", std::nullopt, born};
    person.residence_area_id = area;
    auto id = db_.store->AddPerson(person);
    EXPECT_TRUE(id.ok()) << id.error().ToString();
    return *id;
  }

  GroupId AddGroup(const char* name) {
    Group group;
    group.name = name;
    auto id = db_.store->AddGroup(group);
    EXPECT_TRUE(id.ok());
    return *id;
  }

  // Records a registration on `valid_from`, its validation on `validated_on`
  // and, if given, a removal on `removed_on` entered on `removal_recorded_on`.
  void Register(PersonId person_id, std::optional<GroupId> group_id, RegistrationRole role, Date valid_from,
                std::optional<Date> validated_on, std::optional<Date> removed_on = std::nullopt,
                std::optional<Date> removal_recorded_on = std::nullopt) {
    const RegistrationPolicy& policy = db_.partnership.registration_policy;
    Registration registration;
    registration.partnership_id = "norrebro-2017";
    registration.person_id = person_id;
    registration.group_id = group_id;
    registration.role = role;
    registration.criteria = {{"intelligence_report", "EAS-1", valid_from.AddDays(-20)},
                             {"seen_with_members", "EAS-2", valid_from.AddDays(-5)}};
    registration.justification = "Testgrundlag.";
    registration.registering_officer = "officer-a";
    registration.valid_from = valid_from;
    db_.clock.Set(Timestamp::StartOf(valid_from).AddSeconds(3600));
    auto stored = db_.store->AddRegistration(registration, policy);
    ASSERT_TRUE(stored.ok()) << stored.error().ToString();
    if (validated_on) {
      db_.clock.Set(Timestamp::StartOf(*validated_on).AddSeconds(3600));
      ASSERT_TRUE(ValidateBySecondOfficer(*stored, "officer-b", *validated_on).ok());
      stored = db_.store->RecordRegistrationVersion(*stored, policy, stored->version);
      ASSERT_TRUE(stored.ok()) << stored.error().ToString();
    }
    if (removed_on) {
      db_.clock.Set(Timestamp::StartOf(removal_recorded_on.value_or(*removed_on)).AddSeconds(3600));
      ASSERT_TRUE(RemoveRegistration(*stored, RemovalReason::kNoLongerActive, "", *removed_on).ok());
      stored = db_.store->RecordRegistrationVersion(*stored, policy, stored->version);
      ASSERT_TRUE(stored.ok()) << stored.error().ToString();
    }
  }

  void BuildRegister() {
    GroupId north = AddGroup("Gruppe Nordlys");
    GroupId south = AddGroup("Gruppe Sydlys");
    PersonId adult = AddPerson("Anders", Day(1990, 5, 5), "ydre-norrebro");
    PersonId late_validated = AddPerson("Bent", Day(1992, 1, 1), "ydre-norrebro");
    PersonId youth = AddPerson("Carl", Day(2001, 6, 1), "blaagaards-plads");
    PersonId at_risk = AddPerson("Dennis", Day(2000, 1, 1), "indre-norrebro");
    PersonId removed = AddPerson("Erik", Day(1991, 2, 2), "mjolnerparken");
    Register(adult, north, RegistrationRole::kMember, Day(2016, 6, 1), Day(2016, 6, 10));
    Register(adult, south, RegistrationRole::kAssociate, Day(2016, 9, 1), Day(2016, 9, 2));  // same person twice
    Register(late_validated, north, RegistrationRole::kAssociate, Day(2017, 1, 10), Day(2017, 4, 5));
    Register(youth, south, RegistrationRole::kYoungPotentialMember, Day(2017, 2, 1), Day(2017, 2, 3));
    Register(at_risk, std::nullopt, RegistrationRole::kAtRiskVictim, Day(2016, 3, 1), Day(2016, 3, 2));
    // Removed on 2017-03-01, but the removal was only entered on 2017-05-01.
    Register(removed, north, RegistrationRole::kMember, Day(2016, 2, 1), Day(2016, 2, 5), Day(2017, 3, 1),
             Day(2017, 5, 1));
    youth_ = youth;
    adult_ = adult;
  }

  // A concern conversation for `person_id`, recorded on 2017-06-01.
  void AddConcernConversation(PersonId person_id, MeasureStatus status, std::optional<Date> completed) {
    db_.clock.Set(Noon(2017, 6, 1));
    Measure measure;
    measure.partnership_id = "norrebro-2017";
    measure.person_id = person_id;
    measure.measure_type_id = "concern-conversation";
    measure.assigned_unit_id = "ssp";
    measure.due_on = Day(2017, 3, 1);
    measure.status = status;
    measure.completed_on = completed;
    measure.created_by = "ssp-worker";
    ASSERT_TRUE(db_.store->AddMeasure(measure).ok());
  }

  const IndicatorValue& Find(const std::vector<IndicatorValue>& values, const std::string& id) {
    for (const IndicatorValue& value : values) {
      if (value.definition->id == id) return value;
    }
    ADD_FAILURE() << "no indicator " << id;
    return values.front();
  }

  struct Figure {
    const char* area;
    int year;
    StatisticKind kind;
    double value;
  };

  // Imports figures as of the clock's time, as `trygnet import` would.
  void Import(const char* dataset, const std::vector<Figure>& given) {
    std::vector<AreaStatistic> figures;
    for (const Figure& figure : given) {
      figures.push_back({"norrebro-2017", figure.area, figure.year, figure.kind, figure.value});
    }
    StatisticsImport import;
    import.partnership_id = "norrebro-2017";
    import.dataset = dataset;
    import.source = "Testkilde";
    import.file_name = std::string(dataset) + ".csv";
    import.rows = static_cast<int64_t>(figures.size());
    import.imported_by = "local:tester";
    auto id = db_.store->AddStatisticsImport(import, figures);
    ASSERT_TRUE(id.ok()) << id.error().ToString();
  }

  std::vector<IndicatorValue> Compute(Date as_of, Timestamp known_at) {
    auto values = ComputeIndicators(*db_.store, db_.partnership, {as_of, known_at});
    EXPECT_TRUE(values.ok()) << values.error().ToString();
    return *values;
  }

  TestStore db_;
  PersonId youth_ = 0;
  PersonId adult_ = 0;
  const Timestamp kNow = Noon(2020, 1, 1);
};

TEST_F(IndicatorsTest, CountsDistinctValidatedGangRolesInEffect) {
  BuildRegister();
  // adult (two registrations, one person) and youth; not the late-validated, the at-risk or the removed.
  EXPECT_EQ(*CountRegisteredActiveMembers(*db_.store, "norrebro-2017", {Day(2017, 3, 31), kNow}), 2);
  // By 2017-04-30 the late validation has happened.
  EXPECT_EQ(*CountRegisteredActiveMembers(*db_.store, "norrebro-2017", {Day(2017, 4, 30), kNow}), 3);
  // Before anything took effect.
  EXPECT_EQ(*CountRegisteredActiveMembers(*db_.store, "norrebro-2017", {Day(2015, 12, 31), kNow}), 0);
}

TEST_F(IndicatorsTest, CountsOnlyThePartnershipsOwnRegister) {
  BuildRegister();
  Partnership other = db_.partnership;
  other.id = "testby-2017";
  ASSERT_TRUE(db_.store->SavePartnership(other, "# test definition").ok());
  PersonId elsewhere = AddPerson("Hugo", Day(1989, 3, 3), "");
  Registration registration;
  registration.partnership_id = other.id;
  registration.person_id = elsewhere;
  registration.group_id = AddGroup("Gruppe Testby");
  registration.criteria = {{"intelligence_report", "T-1", Day(2016, 1, 1)}, {"self_declared", "T-2", Day(2016, 1, 2)}};
  registration.justification = "Testgrundlag.";
  registration.registering_officer = "officer-a";
  registration.validating_officer = "officer-b";
  registration.validated_on = Day(2016, 1, 5);
  registration.valid_from = Day(2016, 1, 5);
  db_.clock.Set(Noon(2016, 1, 6));
  ASSERT_TRUE(db_.store->AddRegistration(registration, db_.partnership.registration_policy).ok());
  EXPECT_EQ(*CountRegisteredActiveMembers(*db_.store, "norrebro-2017", {Day(2017, 3, 31), kNow}), 2);
  EXPECT_EQ(*CountRegisteredActiveMembers(*db_.store, "testby-2017", {Day(2017, 3, 31), kNow}), 1);
}

TEST_F(IndicatorsTest, AsKnownAtIgnoresLaterRecordedCorrections) {
  BuildRegister();
  // As known at 2017-04-10 the removal (entered 2017-05-01) was not yet recorded.
  EXPECT_EQ(*CountRegisteredActiveMembers(*db_.store, "norrebro-2017", {Day(2017, 3, 31), EndOfDay(Day(2017, 4, 10))}),
            3);
  EXPECT_EQ(*CountRegisteredActiveMembers(*db_.store, "norrebro-2017", {Day(2017, 3, 31), EndOfDay(Day(2017, 5, 1))}),
            2);
  // Known before the youth's validation was recorded (2017-02-03): only adult and the later-removed.
  EXPECT_EQ(*CountRegisteredActiveMembers(*db_.store, "norrebro-2017", {Day(2017, 2, 2), EndOfDay(Day(2017, 2, 2))}),
            2);
}

TEST_F(IndicatorsTest, RegisteredUnder18UsesAgeOnTheDate) {
  BuildRegister();
  EXPECT_EQ(Find(Compute(Day(2017, 3, 31), kNow), "registered_under_18").value, 1.0);
  // The youth turns 18 on 2019-06-01.
  EXPECT_EQ(Find(Compute(Day(2019, 5, 31), kNow), "registered_under_18").value, 1.0);
  EXPECT_EQ(Find(Compute(Day(2019, 6, 1), kNow), "registered_under_18").value, 0.0);
}

TEST_F(IndicatorsTest, MeetingsHeldCountsTheCalendarYearAsKnown) {
  auto add_meeting = [&](Date held, Date recorded, const char* type) {
    db_.clock.Set(Timestamp::StartOf(recorded));
    Meeting meeting;
    meeting.partnership_id = "norrebro-2017";
    meeting.meeting_type_id = type;
    meeting.held_on = held;
    meeting.attending_unit_ids = {"sikker-by", "eas"};
    meeting.recorded_by = "coordinator";
    ASSERT_TRUE(db_.store->AddMeeting(meeting).ok());
  };
  add_meeting(Day(2016, 11, 1), Day(2016, 11, 1), "housing-forum");  // last year
  add_meeting(Day(2017, 2, 1), Day(2017, 2, 1), "housing-forum");
  add_meeting(Day(2017, 3, 1), Day(2017, 5, 1), "housing-forum");  // minutes entered late
  add_meeting(Day(2017, 3, 2), Day(2017, 3, 2), "safety-dialogue");
  auto now_values = Compute(Day(2017, 3, 31), kNow);
  EXPECT_EQ(Find(now_values, "housing_forum_meetings").value, 2.0);
  EXPECT_EQ(Find(now_values, "housing_forum_meetings").period_from, Day(2017, 1, 1));
  EXPECT_EQ(Find(now_values, "safety_dialogue_meetings").value, 1.0);
  EXPECT_EQ(Find(Compute(Day(2017, 3, 31), EndOfDay(Day(2017, 4, 10))), "housing_forum_meetings").value, 1.0);
}

TEST_F(IndicatorsTest, ConcernConversationsCountDoneMeasuresInTheArea) {
  PersonId indre = AddPerson("Frank", Day(2002, 1, 1), "blaagaards-plads");  // a focus area inside Indre Nørrebro
  PersonId ydre = AddPerson("Gorm", Day(2002, 1, 1), "mjolnerparken");
  AddConcernConversation(indre, MeasureStatus::kDone, Day(2017, 2, 20));
  AddConcernConversation(indre, MeasureStatus::kDone, Day(2016, 12, 20));     // last year
  AddConcernConversation(indre, MeasureStatus::kDeclined, Day(2017, 2, 21));  // not held
  AddConcernConversation(indre, MeasureStatus::kPlanned, std::nullopt);
  AddConcernConversation(ydre, MeasureStatus::kDone, Day(2017, 2, 22));  // other district
  const IndicatorValue& value = Find(Compute(Day(2017, 12, 31), kNow), "concern_conversations_held");
  EXPECT_EQ(value.value, 1.0);
  ASSERT_TRUE(value.definition->baseline.has_value());
  EXPECT_EQ(value.definition->baseline->value, 65.0);
  // Recorded on 2017-06-01: not known on 2017-05-31.
  EXPECT_EQ(Find(Compute(Day(2017, 12, 31), EndOfDay(Day(2017, 5, 31))), "concern_conversations_held").value, 0.0);
}

TEST_F(IndicatorsTest, AMeasureReportedDoneLaterLeavesEarlierCountsAsTheyWere) {
  PersonId youth = AddPerson("Hans", Day(2002, 1, 1), "blaagaards-plads");
  AddConcernConversation(youth, MeasureStatus::kPlanned, std::nullopt);  // recorded 2017-06-01
  auto measures = db_.store->MeasuresForPerson(youth);
  ASSERT_TRUE(measures.ok());
  MeasureId id = measures->front().id;
  db_.clock.Set(Noon(2017, 8, 1));
  ASSERT_TRUE(db_.store->ChangeMeasureStatus(id, MeasureStatus::kPlanned, MeasureStatus::kInProgress, Day(2017, 7, 1),
                                             "", "", "ssp-worker")
                  .ok());
  db_.clock.Set(Noon(2017, 9, 1));
  ASSERT_TRUE(db_.store->ChangeMeasureStatus(id, MeasureStatus::kInProgress, MeasureStatus::kDone, Day(2017, 7, 30),
                                             "Samtale holdt.", "", "ssp-worker")
                  .ok());
  auto count = [&](Timestamp known_at) {
    return *Find(Compute(Day(2017, 12, 31), known_at), "concern_conversations_held").value;
  };
  EXPECT_EQ(count(Noon(2017, 8, 15)), 0.0) << "on 15 August it was still in progress";
  EXPECT_EQ(count(kNow), 1.0);
  auto history = db_.store->MeasureStatusHistory(id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ(history->at(0).status, MeasureStatus::kPlanned);
  EXPECT_EQ(history->at(2).status, MeasureStatus::kDone);
  EXPECT_EQ(history->at(2).completed_on, Day(2017, 7, 30));
  EXPECT_EQ(history->at(2).changed_by, "ssp-worker");
  EXPECT_EQ(history->at(2).recorded_at, Noon(2017, 9, 1));
}

TEST_F(IndicatorsTest, TheInTimeShareCountsConversationsDoneByTheirDeadline) {
  PersonId first = AddPerson("Ida", Day(2002, 1, 1), "blaagaards-plads");
  PersonId second = AddPerson("Jens", Day(2003, 1, 1), "mjolnerparken");
  // Each is due on 2017-03-01 and recorded on 2017-06-01.
  AddConcernConversation(first, MeasureStatus::kDone, Day(2017, 2, 20));   // in time
  AddConcernConversation(first, MeasureStatus::kDone, Day(2017, 3, 1));    // on the day: in time
  AddConcernConversation(second, MeasureStatus::kDone, Day(2017, 3, 5));   // late
  AddConcernConversation(second, MeasureStatus::kDeclined, Day(2017, 2, 1));
  AddConcernConversation(second, MeasureStatus::kPlanned, std::nullopt);
  const IndicatorValue& share = Find(Compute(Day(2017, 12, 31), kNow), "concern_conversations_in_time");
  ASSERT_TRUE(share.value.has_value()) << share.explanation;
  EXPECT_DOUBLE_EQ(*share.value, 40.0);  // 2 of 5
  EXPECT_NE(share.explanation.find("2 of 5"), std::string::npos) << share.explanation;
  EXPECT_FALSE(Find(Compute(Day(2017, 2, 28), kNow), "concern_conversations_in_time").value.has_value())
      << "none was due yet";
  EXPECT_FALSE(Find(Compute(Day(2017, 12, 31), Noon(2017, 5, 1)), "concern_conversations_in_time").value.has_value())
      << "none was known on 1 May";
}

TEST_F(IndicatorsTest, AreasCountEveryLevelBelowThem) {
  Area corner;
  corner.id = "blaagaards-plads-nord";
  corner.name = "Blågårds Plads, nordlige del";
  corner.kind = AreaKind::kOther;
  corner.parent_id = "blaagaards-plads";  // below a focus area, itself below Indre Nørrebro
  corner.outline = {{12.558, 55.686}, {12.559, 55.686}, {12.559, 55.687}};
  db_.partnership.areas.push_back(corner);
  ASSERT_TRUE(db_.store->SavePartnership(db_.partnership, "# test definition").ok());
  PersonId resident = AddPerson("Ib", Day(2003, 3, 3), "blaagaards-plads-nord");
  AddConcernConversation(resident, MeasureStatus::kDone, Day(2017, 2, 20));
  EXPECT_EQ(Find(Compute(Day(2017, 12, 31), kNow), "concern_conversations_held").value, 1.0);
}

TEST_F(IndicatorsTest, ImportedIndicatorsHaveNoValueUntilBothFiguresAreImported) {
  const IndicatorValue& value = Find(Compute(Day(2017, 3, 31), kNow), "citizen_crime_indre");
  EXPECT_FALSE(value.value.has_value());
  EXPECT_EQ(value.definition->baseline->value, 58.2);
  db_.clock.Set(Noon(2018, 2, 1));
  Import("police-reports", {{"indre-norrebro", 2017, StatisticKind::kCitizenCrimeReports, 2240}});
  const IndicatorValue& half = Find(Compute(Day(2017, 3, 31), kNow), "citizen_crime_indre");
  EXPECT_FALSE(half.value.has_value());
  EXPECT_NE(half.explanation.find("no population imported"), std::string::npos) << half.explanation;
}

TEST_F(IndicatorsTest, CrimePerThousandAndInsecureShareDivideTheYearsImportedFigures) {
  db_.clock.Set(Noon(2017, 2, 1));
  Import("population", {{"ydre-norrebro", 2016, StatisticKind::kPopulation, 50000},
                        {"indre-norrebro", 2016, StatisticKind::kPopulation, 40000}});
  Import("police-reports", {{"ydre-norrebro", 2016, StatisticKind::kCitizenCrimeReports, 2025},
                            {"indre-norrebro", 2016, StatisticKind::kCitizenCrimeReports, 2328}});
  Import("survey", {{"ydre-norrebro", 2016, StatisticKind::kSurveyRespondents, 600},
                    {"ydre-norrebro", 2016, StatisticKind::kSurveyInsecure, 48}});
  std::vector<IndicatorValue> values = Compute(Day(2016, 12, 31), kNow);
  EXPECT_DOUBLE_EQ(*Find(values, "citizen_crime_ydre").value, 40.5);  // 2,025 / 50,000 × 1,000
  EXPECT_DOUBLE_EQ(*Find(values, "citizen_crime_indre").value, 58.2);  // 2,328 / 40,000 × 1,000
  EXPECT_DOUBLE_EQ(*Find(values, "insecure_share_ydre").value, 8.0);   // 48 / 600 × 100
  EXPECT_FALSE(Find(values, "insecure_share_indre").value.has_value());
  EXPECT_EQ(Find(values, "citizen_crime_ydre").period_from, Day(2016, 1, 1));
  EXPECT_EQ(Find(values, "citizen_crime_ydre").period_to, Day(2016, 12, 31));
  // Another year has its own figures: none yet.
  EXPECT_FALSE(Find(Compute(Day(2017, 6, 30), kNow), "citizen_crime_ydre").value.has_value());
}

TEST_F(IndicatorsTest, AnImportedCorrectionHoldsFromWhenItWasImported) {
  db_.clock.Set(Noon(2017, 2, 1));
  Import("population", {{"ydre-norrebro", 2016, StatisticKind::kPopulation, 50000}});
  Import("police-reports", {{"ydre-norrebro", 2016, StatisticKind::kCitizenCrimeReports, 1900}});
  db_.clock.Set(Noon(2017, 4, 15));
  Import("police-reports", {{"ydre-norrebro", 2016, StatisticKind::kCitizenCrimeReports, 2025}});
  EXPECT_DOUBLE_EQ(*Find(Compute(Day(2016, 12, 31), Noon(2017, 3, 1)), "citizen_crime_ydre").value, 38.0);
  EXPECT_DOUBLE_EQ(*Find(Compute(Day(2016, 12, 31), kNow), "citizen_crime_ydre").value, 40.5);
  EXPECT_FALSE(Find(Compute(Day(2016, 12, 31), Noon(2017, 1, 1)), "citizen_crime_ydre").value.has_value())
      << "nothing was known before the first import";
}

TEST_F(IndicatorsTest, EveryListedComputationIsImplemented) {
  Partnership partnership = db_.partnership;
  partnership.indicators.clear();
  for (std::string_view computation : kIndicatorComputations) {
    IndicatorDefinition definition;
    definition.id = std::string(computation) + "_check";
    definition.name = definition.name_en = "check";
    definition.computation = std::string(computation);
    definition.meeting_type_id = "housing-forum";
    definition.measure_type_id = "concern-conversation";
    definition.area_id = "ydre-norrebro";
    ASSERT_TRUE(ValidateIndicatorDefinition(definition).ok());
    partnership.indicators.push_back(definition);
  }
  auto values = ComputeIndicators(*db_.store, partnership, {Day(2017, 3, 31), kNow});
  ASSERT_TRUE(values.ok()) << values.error().ToString();
  EXPECT_EQ(values->size(), std::size(kIndicatorComputations));
}

}  // namespace
}  // namespace trygnet
