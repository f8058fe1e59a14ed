// Incidents through the API [p.11–12]: the response log role by role, the
// time to the first response per role, closing with an after-action note;
// who holds an incident; the persons involved are police data.
#include <gtest/gtest.h>

#include "demo_server.h"

namespace trygnet::testing {
namespace {

class IncidentsApiTest : public DemoServerTest {
 protected:
  // A violent conflict at 21:30 on 1 June 2019, recorded by EAS with one person involved.
  static IncidentId NewIncident() {
    HttpResponse created = SignedIn(*server_, "eas-analyst")
                               .Post("/api/v1/incidents", {{"kind", "violent_conflict"},
                                                           {"occurred_at", "2019-06-01T21:30:00Z"},
                                                           {"area_id", "blaagaards-plads"},
                                                           {"place", "Blågårds Plads"},
                                                           {"person_ids", {persons_.police_only}}});
    EXPECT_EQ(created.status, 201) << created.body;
    return created.Json()["id"].get<IncidentId>();
  }
  static std::string Path(IncidentId id, const std::string& rest = "") {
    return "/api/v1/incidents/" + std::to_string(id) + rest;
  }
};

TEST_F(IncidentsApiTest, TheResponseLogGivesTheTimeToTheFirstResponseOfEachRole) {
  IncidentId id = NewIncident();
  HttpClient police = SignedIn(*server_, "eas-analyst");
  HttpClient ssp = SignedIn(*server_, "ssp-caseworker");
  ASSERT_EQ(police.Post(Path(id, "/responses"), {{"role", "police"}, {"at", "2019-06-01T21:42:00Z"}}).status, 200);
  // Logged late, but it happened first: the log is kept in time order.
  ASSERT_EQ(police.Post(Path(id, "/responses"), {{"role", "police"}, {"at", "2019-06-01T21:38:00Z"}}).status, 200);
  HttpResponse logged =
      ssp.Post(Path(id, "/responses"), {{"role", "ssp"}, {"at", "2019-06-01T23:00:00Z"}, {"note", "Ved hospitalet."}});
  ASSERT_EQ(logged.status, 200) << logged.body;
  const nlohmann::json incident = logged.Json();
  EXPECT_EQ(incident["minutes_to_first_response"]["police"], 8);
  EXPECT_EQ(incident["minutes_to_first_response"]["ssp"], 90);
  EXPECT_TRUE(incident["minutes_to_first_response"]["hospital_presence"].is_null());
  ASSERT_EQ(incident["responses"].size(), 3u);
  EXPECT_EQ(incident["responses"][0]["at"], "2019-06-01T21:38:00Z");
  EXPECT_EQ(incident["responses"][2]["unit_id"], "ssp") << "a unit logs its own response by default";
}

TEST_F(IncidentsApiTest, PersonsInvolvedArePoliceDataAndReadsOfThemAreAuditedPerPerson) {
  IncidentId id = NewIncident();
  HttpClient police = SignedIn(*server_, "dks-officer");
  HttpClient ssp = SignedIn(*server_, "ssp-caseworker");
  EXPECT_EQ(ssp.Get(Path(id)).status, 403) << "SSP took no part in the response yet";
  ASSERT_EQ(ssp.Post(Path(id, "/responses"), {{"role", "ssp"}, {"at", "2019-06-01T22:00:00Z"}}).status, 200);

  HttpResponse municipal = ssp.Get(Path(id));
  ASSERT_EQ(municipal.status, 200) << "a responding unit holds the incident: " << municipal.body;
  EXPECT_FALSE(municipal.Json().contains("person_ids"));
  EXPECT_EQ(municipal.Json()["person_count"], 1);
  EXPECT_EQ(municipal.Json()["withheld"]["reason"], "police_data");

  int64_t before = server_->store().AuditAnchor()->count;
  HttpResponse read = police.Get(Path(id));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json()["person_ids"], nlohmann::json({persons_.police_only}));
  EXPECT_EQ(server_->store().AuditAnchor()->count, before + 1);
  AuditQuery query;
  query.person_id = persons_.police_only;
  query.user = "dks-officer";
  query.limit = 100000;
  auto entries = server_->store().QueryAudit(query);
  ASSERT_TRUE(entries.ok());
  bool found = false;
  for (const audit::AuditEntry& entry : *entries) {
    found |= entry.record.resource == "incident/" + std::to_string(id) && entry.record.action == "read";
  }
  EXPECT_TRUE(found) << "the read of the person's involvement is in the person's audit trail";

