// Encrypts identity fields at rest (XChaCha20-Poly1305, libsodium AEAD) and
// computes the blind index that lets the store find a person by CPR number
// without storing it in clear. Subkeys are derived from the master key, so
// one key file serves both purposes.
//
// Each ciphertext is bound to its table, column and row (associated data),
// so a value copied to another row or column fails to decrypt.
// Thread-safety: immutable after construction; safe to share.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "store/key_file.h"

namespace trygnet {

class IdentityCipher {
 public:
  explicit IdentityCipher(const MasterKey& master);
  ~IdentityCipher();
  IdentityCipher(const IdentityCipher&) = delete;
  IdentityCipher& operator=(const IdentityCipher&) = delete;

  // nonce || ciphertext || tag
  std::vector<uint8_t> Encrypt(std::string_view plaintext, std::string_view column, int64_t row_id) const;
  // Fails with data_loss when the value was altered, moved, or the key is wrong.
  Result<std::string> Decrypt(const std::vector<uint8_t>& sealed, std::string_view column, int64_t row_id) const;
  // Keyed hash for equality lookups (e.g. CPR number); reveals nothing without the key.
  std::vector<uint8_t> BlindIndex(std::string_view column, std::string_view plaintext) const;
  // A stable pseudonym for a person, "P-" and 16 Crockford base-32 digits
  // (80 bits of a keyed hash of the id): the same in every result from this
  // database, and not reversible by trying ids without the key.
  std::string Pseudonym(int64_t person_id) const;

 private:
  std::array<uint8_t, 32> encryption_key_{};
  std::array<uint8_t, 32> index_key_{};
  std::array<uint8_t, 32> pseudonym_key_{};
};

}  // namespace trygnet
