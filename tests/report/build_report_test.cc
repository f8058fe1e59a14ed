#include "report/build_report.h"

#include <gtest/gtest.h>

#include "support/test_store.h"

namespace trygnet::report {
namespace {

using testing::Day;
using testing::Noon;
using testing::TestStore;

const ReportPeriod kPeriod{Day(2017, 8, 1), Day(2018, 6, 30)};

const Table& TableOf(const Report& report, const std::string& id) {
  const Table* table = report.FindTable(id);
  EXPECT_NE(table, nullptr) << "no table " << id;
  static const Table kEmpty;
  return table ? *table : kEmpty;
}

// The row whose first cell reads `label`.
const std::vector<Cell>& RowOf(const Table& table, const std::string& label) {
  for (const auto& row : table.rows) {
    if (!row.empty() && row[0].text == label) return row;
  }
  ADD_FAILURE() << "no row \"" << label << "\" in " << table.id;
  static const std::vector<Cell> kEmpty(10);
  return kEmpty;
}

bool HasSection(const Report& report, const std::string& id) {
  for (const Section& section : report.sections) {
    if (section.id == id) return true;
  }
  return false;
}

// A small partnership year whose figures are worked out by hand in each test.
class BuildReportTest : public ::testing::Test {
 protected:
  BuildReportTest() : db_(Noon(2016, 1, 1)) {}

  Result<Report> Build(Timestamp known_at, Edition edition = Edition::kInternal,
                       Language language = Language::kDanish) {
    return BuildReport(*db_.store, db_.partnership, {kPeriod, known_at, language, edition});
  }

  PersonId AddPerson(const char* given, Date born) {
    Person person;
    person.identity = {given, "Prøvesen", std::nullopt, born};
    person.residence_area_id = "ydre-norrebro";
    auto id = db_.store->AddPerson(person);
    EXPECT_TRUE(id.ok()) << id.error().ToString();
    return *id;
  }

  void Register(PersonId person_id, RegistrationRole role, Date valid_from, std::optional<Date> validated_on,
                std::optional<Date> removed_on = std::nullopt) {
    const RegistrationPolicy& policy = db_.partnership.registration_policy;
    if (!group_) {
      Group group;
      group.name = "Gruppe Morgenrøde";
      auto id = db_.store->AddGroup(group);
      ASSERT_TRUE(id.ok());
      group_ = *id;
    }
    Registration registration;
    registration.partnership_id = "norrebro-2017";
    registration.person_id = person_id;
    if (IsGangRole(role)) registration.group_id = group_;
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
      db_.clock.Set(Timestamp::StartOf(*removed_on).AddSeconds(3600));
      ASSERT_TRUE(RemoveRegistration(*stored, RemovalReason::kNoLongerActive, "", *removed_on).ok());
      stored = db_.store->RecordRegistrationVersion(*stored, policy, stored->version);
      ASSERT_TRUE(stored.ok()) << stored.error().ToString();
    }
  }

  // Five registrations; at 2018-06-30 four are in effect:
  //  A member, 25+, validated before the period, review due 2018-05-27 (overdue);
  //  B associate, 18–24, validated after 4 days;  C young potential member,
  //  under 15, after 20 days;  D member removed 2018-02-01 (no longer active),
  //  validated after 1 day;  E member, 18–24, not validated.
  void BuildRegister() {
    Register(AddPerson("Anton", Day(1990, 5, 5)), RegistrationRole::kMember, Day(2017, 6, 1), Day(2017, 6, 11));
    Register(AddPerson("Bo", Day(1995, 3, 3)), RegistrationRole::kAssociate, Day(2017, 9, 1), Day(2017, 9, 5));
    Register(AddPerson("Cem", Day(2004, 1, 1)), RegistrationRole::kYoungPotentialMember, Day(2017, 10, 1),
             Day(2017, 10, 21));
    Register(AddPerson("Dan", Day(1993, 4, 4)), RegistrationRole::kMember, Day(2017, 11, 1), Day(2017, 11, 2),
             Day(2018, 2, 1));
    Register(AddPerson("Emil", Day(1999, 9, 9)), RegistrationRole::kMember, Day(2018, 5, 1), std::nullopt);
  }

