#include "auth/api_token.h"

#include <sodium.h>

#include <cstdlib>

namespace trygnet::auth {

IssuedToken IssueApiToken() {
  if (sodium_init() < 0) std::abort();  // cannot fail on a supported platform; a token must never be weak
  unsigned char random[32];
  randombytes_buf(random, sizeof random);
  char encoded[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(encoded, sizeof encoded, random, sizeof random, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(random, sizeof random);
  IssuedToken issued;
  issued.token = std::string("tg_") + encoded;
  issued.token_hash = HashApiToken(issued.token);
  return issued;
}

std::vector<uint8_t> HashApiToken(std::string_view token) {
  std::vector<uint8_t> hash(crypto_hash_sha256_BYTES);
  crypto_hash_sha256(hash.data(), reinterpret_cast<const unsigned char*>(token.data()), token.size());
  return hash;
}

}  // namespace trygnet::auth
