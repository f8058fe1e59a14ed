// Sign-in attempts for user names that do not exist are treated like attempts
// on a real account with a password nobody knows: the same password check
// (and so the same time), the same failure count, back-off and lock-out. The
// answer and its delay therefore do not reveal which user names exist.
// Thread-safety: all methods may be called from any thread.
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>

#include "auth/sign_in.h"

namespace trygnet::http {

class UnknownAccounts {
 public:
  UnknownAccounts();
  // The stand-in account for `username`, with its failures so far.
  auth::AccountState StateOf(const std::string& username);
  void Save(const std::string& username, const auth::SignInDecision& decision);

 private:
  static constexpr size_t kMaxRemembered = 10000;  // forgets all beyond this (memory bound)
  std::mutex mutex_;
  std::string password_hash_;  // of a random password, made at start
  std::unordered_map<std::string, auth::SignInDecision> attempts_;
};

}  // namespace trygnet::http
