// Signing in over HTTP on a real (non-demo) database: passwords, second
// factor, lock-out, sessions with CSRF, expiry, sign-out and bearer tokens.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "auth/api_token.h"
#include "auth/totp.h"
#include "http_test_support.h"

namespace trygnet::testing {
namespace {

constexpr char kPassword[] = "korrekt-hest-batteri-hæfteklamme";

class SignInTest : public ::testing::Test {
 protected:
  void SetUp() override {
    http::ServiceOptions options;
    options.delay_failed_sign_ins = false;  // FailedSignInsAreAnsweredLater checks the delay
    server_ = TestServer::Start(/*demo=*/false, options);
    secret_ = auth::NewTotpSecret();
    server_->AddUser("eas-analytiker", "eas", {UserRole::kAnalyst}, kPassword, secret_);
    server_->AddUser("ssp-uden-kode", "ssp", {UserRole::kCaseworker}, kPassword);
    server_->AddUser("styregruppe", "sikker-by", {UserRole::kSteeringMember}, kPassword);
  }
  std::string CodeNow() { return auth::TotpCode(secret_, auth::TotpStep(server_->clock().Now())); }

  std::unique_ptr<TestServer> server_;
  std::vector<uint8_t> secret_;
};

TEST_F(SignInTest, PasswordAndCodeGiveASessionCookieWithTheRightAttributes) {
  HttpClient client = server_->Client();
  HttpResponse response = client.SignIn("eas-analytiker", kPassword, CodeNow());
  ASSERT_EQ(response.status, 200) << response.body;
  std::string cookie = response.headers["set-cookie"];
  EXPECT_NE(cookie.find("trygnet_session="), std::string::npos);
  for (std::string attribute : {"HttpOnly", "Secure", "SameSite=Strict", "Path=/"}) {
    EXPECT_NE(cookie.find(attribute), std::string::npos) << attribute;
  }
  EXPECT_EQ(response.Json()["user"]["username"], "eas-analytiker");
  EXPECT_FALSE(client.csrf().empty());
  EXPECT_EQ(client.Get("/api/v1/session").status, 200);
}

TEST_F(SignInTest, TheSessionNamesTheUnitAndTheMeasureTypesForTheInterface) {
  server_->AddUser("ssp-med-kode", "ssp", {UserRole::kCaseworker}, kPassword, secret_);
  HttpClient client = server_->Client();
  ASSERT_EQ(client.SignIn("ssp-med-kode", kPassword, CodeNow()).status, 200);
  // A caseworker has no read:partnership, yet the interface needs these words.
  nlohmann::json session = client.Get("/api/v1/session").Json();
  EXPECT_EQ(session["unit"]["id"], "ssp");
  EXPECT_EQ(session["unit"]["name"], "SSP København");
  EXPECT_EQ(session["unit"]["name_en"], "SSP Copenhagen");
  ASSERT_TRUE(session["measure_types"].is_array());
  ASSERT_FALSE(session["measure_types"].empty());
  bool found = false;
  for (const nlohmann::json& type : session["measure_types"]) {
    if (type["id"] == "concern-conversation") found = type["name"] == "Bekymringssamtale (hjemmebesøg, SOF og DKS)";
  }
  EXPECT_TRUE(found);
  ASSERT_TRUE(session["units"].is_array());
  bool eas = false;
  for (const nlohmann::json& unit : session["units"]) eas = eas || unit["id"] == "eas";
  EXPECT_TRUE(eas);
  ASSERT_TRUE(session["areas"].is_array());
  ASSERT_FALSE(session["areas"].empty());
  EXPECT_TRUE(session["areas"][0].contains("kind"));
  // A caseworker's grants, from the partnership's role definitions.
  std::vector<std::string> grants = session["grants"].get<std::vector<std::string>>();
  EXPECT_NE(std::find(grants.begin(), grants.end(), "write:case"), grants.end());
  EXPECT_EQ(std::find(grants.begin(), grants.end(), "write:registration"), grants.end());
  EXPECT_EQ(session["partnership_period"]["from"], "2017-01-01");
  EXPECT_EQ(session["purposes"], nlohmann::json::array({"crime_prevention"}));
  EXPECT_EQ(client.Get("/api/v1/partnerships/norrebro-2017").status, 403);
}

TEST_F(SignInTest, RolesWithPersonalDataNeedTheSecondFactor) {
  HttpClient client = server_->Client();
  HttpResponse without_code = client.SignIn("eas-analytiker", kPassword);
  EXPECT_EQ(without_code.status, 401);
  EXPECT_EQ(without_code.ErrorCode(), "second_factor_required");
  HttpResponse wrong_code = client.SignIn("eas-analytiker", kPassword, "000000");
  EXPECT_EQ(wrong_code.ErrorCode(), "wrong_credentials");
  HttpResponse not_enrolled = client.SignIn("ssp-uden-kode", kPassword);
  EXPECT_EQ(not_enrolled.status, 403);
  EXPECT_EQ(not_enrolled.ErrorCode(), "second_factor_not_enrolled");
  // A role without personal data signs in with the password alone.
  EXPECT_EQ(client.SignIn("styregruppe", kPassword).status, 200);
}

TEST_F(SignInTest, ACodeIsNotAcceptedTwice) {
  std::string code = CodeNow();
  EXPECT_EQ(server_->Client().SignIn("eas-analytiker", kPassword, code).status, 200);
  EXPECT_EQ(server_->Client().SignIn("eas-analytiker", kPassword, code).ErrorCode(), "wrong_credentials");
}

TEST_F(SignInTest, WrongPasswordsLockTheAccountAndAreAudited) {
  HttpClient client = server_->Client();
  for (int attempt = 1; attempt <= 5; ++attempt) {
    HttpResponse response = client.SignIn("styregruppe", "forkert-adgangskode-1");
    EXPECT_EQ(response.status, 401);
  }
  HttpResponse locked = client.SignIn("styregruppe", kPassword);
  EXPECT_EQ(locked.ErrorCode(), "account_locked");
  server_->clock().Set(server_->clock().Now().AddSeconds(16 * 60));
  EXPECT_EQ(client.SignIn("styregruppe", kPassword).status, 200);
  AuditQuery query;
  query.user = "styregruppe";
  auto entries = server_->store().QueryAudit(query);
  ASSERT_TRUE(entries.ok());
  int denied = 0;
  for (const auto& entry : *entries) denied += entry.record.outcome == audit::Outcome::kDenied;
  EXPECT_EQ(denied, 6);
}

TEST_F(SignInTest, UnknownUsersGetTheSameAnswersAsWrongPasswords) {
  // Five failures each, then the right password for the real account: the
  // unknown name is answered the same way every time, lock-out included.
  HttpClient client = server_->Client();
  for (int attempt = 1; attempt <= 6; ++attempt) {
    HttpResponse unknown = client.SignIn("ingen-saadan", attempt <= 5 ? "forkert-adgangskode-1" : kPassword);
    HttpResponse real = client.SignIn("styregruppe", attempt <= 5 ? "forkert-adgangskode-1" : kPassword);
    EXPECT_EQ(unknown.status, real.status) << attempt;
    EXPECT_EQ(unknown.ErrorCode(), real.ErrorCode()) << attempt;
  }
}

TEST(SignInBackoffTest, FailedSignInsAreAnsweredLater) {
  auto server = TestServer::Start(/*demo=*/false);
  server->AddUser("styregruppe", "sikker-by", {UserRole::kSteeringMember}, kPassword);
  HttpClient client = server->Client();
  auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(client.SignIn("styregruppe", "forkert-adgangskode-1").status, 401);
  EXPECT_EQ(client.SignIn("ingen-saadan", "forkert-adgangskode-1").status, 401);
  auto waited = std::chrono::steady_clock::now() - started;
  // Not a timing benchmark: the deliberate delay of 250 ms per first failure must be there.
  EXPECT_GE(waited, std::chrono::milliseconds(500));
  EXPECT_EQ(client.SignIn("styregruppe", kPassword).status, 200);
}

TEST_F(SignInTest, TheDemoPasswordDoesNotOpenARealDatabase) {
  ASSERT_TRUE(server_->store().SetPassword("styregruppe", *auth::HashPassword(auth::kDemoPassword)).ok());
  EXPECT_EQ(server_->Client().SignIn("styregruppe", std::string(auth::kDemoPassword)).status, 401);
}

TEST_F(SignInTest, ChangesWithACookieNeedTheCsrfToken) {
  HttpClient client = server_->Client();
  ASSERT_EQ(client.SignIn("eas-analytiker", kPassword, CodeNow()).status, 200);
  nlohmann::json person = {{"given_name", "Mikkel"}, {"family_name", "Testesen"}, {"birth_date", "2001-05-17"}};
  HttpResponse without = client.Send("POST", "/api/v1/persons", person.dump());
  EXPECT_EQ(without.status, 403);
  EXPECT_EQ(without.ErrorCode(), "csrf_token_invalid");
  HttpResponse wrong = client.Send("POST", "/api/v1/persons", person.dump(), {{"X-CSRF-Token", "gæt"}});
  EXPECT_EQ(wrong.ErrorCode(), "csrf_token_invalid");
  EXPECT_EQ(client.Post("/api/v1/persons", person).status, 201);
}

TEST_F(SignInTest, SessionsExpireWhenIdleAndAfterTheWorkingDay) {
  HttpClient client = server_->Client();
  ASSERT_EQ(client.SignIn("styregruppe", kPassword).status, 200);
  server_->clock().Set(server_->clock().Now().AddSeconds(29 * 60));
  EXPECT_EQ(client.Get("/api/v1/session").status, 200);
  server_->clock().Set(server_->clock().Now().AddSeconds(31 * 60));
  EXPECT_EQ(client.Get("/api/v1/session").status, 401);

  ASSERT_EQ(client.SignIn("styregruppe", kPassword).status, 200);
  for (int step = 0; step < 21; ++step) {  // busy all day: every 29 minutes for 10 hours and more
    server_->clock().Set(server_->clock().Now().AddSeconds(29 * 60));
    if (client.Get("/api/v1/session").status != 200) break;
  }
  EXPECT_EQ(client.Get("/api/v1/session").status, 401);
}

TEST_F(SignInTest, SignOutEndsTheSession) {
  HttpClient client = server_->Client();
  ASSERT_EQ(client.SignIn("styregruppe", kPassword).status, 200);
  HttpResponse out = client.Send("DELETE", "/api/v1/session", "", {{"X-CSRF-Token", client.csrf()}});
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.headers["set-cookie"].find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(client.Get("/api/v1/session").status, 401);
}

TEST_F(SignInTest, DisablingAnAccountEndsItsAccessAtOnce) {
  HttpClient client = server_->Client();
  ASSERT_EQ(client.SignIn("styregruppe", kPassword).status, 200);
  ASSERT_TRUE(server_->store().SetUserDisabled("styregruppe", true).ok());
  EXPECT_EQ(client.Get("/api/v1/session").status, 401);
}

TEST_F(SignInTest, ANewPasswordEndsOpenSessions) {
  HttpClient client = server_->Client();
  ASSERT_EQ(client.SignIn("styregruppe", kPassword).status, 200);
  server_->clock().Set(server_->clock().Now().AddSeconds(60));
  ASSERT_TRUE(server_->store().SetPassword("styregruppe", *auth::HashPassword("nyt-kodeord-til-styregruppen")).ok());
  EXPECT_EQ(client.Get("/api/v1/session").status, 401);
  EXPECT_EQ(client.SignIn("styregruppe", "nyt-kodeord-til-styregruppen").status, 200);
}

TEST_F(SignInTest, AnUnknownPurposeIsRefused) {
  HttpClient client = server_->Client();
  ASSERT_EQ(client.SignIn("styregruppe", kPassword).status, 200);
  HttpResponse response = client.Send("GET", "/api/v1/session", "", {{"X-Trygnet-Purpose", "crime_prevension"}});
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.Json()["error"]["field"], "X-Trygnet-Purpose");
  EXPECT_EQ(client.Send("GET", "/api/v1/session", "", {{"X-Trygnet-Purpose", "crime_prevention"}}).status, 200);
}

TEST_F(SignInTest, BearerTokensWorkUntilRevoked) {
  auth::IssuedToken token = auth::IssueApiToken();
  ASSERT_TRUE(server_->store().AddApiToken("eas-analytiker", token.token_hash).ok());
  HttpClient client = server_->Client();
  client.UseBearer(token.token);
  EXPECT_EQ(client.Get("/api/v1/session").status, 200);
  ASSERT_TRUE(server_->store().RevokeApiTokens("eas-analytiker").ok());
  HttpResponse revoked = client.Get("/api/v1/session");
  EXPECT_EQ(revoked.status, 401);
  EXPECT_EQ(revoked.headers["www-authenticate"], "Bearer realm=\"trygnet\"");
  client.UseBearer("tg_not-a-token");
  EXPECT_EQ(client.Get("/api/v1/persons").status, 401);
}

TEST_F(SignInTest, EveryPersonalDataRouteNeedsASignIn) {
  HttpClient client = server_->Client();
  for (std::string target : {"/api/v1/persons", "/api/v1/persons/1", "/api/v1/registrations", "/api/v1/audit",
                             "/api/v1/indicators", "/api/v1/users"}) {
    EXPECT_EQ(client.Get(target).status, 401) << target;
  }
}

}  // namespace
}  // namespace trygnet::testing
