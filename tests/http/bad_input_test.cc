// The bad-input catalogue: whatever a client sends, the answer is a 4xx with
// {"error":{"code","message","field"}} — never a 5xx, never a crash, never a
// partial write — and the server goes on serving.
#include <gtest/gtest.h>

#include "demo_server.h"

namespace trygnet::testing {
namespace {

class BadInputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = TestServer::Start(/*demo=*/true, {}, /*max_body_bytes=*/64 * 1024).release();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { client_.emplace(SignedIn(*server_, "eas-analyst")); }
  void TearDown() override {
    EXPECT_EQ(server_->Client().Get("/healthz").status, 200) << "the server must still answer";
  }

  // Expects a 4xx with the error shape; returns the error object.
  static nlohmann::json ExpectClientError(const HttpResponse& response, int status, const std::string& label) {
    EXPECT_EQ(response.status, status) << label << ": " << response.body;
    nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
    EXPECT_TRUE(body.is_object() && body.contains("error")) << label << ": " << response.body;
    if (!body.is_object() || !body.contains("error")) return {};
    EXPECT_TRUE(body["error"].contains("code")) << label;
    EXPECT_TRUE(body["error"].contains("message")) << label;
    return body["error"];
  }
  HttpResponse PostRaw(const std::string& target, const std::string& body,
                       const std::string& content_type = "application/json") {
    return client_->Send("POST", target, body, {{"X-CSRF-Token", client_->csrf()}, {"Content-Type", content_type}});
  }

