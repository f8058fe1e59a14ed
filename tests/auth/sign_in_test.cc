#include "auth/sign_in.h"

#include <gtest/gtest.h>

#include "auth/password.h"
#include "auth/totp.h"
#include "definition/partnership_loader.h"

namespace trygnet::auth {
namespace {

const Timestamp kNow = Timestamp::FromUnixSeconds(1500000000);

// Argon2id is slow on purpose: hash the test password once.
const std::string& TestHash() {
  static const std::string hash = *HashPassword("grøn cykel på broen");
  return hash;
}

AccountState Account() {
  AccountState account;
  account.password_hash = TestHash();
  account.totp_secret = std::vector<uint8_t>(20, 42);
  return account;
}

std::string CurrentCode(const AccountState& account) { return TotpCode(account.totp_secret, TotpStep(kNow)); }

TEST(SignIn, RightPasswordAndCodeSignIn) {
  AccountState account = Account();
  account.failed_attempts = 3;
  SignInDecision decision = DecideSignIn(account, "grøn cykel på broen", CurrentCode(account), true, false, kNow);
  EXPECT_EQ(decision.result, SignInResult::kSignedIn);
  EXPECT_EQ(decision.failed_attempts, 0);  // a success clears earlier failures
  EXPECT_EQ(decision.used_totp_step, TotpStep(kNow));
}

TEST(SignIn, TheSecondFactorIsRequiredWhereRolesSeePersonalData) {
  AccountState account = Account();
  EXPECT_EQ(DecideSignIn(account, "grøn cykel på broen", std::nullopt, true, false, kNow).result,
            SignInResult::kSecondFactorMissing);
  EXPECT_EQ(DecideSignIn(account, "grøn cykel på broen", std::nullopt, false, false, kNow).result,
            SignInResult::kSignedIn);
  account.totp_secret.clear();
  EXPECT_EQ(DecideSignIn(account, "grøn cykel på broen", std::nullopt, true, false, kNow).result,
            SignInResult::kSecondFactorNotEnrolled);
}

TEST(SignIn, AWrongOrReusedCodeCountsAsAFailure) {
  AccountState account = Account();
  SignInDecision wrong = DecideSignIn(account, "grøn cykel på broen", "000000", true, false, kNow);
  EXPECT_EQ(wrong.result, SignInResult::kWrongCredentials);
  EXPECT_EQ(wrong.failed_attempts, 1);
  account.totp_last_step = TotpStep(kNow);
  EXPECT_EQ(DecideSignIn(account, "grøn cykel på broen", CurrentCode(account), true, false, kNow).result,
            SignInResult::kWrongCredentials);
}

TEST(SignIn, LocksAfterRepeatedFailuresEvenForTheRightPassword) {
  AccountState account = Account();
  for (int attempt = 1; attempt <= 5; ++attempt) {
    SignInDecision decision = DecideSignIn(account, "forkert kodeord!!", std::nullopt, false, false, kNow);
    EXPECT_EQ(decision.failed_attempts, attempt);
    account.failed_attempts = decision.failed_attempts;
    account.locked_until = decision.locked_until;
  }
  ASSERT_TRUE(account.locked_until.has_value());
  EXPECT_EQ(*account.locked_until, kNow.AddSeconds(15 * 60));
  EXPECT_EQ(DecideSignIn(account, "grøn cykel på broen", std::nullopt, false, false, kNow.AddSeconds(60)).result,
            SignInResult::kLocked);
  // After the lock-out the right password opens again.
  EXPECT_EQ(DecideSignIn(account, "grøn cykel på broen", std::nullopt, false, false, kNow.AddSeconds(16 * 60)).result,
            SignInResult::kSignedIn);
}

TEST(SignIn, ADisabledAccountNeverSignsIn) {
  AccountState account = Account();
  account.disabled = true;
  EXPECT_EQ(DecideSignIn(account, "grøn cykel på broen", CurrentCode(account), true, false, kNow).result,
            SignInResult::kDisabled);
}

TEST(SignIn, TheDemoPasswordAndWaiverWorkOnlyInADemoDatabase) {
  AccountState demo;
  demo.password_hash = *HashPassword(kDemoPassword);
  EXPECT_EQ(DecideSignIn(demo, kDemoPassword, std::nullopt, true, true, kNow).result, SignInResult::kSignedIn);
  EXPECT_EQ(DecideSignIn(demo, kDemoPassword, std::nullopt, true, false, kNow).result,
            SignInResult::kWrongCredentials);
  EXPECT_FALSE(CheckPasswordPolicy(kDemoPassword, "someone").ok());
}

TEST(Backoff, DoublesUpToACap) {
  EXPECT_EQ(BackoffMillis(0), 0);
  EXPECT_EQ(BackoffMillis(1), 250);
  EXPECT_EQ(BackoffMillis(2), 500);
  EXPECT_EQ(BackoffMillis(3), 1000);
  EXPECT_EQ(BackoffMillis(6), 8000);
  EXPECT_EQ(BackoffMillis(60), 8000);
}

TEST(Session, ExpiresWhenIdleAndAfterAWorkingDay) {
  Timestamp created = kNow;
  EXPECT_TRUE(SessionIsValid(created, created, created.AddSeconds(29 * 60)));
  EXPECT_FALSE(SessionIsValid(created, created, created.AddSeconds(30 * 60)));
  EXPECT_TRUE(SessionIsValid(created, created.AddSeconds(9 * 3600), created.AddSeconds(9 * 3600 + 60)));
  EXPECT_FALSE(SessionIsValid(created, created.AddSeconds(10 * 3600 - 10), created.AddSeconds(10 * 3600)));
  EXPECT_FALSE(SessionIsValid(created, created, created.AddSeconds(-5)));
}

TEST(NeedsSecondFactor, FollowsTheRolesGrants) {
  PartnershipLoad load = LoadPartnershipFile(TRYGNET_SOURCE_DIR "/partnerships/norrebro-2017.toml");
  ASSERT_TRUE(load.ok());
  const Partnership& partnership = *load.partnership;
  EXPECT_TRUE(NeedsSecondFactor(partnership, User{"a", "A", "eas", {UserRole::kAnalyst}}));
  EXPECT_TRUE(NeedsSecondFactor(partnership, User{"c", "C", "ssp", {UserRole::kCaseworker}}));
  EXPECT_FALSE(NeedsSecondFactor(partnership, User{"b", "B", "boligsocial", {UserRole::kExternalPartner}}));
  EXPECT_FALSE(NeedsSecondFactor(partnership, User{"d", "D", "sikker-by", {UserRole::kAuditor}}));
  EXPECT_TRUE(NeedsSecondFactor(partnership, User{"e", "E", "sikker-by", {UserRole::kAuditor, UserRole::kCoordinator}}));
}

}  // namespace
}  // namespace trygnet::auth
