// The measures API: a unit's work queue and overdue list, the status flow as a
// domain action, custody events, and their bad input.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "demo_server.h"

namespace trygnet::testing {
namespace {

class MeasuresApiTest : public DemoServerTest {
 protected:
  // A planned measure for the demo person with a municipal case, assigned to `unit`.
  static MeasureId NewMeasure(const std::string& unit, Date due_on) {
    Measure measure;
    measure.person_id = persons_.arrested;
    measure.partnership_id = "norrebro-2017";
    measure.measure_type_id = unit == "eki" ? "exit-screening" : "over-18-coordination";
    measure.assigned_unit_id = unit;
    measure.due_on = due_on;
    measure.created_by = "ssp-caseworker";
    return *server_->store().AddMeasure(measure);
  }

  // Every item of a paged list, page by page.
  static nlohmann::json AllPages(HttpClient& client, const std::string& target) {
    nlohmann::json all = nlohmann::json::array();
    for (int64_t offset = 0;;) {
      HttpResponse page = client.Get(target + "&limit=500&offset=" + std::to_string(offset));
      EXPECT_EQ(page.status, 200) << page.body;
      if (page.status != 200) break;
      const nlohmann::json body = page.Json();
      for (const nlohmann::json& item : body["items"]) all.push_back(item);
      if (body["next_offset"].is_null()) break;
      offset = body["next_offset"].get<int64_t>();
    }
    return all;
  }

