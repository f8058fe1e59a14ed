// What a handler gets: the request, the path parameters, a store, the shared
// state of the service and — on routes that need it — the signed-in user.
#pragma once

#include <array>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "auth/sign_in.h"
#include "core/date.h"
#include "core/partnership.h"
#include "core/user.h"
#include "http/api_types.h"
#include "http/session_registry.h"
#include "http/unknown_accounts.h"
#include "policy/policy.h"
#include "store/store.h"

namespace trygnet::http {

// The purpose of access when the request names none (X-Trygnet-Purpose).
inline constexpr std::string_view kDefaultPurpose = "crime_prevention";

struct ServiceOptions {
  auth::LockoutPolicy lockout;
  auth::SessionPolicy session;
  bool delay_failed_sign_ins = true;  // back-off (auth::BackoffMillis); tests of other rules turn it off
};

// Shared by all requests; read-only after start except the session registry.
struct ServiceState {
  const Clock& clock;
  std::vector<Partnership> partnerships;
  bool demo = false;
  ServiceOptions options;
  SessionRegistry sessions;
  UnknownAccounts unknown_accounts;
  // Sign-in attempts for one user name run one at a time (a stripe per hash),
  // so parallel guesses cannot slip past the failure count or reuse a TOTP step.
  std::array<std::mutex, 64> sign_in_stripes;
  // /metrics text; set by the server, which knows the counters.
  std::function<std::string()> metrics_text;

  // The partnership whose units include `unit_id`, or nullptr.
  const Partnership* PartnershipOfUnit(std::string_view unit_id) const;
  const Partnership* FindPartnership(std::string_view id) const;
};

struct Principal {
  User user;
  policy::Subject subject;
  const Partnership* partnership = nullptr;  // nullptr when the user's unit is in none
  bool via_session = false;                  // false: bearer token
};

struct RequestContext {
  const ApiRequest& request;
  std::vector<std::string> params;  // the {…} parts of the path, in order
  Store& store;
  ServiceState& state;
  std::optional<Principal> principal;

  Timestamp Now() const { return state.clock.Now(); }
  Date Today() const { return state.clock.Now().date(); }
  std::string Purpose() const { return request.purpose.empty() ? std::string(kDefaultPurpose) : request.purpose; }
};

}  // namespace trygnet::http
