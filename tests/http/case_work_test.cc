// Case work through the API: the target-group flags that a named user sets
// with a reason (and their history), and the joint assessment in versions.
#include <gtest/gtest.h>

#include "demo_server.h"

namespace trygnet::testing {
namespace {

class CaseWorkApiTest : public DemoServerTest {
 protected:
  // An open SSP+ case owned by SSP, about a new adult entered by SSP.
  static CaseId NewCase() {
    Person person;
    person.identity = {"Jonas", "Sagsen", std::nullopt, *Date::FromYmd(1999, 8, 30)};
    person.recorded_by_unit_id = "ssp";
    CaseFile case_file;
    case_file.person_id = *server_->store().AddPerson(person);
    case_file.partnership_id = "norrebro-2017";
    case_file.track = CaseTrack::kOver18SspPlus;
    case_file.owning_unit_id = "ssp";
    case_file.opened_on = *Date::FromYmd(2019, 3, 1);
    case_file.opened_by = "ssp-caseworker";
    return *server_->store().AddCase(case_file);
  }
  static std::string CasePath(CaseId id, const std::string& rest = "") {
    return "/api/v1/cases/" + std::to_string(id) + rest;
  }
  static nlohmann::json Assessment(int based_on, const std::string& school) {
    return {{"based_on_version", based_on},
            {"life_situation", {{"school", school}, {"job", "Ingen"}, {"housing", "Bor hos mor"}, {"family", ""}}},
            {"risk_factors", {"Ses med kendte medlemmer"}},
            {"protective_factors", {"Fodbold to gange om ugen"}},
            {"criminal_history", "Butikstyveri 2018."},
            {"network_summary", "Vennekreds i Mjølnerparken."},
            {"participant_unit_ids", {"ssp", "dks", "eki"}}};
  }
};

TEST_F(CaseWorkApiTest, AFlagIsSetAndClearedByANamedUserWithAReasonAndKeptAsHistory) {
  CaseId id = NewCase();
  HttpClient ssp = SignedIn(*server_, "ssp-caseworker");
  HttpResponse set = ssp.Post(CasePath(id, "/flags"),
                              {{"flag", "leading_member"}, {"reason", "Toneangivende i gruppen ifølge EAS."}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.Json()["flags"]["leading_member"], true);
  HttpResponse cleared = ssp.Post(CasePath(id, "/flags"), {{"flag", "leading_member"},
                                                          {"value", false},
                                                          {"reason", "Vurderes ikke længere toneangivende."},
                                                          {"set_on", "2019-06-01"}});
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_EQ(cleared.Json()["flags"]["leading_member"], false);

  HttpResponse read = ssp.Get(CasePath(id));
  ASSERT_EQ(read.status, 200) << read.body;
  const nlohmann::json history = read.Json()["flag_changes"];
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["value"], true);
  EXPECT_EQ(history[0]["set_by"], "ssp-caseworker");
  EXPECT_EQ(history[0]["set_by_unit_id"], "ssp");
  EXPECT_EQ(history[0]["reason"], "Toneangivende i gruppen ifølge EAS.");
  EXPECT_EQ(history[1]["value"], false);
  EXPECT_EQ(history[1]["set_on"], "2019-06-01");
}

TEST_F(CaseWorkApiTest, OnlyTheCasesOwnOrganisationSetsItsFlags) {
  CaseId id = NewCase();
  nlohmann::json body = {{"flag", "exit_motivated"}, {"reason", "Har bedt om hjælp."}};
  HttpResponse police = SignedIn(*server_, "dks-officer").Post(CasePath(id, "/flags"), body);
  EXPECT_EQ(police.status, 403) << police.body;
  HttpResponse coordinator = SignedIn(*server_, "ssp-coordinator").Post(CasePath(id, "/flags"), body);
  EXPECT_EQ(coordinator.status, 403) << "a coordinator's role does not write case data: " << coordinator.body;
  auto stored = server_->store().GetCase(id);
  ASSERT_TRUE(stored.ok());
  EXPECT_FALSE(stored->flags.exit_motivated);
}

TEST_F(CaseWorkApiTest, AClosedCaseKeepsItsFlags) {
  CaseId id = NewCase();
  ASSERT_TRUE(server_->store().CloseCase(id, *Date::FromYmd(2019, 5, 1), "Afsluttet").ok());
  HttpResponse response = SignedIn(*server_, "ssp-caseworker")
                              .Post(CasePath(id, "/flags"), {{"flag", "exit_motivated"}, {"reason", "For sent."}});
  EXPECT_EQ(response.status, 409) << response.body;
  EXPECT_TRUE(server_->store().CaseFlagChanges(id)->empty());
}

TEST_F(CaseWorkApiTest, BadFlagInputIsNamed) {
  CaseId id = NewCase();
  HttpClient ssp = SignedIn(*server_, "ssp-caseworker");
  struct Bad {
    nlohmann::json body;
    std::string field;
  };
  const std::vector<Bad> bad = {
      {{{"flag", "first_contact"}, {"reason", "Fra en regel, ikke en bruger."}}, "flag"},
      {{{"flag", "leading_member"}}, "reason"},
      {{{"flag", "leading_member"}, {"reason", "  "}}, "reason"},
      {{{"flag", "leading_member"}, {"reason", "x"}, {"value", "ja"}}, "value"},
      {{{"flag", "leading_member"}, {"reason", "x"}, {"set_on", "2030-01-01"}}, "set_on"},
      {{{"flag", "leading_member"}, {"reason", "x"}, {"set_on", "2019-02-01"}}, "set_on"},
      {{{"flag", "leading_member"}, {"reason", "x"}, {"by", "en anden"}}, "by"},
  };
  for (const Bad& item : bad) {
    HttpResponse response = ssp.Post(CasePath(id, "/flags"), item.body);
    EXPECT_EQ(response.status, 400) << item.body.dump() << ": " << response.body;
    EXPECT_EQ(response.Json()["error"].value("field", ""), item.field) << response.body;
  }
  EXPECT_EQ(ssp.Post("/api/v1/cases/999999/flags", {{"flag", "leading_member"}, {"reason", "x"}}).status, 404);
  EXPECT_TRUE(server_->store().CaseFlagChanges(id)->empty());
}

TEST_F(CaseWorkApiTest, AssessmentsAreVersionsAndAStaleRevisionIsAConflict) {
  CaseId id = NewCase();
  HttpClient ssp = SignedIn(*server_, "ssp-caseworker");
  HttpResponse first = ssp.Post(CasePath(id, "/assessments"), Assessment(0, "9. klasse"));
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.Json()["version"], 1);
  EXPECT_EQ(first.Json()["recorded_by"], "ssp-caseworker");
  HttpResponse second = ssp.Post(CasePath(id, "/assessments"), Assessment(1, "Startet på produktionsskole"));
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.Json()["version"], 2);
  HttpResponse stale = SignedIn(*server_, "eki-caseworker").Post(CasePath(id, "/assessments"), Assessment(1, "Gammel"));
  EXPECT_EQ(stale.status, 409) << stale.body;
  HttpResponse skipped = ssp.Post(CasePath(id, "/assessments"), Assessment(5, "Spring over"));
  EXPECT_EQ(skipped.status, 409) << skipped.body;

