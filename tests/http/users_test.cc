// User administration over HTTP (write:user_admin): an administrator creates
// an account (the password and authenticator address are answered once),
// disables and enables it, and resets the password and the second factor;
// each change is audited; others are refused; bad input names the field.
#include <gtest/gtest.h>

#include "auth/totp.h"
#include "http_test_support.h"

namespace trygnet::testing {
namespace {

constexpr char kAdminPassword[] = "korrekt-hest-batteri-hæfteklamme";

class UsersApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = TestServer::Start(/*demo=*/false);
    admin_secret_ = auth::NewTotpSecret();
    server_->AddUser("it-admin", "sikker-by", {UserRole::kAdministrator}, kAdminPassword, admin_secret_);
    server_->AddUser("eas-analytiker", "eas", {UserRole::kAnalyst}, kAdminPassword, admin_secret_);
  }
  // The code for `secret` in the next 30-second step of the server's clock: a
  // step's code is accepted once per user, so each sign-in moves the clock on.
  std::string Code(const std::vector<uint8_t>& secret) {
    server_->clock().Set(server_->clock().Now().AddSeconds(auth::kTotpStepSeconds));
    return auth::TotpCode(secret, auth::TotpStep(server_->clock().Now()));
  }
  HttpClient Admin() {
    HttpClient admin = server_->Client();
    EXPECT_EQ(admin.SignIn("it-admin", kAdminPassword, Code(admin_secret_)).status, 200);
    return admin;
  }
  static std::vector<uint8_t> SecretOf(const std::string& uri) {
    const size_t start = uri.find("secret=") + 7;
    auto secret = auth::Base32Decode(uri.substr(start, uri.find('&', start) - start));
    EXPECT_TRUE(secret.ok());
    return secret.ok() ? *secret : std::vector<uint8_t>{};
  }

  std::unique_ptr<TestServer> server_;
  std::vector<uint8_t> admin_secret_;
};

TEST_F(UsersApiTest, AnAdministratorCreatesAnAccountThatSignsInWithItsPasswordAndCode) {
  HttpClient admin = Admin();
  HttpResponse created = admin.Post("/api/v1/users", {{"username", "ssp-ny"}, {"display_name", "Kirsten Testesen"},
                                                      {"unit_id", "ssp"}, {"roles", {"caseworker"}}});
  ASSERT_EQ(created.status, 201) << created.body;
  const nlohmann::json body = created.Json();
  EXPECT_EQ(body["user"]["username"], "ssp-ny");
  EXPECT_EQ(body["user"]["roles"], nlohmann::json::array({"caseworker"}));
  const std::string password = body["password"];
  EXPECT_EQ(password.size(), 23u);  // four groups of five
  const std::vector<uint8_t> secret = SecretOf(body["otpauth_uri"]);

  HttpClient newcomer = server_->Client();
  EXPECT_EQ(newcomer.SignIn("ssp-ny", password).status, 401);  // the code is needed
  EXPECT_EQ(newcomer.SignIn("ssp-ny", password, Code(secret)).status, 200);
  EXPECT_EQ(admin.Post("/api/v1/users", {{"username", "ssp-ny"}, {"display_name", "Igen"}, {"unit_id", "ssp"},
                                         {"roles", {"caseworker"}}}).status,
            409);
}

TEST_F(UsersApiTest, DisablingEndsAccessAndEnablingRestoresIt) {
  HttpClient admin = Admin();
  HttpClient analyst = server_->Client();
  ASSERT_EQ(analyst.SignIn("eas-analytiker", kAdminPassword, Code(admin_secret_)).status, 200);
  HttpResponse disabled = admin.Post("/api/v1/users/eas-analytiker/disable", nlohmann::json::object());
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_TRUE(disabled.Json()["user"]["disabled"].get<bool>());
  EXPECT_EQ(analyst.Get("/api/v1/session").status, 401);
  EXPECT_EQ(admin.Post("/api/v1/users/eas-analytiker/enable", nlohmann::json::object()).status, 200);
  EXPECT_EQ(server_->Client().SignIn("eas-analytiker", kAdminPassword, Code(admin_secret_)).status, 200);
  // Not oneself: that would lock the administrator out.
  HttpResponse self = admin.Post("/api/v1/users/it-admin/disable", nlohmann::json::object());
  EXPECT_EQ(self.status, 409);
}

