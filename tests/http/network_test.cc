// The network analysis through the API [p.8–9, p.12]: police analysts run
// it with a stated purpose, which the audit log keeps with one entry per
// person shown; municipal users and housing partners are refused; persons
// without a registration or a case appear by pseudonym; bad input names the field.
#include <gtest/gtest.h>

#include "demo_server.h"

namespace trygnet::testing {
namespace {

constexpr const char* kNetwork = "/api/v1/network?as_of=2018-06-30&top=5&pivots=8";

class NetworkApiTest : public DemoServerTest {
 protected:
  static HttpResponse Run(HttpClient& client, const std::string& target, const std::string& purpose = "crime_prevention") {
    std::map<std::string, std::string> headers;
    if (!purpose.empty()) headers["X-Trygnet-Purpose"] = purpose;
    return client.Send("GET", target, "", headers);
  }

  static std::vector<audit::AuditEntry> EntriesSince(int64_t sequence) {
    std::vector<audit::AuditEntry> entries;
    EXPECT_TRUE(server_->store()
                    .ScanAudit([&](const audit::AuditEntry& entry) -> Status {
                      if (entry.sequence > sequence) entries.push_back(entry);
                      return OkStatus();
                    })
                    .ok());
    return entries;
  }
};

TEST_F(NetworkApiTest, AnAnalystGetsTheMeasuresWithTheirExplanations) {
  HttpClient analyst = SignedIn(*server_, "eas-analyst");
  HttpResponse response = Run(analyst, kNetwork);
  ASSERT_EQ(response.status, 200) << response.body.substr(0, 300);
  const nlohmann::json body = response.Json();
  EXPECT_GT(body["network"]["persons"].get<int64_t>(), 100);
  EXPECT_GT(body["network"]["ties"].get<int64_t>(), 100);
  EXPECT_EQ(body["request"]["as_of"], "2018-06-30");
  EXPECT_EQ(body["request"]["from"], "2017-06-30");
  EXPECT_NE(body["notice"]["da"].get<std::string>().find("ændrer ingen persons status"), std::string::npos);
  EXPECT_LE(body["top"]["pagerank"].size(), 5u);
  ASSERT_FALSE(body["top"]["pagerank"].empty());
  EXPECT_FALSE(body["groups"].empty());
  for (const nlohmann::json& plan : body["betweenness"]["components"]) {
    if (plan["method"] == "sampled") {
      EXPECT_EQ(plan["pivots"], 8);
      EXPECT_GT(plan["error_bound"].get<double>(), 0);
    }
  }
  // Every shown person has figures and the ties behind them.
  ASSERT_FALSE(body["persons"].empty());
  for (const nlohmann::json& person : body["persons"]) {
    EXPECT_TRUE(person.contains("name") != person.contains("pseudonym")) << person.dump();
    EXPECT_GE(person["measures"]["degree"].get<int64_t>(), 1);
    ASSERT_FALSE(person["ties"].empty());
    EXPECT_FALSE(person["ties"][0]["observation_ids"].empty());
    if (person.contains("pseudonym")) {
      EXPECT_FALSE(person.contains("id"));
    }
  }
}

TEST_F(NetworkApiTest, TheRunAndEveryPersonShownAreAuditedWithThePurpose) {
  HttpClient analyst = SignedIn(*server_, "eas-analyst");
  const int64_t before = server_->store().AuditAnchor()->count;
  HttpResponse response = Run(analyst, kNetwork);
  ASSERT_EQ(response.status, 200);
  const std::vector<audit::AuditEntry> entries = EntriesSince(before);
  ASSERT_GE(entries.size(), 2u);
  EXPECT_EQ(entries[0].record.action, "analyse");
  EXPECT_EQ(entries[0].record.resource, "network/norrebro-2017/2018-06-30");
  std::set<PersonId> audited;
  for (const audit::AuditEntry& entry : entries) {
    EXPECT_EQ(entry.record.purpose, "crime_prevention");
    EXPECT_EQ(entry.record.user, "eas-analyst");
    if (entry.record.person_id) audited.insert(*entry.record.person_id);
  }
  // Every named person in the answer has an entry (pseudonyms carry no id to compare).
  for (const nlohmann::json& person : response.Json()["persons"]) {
    if (person.contains("id")) {
      EXPECT_TRUE(audited.contains(person["id"].get<PersonId>())) << person.dump();
    }
  }
  EXPECT_GE(audited.size(), response.Json()["persons"].size());
}

TEST_F(NetworkApiTest, ARunMustStateItsPurpose) {
  HttpClient analyst = SignedIn(*server_, "eas-analyst");
  HttpResponse response = Run(analyst, kNetwork, "");
  EXPECT_EQ(response.status, 400) << response.body;
  EXPECT_EQ(response.Json()["error"]["field"], "X-Trygnet-Purpose");
  EXPECT_EQ(Run(analyst, kNetwork, "curiosity").status, 400);  // not a purpose of the partnership
}

TEST_F(NetworkApiTest, MunicipalUsersAndHousingPartnersAreRefused) {
  for (const char* user : {"ssp-caseworker", "sikkerby-coordinator", "boligsocial-partner"}) {
    HttpClient client = SignedIn(*server_, user);
    HttpResponse response = Run(client, kNetwork);
    EXPECT_EQ(response.status, 403) << user << ": " << response.body;
  }
  HttpClient ssp = SignedIn(*server_, "ssp-caseworker");
  HttpResponse person = Run(ssp, "/api/v1/persons/" + std::to_string(persons_.police_only) +
                                     "/network?as_of=2019-06-30&from=2015-01-01");
  EXPECT_EQ(person.status, 403) << person.body;
  EXPECT_EQ(person.Json()["error"]["reason"], "no_disclosure");
}

TEST_F(NetworkApiTest, OnePersonsNetworkShowsEveryTie) {
  HttpClient analyst = SignedIn(*server_, "eas-analyst");
  HttpResponse response = Run(analyst, "/api/v1/persons/" + std::to_string(persons_.police_only) +
                                           "/network?as_of=2019-06-30&from=2015-01-01");
  ASSERT_EQ(response.status, 200) << response.body.substr(0, 300);
  const nlohmann::json body = response.Json();
  ASSERT_EQ(body["persons"].size(), 1u);
  const nlohmann::json& person = body["persons"][0];
  EXPECT_EQ(person["id"], persons_.police_only);
  EXPECT_EQ(person["ties"].size(), person["ties_total"].get<size_t>());
  HttpResponse unknown = Run(analyst, "/api/v1/persons/99999999/network?as_of=2019-06-30");
  EXPECT_EQ(unknown.status, 404);
}

TEST_F(NetworkApiTest, BadInputNamesTheField) {
  HttpClient analyst = SignedIn(*server_, "eas-analyst");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/api/v1/network", "as_of"},
      {"/api/v1/network?as_of=2018-02-30", "as_of"},
      {"/api/v1/network?as_of=2018-06-30&top=0", "top"},
      {"/api/v1/network?as_of=2018-06-30&window=-5", "window"},
      {"/api/v1/network?as_of=2018-06-30&area=atlantis", "area"},
      {"/api/v1/network?as_of=2018-06-30&from=2018-07-01", "from"},
      {"/api/v1/network?as_of=2018-06-30&pivots=lots", "pivots"},
      {"/api/v1/network?as_of=2018-06-30&colour=red", "colour"},
      // The person route has no top lists: `top` is refused, not ignored.
      {"/api/v1/persons/1/network?as_of=2018-06-30&top=5", "top"},
  };
  for (const auto& [target, field] : cases) {
    HttpResponse response = Run(analyst, target);
    EXPECT_EQ(response.status, 400) << target << ": " << response.body;
    EXPECT_EQ(response.Json()["error"]["field"], field) << target;
  }
}

}  // namespace
}  // namespace trygnet::testing
