// The master key that encrypts identity fields at rest. It lives in a key
// file outside the database (never in it): 64 hex digits and a newline.
// A key file that group or others may read or write is refused.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "core/error.h"

namespace trygnet {

inline constexpr size_t kMasterKeyBytes = 32;

class MasterKey {
 public:
  explicit MasterKey(const std::array<uint8_t, kMasterKeyBytes>& bytes) : bytes_(bytes) {}
  ~MasterKey();  // wipes the key from memory
  MasterKey(const MasterKey&) = default;
  MasterKey& operator=(const MasterKey&) = default;

  const std::array<uint8_t, kMasterKeyBytes>& bytes() const { return bytes_; }

 private:
  std::array<uint8_t, kMasterKeyBytes> bytes_;
};

// Subkeys derived from the master key, one per purpose, so that no two uses
// share a key (libsodium crypto_kdf, context "trygnet1").
enum class Subkey : uint64_t { kIdentityEncryption = 1, kBlindIndex = 2, kAuditAnchor = 3, kPseudonym = 4 };
std::array<uint8_t, 32> DeriveSubkey(const MasterKey& master, Subkey purpose);

// Reads a key file. Fails with unavailable (missing/unreadable),
// permission_denied (mode allows group or others) or invalid_argument (content).
Result<MasterKey> ReadKeyFile(const std::string& path);

// Creates a new random key file with mode 0600. Fails with conflict if the
// file already exists; never overwrites a key.
Result<MasterKey> CreateKeyFile(const std::string& path);

}  // namespace trygnet
