#include "store/identity_cipher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "store/store_fixture.h"

namespace trygnet {
namespace {

using testing::IsError;
using testing::IsOk;

MasterKey KeyOf(uint8_t fill) {
  std::array<uint8_t, kMasterKeyBytes> bytes;
  bytes.fill(fill);
  return MasterKey(bytes);
}

bool ContainsBytes(const std::vector<uint8_t>& haystack, std::string_view needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

TEST(IdentityCipher, RoundTripsAValue) {
  IdentityCipher cipher(KeyOf(7));
  auto sealed = cipher.Encrypt("Mikkel", "persons.given_name", 42);
  auto opened = cipher.Decrypt(sealed, "persons.given_name", 42);
  ASSERT_TRUE(IsOk(opened));
  EXPECT_EQ(*opened, "Mikkel");
  auto empty = cipher.Decrypt(cipher.Encrypt("", "persons.given_name", 1), "persons.given_name", 1);
  ASSERT_TRUE(IsOk(empty));
  EXPECT_EQ(*empty, "");
}

TEST(IdentityCipher, CiphertextHidesThePlaintextAndVaries) {
  IdentityCipher cipher(KeyOf(7));
  auto first = cipher.Encrypt("Testesen", "persons.family_name", 42);
  auto second = cipher.Encrypt("Testesen", "persons.family_name", 42);
  EXPECT_FALSE(ContainsBytes(first, "Testesen"));
  EXPECT_NE(first, second);  // a fresh random nonce every time
}

TEST(IdentityCipher, WrongColumnFailsWithDataLoss) {
  IdentityCipher cipher(KeyOf(7));
  auto sealed = cipher.Encrypt("0101901238", "persons.cpr", 42);
  EXPECT_TRUE(IsError(cipher.Decrypt(sealed, "persons.given_name", 42), ErrorCode::kDataLoss));
}

TEST(IdentityCipher, WrongRowFailsWithDataLoss) {
  IdentityCipher cipher(KeyOf(7));
  auto sealed = cipher.Encrypt("0101901238", "persons.cpr", 42);
  EXPECT_TRUE(IsError(cipher.Decrypt(sealed, "persons.cpr", 43), ErrorCode::kDataLoss));
}

TEST(IdentityCipher, WrongKeyFailsWithDataLoss) {
  auto sealed = IdentityCipher(KeyOf(7)).Encrypt("Mikkel", "persons.given_name", 1);
  EXPECT_TRUE(IsError(IdentityCipher(KeyOf(8)).Decrypt(sealed, "persons.given_name", 1), ErrorCode::kDataLoss));
}

TEST(IdentityCipher, AlteredOrTruncatedValueFailsWithDataLoss) {
  IdentityCipher cipher(KeyOf(7));
  auto sealed = cipher.Encrypt("Mikkel", "persons.given_name", 1);
  auto altered = sealed;
  altered.back() ^= 0x01;
  EXPECT_TRUE(IsError(cipher.Decrypt(altered, "persons.given_name", 1), ErrorCode::kDataLoss));
  auto truncated = std::vector<uint8_t>(sealed.begin(), sealed.begin() + 10);
  EXPECT_TRUE(IsError(cipher.Decrypt(truncated, "persons.given_name", 1), ErrorCode::kDataLoss));
  EXPECT_TRUE(IsError(cipher.Decrypt({}, "persons.given_name", 1), ErrorCode::kDataLoss));
}

TEST(IdentityCipher, BlindIndexIsDeterministicAndKeyed) {
  IdentityCipher cipher(KeyOf(7));
  auto index = cipher.BlindIndex("persons.cpr", "0101901238");
  EXPECT_EQ(index.size(), 32u);
  EXPECT_EQ(index, cipher.BlindIndex("persons.cpr", "0101901238"));
  EXPECT_NE(index, cipher.BlindIndex("persons.cpr", "0101901239"));
  EXPECT_NE(index, cipher.BlindIndex("persons.other", "0101901238"));
  EXPECT_NE(index, IdentityCipher(KeyOf(8)).BlindIndex("persons.cpr", "0101901238"));
  EXPECT_FALSE(ContainsBytes(index, "0101901238"));
}

TEST(IdentityCipher, PseudonymsAreStableKeyedAndDistinct) {
  IdentityCipher cipher(KeyOf(7));
  const std::string first = cipher.Pseudonym(17);
  EXPECT_EQ(first, cipher.Pseudonym(17));
  ASSERT_EQ(first.size(), 18u);
  EXPECT_EQ(first.rfind("P-", 0), 0u);
  EXPECT_EQ(first.find_first_not_of("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 2), std::string::npos);
  EXPECT_NE(first, cipher.Pseudonym(18));
  EXPECT_NE(first, IdentityCipher(KeyOf(8)).Pseudonym(17));  // another database's key
  std::set<std::string> seen;
  for (int64_t id = 1; id <= 10000; ++id) seen.insert(cipher.Pseudonym(id));
  EXPECT_EQ(seen.size(), 10000u);
}

}  // namespace
}  // namespace trygnet
