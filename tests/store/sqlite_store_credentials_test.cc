// Sign-in data (src/store/sqlite/sqlite_store_credentials.cc).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "store/sqlite/sqlite_store.h"
#include "store/store_fixture.h"

namespace trygnet {
namespace {

using testing::IsError;
using testing::IsOk;
using testing::StoreTest;

class CredentialsTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    LoadNorrebro();
    ASSERT_TRUE(IsOk(store_->AddUser(User{"ssp-caseworker", "Sagsbehandler (test)", "ssp", {UserRole::kCaseworker}})));
  }
};

TEST_F(CredentialsTest, StoresPasswordHashAndSealedTotpSecret) {
  ASSERT_TRUE(IsOk(store_->SetPassword("ssp-caseworker", "$argon2id$v=19$test")));
  std::vector<uint8_t> secret = {'s', 'e', 'c', 'r', 'e', 't', '-', 't', 'o', 't', 'p'};
  ASSERT_TRUE(IsOk(store_->SetTotpSecret("ssp-caseworker", secret)));
  auto credentials = store_->GetCredentials("ssp-caseworker");
  ASSERT_TRUE(IsOk(credentials));
  EXPECT_EQ(credentials->password_hash, "$argon2id$v=19$test");
  EXPECT_EQ(credentials->totp_secret, secret);
  EXPECT_EQ(credentials->failed_attempts, 0);
  // The secret is sealed at rest.
  store_.reset();
  std::ifstream in(DatabasePath(), std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  EXPECT_EQ(bytes.str().find("secret-totp"), std::string::npos);
}

TEST_F(CredentialsTest, RefusesUnknownUsersAndASecondFactorBeforeAPassword) {
  EXPECT_TRUE(IsError(store_->SetPassword("nobody", "$argon2id$x"), ErrorCode::kNotFound, "username"));
  EXPECT_TRUE(IsError(store_->SetTotpSecret("ssp-caseworker", {1, 2, 3}), ErrorCode::kFailedPrecondition));
  EXPECT_TRUE(IsError(store_->GetCredentials("ssp-caseworker"), ErrorCode::kNotFound));
  EXPECT_TRUE(IsError(store_->AddUser(User{"new-user", "Ny", "nowhere", {UserRole::kCaseworker}}),
                      ErrorCode::kInvalidArgument, "unit_id"));
  EXPECT_TRUE(IsError(store_->AddUser(User{"ssp-caseworker", "Igen", "ssp", {UserRole::kCaseworker}}),
                      ErrorCode::kConflict, "username"));
}

TEST_F(CredentialsTest, ApiTokensWorkUntilTheUserIsDisabled) {
  std::vector<uint8_t> token_hash(32, 7);
  ASSERT_TRUE(IsOk(store_->AddApiToken("ssp-caseworker", token_hash)));
  EXPECT_EQ((*store_->FindApiTokenUser(token_hash))->username, "ssp-caseworker");
  EXPECT_FALSE(store_->FindApiTokenUser(std::vector<uint8_t>(32, 8))->has_value());
  ASSERT_TRUE(IsOk(store_->SetUserDisabled("ssp-caseworker", true)));
  EXPECT_FALSE(store_->FindApiTokenUser(token_hash)->has_value());
  EXPECT_TRUE(store_->GetUser("ssp-caseworker")->disabled);
  EXPECT_TRUE(IsError(store_->SetUserDisabled("nobody", true), ErrorCode::kNotFound));
}

}  // namespace
}  // namespace trygnet

namespace trygnet {
namespace {

TEST_F(CredentialsTest, SignInStateIsStoredAndAPasswordResetClearsIt) {
  ASSERT_TRUE(IsOk(store_->SetPassword("ssp-caseworker", "$argon2id$v=19$test")));
  Timestamp locked = testing::T("2017-04-01T10:15:00Z");
  ASSERT_TRUE(IsOk(store_->SaveSignInState("ssp-caseworker", 5, locked, 1234)));
  auto credentials = store_->GetCredentials("ssp-caseworker");
  EXPECT_EQ(credentials->failed_attempts, 5);
  EXPECT_EQ(credentials->locked_until, locked);
  EXPECT_EQ(credentials->totp_last_step, 1234);
  // No step used this time: the last one is kept (a code is never accepted twice).
  ASSERT_TRUE(IsOk(store_->SaveSignInState("ssp-caseworker", 0, std::nullopt, std::nullopt)));
  EXPECT_EQ(store_->GetCredentials("ssp-caseworker")->totp_last_step, 1234);
  ASSERT_TRUE(IsOk(store_->SaveSignInState("ssp-caseworker", 3, std::nullopt, std::nullopt)));
  ASSERT_TRUE(IsOk(store_->SetPassword("ssp-caseworker", "$argon2id$v=19$new")));
  EXPECT_EQ(store_->GetCredentials("ssp-caseworker")->failed_attempts, 0);
  EXPECT_TRUE(IsError(store_->SaveSignInState("nobody", 1, std::nullopt, std::nullopt), ErrorCode::kNotFound));
}

TEST_F(CredentialsTest, RevokingEndsEveryTokenOfTheUser) {
  ASSERT_TRUE(IsOk(store_->AddApiToken("ssp-caseworker", std::vector<uint8_t>(32, 1))));
  ASSERT_TRUE(IsOk(store_->AddApiToken("ssp-caseworker", std::vector<uint8_t>(32, 2))));
  EXPECT_EQ(*store_->RevokeApiTokens("ssp-caseworker"), 2);
  EXPECT_FALSE(store_->FindApiTokenUser(std::vector<uint8_t>(32, 1))->has_value());
  EXPECT_FALSE(store_->FindApiTokenUser(std::vector<uint8_t>(32, 2))->has_value());
  EXPECT_EQ(*store_->RevokeApiTokens("ssp-caseworker"), 0);
  EXPECT_TRUE(IsError(store_->RevokeApiTokens("nobody"), ErrorCode::kNotFound));
}

}  // namespace
}  // namespace trygnet
