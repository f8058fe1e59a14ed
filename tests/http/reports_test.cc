// The status report through the API [p.16]: the report in each format, the
// external edition for housing partners, narratives in versions, bad input.
#include <gtest/gtest.h>

#include "demo_server.h"

namespace trygnet::testing {
namespace {

constexpr const char* kPeriod = "2017-08-01..2018-06-30";

class ReportsApiTest : public DemoServerTest {
 protected:
  static nlohmann::json Narrative(int version, const std::string& text, bool external = false) {
    return {{"period", kPeriod},     {"topic", "jobcenter-status"}, {"version", version},
            {"title", "Jobcentrets bidrag"}, {"text", text},        {"external", external}};
  }
};

TEST_F(ReportsApiTest, TheReportComesInEachFormatAsAnAttachment) {
  HttpClient secretariat = SignedIn(*server_, "sikkerby-coordinator");
  HttpResponse pdf = secretariat.Get(std::string("/api/v1/reports/status?period=") + kPeriod);
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
  EXPECT_EQ(pdf.headers["content-type"], "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf.headers["content-disposition"].find("statusrapport-norrebro-2017-2017-08-01-2018-06-30.pdf"),
            std::string::npos);

  HttpResponse html = secretariat.Get(std::string("/api/v1/reports/status?format=html&lang=en&period=") + kPeriod);
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.body.find("<html lang=\"en\""), std::string::npos);
  EXPECT_NE(html.body.find("Health of the register"), std::string::npos);

  HttpResponse xlsx = secretariat.Get(std::string("/api/v1/reports/status?format=xlsx&period=") + kPeriod);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.rfind("PK", 0), 0u);  // a zip container
}

TEST_F(ReportsApiTest, AHousingPartnerGetsTheExternalEditionOnly) {
  HttpClient partner = SignedIn(*server_, "boligsocial-partner");
  HttpResponse html = partner.Get(std::string("/api/v1/reports/status?format=html&period=") + kPeriod);
  ASSERT_EQ(html.status, 200) << html.body;
  EXPECT_EQ(html.body.find("Registrets sundhed"), std::string::npos);
  EXPECT_NE(html.body.find("Ekstern udgave"), std::string::npos);
  HttpResponse internal =
      partner.Get(std::string("/api/v1/reports/status?format=html&edition=internal&period=") + kPeriod);
  EXPECT_EQ(internal.status, 403) << internal.body;
}

TEST_F(ReportsApiTest, NarrativesAreVersionedAndARaceIsAConflict) {
  HttpClient jobcenter = SignedIn(*server_, "jobcenter-caseworker");
  HttpResponse first = jobcenter.Post("/api/v1/reports/narratives", Narrative(1, "Første udkast."));
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.Json()["unit_id"], "jobcenter");
  EXPECT_EQ(first.Json()["recorded_by"], "jobcenter-caseworker");
  HttpResponse second = jobcenter.Post("/api/v1/reports/narratives", Narrative(2, "Endelig tekst.", true));
  ASSERT_EQ(second.status, 201) << second.body;
  HttpResponse stale = jobcenter.Post("/api/v1/reports/narratives", Narrative(2, "Samtidig rettelse."));
  EXPECT_EQ(stale.status, 409) << stale.body;

  HttpResponse history =
      jobcenter.Get(std::string("/api/v1/reports/narratives?topic=jobcenter-status&period=") + kPeriod);
  ASSERT_EQ(history.status, 200) << history.body;
  const nlohmann::json versions = history.Json()["items"];
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0]["text"], "Første udkast.");
  EXPECT_EQ(versions[1]["version"], 2);

  // The partner sees the newest version of topics marked for the external edition, without staff names.
  HttpResponse shared = SignedIn(*server_, "boligsocial-partner")
                            .Get(std::string("/api/v1/reports/narratives?period=") + kPeriod);
  ASSERT_EQ(shared.status, 200) << shared.body;
  bool found = false;
  const nlohmann::json shared_body = shared.Json();
  for (const nlohmann::json& item : shared_body["items"]) {
    EXPECT_EQ(item["external"], true);
    EXPECT_FALSE(item.contains("recorded_by"));
    if (item["topic"] == "jobcenter-status") found = item["text"] == "Endelig tekst.";
  }
  EXPECT_TRUE(found) << shared.body;

}

TEST_F(ReportsApiTest, BadInputIsRefusedWithTheFieldNamed) {
  HttpClient secretariat = SignedIn(*server_, "sikkerby-coordinator");
  struct Case {
    std::string target;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"/api/v1/reports/status", "period"},
      {"/api/v1/reports/status?period=2018-06-30..2017-08-01", "period"},
      {"/api/v1/reports/status?period=2017-08-01", "period"},
      {"/api/v1/reports/status?period=2010-01-01..2010-12-31", "period"},
      {std::string("/api/v1/reports/status?format=docx&period=") + kPeriod, "format"},
      {std::string("/api/v1/reports/status?lang=de&period=") + kPeriod, "lang"},
      {std::string("/api/v1/reports/status?edition=secret&period=") + kPeriod, "edition"},
      {std::string("/api/v1/reports/status?known_at=yesterday&period=") + kPeriod, "known_at"},
      {std::string("/api/v1/reports/status?colour=red&period=") + kPeriod, "colour"},
      {"/api/v1/reports/narratives", "period"},
  };
  for (const Case& item : cases) {
    HttpResponse response = secretariat.Get(item.target);
    EXPECT_EQ(response.status, 400) << item.target << ": " << response.body;
    EXPECT_EQ(response.Json()["error"]["field"], item.field) << item.target;
  }
  const std::vector<std::pair<nlohmann::json, std::string>> bodies = {
      {{{"topic", "x"}, {"version", 1}, {"title", "T"}, {"text", "Tekst."}}, "period"},
      {{{"period", kPeriod}, {"topic", "Ikke Et Id"}, {"version", 1}, {"title", "T"}, {"text", "Tekst."}}, "topic"},
      {{{"period", kPeriod}, {"topic", "x"}, {"version", 0}, {"title", "T"}, {"text", "Tekst."}}, "version"},
      {{{"period", kPeriod}, {"topic", "x"}, {"version", 1}, {"title", " "}, {"text", "Tekst."}}, "title"},
      {{{"period", kPeriod}, {"topic", "x"}, {"version", 1}, {"title", "T"}}, "text"},
      {{{"period", kPeriod}, {"topic", "x"}, {"version", 1}, {"title", "T"}, {"text", "Tekst."}, {"external", "ja"}},
       "external"},
      {{{"period", "2030-01-01..2030-12-31"}, {"topic", "x"}, {"version", 1}, {"title", "T"}, {"text", "Tekst."}},
       "period"},
  };
  for (const auto& [body, field] : bodies) {
    HttpResponse response = secretariat.Post("/api/v1/reports/narratives", body);
    EXPECT_EQ(response.status, 400) << body.dump() << ": " << response.body;
    EXPECT_EQ(response.Json()["error"]["field"], field) << body.dump();
  }
}

}  // namespace
}  // namespace trygnet::testing
