#include "http/session_registry.h"

#include <sodium.h>

#include <array>
#include <cstdlib>

namespace trygnet::http {
namespace {

std::string HashOf(const std::string& token) {
  std::array<uint8_t, crypto_hash_sha256_BYTES> hash{};
  crypto_hash_sha256(hash.data(), reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, hash.data(), hash.size());
  return hex;
}

}  // namespace

std::string RandomToken() {
  if (sodium_init() < 0) std::abort();  // never hand out a predictable token
  std::array<uint8_t, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  char text[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(text, sizeof text, bytes.data(), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return text;
}

bool SameSecret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

NewSession SessionRegistry::Create(const std::string& username, Timestamp now) {
  NewSession created{RandomToken(), RandomToken()};
  std::lock_guard lock(mutex_);
  // Sign-ins are rare; forgetting expired sessions here keeps the map small.
  std::erase_if(sessions_, [&](const auto& entry) {
    return !auth::SessionIsValid(entry.second.created, entry.second.last_seen, now, policy_);
  });
  sessions_[HashOf(created.token)] = SessionInfo{username, created.csrf_token, now, now};
  return created;
}

std::optional<SessionInfo> SessionRegistry::Use(const std::string& token, Timestamp now) {
  std::string key = HashOf(token);
  std::lock_guard lock(mutex_);
  auto found = sessions_.find(key);
  if (found == sessions_.end()) return std::nullopt;
  if (!auth::SessionIsValid(found->second.created, found->second.last_seen, now, policy_)) {
    sessions_.erase(found);
    return std::nullopt;
  }
  found->second.last_seen = now;
  return found->second;
}

void SessionRegistry::End(const std::string& token) {
  std::string key = HashOf(token);
  std::lock_guard lock(mutex_);
  sessions_.erase(key);
}

size_t SessionRegistry::Count() {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

}  // namespace trygnet::http
