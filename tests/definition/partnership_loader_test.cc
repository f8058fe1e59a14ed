#include "definition/partnership_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace trygnet {
namespace {

const std::string kNorrebroPath = TRYGNET_SOURCE_DIR "/partnerships/norrebro-2017.toml";

std::string ReadNorrebro() {
  std::ifstream in(kNorrebroPath, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << kNorrebroPath;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The real file with `from` replaced (exactly once) by `to`.
std::string NorrebroWith(const std::string& from, const std::string& to) {
  std::string text = ReadNorrebro();
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "test fixture: \"" << from << "\" not in the file";
  if (at == std::string::npos) return text;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << "test fixture: \"" << from << "\" is not unique";
  return text.replace(at, from.size(), to);
}

// 1-based line of the first occurrence of `needle` in `text`.
int LineOf(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  if (at == std::string::npos) return -1;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::string Describe(const PartnershipLoad& load) {
  std::string all;
  for (const DefinitionProblem& problem : load.problems) all += problem.ToString() + "\n";
  return all;
}

const DefinitionProblem* FindProblem(const PartnershipLoad& load, const std::string& key) {
  for (const DefinitionProblem& problem : load.problems) {
    if (problem.key == key) return &problem;
  }
  return nullptr;
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class NorrebroDefinition : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { load_ = new PartnershipLoad(LoadPartnershipFile(kNorrebroPath)); }
  static void TearDownTestSuite() {
    delete load_;
    load_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(load_->ok()) << Describe(*load_); }
  const Partnership& partnership() { return *load_->partnership; }

  static PartnershipLoad* load_;
};
PartnershipLoad* NorrebroDefinition::load_ = nullptr;

TEST_F(NorrebroDefinition, LoadsWithoutProblems) {
  EXPECT_TRUE(load_->problems.empty());
  ASSERT_TRUE(load_->partnership.has_value());
  EXPECT_EQ(partnership().id, "norrebro-2017");
  EXPECT_EQ(partnership().period_from.ToString(), "2017-01-01");
  EXPECT_EQ(partnership().period_to.ToString(), "2019-12-31");
  EXPECT_EQ(load_->source_text, ReadNorrebro());
  EXPECT_TRUE(ValidatePartnership(partnership()).empty());
}

TEST_F(NorrebroDefinition, HasTheTenInitiativesInTwoTracks) {
  const auto& initiatives = partnership().initiatives;
  EXPECT_EQ(initiatives.size(), 10u);
  auto in_track = [&](const std::string& track) {
    return std::count_if(initiatives.begin(), initiatives.end(),
                         [&](const Initiative& initiative) { return initiative.track_id == track; });
  };
  EXPECT_EQ(in_track("individual"), 6);
  EXPECT_EQ(in_track("area"), 4);
  EXPECT_EQ(partnership().tracks.size(), 2u);
}

TEST_F(NorrebroDefinition, HasFiveFocusAreasInTwoDistricts) {
  const auto& areas = partnership().areas;
  auto focus_areas = std::count_if(areas.begin(), areas.end(), [](const Area& area) {
    return area.kind == AreaKind::kFocusArea && area.InFocusOn(Date::FromDays(17318));  // 2017-06-01
  });
  EXPECT_EQ(focus_areas, 5);
  for (const char* id :
       {"mjolnerparken", "lundtoftegade", "den-roede-plads", "folkets-hus-og-park", "blaagaards-plads"}) {
    const Area* area = partnership().FindArea(id);
    ASSERT_NE(area, nullptr) << id;
    EXPECT_EQ(area->kind, AreaKind::kFocusArea) << id;
    EXPECT_GE(area->outline.size(), 3u) << id;
  }
  EXPECT_EQ(partnership().FindArea("mjolnerparken")->parent_id, "ydre-norrebro");
  EXPECT_EQ(partnership().FindArea("blaagaards-plads")->parent_id, "indre-norrebro");
}

TEST_F(NorrebroDefinition, HasThePartiesUnits) {
  for (const char* id : {"eas", "dks", "ssp", "eki", "cfr", "jobcenter", "sikker-by"}) {
    EXPECT_NE(partnership().FindUnit(id), nullptr) << id;
  }
  EXPECT_EQ(partnership().KindOfUnit("eas"), UnitKind::kPolice);
  EXPECT_EQ(partnership().KindOfUnit("sikker-by"), UnitKind::kMunicipal);
  EXPECT_EQ(partnership().KindOfUnit("kriminalforsorgen-kbh"), UnitKind::kPrisonService);
  EXPECT_EQ(partnership().KindOfUnit("boligsocial"), UnitKind::kExternal);
  EXPECT_EQ(partnership().FindUnit("exit")->parent_id, "eas");
}

TEST_F(NorrebroDefinition, HasTheBaselines) {
  const IndicatorDefinition* members = partnership().FindIndicator("registered_active_members");
  ASSERT_NE(members, nullptr);
  ASSERT_TRUE(members->baseline.has_value());
  EXPECT_EQ(members->baseline->value, 290);
  EXPECT_EQ(members->baseline->date.ToString(), "2017-03-31");
  EXPECT_EQ(members->computation, "registered_active_members");

  auto baseline_of = [&](const std::string& id) {
    const IndicatorDefinition* indicator = partnership().FindIndicator(id);
    EXPECT_NE(indicator, nullptr) << id;
    EXPECT_TRUE(indicator && indicator->baseline) << id;
    return indicator && indicator->baseline ? indicator->baseline->value : -1.0;
  };
  EXPECT_DOUBLE_EQ(baseline_of("citizen_crime_ydre"), 40.5);
  EXPECT_DOUBLE_EQ(baseline_of("citizen_crime_indre"), 58.2);
  EXPECT_DOUBLE_EQ(baseline_of("insecure_share_ydre"), 8);
  EXPECT_DOUBLE_EQ(baseline_of("insecure_share_indre"), 11);
  EXPECT_DOUBLE_EQ(baseline_of("concern_conversations_held"), 65);
  EXPECT_EQ(partnership().FindIndicator("citizen_crime_ydre")->unit, IndicatorUnit::kPer1000Inhabitants);
  EXPECT_EQ(partnership().FindIndicator("insecure_share_indre")->unit, IndicatorUnit::kPercent);
  EXPECT_FALSE(partnership().FindIndicator("registered_under_18")->baseline.has_value());
}

TEST_F(NorrebroDefinition, ReportsEveryAugustToFourRecipients) {
  EXPECT_EQ(partnership().reporting.month, 8);
  EXPECT_EQ(partnership().reporting.recipients.size(), 4u);
  EXPECT_EQ(partnership().reporting.responsible_unit_ids, (std::vector<std::string>{"sikker-by", "eas"}));
}

TEST_F(NorrebroDefinition, HasTheMeetingCadences) {
  const MeetingType* operative = partnership().FindMeetingType("operative-steering-group");
  ASSERT_NE(operative, nullptr);
  EXPECT_EQ(operative->min_per_year, 4);
  EXPECT_FALSE(operative->max_per_year.has_value());
  const MeetingType* strategic = partnership().FindMeetingType("strategic-steering-group");
  ASSERT_NE(strategic, nullptr);
  EXPECT_EQ(strategic->min_per_year, 2);
  const MeetingType* forum = partnership().FindMeetingType("housing-forum");
  ASSERT_NE(forum, nullptr);
  EXPECT_EQ(forum->min_per_year, 2);
  EXPECT_EQ(forum->max_per_year, 3);
  const MeetingType* dialogue = partnership().FindMeetingType("safety-dialogue");
  ASSERT_NE(dialogue, nullptr);
  EXPECT_FALSE(dialogue->min_per_year.has_value());
}

TEST_F(NorrebroDefinition, HasTheRegisterRules) {
  EXPECT_EQ(partnership().registration_policy.min_criteria, 2);
  EXPECT_EQ(partnership().registration_policy.review_months, 12);
  EXPECT_EQ(partnership().registration_policy.max_months, 36);
}

TEST_F(NorrebroDefinition, ConcernConversationsAreAMeasureOfInitiativeOne) {
  const MeasureType* concern = partnership().FindMeasureType("concern-conversation");
  ASSERT_NE(concern, nullptr);
  EXPECT_EQ(concern->initiative_id, "concern-conversations");
  EXPECT_EQ(concern->default_deadline_days, 14);
  EXPECT_EQ(concern->unit_ids, (std::vector<std::string>{"ssp", "dks"}));
}

TEST(LoadPartnershipFile, ReportsAnUnreadableFile) {
  PartnershipLoad load = LoadPartnershipFile(TRYGNET_SOURCE_DIR "/partnerships/does-not-exist.toml");
  ASSERT_EQ(load.problems.size(), 1u);
  EXPECT_FALSE(load.partnership.has_value());
  EXPECT_TRUE(Contains(load.problems[0].message, "cannot read"));
  EXPECT_TRUE(Contains(load.problems[0].file, "does-not-exist.toml"));
}

TEST(LoadPartnershipText, InvalidTomlGivesTheLine) {
  std::string text = NorrebroWith("[reporting]\nmonth = 8", "[reporting]\nmonth = = 8");
  PartnershipLoad load = LoadPartnershipText(text, "broken.toml");
  ASSERT_EQ(load.problems.size(), 1u) << Describe(load);
  EXPECT_FALSE(load.ok());
  EXPECT_FALSE(load.partnership.has_value());
  EXPECT_EQ(load.problems[0].file, "broken.toml");
  EXPECT_EQ(load.problems[0].line, LineOf(text, "month = = 8"));
  EXPECT_GT(load.problems[0].column, 0);
  EXPECT_TRUE(Contains(load.problems[0].message, "not valid TOML")) << load.problems[0].message;
}

TEST(LoadPartnershipText, ReportsAMissingRequiredKey) {
  std::string text = NorrebroWith("name_en = \"Partnership agreement For a safe Nørrebro\"\n", "");
  PartnershipLoad load = LoadPartnershipText(text, "broken.toml");
  ASSERT_EQ(load.problems.size(), 1u) << Describe(load);
  EXPECT_EQ(load.problems[0].key, "partnership.name_en");
  EXPECT_TRUE(Contains(load.problems[0].message, "required"));
  // A missing key has no line of its own; the problem points at its table.
  EXPECT_EQ(load.problems[0].line, LineOf(text, "[partnership]"));
}

TEST(LoadPartnershipText, ReportsAWrongType) {
  std::string text = NorrebroWith("month = 8", "month = \"august\"");
  PartnershipLoad load = LoadPartnershipText(text, "broken.toml");
  ASSERT_EQ(load.problems.size(), 1u) << Describe(load);
  EXPECT_EQ(load.problems[0].key, "reporting.month");
  EXPECT_TRUE(Contains(load.problems[0].message, "whole number"));
  EXPECT_EQ(load.problems[0].line, LineOf(text, "month = \"august\""));
}

TEST(LoadPartnershipText, ReportsAnUnknownKey) {
  std::string text = NorrebroWith("review_months = 12", "reveiw_months = 12");
  PartnershipLoad load = LoadPartnershipText(text, "broken.toml");
  const DefinitionProblem* typo = FindProblem(load, "registration.reveiw_months");
  ASSERT_NE(typo, nullptr) << Describe(load);
  EXPECT_TRUE(Contains(typo->message, "unknown key"));
  EXPECT_EQ(typo->line, LineOf(text, "reveiw_months"));
  // The real key is now missing, so both are reported.
  EXPECT_NE(FindProblem(load, "registration.review_months"), nullptr) << Describe(load);
  EXPECT_FALSE(load.partnership.has_value());
}

TEST(LoadPartnershipText, ReportsAnUnknownUnitReference) {
  std::string text = NorrebroWith("responsible = [\"oc\", \"osa\"]", "responsible = [\"oc\", \"osb\"]");
  PartnershipLoad load = LoadPartnershipText(text, "broken.toml");
  ASSERT_EQ(load.problems.size(), 1u) << Describe(load);
  EXPECT_EQ(load.problems[0].key, "initiatives[2].responsible[1]");
  EXPECT_TRUE(Contains(load.problems[0].message, "unknown unit \"osb\""));
  EXPECT_EQ(load.problems[0].line, LineOf(text, "responsible = [\"oc\", \"osb\"]"));
}

TEST(LoadPartnershipText, ReportsADuplicateId) {
  std::string text = NorrebroWith("id = \"osa\"", "id = \"oc\"");
  PartnershipLoad load = LoadPartnershipText(text, "broken.toml");
  const DefinitionProblem* duplicate = FindProblem(load, "units[5].id");
  ASSERT_NE(duplicate, nullptr) << Describe(load);
  EXPECT_TRUE(Contains(duplicate->message, "duplicate id \"oc\""));
  EXPECT_EQ(duplicate->line, LineOf(text, "id = \"oc\"\norganisation = \"kbh-politi\"\nname = \"Operativ"));
  // References to the vanished unit are reported in the same pass.
  EXPECT_NE(FindProblem(load, "initiatives[2].responsible[1]"), nullptr) << Describe(load);
}

TEST(LoadPartnershipText, ReportsABadEnumValue) {
  std::string text = NorrebroWith("kind = \"prison_service\"", "kind = \"prison\"");
  PartnershipLoad load = LoadPartnershipText(text, "broken.toml");
  ASSERT_EQ(load.problems.size(), 1u) << Describe(load);
  EXPECT_EQ(load.problems[0].key, "organisations[2].kind");
  EXPECT_TRUE(Contains(load.problems[0].message, "unknown value \"prison\""));
  EXPECT_TRUE(Contains(load.problems[0].message, "prison_service"));
  EXPECT_EQ(load.problems[0].line, LineOf(text, "kind = \"prison\""));
}

TEST(LoadPartnershipText, ReportsAValueRuleAtItsLine) {
  std::string text = NorrebroWith("month = 8", "month = 13");
  PartnershipLoad load = LoadPartnershipText(text, "broken.toml");
  ASSERT_EQ(load.problems.size(), 1u) << Describe(load);
  EXPECT_EQ(load.problems[0].key, "reporting.month");
  EXPECT_EQ(load.problems[0].line, LineOf(text, "month = 13"));
}

TEST(LoadPartnershipText, ReportsSeveralErrorsAtOnce) {
  std::string text = ReadNorrebro();
  auto replace = [&](const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  };
  replace("month = 8", "month = \"august\"");
  replace("deadline_days = 14", "deadline_dayz = 14");
  replace("kind = \"police\"", "kind = \"politi\"");
  replace("baseline = { value = 290,", "baseline = { value = \"290\",");
  PartnershipLoad load = LoadPartnershipText(text, "broken.toml");
  EXPECT_EQ(load.problems.size(), 4u) << Describe(load);
  EXPECT_NE(FindProblem(load, "reporting.month"), nullptr) << Describe(load);
  EXPECT_NE(FindProblem(load, "measure_types[0].deadline_dayz"), nullptr);
  EXPECT_NE(FindProblem(load, "organisations[0].kind"), nullptr);
  EXPECT_NE(FindProblem(load, "indicators[0].baseline.value"), nullptr);
  for (const DefinitionProblem& problem : load.problems) {
    EXPECT_EQ(problem.file, "broken.toml");
    EXPECT_GT(problem.line, 0) << problem.ToString();
  }
  EXPECT_FALSE(load.partnership.has_value());
}

TEST(LoadPartnershipText, ReportsAMissingSection) {
  std::string text = ReadNorrebro();
  text = text.substr(0, text.find("[reporting]"));
  PartnershipLoad load = LoadPartnershipText(text, "broken.toml");
  ASSERT_EQ(load.problems.size(), 1u) << Describe(load);
  EXPECT_EQ(load.problems[0].key, "reporting");
  EXPECT_TRUE(Contains(load.problems[0].message, "required"));
}

TEST(LoadPartnershipText, EmptyTextReportsTheRequiredSections) {
  PartnershipLoad load = LoadPartnershipText("", "empty.toml");
  EXPECT_FALSE(load.ok());
  EXPECT_NE(FindProblem(load, "partnership"), nullptr) << Describe(load);
  EXPECT_NE(FindProblem(load, "units"), nullptr);
  EXPECT_NE(FindProblem(load, "reporting"), nullptr);
}

TEST(DefinitionProblem, ToStringIsFileLineColumnKeyMessage) {
  DefinitionProblem problem{"broken.toml", 12, 3, "units[3].organisation", "unknown organisation \"x\""};
  EXPECT_EQ(problem.ToString(), "broken.toml:12:3: units[3].organisation: unknown organisation \"x\"");
}

TEST(DefinitionProblem, ToStringLeavesOutWhatIsUnknown) {
  EXPECT_EQ((DefinitionProblem{"broken.toml", 0, 0, "partnership.id", "is required"}).ToString(),
            "broken.toml: partnership.id: is required");
  EXPECT_EQ((DefinitionProblem{"broken.toml", 4, 1, "", "not valid TOML"}).ToString(),
            "broken.toml:4:1: not valid TOML");
}

}  // namespace
}  // namespace trygnet

namespace trygnet {
namespace {

TEST_F(NorrebroDefinition, HasTheThreeTriggerRulesOfThePlan) {
  ASSERT_EQ(partnership().triggers.size(), 3u);
  const TriggerRule* young = partnership().FindTrigger("under-18-seen-with-member");
  ASSERT_NE(young, nullptr);
  EXPECT_EQ(young->fact, TriggerFact::kSeenWithMember);
  EXPECT_EQ(young->max_age, 17);
  ASSERT_TRUE(young->open_case.has_value());
  EXPECT_EQ(young->open_case->track, CaseTrack::kUnder18Ssp);
  EXPECT_EQ(young->open_case->level, 1);
  ASSERT_EQ(young->measures.size(), 1u);
  EXPECT_EQ(young->measures[0].measure_type_id, "concern-conversation");
  EXPECT_EQ(young->measures[0].deadline_days, 14);
  const TriggerRule* custody = partnership().FindTrigger("custody-of-target-group-person");
  ASSERT_NE(custody, nullptr);
  EXPECT_TRUE(custody->target_group_only);
  EXPECT_EQ(custody->custody_kinds.size(), 3u);
  EXPECT_FALSE(custody->open_case->track.has_value());  // by age
  EXPECT_EQ(custody->measures.size(), 3u);
  const TriggerRule* review = partnership().FindTrigger("registration-review-due");
  ASSERT_NE(review, nullptr);
  EXPECT_EQ(review->notice_days, 14);
  EXPECT_FALSE(review->open_case.has_value());
}

TEST(LoadPartnershipText, ReportsAnUnknownTriggerFact) {
  std::string text = NorrebroWith("fact = \"review_due\"", "fact = \"rumour\"");
  PartnershipLoad load = LoadPartnershipText(text, "broken.toml");
  const DefinitionProblem* problem = FindProblem(load, "triggers[2].fact");
  ASSERT_NE(problem, nullptr) << Describe(load);
  EXPECT_TRUE(Contains(problem->message, "seen_with_member")) << problem->message;
  EXPECT_FALSE(load.partnership.has_value());
}

TEST(LoadPartnershipText, ReportsATriggerMeasureForAUnitOutsideTheType) {
  std::string text = NorrebroWith("{ type = \"exit-screening\", unit = \"eki\" }",
                                  "{ type = \"exit-screening\", unit = \"jobcenter\" }");
  PartnershipLoad load = LoadPartnershipText(text, "broken.toml");
  const DefinitionProblem* problem = FindProblem(load, "triggers[1].measures[2].unit");
  ASSERT_NE(problem, nullptr) << Describe(load);
  EXPECT_TRUE(Contains(problem->message, "not one of the units")) << problem->message;
}

TEST(LoadPartnershipText, ReportsATriggerWithAnUnknownMeasureType) {
  std::string text = NorrebroWith("{ type = \"registration-review\", unit = \"eas\" }",
                                  "{ type = \"registration-rewiew\", unit = \"eas\" }");
  PartnershipLoad load = LoadPartnershipText(text, "broken.toml");
  EXPECT_NE(FindProblem(load, "triggers[2].measures[0].type"), nullptr) << Describe(load);
}

TEST(LoadPartnershipText, ReportsCustodyKindsOnTheWrongFact) {
  std::string text = NorrebroWith("fact = \"review_due\"", "fact = \"review_due\"\ncustody_kinds = [\"arrested\"]");
  PartnershipLoad load = LoadPartnershipText(text, "broken.toml");
  EXPECT_NE(FindProblem(load, "triggers[2].custody_kinds"), nullptr) << Describe(load);
}

TEST(LoadPartnershipText, ReportsAnUnknownCustodyKind) {
  std::string text = NorrebroWith("custody_kinds = [\"arrested\", \"remanded\", \"imprisoned\"]",
                                  "custody_kinds = [\"arrested\", \"fined\"]");
  PartnershipLoad load = LoadPartnershipText(text, "broken.toml");
  EXPECT_NE(FindProblem(load, "triggers[1].custody_kinds[1]"), nullptr) << Describe(load);
}

TEST(LoadPartnershipText, ReportsALookBackOutOfRange) {
  std::string text = NorrebroWith("lookback_days = 365", "lookback_days = 0");
  PartnershipLoad load = LoadPartnershipText(text, "broken.toml");
  EXPECT_NE(FindProblem(load, "triggers[2].lookback_days"), nullptr) << Describe(load);
}

TEST(LoadPartnershipText, ReportsATriggerCaseWithABadLevel) {
  std::string text = NorrebroWith("case = { track = \"under18_ssp\", level = 1, unit = \"ssp\" }",
                                  "case = { track = \"under18_ssp\", level = 4, unit = \"sp\" }");
  PartnershipLoad load = LoadPartnershipText(text, "broken.toml");
  EXPECT_NE(FindProblem(load, "triggers[0].case.level"), nullptr) << Describe(load);
  EXPECT_NE(FindProblem(load, "triggers[0].case.unit"), nullptr) << Describe(load);
}

}  // namespace
}  // namespace trygnet