  HttpResponse named = ssp.Post("/api/v1/incidents", {{"kind", "public_gathering"},
                                                      {"occurred_at", "2019-06-02T18:00:00Z"},
                                                      {"place", "Folkets Park"},
                                                      {"person_ids", {persons_.police_only}}});
  EXPECT_EQ(named.status, 403) << "only the police name the persons involved: " << named.body;
  HttpResponse unnamed = ssp.Post("/api/v1/incidents", {{"kind", "public_gathering"},
                                                        {"occurred_at", "2019-06-02T18:00:00Z"},
                                                        {"place", "Folkets Park"}});
  EXPECT_EQ(unnamed.status, 201) << unnamed.body;
  EXPECT_EQ(ssp.Get(Path(unnamed.Json()["id"].get<IncidentId>())).status, 200) << "the recording unit holds it";
}

TEST_F(IncidentsApiTest, ClosingNeedsAnAfterActionNoteAndEndsTheLog) {
  IncidentId id = NewIncident();
  IncidentId still_open = NewIncident();
  HttpClient police = SignedIn(*server_, "eas-analyst");
  HttpResponse no_note = police.Post(Path(id, "/close"), nlohmann::json::object());
  EXPECT_EQ(no_note.status, 400);
  EXPECT_EQ(no_note.Json()["error"]["field"], "after_action_note");
  HttpResponse closed = police.Post(Path(id, "/close"), {{"after_action_note", "Hurtig respons; SSP manglede."},
                                                         {"closed_at", "2019-06-02T10:00:00Z"}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Json()["closed_at"], "2019-06-02T10:00:00Z");
  EXPECT_EQ(closed.Json()["after_action_note"], "Hurtig respons; SSP manglede.");
  EXPECT_EQ(police.Post(Path(id, "/close"), {{"after_action_note", "Igen"}}).status, 409);
  EXPECT_EQ(police.Post(Path(id, "/responses"), {{"role", "police"}, {"at", "2019-06-01T22:00:00Z"}}).status, 409);
  HttpResponse open_only = police.Get("/api/v1/incidents?open=true&limit=500");
  ASSERT_EQ(open_only.status, 200);
  const nlohmann::json open_items = open_only.Json()["items"];
  bool listed = false;
  for (const nlohmann::json& item : open_items) {
    listed |= item["id"] == still_open;
    EXPECT_NE(item["id"], id);
    EXPECT_TRUE(item["closed_at"].is_null());
    EXPECT_FALSE(item.contains("person_ids")) << "lists never name persons";
  }
  EXPECT_TRUE(listed) << "the open incident is listed";
}

TEST_F(IncidentsApiTest, BadIncidentInputIsNamed) {
  IncidentId id = NewIncident();
  HttpClient police = SignedIn(*server_, "eas-analyst");
  struct Bad {
    std::string target;
    nlohmann::json body;
    std::string field;
  };
  const std::vector<Bad> bad = {
      {Path(id, "/responses"), {{"role", "firefighters"}, {"at", "2019-06-01T22:00:00Z"}}, "role"},
      {Path(id, "/responses"), {{"role", "police"}, {"at", "2019-06-01T21:00:00Z"}}, "at"},
      {Path(id, "/responses"), {{"role", "police"}, {"at", "2031-06-01T21:00:00Z"}}, "at"},
      {Path(id, "/responses"), {{"role", "police"}, {"at", "i aftes"}}, "at"},
      {Path(id, "/responses"), {{"role", "police"}, {"at", "2019-06-01T22:00:00Z"}, {"unit_id", "brandvaesen"}},
       "unit_id"},
      {Path(id, "/close"), {{"after_action_note", "x"}, {"closed_at", "2019-06-01T20:00:00Z"}}, "closed_at"},
      {Path(id, "/close"), {{"after_action_note", "x"}, {"closed_at", "snart"}}, "closed_at"},
      {"/api/v1/incidents",
       {{"kind", "violent_conflict"}, {"occurred_at", "2019-06-01T21:30:00Z"}, {"place", "x"}, {"area_id", "mars"}},
       "area_id"},
      {"/api/v1/incidents", {{"kind", "violent_conflict"}, {"occurred_at", "2031-01-01T00:00:00Z"}, {"place", "x"}},
       "occurred_at"},
  };
  for (const Bad& item : bad) {
    HttpResponse response = police.Post(item.target, item.body);
    EXPECT_EQ(response.status, 400) << item.target << " " << item.body.dump() << ": " << response.body;
    EXPECT_EQ(response.Json()["error"].value("field", ""), item.field) << response.body;
  }
  EXPECT_EQ(police.Get("/api/v1/incidents?open=maybe").status, 400);
  EXPECT_EQ(police.Get("/api/v1/incidents/999999").status, 404);
  auto stored = server_->store().GetIncident(id);
  ASSERT_TRUE(stored.ok());
  EXPECT_TRUE(stored->responses.empty()) << "nothing was written";
  EXPECT_FALSE(stored->closed_at.has_value());
}

}  // namespace
}  // namespace trygnet::testing
