#include "auth/password.h"

#include <gtest/gtest.h>

#include "auth/api_token.h"

namespace trygnet::auth {
namespace {

void ExpectRefused(std::string_view password, std::string_view username, std::string_view why) {
  Status status = CheckPasswordPolicy(password, username);
  ASSERT_FALSE(status.ok()) << password;
  EXPECT_EQ(status.error().field, "password");
  EXPECT_NE(status.error().message.find(why), std::string::npos) << status.error().message;
}

TEST(PasswordPolicy, AcceptsALongPassphrase) {
  EXPECT_TRUE(CheckPasswordPolicy("grøn cykel på dronning louises bro", "ssp-caseworker").ok());
  EXPECT_TRUE(CheckPasswordPolicy("æøåæøåæøåæøå", "x-user").ok());  // twelve characters, 24 bytes
}

TEST(PasswordPolicy, RefusesWhatIsEasyToGuess) {
  ExpectRefused("kort1234", "eas-analyst", "at least 12");
  ExpectRefused(std::string(129, 'a') + "b", "eas-analyst", "at most 128");
  ExpectRefused("my-EAS-Analyst-2017", "eas-analyst", "user name");
  ExpectRefused("aaaaaaaaaaaaaaa", "eas-analyst", "repeated");
  ExpectRefused("øøøøøøøøøøøøø", "eas-analyst", "repeated");
  ExpectRefused("Password1234", "eas-analyst", "well-known");
  ExpectRefused(std::string("abcdefghijk\xff"), "eas-analyst", "UTF-8");
}

TEST(PasswordHash, VerifiesOnlyTheRightPassword) {
  auto hash = HashPassword("grøn cykel på broen");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(VerifyPassword(*hash, "grøn cykel på broen"));
  EXPECT_FALSE(VerifyPassword(*hash, "grøn cykel på broen "));
  EXPECT_FALSE(VerifyPassword("not a hash", "grøn cykel på broen"));
  // Salted: the same password hashes differently each time.
  EXPECT_NE(*HashPassword("grøn cykel på broen"), *hash);
}

TEST(ApiToken, IsRandomAndStoredOnlyAsAHash) {
  IssuedToken first = IssueApiToken();
  IssuedToken second = IssueApiToken();
  EXPECT_EQ(first.token.rfind("tg_", 0), 0u);
  EXPECT_EQ(first.token.size(), 3u + 43u);
  EXPECT_NE(first.token, second.token);
  EXPECT_EQ(first.token_hash, HashApiToken(first.token));
  EXPECT_NE(first.token_hash, HashApiToken(second.token));
  EXPECT_EQ(first.token_hash.size(), 32u);
}

}  // namespace
}  // namespace trygnet::auth