  void ImportCrime(Timestamp at, int year, double reports, double population) {
    db_.clock.Set(at);
    StatisticsImport import{0, "norrebro-2017", "police-reports", "Rigspolitiet", "test.csv", 2, "tester", at};
    auto id = db_.store->AddStatisticsImport(
        import, {{"norrebro-2017", "ydre-norrebro", year, StatisticKind::kPopulation, population},
                 {"norrebro-2017", "ydre-norrebro", year, StatisticKind::kCitizenCrimeReports, reports}});
    ASSERT_TRUE(id.ok()) << id.error().ToString();
  }

  void AddMeeting(const char* type, Date held_on) {
    db_.clock.Set(Timestamp::StartOf(held_on).AddSeconds(3600 * 20));
    Meeting meeting;
    meeting.partnership_id = "norrebro-2017";
    meeting.meeting_type_id = type;
    meeting.held_on = held_on;
    meeting.attending_unit_ids = {"sikker-by", "ssp"};
    meeting.recorded_by = "sikkerby-coordinator";
    auto id = db_.store->AddMeeting(meeting);
    ASSERT_TRUE(id.ok()) << id.error().ToString();
  }

  Status AddNarrative(Timestamp at, int version, const std::string& text, bool external) {
    db_.clock.Set(at);
    ReportNarrative narrative;
    narrative.partnership_id = "norrebro-2017";
    narrative.period = kPeriod;
    narrative.topic = "police-assessment";
    narrative.version = version;
    narrative.title = "Politiets vurdering";
    narrative.text = text;
    narrative.external = external;
    narrative.unit_id = "eas";
    narrative.recorded_by = "eas-analyst";
    auto stored = db_.store->AddReportNarrative(narrative);
    if (!stored.ok()) return stored.error();
    return OkStatus();
  }

