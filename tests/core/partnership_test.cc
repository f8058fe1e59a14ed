#include "core/partnership.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/core_test_support.h"

namespace trygnet {
namespace {

using testing::D;
using testing::IsError;

// A small but complete fictional partnership, built in code.
Partnership Testby() {
  Partnership partnership;
  partnership.id = "testby-2020";
  partnership.name = "Partnerskab for et trygt Testby";
  partnership.name_en = "Partnership for a safe Testtown";
  partnership.period_from = D("2020-01-01");
  partnership.period_to = D("2021-12-31");
  partnership.organisations = {{"testby-politi", "Testby Politi", UnitKind::kPolice},
                               {"testby-kommune", "Testby Kommune", UnitKind::kMunicipal},
                               {"beboere", "Beboerforeningen Testby", UnitKind::kExternal}};
  partnership.units = {{"analyse", "testby-politi", "", "Analyseenheden", "Analysis unit", ""},
                       {"exit", "testby-politi", "analyse", "Exitenheden", "Exit unit", ""},
                       {"ssp", "testby-kommune", "", "SSP Testby", "SSP Testtown", ""},
                       {"beboerne", "beboere", "", "Beboerne", "Residents", ""}};
  partnership.tracks = {{"individual", "Individrettede aktiviteter", "Individual activities"}};
  partnership.meeting_types = {{"styregruppe", "Styregruppe", "Steering group", 2, std::nullopt, {"analyse", "ssp"}}};
  partnership.measure_types = {{"samtale", "Bekymringssamtale", "Concern conversation", "samtaler", {"ssp"}, 14}};
  Initiative initiative;
  initiative.id = "samtaler";
  initiative.track_id = "individual";
  initiative.number = 1;
  initiative.name = "Bekymringssamtaler";
  initiative.name_en = "Concern conversations";
  initiative.responsible_unit_ids = {"ssp"};
  initiative.activity_goals = {{"Samtale med alle unge", "", "samtale", std::nullopt, std::nullopt},
                               {"Styregruppemøder", "styregruppe", "", 2, 4}};
  partnership.initiatives = {initiative};
  Area district;
  district.id = "testby-nord";
  district.name = "Testby Nord";
  district.kind = AreaKind::kDistrict;
  district.outline = {{10.0, 56.0}, {10.1, 56.0}, {10.1, 56.1}};
  Area torvet;
  torvet.id = "torvet";
  torvet.name = "Torvet";
  torvet.kind = AreaKind::kFocusArea;
  torvet.parent_id = "testby-nord";
  torvet.outline = {{10.01, 56.01}, {10.02, 56.01}, {10.02, 56.02}};
  torvet.focus = {{D("2020-01-01"), std::nullopt, "Aftalen, s. 3", ""}};
  partnership.areas = {district, torvet};
  IndicatorDefinition active;
  active.id = "aktive";
  active.name = "Aktive medlemmer";
  active.name_en = "Active members";
  active.computation = "registered_active_members";
  active.baseline = Baseline{12, D("2019-12-31"), "Testby Politi", ""};
  IndicatorDefinition meetings;
  meetings.id = "styregruppemoeder";
  meetings.name = "Styregruppemøder";
  meetings.name_en = "Steering group meetings";
  meetings.computation = "meetings_held";
  meetings.meeting_type_id = "styregruppe";
  meetings.area_id = "torvet";
  partnership.indicators = {active, meetings};
  partnership.legal_bases = {{"rpl-115",
                              "Retsplejelovens § 115",
                              "",
                              {UnitKind::kPolice},
                              {UnitKind::kMunicipal},
                              {"crime_prevention"},
                              {AgeGroup::kUnder18},
                              {DataCategory::kRegistration}}};
  partnership.reporting = {8, {"Styregruppen"}, {"analyse"}};
  return partnership;
}

std::vector<std::string> Fields(const std::vector<Error>& errors) {
  std::vector<std::string> fields;
  for (const Error& error : errors) fields.push_back(error.field);
  return fields;
}

bool HasField(const std::vector<Error>& errors, const std::string& field) {
  return std::any_of(errors.begin(), errors.end(), [&](const Error& error) { return error.field == field; });
}

TEST(ValidatePartnership, AcceptsACompleteDefinition) {
  auto errors = ValidatePartnership(Testby());
  EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(Fields(errors));
}

TEST(ValidatePartnership, CollectsSeveralErrorsWithKeyPaths) {
  Partnership partnership = Testby();
  partnership.units[2].organisation_id = "testby-skole";  // unknown organisation
  partnership.units.push_back(partnership.units[0]);      // duplicate id "analyse"
  partnership.initiatives[0].track_id = "area";           // unknown track
  partnership.reporting.month = 13;
  auto errors = ValidatePartnership(partnership);
  EXPECT_EQ(errors.size(), 4u) << ::testing::PrintToString(Fields(errors));
  EXPECT_TRUE(HasField(errors, "units[2].organisation"));
  EXPECT_TRUE(HasField(errors, "units[4].id"));
  EXPECT_TRUE(HasField(errors, "initiatives[0].track"));
  EXPECT_TRUE(HasField(errors, "reporting.month"));
  for (const Error& error : errors) EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
}

TEST(ValidatePartnership, FindsCyclesInParentChains) {
  Partnership partnership = Testby();
  partnership.units[0].parent_id = "exit";    // analyse → exit → analyse
  partnership.areas[0].parent_id = "torvet";  // testby-nord → torvet → testby-nord
  auto errors = ValidatePartnership(partnership);
  EXPECT_TRUE(HasField(errors, "units[0].parent")) << ::testing::PrintToString(Fields(errors));
  EXPECT_TRUE(HasField(errors, "units[1].parent"));
  EXPECT_TRUE(HasField(errors, "areas[0].parent"));
  EXPECT_TRUE(HasField(errors, "areas[1].parent"));
}

TEST(ValidatePartnership, TracksNeedNames) {
  Partnership partnership = Testby();
  partnership.tracks[0].name = " ";
  EXPECT_TRUE(HasField(ValidatePartnership(partnership), "tracks[0].name"));
}

TEST(ValidatePartnership, PrefixesNestedErrorsWithTheirPath) {
  Partnership partnership = Testby();
  partnership.areas[1].outline.pop_back();
  partnership.indicators[0].computation = "guesswork";
  partnership.registration_policy.min_criteria = 1;
  auto errors = ValidatePartnership(partnership);
  EXPECT_TRUE(HasField(errors, "areas[1].outline")) << ::testing::PrintToString(Fields(errors));
  EXPECT_TRUE(HasField(errors, "indicators[0].computation"));
  EXPECT_TRUE(HasField(errors, "registration.min_criteria"));
}

TEST(ValidatePartnership, ChecksReferencesToUnits) {
  Partnership partnership = Testby();
  partnership.initiatives[0].responsible_unit_ids = {"ssp", "sikker-by"};
  partnership.meeting_types[0].unit_ids = {"politi"};
  partnership.measure_types[0].unit_ids.clear();
  partnership.reporting.responsible_unit_ids.clear();
  auto errors = ValidatePartnership(partnership);
  EXPECT_TRUE(HasField(errors, "initiatives[0].responsible[1]")) << ::testing::PrintToString(Fields(errors));
  EXPECT_TRUE(HasField(errors, "meeting_types[0].units[0]"));
  EXPECT_TRUE(HasField(errors, "measure_types[0].units"));
  EXPECT_TRUE(HasField(errors, "reporting.responsible"));
}

TEST(ValidatePartnership, ChecksOtherCrossReferences) {
  Partnership partnership = Testby();
  partnership.units[1].parent_id = "exit";                                       // its own parent
  partnership.areas[1].parent_id = "testby-syd";                                 // unknown area
  partnership.measure_types[0].initiative_id = "ukendt";                         // unknown initiative
  partnership.indicators[1].meeting_type_id = "temamoede";                       // unknown meeting type
  partnership.initiatives[0].activity_goals[0].meeting_type_id = "styregruppe";  // both kinds named
  auto errors = ValidatePartnership(partnership);
  EXPECT_TRUE(HasField(errors, "units[1].parent")) << ::testing::PrintToString(Fields(errors));
  EXPECT_TRUE(HasField(errors, "areas[1].parent"));
  EXPECT_TRUE(HasField(errors, "measure_types[0].initiative"));
  EXPECT_TRUE(HasField(errors, "indicators[1].meeting_type"));
  EXPECT_TRUE(HasField(errors, "initiatives[0].activity_goals[0]"));
}

TEST(ValidatePartnership, ChecksPeriodAndYearRanges) {
  Partnership partnership = Testby();
  partnership.period_to = D("2019-12-31");
  partnership.meeting_types[0].max_per_year = 1;  // below min 2
  partnership.reporting.recipients.clear();
  auto errors = ValidatePartnership(partnership);
  EXPECT_TRUE(HasField(errors, "partnership.period.to")) << ::testing::PrintToString(Fields(errors));
  EXPECT_TRUE(HasField(errors, "meeting_types[0].max_per_year"));
  EXPECT_TRUE(HasField(errors, "reporting.recipients"));
}

TEST(Partnership, FindsItsPartsById) {
  Partnership partnership = Testby();
  ASSERT_NE(partnership.FindUnit("exit"), nullptr);
  EXPECT_EQ(partnership.FindUnit("exit")->parent_id, "analyse");
  EXPECT_EQ(partnership.FindUnit("sikker-by"), nullptr);
  EXPECT_EQ(partnership.KindOfUnit("analyse"), UnitKind::kPolice);
  EXPECT_EQ(partnership.KindOfUnit("ssp"), UnitKind::kMunicipal);
  EXPECT_EQ(partnership.KindOfUnit("beboerne"), UnitKind::kExternal);
  ASSERT_NE(partnership.FindArea("torvet"), nullptr);
  EXPECT_TRUE(partnership.FindArea("torvet")->InFocusOn(D("2020-06-01")));
  ASSERT_NE(partnership.FindIndicator("aktive"), nullptr);
  EXPECT_EQ(partnership.FindMeetingType("styregruppe")->min_per_year, 2);
  EXPECT_EQ(partnership.FindMeasureType("samtale")->default_deadline_days, 14);
  EXPECT_EQ(partnership.FindOrganisation("ukendt"), nullptr);
}

TEST(UnitKind, RoundTripsItsNames) {
  for (UnitKind kind : {UnitKind::kPolice, UnitKind::kMunicipal, UnitKind::kPrisonService, UnitKind::kExternal}) {
    EXPECT_EQ(*ParseUnitKind(UnitKindName(kind), "kind"), kind);
  }
  EXPECT_TRUE(IsError(ParseUnitKind("politi", "kind"), ErrorCode::kInvalidArgument, "kind"));
}

}  // namespace
}  // namespace trygnet
