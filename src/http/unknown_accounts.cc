#include "http/unknown_accounts.h"

#include "auth/password.h"
#include "http/session_registry.h"

namespace trygnet::http {

UnknownAccounts::UnknownAccounts() {
  auto hash = auth::HashPassword(RandomToken());
  if (hash.ok()) password_hash_ = *hash;
}

auth::AccountState UnknownAccounts::StateOf(const std::string& username) {
  auth::AccountState state;
  state.password_hash = password_hash_;
  std::lock_guard lock(mutex_);
  auto found = attempts_.find(username);
  if (found != attempts_.end()) {
    state.failed_attempts = found->second.failed_attempts;
    state.locked_until = found->second.locked_until;
  }
  return state;
}

void UnknownAccounts::Save(const std::string& username, const auth::SignInDecision& decision) {
  std::lock_guard lock(mutex_);
  if (attempts_.size() >= kMaxRemembered) attempts_.clear();
  attempts_[username] = decision;
}

}  // namespace trygnet::http
