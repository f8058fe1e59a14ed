#include "auth/password.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <vector>

#include "auth/totp.h"
#include "core/text_rules.h"

namespace trygnet::auth {
namespace {

size_t CodePoints(std::string_view text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower;
}

}  // namespace

Status CheckPasswordPolicy(std::string_view password, std::string_view username) {
  if (!IsValidUtf8(password)) return InvalidArgument("password", "is not valid UTF-8 text");
  size_t length = CodePoints(password);
  if (length < kMinPasswordLength) {
    return InvalidArgument("password", "must be at least " + std::to_string(kMinPasswordLength) + " characters");
  }
  if (length > kMaxPasswordLength) {
    return InvalidArgument("password", "must be at most " + std::to_string(kMaxPasswordLength) + " characters");
  }
  std::string lower = Lower(password);
  if (!username.empty() && lower.find(Lower(username)) != std::string::npos) {
    return InvalidArgument("password", "must not contain the user name");
  }
  // One character (which may take several bytes) repeated.
  size_t first_length = 1;
  while (first_length < password.size() && (static_cast<unsigned char>(password[first_length]) & 0xC0) == 0x80) {
    ++first_length;
  }
  std::string_view first = password.substr(0, first_length);
  bool repeated = password.size() % first_length == 0;
  for (size_t pos = 0; repeated && pos < password.size(); pos += first_length) {
    repeated = password.substr(pos, first_length) == first;
  }
  if (repeated) {
    return InvalidArgument("password", "must not be one character repeated");
  }
  static constexpr std::string_view kWellKnown[] = {
      "123456789012", "password1234", "passwordpassword", "qwertyuiopasdf", "kodeord12345", "adgangskode12",
      "sommer2017!!", "trygnet12345", "nørrebro2017",     "1234567890123",  "abcdefghijkl", "letmeinletmein",
      // The documented demo password (auth/sign_in.h) never protects a real account.
      "trygnet-demo-2017"};
  for (std::string_view known : kWellKnown) {
    if (lower == known) return InvalidArgument("password", "is a well-known password; choose another");
  }
  return OkStatus();
}

Result<std::string> HashPassword(std::string_view password) {
  if (sodium_init() < 0) return Internal("libsodium could not be initialised");
  char encoded[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(encoded, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Unavailable("not enough memory to hash the password");
  }
  return std::string(encoded);
}

bool VerifyPassword(const std::string& encoded_hash, std::string_view password) {
  if (sodium_init() < 0) return false;
  return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

std::string GeneratePassword() {
  std::vector<uint8_t> bytes(13);
  if (sodium_init() < 0) std::abort();  // never hand out a predictable password
  randombytes_buf(bytes.data(), bytes.size());
  std::string raw = Base32Encode(bytes).substr(0, 20);
  return raw.substr(0, 5) + "-" + raw.substr(5, 5) + "-" + raw.substr(10, 5) + "-" + raw.substr(15, 5);
}

}  // namespace trygnet::auth
