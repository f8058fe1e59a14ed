// Bearer API tokens for integrations: random, shown once, stored only as a
// SHA-256 hash so the database never holds a usable token.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace trygnet::auth {

struct IssuedToken {
  std::string token;                // "tg_" + 43 base64url characters; give to the user once
  std::vector<uint8_t> token_hash;  // what the store keeps
};

IssuedToken IssueApiToken();
std::vector<uint8_t> HashApiToken(std::string_view token);

}  // namespace trygnet::auth
