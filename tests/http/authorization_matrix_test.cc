// Every route × every kind of user → allowed or denied, from one table.
// Allowed means the route answers 2xx (or, for domain actions that a
// previous user already carried out, 409); denied means 403 with a reason
// code, and an audit entry recording the denial.
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "demo_server.h"
#include "http/router.h"

namespace trygnet::testing {
namespace {

const std::vector<std::string> kUsers = {"eas-analyst",         "dks-officer",    "ssp-caseworker",
                                         "ssp-coordinator",     "eki-caseworker", "sikkerby-coordinator",
                                         "boligsocial-partner", "auditor",        "admin"};

struct Case {
  std::string route;              // "METHOD /pattern" as in the route table
  std::string target;             // the concrete path
  std::set<std::string> allowed;  // users allowed; "*" for everyone
  // The body for one user's attempt (writes get a fresh record each).
  std::function<nlohmann::json(const std::string& user)> body;
};

class AuthorizationMatrixTest : public DemoServerTest {
 protected:
  // A new adult person entered by EAS, registered nowhere: a clean subject for writes.
  static PersonId NewPerson() {
    Person person;
    person.identity = {"Mikkel", "Testesen", std::nullopt, *Date::FromYmd(1995, 4, 12)};
    person.recorded_by_unit_id = "eas";
    return *server_->store().AddPerson(person);
  }
  // A registration by someone other than the users under test, not yet validated.
  static Registration NewRegistration() {
    Registration registration;
    registration.partnership_id = "norrebro-2017";
    registration.person_id = NewPerson();
    registration.group_id = persons_.group;
    registration.role = RegistrationRole::kAssociate;
    registration.criteria = {{"intelligence", "rapport 1", *Date::FromYmd(2019, 5, 1)},
                             {"seen_with_members", "rapport 2", *Date::FromYmd(2019, 5, 20)}};
    registration.justification = "Set med kendte medlemmer flere gange.";
    registration.registering_officer = "en-anden-betjent";
    registration.valid_from = *Date::FromYmd(2019, 5, 21);
    return *server_->store().AddRegistration(registration, server_->partnership().registration_policy);
  }
  static nlohmann::json Criteria() {
    return nlohmann::json::array(
        {{{"kind", "intelligence"}, {"source", "rapport 7"}, {"observed_on", "2019-06-01"}},
         {{"kind", "seen_with_members"}, {"source", "rapport 8"}, {"observed_on", "2019-06-02"}}});
  }

