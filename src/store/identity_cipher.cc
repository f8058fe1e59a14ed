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
      index_key_(DeriveSubkey(master, Subkey::kBlindIndex)) {}

IdentityCipher::~IdentityCipher() {
  sodium_memzero(encryption_key_.data(), encryption_key_.size());
  sodium_memzero(index_key_.data(), index_key_.size());
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

}  // namespace trygnet