TEST_F(UsersApiTest, ANewPasswordAndANewSecondFactorReplaceTheOld) {
  HttpClient admin = Admin();
  HttpResponse reset = admin.Post("/api/v1/users/eas-analytiker/reset-password", nlohmann::json::object());
  ASSERT_EQ(reset.status, 200) << reset.body;
  const std::string password = reset.Json()["password"];
  EXPECT_EQ(server_->Client().SignIn("eas-analytiker", kAdminPassword, Code(admin_secret_)).status, 401);
  HttpResponse totp = admin.Post("/api/v1/users/eas-analytiker/reset-totp", nlohmann::json::object());
  ASSERT_EQ(totp.status, 200) << totp.body;
  const std::vector<uint8_t> secret = SecretOf(totp.Json()["otpauth_uri"]);
  EXPECT_EQ(server_->Client().SignIn("eas-analytiker", password, Code(secret)).status, 200);
}

TEST_F(UsersApiTest, EachChangeIsAudited) {
  HttpClient admin = Admin();
  ASSERT_EQ(admin.Post("/api/v1/users/eas-analytiker/disable", nlohmann::json::object()).status, 200);
  AuditQuery query;
  query.user = "it-admin";
  query.limit = 500;
  auto entries = server_->store().QueryAudit(query);
  ASSERT_TRUE(entries.ok());
  bool found = false;
  for (const audit::AuditEntry& entry : *entries) {
    found = found || (entry.record.action == "disable" && entry.record.resource == "user/eas-analytiker");
  }
  EXPECT_TRUE(found);
}

TEST_F(UsersApiTest, OthersAreRefusedAndBadInputNamesTheField) {
  HttpClient analyst = server_->Client();
  ASSERT_EQ(analyst.SignIn("eas-analytiker", kAdminPassword, Code(admin_secret_)).status, 200);
  EXPECT_EQ(analyst.Post("/api/v1/users/it-admin/disable", nlohmann::json::object()).status, 403);
  // Refused before the lookup: a non-administrator cannot tell which user names exist.
  EXPECT_EQ(analyst.Post("/api/v1/users/nobody/disable", nlohmann::json::object()).status, 403);
  HttpClient admin = Admin();
  const std::vector<std::pair<nlohmann::json, std::string>> cases = {
      {{{"username", "x"}, {"display_name", "X"}, {"unit_id", "ssp"}, {"roles", {"caseworker"}}}, "username"},
      {{{"username", "ssp-nr2"}, {"display_name", "X"}, {"unit_id", "nowhere"}, {"roles", {"caseworker"}}}, "unit_id"},
      {{{"username", "ssp-nr2"}, {"display_name", "X"}, {"unit_id", "ssp"}, {"roles", {"king"}}}, "roles[0]"},
      {{{"username", "ssp-nr2"}, {"display_name", "X"}, {"unit_id", "ssp"}}, "roles"},
      {{{"username", "ssp-nr2"}, {"display_name", "X"}, {"unit_id", "ssp"}, {"roles", {"caseworker"}}, {"colour", "red"}},
       "colour"},
  };
  for (const auto& [body, field] : cases) {
    HttpResponse response = admin.Post("/api/v1/users", body);
    EXPECT_EQ(response.status, 400) << body.dump() << " " << response.body;
    EXPECT_EQ(response.Json()["error"]["field"], field) << body.dump();
  }
  EXPECT_EQ(admin.Post("/api/v1/users/nobody/disable", nlohmann::json::object()).status, 404);
  EXPECT_EQ(admin.Post("/api/v1/users/eas-analytiker/disable", {{"why", "x"}}).Json()["error"]["field"], "why");
}

}  // namespace
}  // namespace trygnet::testing