  std::vector<Case> Table() {
    const std::string police_only = std::to_string(persons_.police_only);
    const std::string arrested = std::to_string(persons_.arrested);
    const std::string group = std::to_string(persons_.group);
    Registration shown = NewRegistration();
    const std::string registration = std::to_string(shown.id);
    const std::set<std::string> everyone = {"*"};
    const std::set<std::string> police = {"eas-analyst", "dks-officer"};
    const std::set<std::string> municipal_cases = {"ssp-caseworker", "ssp-coordinator", "eki-caseworker",
                                                   "sikkerby-coordinator"};
    const std::set<std::string> identity_readers = {"eas-analyst",     "dks-officer",    "ssp-caseworker",
                                                    "ssp-coordinator", "eki-caseworker", "sikkerby-coordinator"};
    auto none = [](const std::string&) { return nlohmann::json(); };
    auto no_fields = [](const std::string&) { return nlohmann::json::object(); };
    // validate, review and remove each act on a registration of their own.
    Registration to_validate = NewRegistration(), to_review = NewRegistration(), to_remove = NewRegistration();
    auto action_path = [](const Registration& registration, const std::string& action) {
      return "/api/v1/registrations/" + std::to_string(registration.id) + "/" + action;
    };
    CaseFile to_close;
    to_close.person_id = NewPerson();
    to_close.partnership_id = "norrebro-2017";
    to_close.track = CaseTrack::kOver18SspPlus;
    to_close.owning_unit_id = "ssp";
    to_close.opened_on = *Date::FromYmd(2019, 5, 2);
    to_close.opened_by = "ssp-caseworker";
    const std::string case_id = std::to_string(*server_->store().AddCase(to_close));
    Measure queued;
    queued.person_id = persons_.arrested;
    queued.partnership_id = "norrebro-2017";
    queued.measure_type_id = "over-18-coordination";
    queued.assigned_unit_id = "ssp";
    queued.due_on = *Date::FromYmd(2019, 6, 20);
    queued.created_by = "ssp-caseworker";
    const std::string measure_id = std::to_string(*server_->store().AddMeasure(queued));
    CaseFile flagged = to_close;  // stays open: its flags and assessments are set below
    flagged.person_id = NewPerson();
    const std::string flagged_id = std::to_string(*server_->store().AddCase(flagged));
    // Incidents recorded by EAS with no response yet: held by the police only.
    auto police_incident = [&]() {
      Incident incident;
      incident.partnership_id = "norrebro-2017";
      incident.occurred_at = *Timestamp::Parse("2019-06-01T21:30:00Z");
      incident.place = "Blågårds Plads";
      incident.person_ids = {persons_.police_only};
      incident.recorded_by = "eas-analyst";
      incident.recorded_by_unit_id = "eas";
      return std::to_string(*server_->store().AddIncident(incident));
    };
    const std::string incident_id = police_incident(), to_respond = police_incident(), to_end = police_incident();
    const std::set<std::string> meeting_readers = {"eas-analyst",     "dks-officer",          "ssp-caseworker",
                                                   "ssp-coordinator", "eki-caseworker",       "sikkerby-coordinator",
                                                   "boligsocial-partner"};
    const std::set<std::string> incident_readers = identity_readers;
    auto with_version = [](const Registration& registration, nlohmann::json body) {
      body["version"] = registration.version;
      return [body](const std::string&) { return body; };
    };
    return {
        {"GET /healthz", "/healthz", everyone, none},
        {"GET /metrics", "/metrics", everyone, none},
        {"GET /api/v1/openapi.json", "/api/v1/openapi.json", everyone, none},
        {"GET /api/v1/session", "/api/v1/session", everyone, none},
        {"GET /api/v1/partnerships",
         "/api/v1/partnerships",
         {"ssp-coordinator", "sikkerby-coordinator", "admin"},
         none},
        {"GET /api/v1/partnerships/{id}",
         "/api/v1/partnerships/norrebro-2017",
         {"ssp-coordinator", "sikkerby-coordinator", "admin"},
         none},
        {"GET /api/v1/persons", "/api/v1/persons?limit=5", identity_readers, none},
        {"GET /api/v1/persons/{id}", "/api/v1/persons/" + police_only, police, none},
        {"GET /api/v1/persons/{id}",
         "/api/v1/persons/" + arrested,
         {"eas-analyst", "dks-officer", "ssp-caseworker", "ssp-coordinator", "eki-caseworker", "sikkerby-coordinator"},
         none},
        {"GET /api/v1/persons/{id}/registrations", "/api/v1/persons/" + police_only + "/registrations", police, none},
        // Network analysis reads police observations of many persons: the police only.
        {"GET /api/v1/network", "/api/v1/network?as_of=2019-06-30&top=3&pivots=4", police, none},
        {"GET /api/v1/persons/{id}/network",
         "/api/v1/persons/" + police_only + "/network?as_of=2019-06-30&from=2015-01-01&pivots=4",
         police,
         none},
        {"GET /api/v1/persons/{id}/registrations",
         "/api/v1/persons/" + arrested + "/registrations",
         {"eas-analyst", "dks-officer", "eki-caseworker"},
         none},
        {"GET /api/v1/persons/{id}/observations", "/api/v1/persons/" + police_only + "/observations", police, none},
        {"GET /api/v1/persons/{id}/cases", "/api/v1/persons/" + arrested + "/cases", municipal_cases, none},
        {"GET /api/v1/persons/{id}/measures", "/api/v1/persons/" + arrested + "/measures", municipal_cases, none},
        {"GET /api/v1/persons/{id}/disclosures", "/api/v1/persons/" + arrested + "/disclosures", {"eas-analyst"}, none},
        {"GET /api/v1/persons/{id}/custody-events", "/api/v1/persons/" + police_only + "/custody-events", police, none},
        // A police officer may list case work (the DKS's own measures) but sees none of SSP's.
        {"GET /api/v1/measures",
         "/api/v1/measures?unit=ssp&open=true&limit=5",
         {"dks-officer", "ssp-caseworker", "ssp-coordinator", "eki-caseworker", "sikkerby-coordinator"},
         none},
        {"GET /api/v1/measures/{id}", "/api/v1/measures/" + measure_id, municipal_cases, none},
        {"GET /api/v1/registrations",
         "/api/v1/registrations?limit=5",
         {"eas-analyst", "dks-officer", "ssp-caseworker", "eki-caseworker"},
         none},
        {"GET /api/v1/registrations/review-queue",
         "/api/v1/registrations/review-queue?limit=5",
         {"eas-analyst", "dks-officer", "ssp-caseworker", "eki-caseworker"},
         none},
        {"GET /api/v1/registrations/{id}", "/api/v1/registrations/" + registration, police, none},
        {"GET /api/v1/registrations/{id}/history", "/api/v1/registrations/" + registration + "/history", police, none},
        {"GET /api/v1/groups", "/api/v1/groups", police, none},
        {"GET /api/v1/groups/{id}", "/api/v1/groups/" + group, police, none},
        {"GET /api/v1/indicators", "/api/v1/indicators?as_of=2017-03-31", everyone, none},
        {"GET /api/v1/reports/status", "/api/v1/reports/status?format=html&period=2018-01-01..2018-06-30", everyone,
         none},
        {"GET /api/v1/reports/narratives", "/api/v1/reports/narratives?period=2017-08-01..2018-06-30", everyone, none},
        {"POST /api/v1/reports/narratives",
         "/api/v1/reports/narratives",
         {"eas-analyst", "dks-officer", "ssp-caseworker", "ssp-coordinator", "eki-caseworker", "sikkerby-coordinator"},
         [](const std::string& user) {
           return nlohmann::json{{"period", "2017-08-01..2018-06-30"}, {"topic", "matrix-" + user},
                                 {"version", 1}, {"title", "Bidrag"}, {"text", "Bidrag til rapporten."}};
         }},
        {"GET /api/v1/cases/{id}", "/api/v1/cases/" + case_id, municipal_cases, none},
        {"GET /api/v1/cases/{id}/assessments", "/api/v1/cases/" + flagged_id + "/assessments", municipal_cases, none},
        {"GET /api/v1/meetings", "/api/v1/meetings?limit=5", meeting_readers, none},
        {"GET /api/v1/meetings/due", "/api/v1/meetings/due?as_of=2018-05-01", meeting_readers, none},
        {"GET /api/v1/meetings/{id}", "/api/v1/meetings/1", meeting_readers, none},
        {"GET /api/v1/areas", "/api/v1/areas?as_of=2018-06-30", meeting_readers, none},
        {"GET /api/v1/areas/{id}/focus", "/api/v1/areas/mjolnerparken/focus", meeting_readers, none},
        {"GET /api/v1/incidents", "/api/v1/incidents?limit=5", incident_readers, none},
        {"GET /api/v1/incidents/{id}", "/api/v1/incidents/" + incident_id, police, none},
        {"GET /api/v1/audit", "/api/v1/audit?limit=5", {"auditor"}, none},
        {"GET /api/v1/users", "/api/v1/users", {"admin"}, none},
        {"POST /api/v1/persons",
         "/api/v1/persons",
         {"eas-analyst"},
         [](const std::string&) {
           return nlohmann::json{{"given_name", "Sofie"}, {"family_name", "Prøvesen"}, {"birth_date", "2002-02-03"}};
         }},
        {"POST /api/v1/registrations",
         "/api/v1/registrations",
         {"eas-analyst"},
         [&, this](const std::string&) {
           return nlohmann::json{{"person_id", NewPerson()},
                                 {"group_id", persons_.group},
                                 {"role", "associate"},
                                 {"criteria", Criteria()},
                                 {"justification", "Set med medlemmer."},
                                 {"valid_from", "2019-06-02"}};
         }},
        {"POST /api/v1/registrations/{id}/validate",
         action_path(to_validate, "validate"),
         {"eas-analyst"},
         with_version(to_validate, nlohmann::json::object())},
        {"POST /api/v1/registrations/{id}/review",
         action_path(to_review, "review"),
         {"eas-analyst"},
         with_version(to_review, {{"criteria", Criteria()}})},
        {"POST /api/v1/registrations/{id}/remove",
         action_path(to_remove, "remove"),
         {"eas-analyst"},
         with_version(to_remove, {{"reason", "no_longer_active"}, {"note", "Ikke set i miljøet i et år."}})},
        {"POST /api/v1/groups",
         "/api/v1/groups",
         {"eas-analyst"},
         [](const std::string& user) {
           return nlohmann::json{{"name", "Testgruppen " + user}};
         }},
        {"POST /api/v1/observations",
         "/api/v1/observations",
         {"eas-analyst"},
         [&](const std::string&) {
           return nlohmann::json{{"observed_at", "2019-06-01T22:15:00Z"},
                                 {"source", "patrol_stop"},
                                 {"person_ids", {persons_.police_only}}};
         }},
        {"POST /api/v1/cases",
         "/api/v1/cases",
         {"dks-officer", "ssp-caseworker", "eki-caseworker"},
         [&, this](const std::string&) {
           return nlohmann::json{{"person_id", NewPerson()}, {"track", "over18_ssp_plus"}, {"level", 1}};
         }},
        // The first allowed user closes it; the next is told it is closed already (409).
        {"POST /api/v1/cases/{id}/close",
         "/api/v1/cases/" + case_id + "/close",
         {"ssp-caseworker", "eki-caseworker"},
         [](const std::string&) {
           return nlohmann::json{{"reason", "Forløbet er afsluttet."}};
         }},
        {"POST /api/v1/cases/{id}/flags",
         "/api/v1/cases/" + flagged_id + "/flags",
         {"ssp-caseworker", "eki-caseworker"},
         [](const std::string&) {
           return nlohmann::json{
               {"flag", "exit_motivated"}, {"value", true}, {"reason", "Har selv bedt om hjælp til exit."}};
         }},
        // The first allowed user writes version 1; the next is told it exists (409).
        {"POST /api/v1/cases/{id}/assessments",
         "/api/v1/cases/" + flagged_id + "/assessments",
         {"ssp-caseworker", "eki-caseworker"},
         [](const std::string&) {
           return nlohmann::json{{"based_on_version", 0},
                                 {"life_situation", {{"school", "Går i 9. klasse, højt fravær."}}},
                                 {"participant_unit_ids", {"ssp", "eki"}}};
         }},
        // Each unit logs its own response; coordinators and external partners may not.
        {"POST /api/v1/incidents/{id}/responses",
         "/api/v1/incidents/" + to_respond + "/responses",
         {"eas-analyst", "dks-officer", "ssp-caseworker", "eki-caseworker"},
         [](const std::string&) {
           return nlohmann::json{{"role", "ssp"}, {"at", "2019-06-01T22:10:00Z"}, {"note", "På stedet."}};
         }},
        // The first holder closes it; the next is told it is closed already (409).
        {"POST /api/v1/incidents/{id}/close",
         "/api/v1/incidents/" + to_end + "/close",
         police,
         [](const std::string&) {
           return nlohmann::json{{"after_action_note", "Rollefordelingen fungerede."}};
         }},
        {"POST /api/v1/measures",
         "/api/v1/measures",
         {"ssp-caseworker", "eki-caseworker"},
         [&](const std::string&) {
           return nlohmann::json{{"person_id", persons_.arrested},
                                 {"measure_type_id", "over-18-coordination"},
                                 {"assigned_unit_id", "ssp"},
                                 {"due_on", "2019-07-01"}};
         }},
        // The first allowed user starts it; the next is told it moved meanwhile (409).
        {"POST /api/v1/measures/{id}/status",
         "/api/v1/measures/" + measure_id + "/status",
         {"ssp-caseworker", "eki-caseworker"},
         [](const std::string&) {
           return nlohmann::json{{"status", "in_progress"}, {"expected_status", "planned"}};
         }},
        {"POST /api/v1/custody-events",
         "/api/v1/custody-events",
         {"eas-analyst"},
         [&](const std::string&) {
           return nlohmann::json{{"person_id", persons_.police_only}, {"kind", "arrested"}, {"occurred_on", "2019-06-02"}};
         }},
        {"POST /api/v1/disclosures",
         "/api/v1/disclosures",
         {"eas-analyst"},
         [&](const std::string&) {
           return nlohmann::json{{"person_id", persons_.police_only},
                                 {"to_unit_id", "ssp"},
                                 {"data_categories", {"identity"}},
                                 {"legal_basis_id", "rpl-115"}};
         }},
        {"POST /api/v1/meetings",
         "/api/v1/meetings",
         {"ssp-coordinator", "sikkerby-coordinator"},
         [](const std::string&) {
           return nlohmann::json{{"meeting_type_id", "operative-steering-group"},
                                 {"held_on", "2019-06-03"},
                                 {"attending_unit_ids", {"ssp", "eas"}}};
         }},
        // The user changes go to accounts the matrix does not sign in with; enable follows disable.
        {"POST /api/v1/users",
         "/api/v1/users",
         {"admin"},
         [](const std::string& user) {
           return nlohmann::json{{"username", "matrix-" + user}, {"display_name", "Matrix (syntetisk)"},
                                 {"unit_id", "ssp"}, {"roles", {"caseworker"}}};
         }},
        {"POST /api/v1/users/{username}/disable", "/api/v1/users/exit-caseworker/disable", {"admin"}, no_fields},
        {"POST /api/v1/users/{username}/enable", "/api/v1/users/exit-caseworker/enable", {"admin"}, no_fields},
        {"POST /api/v1/users/{username}/reset-password", "/api/v1/users/exit-caseworker/reset-password", {"admin"}, no_fields},
        {"POST /api/v1/users/{username}/reset-totp", "/api/v1/users/exit-caseworker/reset-totp", {"admin"}, no_fields},
        {"POST /api/v1/incidents",
         "/api/v1/incidents",
         {"eas-analyst", "dks-officer", "ssp-caseworker", "eki-caseworker"},
         [](const std::string&) {
           return nlohmann::json{
               {"kind", "violent_conflict"}, {"occurred_at", "2019-06-02T23:40:00Z"}, {"place", "Nørrebrogade"}};
         }},
    };
  }
};

std::string Method(const std::string& route) { return route.substr(0, route.find(' ')); }

TEST_F(AuthorizationMatrixTest, EveryRouteForEveryUser) {
  std::vector<Case> table = Table();
  std::map<std::string, HttpClient> clients;
  for (const std::string& user : kUsers) clients.emplace(user, SignedIn(*server_, user));
  std::set<std::string> covered;
  for (Case& row : table) {
    covered.insert(row.route);
    for (const std::string& user : kUsers) {
      HttpClient& client = clients.at(user);
      const std::string& target = row.target;
      nlohmann::json body = row.body(user);
      auto before = server_->store().AuditAnchor();
      // Reads state their purpose, as a network run must (handlers_network.cc).
      HttpResponse response = Method(row.route) == "GET"
                                  ? client.Send("GET", target, "", {{"X-Trygnet-Purpose", "crime_prevention"}})
                                  : client.Post(target, body);
      bool allowed = row.allowed.contains("*") || row.allowed.contains(user);
      std::string label = row.route + " (" + target + ") as " + user + ": " + std::to_string(response.status) + " " +
                          response.body.substr(0, 200);
      if (allowed) {
        EXPECT_TRUE((response.status >= 200 && response.status < 300) || response.status == 409) << label;
      } else {
        ASSERT_EQ(response.status, 403) << label;
        EXPECT_EQ(response.ErrorCode(), "permission_denied") << label;
        EXPECT_FALSE(response.Json()["error"].value("reason", "").empty()) << label;
        auto after = server_->store().AuditAnchor();
        EXPECT_EQ(after->count, before->count + 1) << "the denial is audited: " << label;
      }
    }
  }
  // The table covers every route except signing in and out, which sign_in_test.cc covers.
  for (const http::Route& route : http::AllRoutes()) {
    if (route.pattern == "/api/v1/session" && route.method != "GET") continue;
    EXPECT_TRUE(covered.contains(route.Name())) << "missing from the matrix: " << route.Name();
  }
}

TEST_F(AuthorizationMatrixTest, OnlyTheHolderOfDataMayDiscloseIt) {
  HttpClient police = SignedIn(*server_, "eas-analyst");
  int64_t before = server_->store().AuditAnchor()->count;
  // The police hold no case about this person: the municipality does.
  HttpResponse response = police.Post("/api/v1/disclosures", {{"person_id", persons_.arrested},
                                                              {"to_unit_id", "dks"},
                                                              {"data_categories", {"identity", "case"}},
                                                              {"legal_basis_id", "rpl-115a"}});
  EXPECT_EQ(response.status, 403) << response.body;
  EXPECT_EQ(response.Json()["error"]["reason"], "not_owner");
  EXPECT_EQ(server_->store().AuditAnchor()->count, before + 1);
  auto disclosures = server_->store().DisclosuresForPerson(persons_.arrested);
  for (const Disclosure& disclosure : *disclosures) EXPECT_NE(disclosure.to_unit_id, "dks");
}

}  // namespace
}  // namespace trygnet::testing
