#include "core/cpr.h"

#include <gtest/gtest.h>

#include "core/core_test_support.h"

namespace trygnet {
namespace {

using testing::D;
using testing::IsError;

TEST(CprNumber, ParsesTenDigits) {
  auto cpr = CprNumber::Parse("0101901238");
  ASSERT_TRUE(cpr.ok());
  EXPECT_EQ(cpr->digits(), "0101901238");
  EXPECT_EQ(cpr->Formatted(), "010190-1238");
  EXPECT_EQ(cpr->birth_date(), D("1990-01-01"));
}

TEST(CprNumber, AcceptsAHyphenAfterTheDate) {
  auto with_hyphen = CprNumber::Parse("010190-1238");
  auto without = CprNumber::Parse("0101901238");
  ASSERT_TRUE(with_hyphen.ok());
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(*with_hyphen, *without);
}

TEST(CprNumber, RejectsWrongFormatNamingTheField) {
  for (const char* text : {"", "010190123", "01019012380", "010190-123", "0101-901238", "01019-01238", "010190--1238",
                           "01019O1238", "010190 1238", "010190-12380"}) {
    EXPECT_TRUE(IsError(CprNumber::Parse(text, "identity.cpr"), ErrorCode::kInvalidArgument, "identity.cpr")) << text;
  }
}

TEST(CprNumber, RejectsDatesThatDoNotExist) {
  EXPECT_TRUE(IsError(CprNumber::Parse("3002901234"), ErrorCode::kInvalidArgument, "cpr"));
  EXPECT_TRUE(IsError(CprNumber::Parse("3204901234"), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(IsError(CprNumber::Parse("0113901234"), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(IsError(CprNumber::Parse("0001901234"), ErrorCode::kInvalidArgument));
}

TEST(CprNumber, LeapDayDependsOnTheCentury) {
  // 29 Feb "00": serial 4xxx means 2000 (a leap year), serial 1xxx means 1900 (not one).
  auto in_2000 = CprNumber::Parse("290200-4000");
  ASSERT_TRUE(in_2000.ok());
  EXPECT_EQ(in_2000->birth_date(), D("2000-02-29"));
  EXPECT_TRUE(IsError(CprNumber::Parse("290200-1000"), ErrorCode::kInvalidArgument));
}

TEST(CprNumber, UsesTheCenturyTableForTheBirthYear) {
  EXPECT_EQ(CprNumber::Parse("0101054000")->birth_date(), D("2005-01-01"));
  EXPECT_EQ(CprNumber::Parse("0101904000")->birth_date(), D("1990-01-01"));
  EXPECT_EQ(CprNumber::Parse("0101605000")->birth_date(), D("1860-01-01"));
  EXPECT_EQ(CprNumber::Parse("0101109000")->birth_date(), D("2010-01-01"));
}

TEST(CprCentury, FollowsTheCprOfficeTable) {
  // Serial digits 0–3: always 1900s.
  EXPECT_EQ(CprCentury(0, 0), 1900);
  EXPECT_EQ(CprCentury(99, 3), 1900);
  // 4 and 9: 2000s up to 36, else 1900s.
  EXPECT_EQ(CprCentury(36, 4), 2000);
  EXPECT_EQ(CprCentury(37, 4), 1900);
  EXPECT_EQ(CprCentury(36, 9), 2000);
  EXPECT_EQ(CprCentury(37, 9), 1900);
  // 5–8: 2000s up to 57, else 1800s.
  EXPECT_EQ(CprCentury(57, 5), 2000);
  EXPECT_EQ(CprCentury(58, 5), 1800);
  EXPECT_EQ(CprCentury(0, 8), 2000);
  EXPECT_EQ(CprCentury(99, 8), 1800);
}

TEST(CprNumber, Modulus11CheckIsReportedNotRequired) {
  // Weights 4 3 2 7 6 5 4 3 2 1: 0101901238 sums to 88 = 8 × 11.
  auto passes = CprNumber::Parse("0101901238");
  auto fails = CprNumber::Parse("0101901239");
  ASSERT_TRUE(passes.ok());
  ASSERT_TRUE(fails.ok());  // numbers issued since 2007 may fail modulus 11
  EXPECT_TRUE(passes->PassesModulus11());
  EXPECT_FALSE(fails->PassesModulus11());
}

}  // namespace
}  // namespace trygnet
