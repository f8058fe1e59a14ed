// Signed-in browser sessions, kept in memory: a session is a random token in
// an HttpOnly cookie plus a CSRF token the page sends back in a header. Only
// a hash of the session token is kept. Sessions end at sign-out, after the
// idle or absolute limit (auth::SessionPolicy), or when the server restarts
// (docs/decisions/0008-http-server.md).
// Thread-safety: all methods may be called from any thread.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "auth/sign_in.h"
#include "core/date.h"

namespace trygnet::http {

struct SessionInfo {
  std::string username;
  std::string csrf_token;
  Timestamp created;
  Timestamp last_seen;
};

struct NewSession {
  std::string token;  // goes into the cookie; never stored
  std::string csrf_token;
};

class SessionRegistry {
 public:
  explicit SessionRegistry(auth::SessionPolicy policy = {}) : policy_(policy) {}

  NewSession Create(const std::string& username, Timestamp now);
  // The session of `token` if it is still valid at `now`; marks it used.
  std::optional<SessionInfo> Use(const std::string& token, Timestamp now);
  void End(const std::string& token);
  size_t Count();

 private:
  std::mutex mutex_;
  auth::SessionPolicy policy_;
  std::unordered_map<std::string, SessionInfo> sessions_;  // by hex SHA-256 of the token
};

// A random token: 32 bytes, URL-safe base64 without padding.
std::string RandomToken();
// Compares two secrets in constant time.
bool SameSecret(const std::string& a, const std::string& b);

}  // namespace trygnet::http
