#include "auth/totp.h"

#include <gtest/gtest.h>

namespace trygnet::auth {
namespace {

std::vector<uint8_t> RfcSecret() {
  std::string ascii = "12345678901234567890";
  return std::vector<uint8_t>(ascii.begin(), ascii.end());
}

TEST(Totp, MatchesTheRfc6238TestVectors) {
  struct Vector {
    int64_t time;
    const char* code;
  };
  for (const Vector& vector :
       {Vector{59, "94287082"}, Vector{1111111109, "07081804"}, Vector{1111111111, "14050471"},
        Vector{1234567890, "89005924"}, Vector{2000000000, "69279037"}, Vector{20000000000, "65353130"}}) {
    EXPECT_EQ(TotpCode(RfcSecret(), TotpStep(Timestamp::FromUnixSeconds(vector.time)), 8), vector.code) << vector.time;
  }
  EXPECT_EQ(TotpCode(RfcSecret(), TotpStep(Timestamp::FromUnixSeconds(59))), "287082");  // 6 digits
}

TEST(Totp, AcceptsOneStepOfDriftAndRefusesReplay) {
  Timestamp now = Timestamp::FromUnixSeconds(1111111109);
  int64_t step = TotpStep(now);
  std::string previous = TotpCode(RfcSecret(), step - 1);
  auto matched = MatchTotp(RfcSecret(), previous, now, std::nullopt);
  ASSERT_TRUE(matched.has_value());
  EXPECT_EQ(*matched, step - 1);
  EXPECT_FALSE(MatchTotp(RfcSecret(), previous, now, step - 1).has_value());  // used once already
  EXPECT_FALSE(MatchTotp(RfcSecret(), TotpCode(RfcSecret(), step - 3), now, std::nullopt).has_value());
  EXPECT_FALSE(MatchTotp(RfcSecret(), "12345", now, std::nullopt).has_value());
  EXPECT_FALSE(MatchTotp(RfcSecret(), "abcdef", now, std::nullopt).has_value());
}

TEST(Base32, RoundTripsAndMatchesTheRfcSecret) {
  EXPECT_EQ(Base32Encode(RfcSecret()), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(*Base32Decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), RfcSecret());
  EXPECT_EQ(*Base32Decode("gezdgnbvgy3tqojqgezdgnbvgy3tqojq"), RfcSecret());
  std::vector<uint8_t> secret = NewTotpSecret();
  EXPECT_EQ(secret.size(), 20u);
  EXPECT_EQ(*Base32Decode(Base32Encode(secret)), secret);
  EXPECT_FALSE(Base32Decode("not base32!").ok());
}

TEST(Totp, GivesAnOtpauthUriForAuthenticatorApps) {
  EXPECT_EQ(OtpauthUri("eas-analyst", RfcSecret()),
            "otpauth://totp/Trygnet:eas-analyst?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Trygnet"
            "&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace trygnet::auth
