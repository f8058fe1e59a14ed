#include "auth/totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace trygnet::auth {
namespace {
constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
}  // namespace

std::vector<uint8_t> NewTotpSecret() {
  std::vector<uint8_t> secret(20);
  if (sodium_init() < 0) std::abort();  // never hand out a predictable secret
  randombytes_buf(secret.data(), secret.size());
  return secret;
}

std::string Base32Encode(const std::vector<uint8_t>& bytes) {
  std::string text;
  uint32_t buffer = 0;
  int bits = 0;
  for (uint8_t byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += kBase32Alphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) text += kBase32Alphabet[(buffer << (5 - bits)) & 31];
  return text;
}

Result<std::vector<uint8_t>> Base32Decode(std::string_view text) {
  std::vector<uint8_t> bytes;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=' || c == ' ') continue;
    char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    size_t value = kBase32Alphabet.find(upper);
    if (value == std::string_view::npos) return InvalidArgument("secret", "is not base32 text");
    buffer = (buffer << 5) | static_cast<uint32_t>(value);
    bits += 5;
    if (bits >= 8) {
      bytes.push_back(static_cast<uint8_t>(buffer >> (bits - 8)));
      bits -= 8;
    }
  }
  return bytes;
}

std::string TotpCode(const std::vector<uint8_t>& secret, int64_t step, int digits) {
  uint8_t counter[8];
  for (int byte_idx = 7; byte_idx >= 0; --byte_idx) {
    counter[byte_idx] = static_cast<uint8_t>(step & 0xFF);
    step >>= 8;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_length = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), counter, sizeof counter, digest, &digest_length);
  int offset = digest[digest_length - 1] & 0x0F;
  uint32_t binary = (static_cast<uint32_t>(digest[offset] & 0x7F) << 24) |
                    (static_cast<uint32_t>(digest[offset + 1]) << 16) |
                    (static_cast<uint32_t>(digest[offset + 2]) << 8) | static_cast<uint32_t>(digest[offset + 3]);
  uint32_t modulus = 1;
  for (int digit = 0; digit < digits; ++digit) modulus *= 10;
  char code[16];
  std::snprintf(code, sizeof code, "%0*u", digits, binary % modulus);
  return code;
}

int64_t TotpStep(Timestamp at) { return at.unix_seconds() / kTotpStepSeconds; }

std::optional<int64_t> MatchTotp(const std::vector<uint8_t>& secret, std::string_view code, Timestamp now,
                                 std::optional<int64_t> last_used_step, int window) {
  if (code.size() != 6) return std::nullopt;
  int64_t current = TotpStep(now);
  for (int64_t step = current - window; step <= current + window; ++step) {
    if (last_used_step && step <= *last_used_step) continue;
    std::string expected = TotpCode(secret, step);
    if (sodium_memcmp(expected.data(), code.data(), expected.size()) == 0) return step;
  }
  return std::nullopt;
}

std::string OtpauthUri(std::string_view account, const std::vector<uint8_t>& secret) {
  return "otpauth://totp/Trygnet:" + std::string(account) + "?secret=" + Base32Encode(secret) +
         "&issuer=Trygnet&algorithm=SHA1&digits=6&period=30";
}

}  // namespace trygnet::auth
