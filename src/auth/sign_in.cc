#include "auth/sign_in.h"

#include <algorithm>
#include <array>

#include "auth/password.h"
#include "auth/totp.h"
#include "core/enum_names.h"

namespace trygnet::auth {
namespace {

constexpr std::array<std::pair<SignInResult, std::string_view>, 6> kResults{{
    {SignInResult::kSignedIn, "signed_in"},
    {SignInResult::kWrongCredentials, "wrong_credentials"},
    {SignInResult::kLocked, "locked"},
    {SignInResult::kDisabled, "disabled"},
    {SignInResult::kSecondFactorMissing, "second_factor_missing"},
    {SignInResult::kSecondFactorNotEnrolled, "second_factor_not_enrolled"},
}};

SignInDecision Failed(const AccountState& account, Timestamp now, const LockoutPolicy& policy) {
  SignInDecision decision;
  decision.result = SignInResult::kWrongCredentials;
  decision.failed_attempts = account.failed_attempts + 1;
  if (decision.failed_attempts >= policy.max_failures) {
    decision.locked_until = now.AddSeconds(policy.lockout_seconds);
  }
  return decision;
}

}  // namespace

std::string_view SignInResultName(SignInResult result) { return EnumName<SignInResult>(kResults, result); }

bool NeedsSecondFactor(const Partnership& partnership, const User& user) {
  for (const RoleDefinition& definition : partnership.roles) {
    if (std::find(user.roles.begin(), user.roles.end(), definition.role) == user.roles.end()) continue;
    for (const Grant& grant : definition.grants) {
      if (IsPersonalData(grant.category)) return true;
    }
  }
  return false;
}

SignInDecision DecideSignIn(const AccountState& account, std::string_view password,
                            std::optional<std::string_view> totp_code, bool needs_second_factor,
                            bool demo_database, Timestamp now, const LockoutPolicy& policy) {
  SignInDecision unchanged{SignInResult::kWrongCredentials, account.failed_attempts, account.locked_until, {}};
  if (account.disabled) {
    unchanged.result = SignInResult::kDisabled;
    return unchanged;
  }
  if (account.locked_until && now < *account.locked_until) {
    unchanged.result = SignInResult::kLocked;  // not even the right password opens a locked account
    return unchanged;
  }
  if (!demo_database && password == kDemoPassword) return Failed(account, now, policy);
  if (!VerifyPassword(account.password_hash, password)) return Failed(account, now, policy);

  SignInDecision decision{SignInResult::kSignedIn, 0, std::nullopt, std::nullopt};
  if (needs_second_factor && !demo_database) {
    if (account.totp_secret.empty()) {
      unchanged.result = SignInResult::kSecondFactorNotEnrolled;
      return unchanged;
    }
    if (!totp_code) {
      unchanged.result = SignInResult::kSecondFactorMissing;
      return unchanged;
    }
    decision.used_totp_step = MatchTotp(account.totp_secret, *totp_code, now, account.totp_last_step);
    if (!decision.used_totp_step) return Failed(account, now, policy);
  }
  return decision;
}

int64_t BackoffMillis(int failed_attempts) {
  if (failed_attempts <= 0) return 0;
  int64_t delay = 250;
  for (int doubling = 1; doubling < failed_attempts && delay < 8000; ++doubling) delay *= 2;
  return std::min<int64_t>(delay, 8000);
}

bool SessionIsValid(Timestamp created, Timestamp last_seen, Timestamp now, const SessionPolicy& policy) {
  return now.unix_seconds() - last_seen.unix_seconds() < policy.idle_seconds &&
         now.unix_seconds() - created.unix_seconds() < policy.absolute_seconds && now >= created;
}

}  // namespace trygnet::auth
