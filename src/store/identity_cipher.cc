#include "store/identity_cipher.h"

#include <sodium.h>

namespace trygnet {
namespace {

std::string AssociatedData(std::string_view column, int64_t row_id) {
  return std::string(column) + "#" + std::to_string(row_id);
}

}  // namespace

IdentityCipher::IdentityCipher(const MasterKey& master)
    : encryption_key_(DeriveSubkey(master, Subkey::kIdentityEncryption)),
      index_key_(DeriveSubkey(master, Subkey::kBlindIndex)),
      pseudonym_key_(DeriveSubkey(master, Subkey::kPseudonym)) {}

IdentityCipher::~IdentityCipher() {
  sodium_memzero(encryption_key_.data(), encryption_key_.size());
  sodium_memzero(index_key_.data(), index_key_.size());
  sodium_memzero(pseudonym_key_.data(), pseudonym_key_.size());
}

std::vector<uint8_t> IdentityCipher::Encrypt(std::string_view plaintext, std::string_view column,
                                             int64_t row_id) const {
  constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  constexpr size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
  std::vector<uint8_t> sealed(kNonce + plaintext.size() + kTag);
  randombytes_buf(sealed.data(), kNonce);
  std::string ad = AssociatedData(column, row_id);
  unsigned long long sealed_length = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.data() + kNonce, &sealed_length,
                                             reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                                             reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr,
                                             sealed.data(), encryption_key_.data());
  sealed.resize(kNonce + sealed_length);
  return sealed;
}

Result<std::string> IdentityCipher::Decrypt(const std::vector<uint8_t>& sealed, std::string_view column,
                                            int64_t row_id) const {
  constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  constexpr size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
  if (sealed.size() < kNonce + kTag) return DataLoss("encrypted " + std::string(column) + " is truncated");
  std::string plaintext(sealed.size() - kNonce - kTag, '\0');
  std::string ad = AssociatedData(column, row_id);
  unsigned long long plaintext_length = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plaintext.data()), &plaintext_length,
                                                 nullptr, sealed.data() + kNonce, sealed.size() - kNonce,
                                                 reinterpret_cast<const unsigned char*>(ad.data()), ad.size(),
                                                 sealed.data(), encryption_key_.data()) != 0) {
    return DataLoss("cannot decrypt " + std::string(column) + " of row " + std::to_string(row_id) +
                    ": wrong key, or the stored value was altered");
  }
  plaintext.resize(plaintext_length);
  return plaintext;
}

std::vector<uint8_t> IdentityCipher::BlindIndex(std::string_view column, std::string_view plaintext) const {
  std::vector<uint8_t> digest(32);
  crypto_generichash_state state;
  crypto_generichash_init(&state, index_key_.data(), index_key_.size(), digest.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(column.data()), column.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>("\0"), 1);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size());
  crypto_generichash_final(&state, digest.data(), digest.size());
  return digest;
}

std::string IdentityCipher::Pseudonym(int64_t person_id) const {
  constexpr char kDigits[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford: no I, L, O, U
  std::array<uint8_t, 8> id{};
  for (size_t idx = 0; idx < id.size(); ++idx) id[idx] = static_cast<uint8_t>(static_cast<uint64_t>(person_id) >> (8 * idx));
  std::array<uint8_t, 16> digest{};
  crypto_generichash(digest.data(), digest.size(), id.data(), id.size(), pseudonym_key_.data(), pseudonym_key_.size());
  std::string text = "P-";
  // 80 bits = 16 digits of 5 bits, from the first 10 bytes.
  for (int digit = 0; digit < 16; ++digit) {
    const int bit = digit * 5;
    const unsigned pair = (static_cast<unsigned>(digest[static_cast<size_t>(bit / 8)]) << 8) |
                          digest[static_cast<size_t>(bit / 8 + 1)];
    text += kDigits[(pair >> (11 - bit % 8)) & 0x1F];
  }
  return text;
}

}  // namespace trygnet