  static bool Contains(const nlohmann::json& items, MeasureId id) {
    for (const nlohmann::json& item : items) {
      if (item["id"] == id) return true;
    }
    return false;
  }
};

TEST_F(MeasuresApiTest, TheWorkQueueShowsTheUnitsOpenMeasuresOldestFirstAndTheOverdueOnes) {
  MeasureId overdue = NewMeasure("ssp", *Date::FromYmd(2019, 5, 1));  // the server's today is 2019-06-03
  MeasureId upcoming = NewMeasure("ssp", *Date::FromYmd(2019, 7, 1));
  MeasureId elsewhere = NewMeasure("eki", *Date::FromYmd(2019, 5, 2));
  HttpClient ssp = SignedIn(*server_, "ssp-caseworker");

  const nlohmann::json items = AllPages(ssp, "/api/v1/measures?open=true");
  EXPECT_TRUE(Contains(items, overdue));
  EXPECT_TRUE(Contains(items, upcoming));
  EXPECT_FALSE(Contains(items, elsewhere)) << "the default is the user's own unit";
  for (size_t idx = 1; idx < items.size(); ++idx) {
    EXPECT_LE(items[idx - 1]["due_on"].get<std::string>(), items[idx]["due_on"].get<std::string>());
    EXPECT_EQ(items[idx]["assigned_unit_id"], "ssp");
  }

  const nlohmann::json late = AllPages(ssp, "/api/v1/measures?overdue=true");
  EXPECT_TRUE(Contains(late, overdue));
  EXPECT_FALSE(Contains(late, upcoming));
  for (const nlohmann::json& item : late) EXPECT_LT(item["due_on"].get<std::string>(), "2019-06-03");

  EXPECT_TRUE(Contains(AllPages(ssp, "/api/v1/measures?unit=eki&overdue=true"), elsewhere));
}

TEST_F(MeasuresApiTest, AMeasureMovesThroughItsStatusFlowOnceEachStep) {
  MeasureId id = NewMeasure("ssp", *Date::FromYmd(2019, 6, 20));
  const std::string path = "/api/v1/measures/" + std::to_string(id) + "/status";
  HttpClient ssp = SignedIn(*server_, "ssp-caseworker");
  int64_t entries = server_->store().AuditAnchor()->count;

  HttpResponse started = ssp.Post(path, {{"status", "in_progress"}, {"expected_status", "planned"}});
  ASSERT_EQ(started.status, 200) << started.body;
  EXPECT_EQ(started.Json()["status"], "in_progress");
  EXPECT_EQ(server_->store().AuditAnchor()->count, entries + 1);

  HttpResponse stale = ssp.Post(path, {{"status", "done"}, {"expected_status", "planned"}});
  EXPECT_EQ(stale.status, 409) << stale.body;

  HttpResponse done = ssp.Post(path, {{"status", "done"},
                                      {"expected_status", "in_progress"},
                                      {"on", "2019-06-02"},
                                      {"outcome", "Samtale holdt med forældrene (testdata)."}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json()["completed_on"], "2019-06-02");
  EXPECT_EQ(done.Json()["outcome"], "Samtale holdt med forældrene (testdata).");

  HttpResponse reopened = ssp.Post(path, {{"status", "in_progress"}, {"expected_status", "done"}});
  EXPECT_GE(reopened.status, 400);
  EXPECT_LT(reopened.status, 500);
  auto stored = server_->store().GetMeasure(id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->status, MeasureStatus::kDone);

  HttpResponse read = ssp.Get("/api/v1/measures/" + std::to_string(id));
  ASSERT_EQ(read.status, 200) << read.body;
  const nlohmann::json history = read.Json()["status_history"];
  ASSERT_EQ(history.size(), 3u) << "created, started, done: " << read.body;
  EXPECT_EQ(history[0]["status"], "planned");
  EXPECT_EQ(history[2]["status"], "done");
  EXPECT_EQ(history[2]["changed_by"], "ssp-caseworker");
  EXPECT_EQ(history[2]["completed_on"], "2019-06-02");
}

TEST_F(MeasuresApiTest, OnlyTheAssignedOrganisationReportsOnAMeasure) {
  MeasureId id = NewMeasure("ssp", *Date::FromYmd(2019, 6, 20));
  HttpClient police = SignedIn(*server_, "dks-officer");
  HttpResponse response = police.Post("/api/v1/measures/" + std::to_string(id) + "/status",
                                      {{"status", "in_progress"}, {"expected_status", "planned"}});
  EXPECT_EQ(response.status, 403) << response.body;
  EXPECT_EQ(server_->store().GetMeasure(id)->status, MeasureStatus::kPlanned);
}

TEST_F(MeasuresApiTest, ACustodyEventIsRecordedByThePoliceAndReadAsPoliceData) {
  HttpClient police = SignedIn(*server_, "eas-analyst");
  HttpResponse created = police.Post(
      "/api/v1/custody-events", {{"person_id", persons_.police_only}, {"kind", "remanded"}, {"occurred_on", "2019-06-01"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json()["kind"], "remanded");

  HttpResponse listed = police.Get("/api/v1/persons/" + std::to_string(persons_.police_only) + "/custody-events");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_FALSE(listed.Json()["items"].empty());

  HttpClient ssp = SignedIn(*server_, "ssp-caseworker");
  EXPECT_EQ(ssp.Get("/api/v1/persons/" + std::to_string(persons_.police_only) + "/custody-events").status, 403);
  EXPECT_EQ(ssp.Post("/api/v1/custody-events",
                     {{"person_id", persons_.police_only}, {"kind", "arrested"}, {"occurred_on", "2019-06-01"}})
                .status,
            403);
}

struct BadRequest {
  std::string target;
  nlohmann::json body;  // null for a GET
  std::string field;
};

TEST_F(MeasuresApiTest, BadInputIsRefusedNamingTheField) {
  MeasureId id = NewMeasure("ssp", *Date::FromYmd(2019, 6, 20));
  const std::string status_path = "/api/v1/measures/" + std::to_string(id) + "/status";
  const nlohmann::json person = persons_.police_only;
  Person other;
  other.identity = {"Lise", "Andensen", std::nullopt, *Date::FromYmd(1998, 1, 9)};
  other.recorded_by_unit_id = "ssp";
  CaseFile others_case;
  others_case.person_id = *server_->store().AddPerson(other);
  others_case.partnership_id = "norrebro-2017";
  others_case.track = CaseTrack::kOver18SspPlus;
  others_case.owning_unit_id = "ssp";
  others_case.opened_on = *Date::FromYmd(2019, 1, 2);
  others_case.opened_by = "ssp-caseworker";
  const CaseId not_theirs = *server_->store().AddCase(others_case);
  auto measure_in_case = [&](int64_t case_id) {
    return nlohmann::json{{"person_id", persons_.arrested},
                          {"case_id", case_id},
                          {"measure_type_id", "over-18-coordination"},
                          {"assigned_unit_id", "ssp"},
                          {"due_on", "2019-07-01"}};
  };
  const std::vector<BadRequest> cases = {
      {"/api/v1/measures", measure_in_case(not_theirs), "case_id"},
      {"/api/v1/measures", measure_in_case(99999999), "case_id"},
      {"/api/v1/measures?overdue=maybe", nullptr, "overdue"},
      {"/api/v1/measures?open=1", nullptr, "open"},
      {"/api/v1/measures?status=finished", nullptr, "status"},
      {"/api/v1/measures?unit=nowhere", nullptr, "unit"},
      {"/api/v1/measures?limit=100000", nullptr, "limit"},
      {"/api/v1/measures?colour=red", nullptr, "colour"},
      {"/api/v1/measures/abc", nullptr, "measure_id"},
      {status_path, {{"status", "finished"}, {"expected_status", "planned"}}, "status"},
      {status_path, {{"status", "done"}}, "expected_status"},
      {status_path, {{"status", "done"}, {"expected_status", "planned"}, {"on", "2019-13-01"}}, "on"},
      {status_path, {{"status", "done"}, {"expected_status", "planned"}, {"on", "2030-01-01"}}, "on"},
      {status_path, {{"status", "done"}, {"expected_status", "planned"}, {"by", "me"}}, "by"},
      {status_path, {{"status", 3}, {"expected_status", "planned"}}, "status"},
      {"/api/v1/measures",
       {{"person_id", persons_.arrested},
        {"measure_type_id", "exit-screening"},
        {"assigned_unit_id", "ssp"},
        {"due_on", "2019-07-01"}},
       "assigned_unit_id"},
      {"/api/v1/custody-events", {{"person_id", person}, {"kind", "fined"}, {"occurred_on", "2019-06-01"}}, "kind"},
      {"/api/v1/custody-events", {{"person_id", person}, {"kind", "arrested"}, {"occurred_on", "2031-01-01"}},
       "occurred_on"},
      {"/api/v1/custody-events", {{"person_id", person}, {"kind", "arrested"}}, "occurred_on"},
      {"/api/v1/custody-events", {{"person_id", -4}, {"kind", "arrested"}, {"occurred_on", "2019-06-01"}},
       "person_id"},
      {"/api/v1/custody-events",
       {{"person_id", person}, {"kind", "arrested"}, {"occurred_on", "2019-06-01"}, {"note", std::string(30000, 'x')}},
       "note"},
  };
  HttpClient ssp = SignedIn(*server_, "ssp-caseworker");
  HttpClient police = SignedIn(*server_, "eas-analyst");
  for (const BadRequest& bad : cases) {
    HttpClient& client = bad.target.starts_with("/api/v1/custody-events") ? police : ssp;
    HttpResponse response = bad.body.is_null() ? client.Get(bad.target) : client.Post(bad.target, bad.body);
    EXPECT_EQ(response.status, 400) << bad.target << " " << bad.body.dump() << ": " << response.body;
    EXPECT_EQ(response.Json()["error"].value("field", ""), bad.field) << bad.target << ": " << response.body;
  }
  EXPECT_EQ(server_->store().GetMeasure(id)->status, MeasureStatus::kPlanned) << "nothing half-written";
  EXPECT_EQ(police.Post("/api/v1/custody-events", {{"person_id", 99999999}, {"kind", "arrested"},
                                                   {"occurred_on", "2019-06-01"}})
                .status,
            404);
}

// The server runs the trigger rules when it starts (and daily); on the demo
// data as of 2019-06-03 they find facts to act on, and audit each firing.
TEST(DailyTriggersTest, TheServerRunsTheRulesAtStartAndAuditsEachFiring) {
  auto server = TestServer::Start(/*demo=*/true, {}, 1 << 20, /*daily_triggers=*/true);
  HttpClient client = server->Client();
  std::string metrics;
  for (int attempt = 0; attempt < 200; ++attempt) {
    metrics = client.Get("/metrics").body;
    if (metrics.find("trygnet_trigger_runs_total 1") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_NE(metrics.find("trygnet_trigger_runs_total 1"), std::string::npos) << metrics;
  AuditQuery query;
  query.user = "system:triggers";
  query.limit = 100000;
  auto entries = server->store().QueryAudit(query);
  ASSERT_TRUE(entries.ok());
  EXPECT_FALSE(entries->empty());
  std::string firings = "trygnet_trigger_firings_total " + std::to_string(entries->size()) + "\n";
  EXPECT_NE(metrics.find(firings), std::string::npos) << metrics;
  for (const audit::AuditEntry& entry : *entries) EXPECT_EQ(entry.record.action, "trigger");
}

}  // namespace
}  // namespace trygnet::testing