  static TestServer* server_;
  std::optional<HttpClient> client_;
};

TestServer* BadInputTest::server_ = nullptr;

TEST_F(BadInputTest, MalformedJson) {
  for (std::string body : {"{", "{\"given_name\": }", "nul", "{\"a\":1}}", "[]", "\"text\"", "{'a':1}"}) {
    nlohmann::json error = ExpectClientError(PostRaw("/api/v1/persons", body), 400, body);
    EXPECT_EQ(error.value("field", ""), "body") << body;
  }
}

TEST_F(BadInputTest, WrongTypesNameTheField) {
  struct Probe {
    std::string body;
    std::string field;
  };
  for (const Probe& probe : std::vector<Probe>{
           {R"({"given_name": 7, "family_name": "Testesen", "birth_date": "2001-01-02"})", "given_name"},
           {R"({"given_name": "Bo", "family_name": ["Testesen"], "birth_date": "2001-01-02"})", "family_name"},
           {R"({"given_name": "Bo", "family_name": "Testesen", "birth_date": 20010102})", "birth_date"},
           {R"({"given_name": "Bo", "family_name": "Testesen", "birth_date": true})", "birth_date"},
       }) {
    nlohmann::json error = ExpectClientError(PostRaw("/api/v1/persons", probe.body), 400, probe.body);
    EXPECT_EQ(error.value("field", ""), probe.field) << probe.body;
  }
  nlohmann::json error = ExpectClientError(PostRaw("/api/v1/registrations", R"({"person_id": "17", "role": "member"})"),
                                           400, "person_id as text");
  EXPECT_EQ(error.value("field", ""), "person_id");
}

TEST_F(BadInputTest, UnknownFieldsAreRefused) {
  nlohmann::json error = ExpectClientError(
      PostRaw("/api/v1/persons",
              R"({"given_name": "Bo", "family_name": "Testesen", "birth_date": "2001-01-02", "is_admin": true})"),
      400, "unknown field");
  EXPECT_EQ(error.value("field", ""), "is_admin");
  error = ExpectClientError(client_->Get("/api/v1/persons?limit=5&sort=name"), 400, "unknown parameter");
  EXPECT_EQ(error.value("field", ""), "sort");
}

TEST_F(BadInputTest, OversizeBodiesGet413) {
  std::string huge = R"({"given_name": ")" + std::string(100 * 1024, 'x') + R"("})";
  nlohmann::json error = ExpectClientError(PostRaw("/api/v1/persons", huge), 413, "oversize");
  EXPECT_EQ(error.value("code", ""), "payload_too_large");
}

TEST_F(BadInputTest, BadDates) {
  for (std::string date : {"2017-02-29", "2017-13-01", "17-03-31", "31.03.2017", "", "2017-03-31T25:00:00Z"}) {
    nlohmann::json error = ExpectClientError(client_->Get("/api/v1/indicators?as_of=" + date), 400, "as_of=" + date);
    EXPECT_EQ(error.value("field", ""), "as_of") << date;
  }
  nlohmann::json error = ExpectClientError(
      PostRaw("/api/v1/persons", R"({"given_name": "Bo", "family_name": "Testesen", "birth_date": "2001-02-30"})"), 400,
      "birth_date");
  EXPECT_EQ(error.value("field", ""), "birth_date");
}

TEST_F(BadInputTest, InvalidUtf8) {
  nlohmann::json error = ExpectClientError(
      PostRaw("/api/v1/persons", "{\"given_name\": \"B\xc3\x28\", \"family_name\": \"T\"}"), 400, "body");
  EXPECT_EQ(error.value("field", ""), "body");
  error = ExpectClientError(client_->Get("/api/v1/persons?area=%C3%28"), 400, "query");
  EXPECT_EQ(error.value("field", ""), "area");
  ExpectClientError(client_->Get("/api/v1/persons/%FF"), 400, "path");
}

TEST_F(BadInputTest, InjectionStringsAreJustText) {
  int64_t persons = *server_->store().CountPersons();
  ExpectClientError(client_->Get("/api/v1/persons/1%20OR%201=1"), 400, "id");
  HttpResponse listed = client_->Get("/api/v1/persons?area=x%27%20OR%20%271%27=%271");
  EXPECT_EQ(listed.status, 200);
  EXPECT_TRUE(listed.Json()["items"].empty());
  HttpResponse created = client_->Post("/api/v1/persons", {{"given_name", "Robert'); DROP TABLE persons;--"},
                                                           {"family_name", "<script>alert(1)</script>"},
                                                           {"birth_date", "2000-01-02"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json()["given_name"], "Robert'); DROP TABLE persons;--");
  EXPECT_EQ(*server_->store().CountPersons(), persons + 1);
}

TEST_F(BadInputTest, AbsurdPageSizes) {
  for (std::string limit : {"0", "-5", "501", "99999999999999999999999", "1e9", "all"}) {
    nlohmann::json error = ExpectClientError(client_->Get("/api/v1/persons?limit=" + limit), 400, limit);
    EXPECT_EQ(error.value("field", ""), "limit") << limit;
  }
  ExpectClientError(client_->Get("/api/v1/persons?offset=-1"), 400, "offset");
  // Malformed parameters are refused before access is decided.
  ExpectClientError(client_->Get("/api/v1/audit?limit=100000"), 400, "limit on the audit log");
}

TEST_F(BadInputTest, UnknownIdsAndPaths) {
  ExpectClientError(client_->Get("/api/v1/persons/999999999"), 404, "unknown person");
  ExpectClientError(client_->Get("/api/v1/registrations/999999999"), 404, "unknown registration");
  ExpectClientError(client_->Get("/api/v1/groups/999999999"), 404, "unknown group");
  ExpectClientError(client_->Get("/api/v1/partnerships/atlantis-2030"), 404, "unknown partnership");
  ExpectClientError(client_->Get("/api/v1/persons/0"), 400, "id zero");
  ExpectClientError(client_->Get("/api/v1/nothing-here"), 404, "unknown path");
  ExpectClientError(client_->Send("PUT", "/api/v1/persons/1", "{}"), 405, "wrong method");
  nlohmann::json error =
      ExpectClientError(client_->Post("/api/v1/registrations", {{"person_id", 999999999},
                                                                {"role", "member"},
                                                                {"criteria", nlohmann::json::array()},
                                                                {"justification", "x"},
                                                                {"valid_from", "2019-01-01"}}),
                        404, "registration for unknown person");
}

TEST_F(BadInputTest, WrongContentTypeGets415) {
  nlohmann::json error =
      ExpectClientError(PostRaw("/api/v1/persons", "given_name=Bo", "application/x-www-form-urlencoded"), 415, "form");
  EXPECT_EQ(error.value("field", ""), "Content-Type");
}

TEST_F(BadInputTest, DomainRulesBrokenInTheBody) {
  // One criterion where the register needs two: refused, nothing stored.
  HttpResponse person = client_->Post(
      "/api/v1/persons", {{"given_name", "Ida"}, {"family_name", "Prøvesen"}, {"birth_date", "1999-08-07"}});
  ASSERT_EQ(person.status, 201);
  auto before = server_->store().AuditAnchor()->count;
  nlohmann::json error = ExpectClientError(
      client_->Post("/api/v1/registrations",
                    {{"person_id", person.Json()["id"]},
                     {"role", "member"},
                     {"group_id", 1},
                     {"criteria", {{{"kind", "intelligence"}, {"source", "r1"}, {"observed_on", "2019-01-01"}}}},
                     {"justification", "x"},
                     {"valid_from", "2019-01-02"}}),
      400, "one criterion");
  EXPECT_EQ(error.value("field", ""), "criteria");
  EXPECT_EQ(server_->store().AuditAnchor()->count, before);
  error = ExpectClientError(client_->Post("/api/v1/registrations/1/validate", {{"version", 1}, {"extra", 1}}), 400,
                            "unknown field in an action");
  error = ExpectClientError(client_->Post("/api/v1/disclosures", {{"person_id", 1},
                                                                  {"to_unit_id", "boligsocial"},
                                                                  {"data_categories", {"identity"}},
                                                                  {"legal_basis_id", "rpl-115"}}),
                            400, "disclosure to an external actor");
  EXPECT_EQ(error.value("field", ""), "data_categories[0]");
}

TEST_F(BadInputTest, MalformedHttpIsAnsweredAndClosed) {
  HttpResponse garbage = server_->Client().SendRaw("HELLO THERE\r\n\r\n");
  ExpectClientError(garbage, 400, "not HTTP");
  HttpResponse bad_length =
      server_->Client().SendRaw("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n");
  ExpectClientError(bad_length, 400, "bad content length");
  std::string long_header = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Long: " + std::string(20000, 'a') + "\r\n\r\n";
  ExpectClientError(server_->Client().SendRaw(long_header), 431, "huge header");
}

}  // namespace
}  // namespace trygnet::testing