  HttpResponse list = ssp.Get(CasePath(id, "/assessments"));
  ASSERT_EQ(list.status, 200) << list.body;
  const nlohmann::json items = list.Json()["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["version"], 2) << "newest first";
  EXPECT_EQ(items[0]["life_situation"]["school"], "Startet på produktionsskole");
  EXPECT_EQ(items[1]["life_situation"]["school"], "9. klasse") << "the earlier version stays as it was";
  EXPECT_EQ(items[1]["participant_unit_ids"], nlohmann::json({"ssp", "dks", "eki"}));
}

TEST_F(CaseWorkApiTest, AnAssessmentIsJointAndNamesRealUnits) {
  CaseId id = NewCase();
  HttpClient ssp = SignedIn(*server_, "ssp-caseworker");
  struct Bad {
    nlohmann::json body;
    std::string field;
  };
  nlohmann::json one_unit = Assessment(0, "x");
  one_unit["participant_unit_ids"] = {"ssp", "ssp"};
  nlohmann::json unknown_unit = Assessment(0, "x");
  unknown_unit["participant_unit_ids"] = {"ssp", "skolen"};
  nlohmann::json no_version = Assessment(0, "x");
  no_version.erase("based_on_version");
  nlohmann::json unknown_life = Assessment(0, "x");
  unknown_life["life_situation"]["health"] = "god";
  nlohmann::json life_not_object = Assessment(0, "x");
  life_not_object["life_situation"] = "fint";
  nlohmann::json blank_factor = Assessment(0, "x");
  blank_factor["risk_factors"] = {""};
  nlohmann::json future = Assessment(0, "x");
  future["assessed_on"] = "2031-01-01";
  const std::vector<Bad> bad = {{one_unit, "participant_unit_ids"},
                                {unknown_unit, "participant_unit_ids[1]"},
                                {no_version, "based_on_version"},
                                {unknown_life, "life_situation.health"},
                                {life_not_object, "life_situation"},
                                {blank_factor, "risk_factors[0]"},
                                {future, "assessed_on"}};
  for (const Bad& item : bad) {
    HttpResponse response = ssp.Post(CasePath(id, "/assessments"), item.body);
    EXPECT_EQ(response.status, 400) << item.body.dump() << ": " << response.body;
    EXPECT_EQ(response.Json()["error"].value("field", ""), item.field) << response.body;
  }
  EXPECT_TRUE(server_->store().AssessmentsForCase(id)->empty());
}

TEST_F(CaseWorkApiTest, ReadingAssessmentsIsAuditedAndDeniedToThoseWithoutTheCase) {
  CaseId id = NewCase();
  ASSERT_EQ(SignedIn(*server_, "ssp-caseworker").Post(CasePath(id, "/assessments"), Assessment(0, "x")).status, 201);
  HttpClient coordinator = SignedIn(*server_, "ssp-coordinator");
  HttpClient analyst = SignedIn(*server_, "eas-analyst");
  int64_t before = server_->store().AuditAnchor()->count;
  EXPECT_EQ(coordinator.Get(CasePath(id, "/assessments")).status, 200);
  EXPECT_EQ(server_->store().AuditAnchor()->count, before + 1);
  HttpResponse police = analyst.Get(CasePath(id, "/assessments"));
  EXPECT_EQ(police.status, 403) << police.body;
  EXPECT_EQ(server_->store().AuditAnchor()->count, before + 2) << "the denial is audited too";
}

}  // namespace
}  // namespace trygnet::testing
