// The rules of signing in, as pure decisions over stored values, so the HTTP
// layer only carries them out: password and second factor, lock-out after
// repeated failures, back-off, the demo waiver, and session expiry.
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/partnership.h"
#include "core/user.h"

namespace trygnet::auth {

// The documented password of the demo accounts. It opens a demo database
// only: a real database refuses it at sign-in and as a new password.
inline constexpr std::string_view kDemoPassword = "trygnet-demo-2017";

struct LockoutPolicy {
  int max_failures = 5;                 // failures in a row before the account locks
  int64_t lockout_seconds = 15 * 60;
};

struct SessionPolicy {
  int64_t idle_seconds = 30 * 60;       // signed out after this long without a request
  int64_t absolute_seconds = 10 * 3600; // and after this long in any case (one working day)
};

// Whether the user's roles see personal data in this partnership, which makes
// a second factor mandatory (issue 4).
bool NeedsSecondFactor(const Partnership& partnership, const User& user);

// The stored state a decision needs; the caller reads it from the store.
struct AccountState {
  bool disabled = false;
  std::string password_hash;
  std::vector<uint8_t> totp_secret;
  std::optional<int64_t> totp_last_step;
  int failed_attempts = 0;
  std::optional<Timestamp> locked_until;
};

enum class SignInResult {
  kSignedIn,
  kWrongCredentials,      // user, password or code wrong — the client is not told which
  kLocked,                // too many failures; try again after locked_until
  kDisabled,
  kSecondFactorMissing,   // password right, a TOTP code is needed
  kSecondFactorNotEnrolled,
};
std::string_view SignInResultName(SignInResult result);

struct SignInDecision {
  SignInResult result = SignInResult::kWrongCredentials;
  // What to store afterwards:
  int failed_attempts = 0;
  std::optional<Timestamp> locked_until;
  std::optional<int64_t> used_totp_step;
};

// Decides one attempt. `demo_database` waives the second factor and is the
// only place the demo password opens.
SignInDecision DecideSignIn(const AccountState& account, std::string_view password,
                            std::optional<std::string_view> totp_code, bool needs_second_factor,
                            bool demo_database, Timestamp now, const LockoutPolicy& policy = {});

// How long to hold the answer to an attempt after `failed_attempts` failures
// in a row: 0 for the first, then doubling from 250 ms up to 8 s.
int64_t BackoffMillis(int failed_attempts);

// Whether a session created at `created` and last used at `last_seen` is still valid at `now`.
bool SessionIsValid(Timestamp created, Timestamp last_seen, Timestamp now, const SessionPolicy& policy = {});

}  // namespace trygnet::auth