  TestStore db_;
  std::optional<GroupId> group_;
};

TEST_F(BuildReportTest, RegisterHealthMatchesTheHandCount) {
  BuildRegister();
  auto report = Build(Noon(2026, 1, 1));
  ASSERT_TRUE(report.ok()) << report.error().ToString();

  const Table& by_age = TableOf(*report, "register-age-role");
  // Columns: age, member, associate, young potential member, at risk, total.
  EXPECT_EQ(RowOf(by_age, "Under 15 år")[3].value, 1);
  EXPECT_EQ(RowOf(by_age, "18–24 år")[1].value, 1);  // E
  EXPECT_EQ(RowOf(by_age, "18–24 år")[2].value, 1);  // B
  EXPECT_EQ(RowOf(by_age, "25 år og derover")[1].value, 1);  // A
  EXPECT_EQ(RowOf(by_age, "I alt")[5].value, 4);

  const Table& health = TableOf(*report, "register-health");
  EXPECT_EQ(RowOf(health, "Registreringer i kraft")[1].value, 4);
  EXPECT_EQ(RowOf(health, "Heraf med overskredet revisionsdato (%)")[1].text, "25,0");
  EXPECT_EQ(RowOf(health, "Heraf ikke valideret af anden betjent")[1].value, 1);
  EXPECT_EQ(RowOf(health, "Valideret i perioden")[1].value, 3);
  EXPECT_EQ(RowOf(health, "Dage fra ikrafttræden til validering, median")[1].value, 4);
  EXPECT_EQ(RowOf(health, "Dage fra ikrafttræden til validering, længste")[1].value, 20);

  const Table& removals = TableOf(*report, "register-removals");
  EXPECT_EQ(RowOf(removals, "Ikke længere aktiv")[1].value, 1);
  EXPECT_EQ(RowOf(removals, "Udløbet (maksimal varighed)")[1].value, 0);
}

TEST_F(BuildReportTest, StocksPerQuarterCountOnlyTheValidated) {
  BuildRegister();
  auto report = Build(Noon(2026, 1, 1));
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  const Table& trend = TableOf(*report, "trend-stock");
  // Column 1: registered and active (validated gang roles in effect).
  EXPECT_EQ(RowOf(trend, "2017-08-01")[1].value, 1);  // A
  EXPECT_EQ(RowOf(trend, "2017-12-31")[1].value, 4);  // A, B, C, D
  EXPECT_EQ(RowOf(trend, "2018-06-30")[1].value, 3);  // D removed, E not validated
  // Column 2: of those, under 18: C.
  EXPECT_EQ(RowOf(trend, "2018-06-30")[2].value, 1);
}

TEST_F(BuildReportTest, ExternalEditionSuppressesSmallCountsAndHasNoRegisterSection) {
  BuildRegister();
  auto report = Build(Noon(2026, 1, 1), Edition::kExternal);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_FALSE(HasSection(*report, "register"));
  const Table& trend = TableOf(*report, "trend-stock");
  const Cell& three = RowOf(trend, "2018-06-30")[1];
  EXPECT_EQ(three.text, "<5");
  EXPECT_FALSE(three.value.has_value());  // not in the XLSX either
  const Table& kinds = TableOf(*report, "incident-kinds");
  EXPECT_EQ(kinds.rows[0][1].text, "0");  // zero is not suppressed
}

TEST_F(BuildReportTest, SameKnownAtGivesTheSameFiguresAfterACorrection) {
  ImportCrime(Noon(2018, 2, 1), 2017, 50, 1000);
  const Timestamp report_date = Noon(2018, 8, 15);
  auto before = Build(report_date);
  ASSERT_TRUE(before.ok()) << before.error().ToString();
  ImportCrime(Noon(2018, 9, 1), 2017, 60, 1000);  // the correction comes after the report

  auto again = Build(report_date);
  ASSERT_TRUE(again.ok());
  auto now = Build(Noon(2026, 1, 1));
  ASSERT_TRUE(now.ok());
  const Table& area_before = TableOf(*before, "area-ydre-norrebro");
  const Table& area_again = TableOf(*again, "area-ydre-norrebro");
  EXPECT_EQ(RowOf(area_before, "2017")[1].text, "50,0");
  ASSERT_EQ(area_before.rows.size(), area_again.rows.size());
  for (size_t row = 0; row < area_before.rows.size(); ++row) {
    for (size_t column = 0; column < area_before.rows[row].size(); ++column) {
      EXPECT_EQ(area_before.rows[row][column].text, area_again.rows[row][column].text);
    }
  }
  EXPECT_EQ(RowOf(TableOf(*now, "area-ydre-norrebro"), "2017")[1].text, "60,0");
  EXPECT_EQ(before->created_at, again->created_at);
}

TEST_F(BuildReportTest, IndicatorTableSetsFiguresAgainstBaselines) {
  ImportCrime(Noon(2017, 2, 1), 2016, 810, 20000);  // 40.5 per 1,000: the baseline itself
  ImportCrime(Noon(2018, 2, 1), 2017, 780, 20000);  // 39.0
  auto report = Build(Noon(2026, 1, 1));
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  const auto& row = RowOf(TableOf(*report, "indicators"),
                          "Borgervendt kriminalitet pr. 1.000 indbyggere, Ydre Nørrebro");
  EXPECT_EQ(row[1].text, "40,5");  // baseline
  EXPECT_EQ(row[3].text, "39,0");  // newest year with data in the period
  EXPECT_EQ(row[4].text, "2017");
  EXPECT_EQ(row[5].text, "−1,5");
  const Table& area = TableOf(*report, "area-ydre-norrebro");
  EXPECT_EQ(RowOf(area, "2016")[1].value, 40.5);
  EXPECT_EQ(RowOf(area, "Baseline")[1].value, 40.5);
  EXPECT_EQ(RowOf(area, "2018 (til 2018-06-30)")[1].text, "–");  // not imported yet
}

TEST_F(BuildReportTest, MeetingsAreCountedAgainstTheirCadence) {
  AddMeeting("operative-steering-group", Day(2017, 9, 1));
  AddMeeting("operative-steering-group", Day(2017, 12, 1));
  AddMeeting("operative-steering-group", Day(2018, 3, 1));
  AddMeeting("housing-forum", Day(2017, 10, 1));
  AddMeeting("operative-steering-group", Day(2018, 7, 1));  // after the period
  auto report = Build(Noon(2026, 1, 1));
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  const auto& operative = RowOf(TableOf(*report, "meetings"), "Operativ styregruppe");
  EXPECT_EQ(operative[2].value, 3);
  EXPECT_EQ(operative[3].text, "3,7");  // 4 a year × 334 / 365.25 days
  // The housing forum's activity goal: 2–3 a year, 1 held against 1.8 expected.
  bool found = false;
  for (const auto& row : TableOf(*report, "activity-goals").rows) {
    if (row[2].text != "2–3") continue;
    found = true;
    EXPECT_EQ(row[4].value, 1);
    EXPECT_EQ(row[3].text, "1,8");
    EXPECT_EQ(row[5].text, "opfyldt");
  }
  EXPECT_TRUE(found);
}

TEST_F(BuildReportTest, NarrativesAppearInTheVersionKnownAtTheReportDate) {
  ASSERT_TRUE(AddNarrative(Noon(2018, 7, 20), 1, "Første udkast.", false).ok());
  ASSERT_TRUE(AddNarrative(Noon(2018, 8, 20), 2, "Endelig vurdering.", false).ok());
  auto text_of = [&](Timestamp known_at, Edition edition) -> std::string {
    auto report = Build(known_at, edition);
    EXPECT_TRUE(report.ok());
    for (const Section& section : report->sections) {
      for (const Block& block : section.blocks) {
        if (const auto* narrative = std::get_if<Narrative>(&block)) return narrative->text;
      }
    }
    return "";
  };
  EXPECT_EQ(text_of(Noon(2018, 8, 1), Edition::kInternal), "Første udkast.");
  EXPECT_EQ(text_of(Noon(2018, 9, 1), Edition::kInternal), "Endelig vurdering.");
  EXPECT_EQ(text_of(Noon(2018, 9, 1), Edition::kExternal), "");  // not marked for the external edition
}

TEST_F(BuildReportTest, ANarrativeVersionTakenMeanwhileIsAConflict) {
  ASSERT_TRUE(AddNarrative(Noon(2018, 7, 20), 1, "Første udkast.", false).ok());
  Status again = AddNarrative(Noon(2018, 7, 21), 1, "Samtidig rettelse.", false);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().field, "version");
  Status skipped = AddNarrative(Noon(2018, 7, 21), 3, "Springer over.", false);
  ASSERT_FALSE(skipped.ok());
  EXPECT_EQ(skipped.error().code, ErrorCode::kConflict);
}

TEST_F(BuildReportTest, EnglishEditionUsesEnglishWordsAndNumbers) {
  ImportCrime(Noon(2018, 2, 1), 2017, 780, 20000);
  auto report = Build(Noon(2026, 1, 1), Edition::kInternal, Language::kEnglish);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(report->sections[1].heading, "2. Indicators");
  const auto& row =
      RowOf(TableOf(*report, "indicators"), "Citizen-oriented crime per 1,000 inhabitants, Ydre Nørrebro");
  EXPECT_EQ(row[3].text, "39.0");
}

TEST_F(BuildReportTest, APeriodOutsideThePartnershipIsRefused) {
  auto report = BuildReport(*db_.store, db_.partnership,
                            {{Day(2016, 1, 1), Day(2016, 12, 31)}, Noon(2026, 1, 1), Language::kDanish,
                             Edition::kInternal});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().field, "period");
}

}  // namespace
}  // namespace trygnet::report
