// Passwords of local accounts: the policy a new password must meet, and
// Argon2id hashing (libsodium crypto_pwhash_str) so that a stolen database
// does not reveal them.
// Thread-safety: pure functions; safe to call concurrently.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace trygnet::auth {

inline constexpr size_t kMinPasswordLength = 12;
inline constexpr size_t kMaxPasswordLength = 128;

// NIST SP 800-63B style: long enough, not the user name, not a well-known
// password or a run of one character; no composition rules. Returns
// invalid_argument naming "password" with the rule broken.
Status CheckPasswordPolicy(std::string_view password, std::string_view username);

// Returns the encoded Argon2id hash (salt and parameters included).
Result<std::string> HashPassword(std::string_view password);

// Constant-time check of `password` against an encoded hash.
bool VerifyPassword(const std::string& encoded_hash, std::string_view password);

// A random password that meets the policy, to hand to a new user once:
// 20 base32 characters in groups of five ("K7QXM-2PLRA-WT4NE-ZB6HD").
std::string GeneratePassword();

}  // namespace trygnet::auth
