#include "core/date.h"

#include <gtest/gtest.h>

#include "core/core_test_support.h"

namespace trygnet {
namespace {

using testing::D;
using testing::IsError;
using testing::T;

TEST(Date, ParsesAndFormatsIsoDates) {
  auto date = Date::Parse("2017-03-31");
  ASSERT_TRUE(date.ok());
  EXPECT_EQ(date->year(), 2017);
  EXPECT_EQ(date->month(), 3u);
  EXPECT_EQ(date->day(), 31u);
  EXPECT_EQ(date->ToString(), "2017-03-31");
}

TEST(Date, EpochIsDayZero) {
  EXPECT_EQ(D("1970-01-01").days_since_epoch(), 0);
  EXPECT_EQ(Date::FromDays(1).ToString(), "1970-01-02");
  EXPECT_EQ(Date::FromDays(-1).ToString(), "1969-12-31");
}

TEST(Date, RejectsMalformedTextNamingTheField) {
  for (const char* text : {"", "2017-3-31", "2017/03/31", "17-03-31", "2017-03-31x", "20l7-03-31", "2017-03-3 "}) {
    auto parsed = Date::Parse(text, "valid_from");
    EXPECT_TRUE(IsError(parsed, ErrorCode::kInvalidArgument, "valid_from")) << text;
  }
}

TEST(Date, RejectsDaysThatDoNotExist) {
  EXPECT_TRUE(IsError(Date::Parse("2017-02-29"), ErrorCode::kInvalidArgument, "date"));
  EXPECT_TRUE(IsError(Date::Parse("2017-04-31"), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(IsError(Date::Parse("2017-13-01"), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(IsError(Date::Parse("2017-00-10"), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(IsError(Date::Parse("1900-02-29"), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(Date::Parse("2000-02-29").ok());
  EXPECT_TRUE(Date::Parse("2016-02-29").ok());
}

TEST(Date, FromYmdRejectsYearsOutsideRange) {
  EXPECT_TRUE(IsError(Date::FromYmd(1799, 12, 31), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(IsError(Date::FromYmd(2201, 1, 1), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(Date::FromYmd(1800, 1, 1).ok());
}

TEST(Date, ComparesChronologically) {
  EXPECT_LT(D("2016-12-31"), D("2017-01-01"));
  EXPECT_EQ(D("2017-01-01").AddDays(31), D("2017-02-01"));
}

TEST(Date, AddMonthsKeepsTheDayWhenItExists) {
  EXPECT_EQ(D("2017-03-15").AddMonths(12), D("2018-03-15"));
  EXPECT_EQ(D("2017-12-15").AddMonths(1), D("2018-01-15"));
  EXPECT_EQ(D("2017-01-15").AddMonths(-1), D("2016-12-15"));
  EXPECT_EQ(D("2017-03-20").AddMonths(36), D("2020-03-20"));
}

TEST(Date, AddMonthsClampsToTheEndOfAShorterMonth) {
  EXPECT_EQ(D("2017-01-31").AddMonths(1), D("2017-02-28"));
  EXPECT_EQ(D("2016-01-31").AddMonths(1), D("2016-02-29"));
  EXPECT_EQ(D("2017-03-31").AddMonths(-1), D("2017-02-28"));
  EXPECT_EQ(D("2017-05-31").AddMonths(1), D("2017-06-30"));
  EXPECT_EQ(D("2016-02-29").AddMonths(12), D("2017-02-28"));
  EXPECT_EQ(D("2016-02-29").AddMonths(48), D("2020-02-29"));
}

TEST(AgeInYears, CountsCompletedYears) {
  EXPECT_EQ(AgeInYears(D("2000-06-15"), D("2017-06-14")), 16);
  EXPECT_EQ(AgeInYears(D("2000-06-15"), D("2017-06-15")), 17);
  EXPECT_EQ(AgeInYears(D("2000-06-15"), D("2000-06-15")), 0);
}

TEST(AgeInYears, IsZeroBeforeBirth) { EXPECT_EQ(AgeInYears(D("2000-06-15"), D("1999-01-01")), 0); }

TEST(AgeInYears, LeapDayBirthdayFallsOnFirstMarchInCommonYears) {
  Date birth = D("2000-02-29");
  EXPECT_EQ(AgeInYears(birth, D("2017-02-28")), 16);
  EXPECT_EQ(AgeInYears(birth, D("2017-03-01")), 17);
  EXPECT_EQ(AgeInYears(birth, D("2016-02-28")), 15);
  EXPECT_EQ(AgeInYears(birth, D("2016-02-29")), 16);
  EXPECT_EQ(AgeInYears(birth, D("2018-02-28")), 17);
}

TEST(Timestamp, ParsesAndFormatsUtcInstants) {
  auto instant = Timestamp::Parse("2017-01-01T00:00:00Z");
  ASSERT_TRUE(instant.ok());
  EXPECT_EQ(instant->unix_seconds(), 1483228800);
  EXPECT_EQ(T("2017-03-31T12:34:56Z").ToString(), "2017-03-31T12:34:56Z");
  EXPECT_EQ(T("2017-03-31T12:34:56Z").unix_seconds() - T("2017-03-31T00:00:00Z").unix_seconds(),
            12 * 3600 + 34 * 60 + 56);
}

TEST(Timestamp, BareDateIsMidnightUtc) {
  auto instant = Timestamp::Parse("2017-01-01");
  ASSERT_TRUE(instant.ok());
  EXPECT_EQ(instant->unix_seconds(), 1483228800);
  EXPECT_EQ(*instant, Timestamp::StartOf(D("2017-01-01")));
}

TEST(Timestamp, RejectsMalformedTimes) {
  for (const char* text :
       {"2017-01-01T24:00:00Z", "2017-01-01T12:60:00Z", "2017-01-01T12:00:60Z", "2017-01-01 12:00:00Z",
        "2017-01-01T12:00:00", "2017-01-01T12:00:00+01:00", "2017-02-30T12:00:00Z", "now"}) {
    EXPECT_TRUE(IsError(Timestamp::Parse(text, "observed_at"), ErrorCode::kInvalidArgument, "observed_at")) << text;
  }
}

TEST(Timestamp, DateIsTheUtcCalendarDay) {
  EXPECT_EQ(T("2017-03-31T23:59:59Z").date(), D("2017-03-31"));
  EXPECT_EQ(T("2017-04-01T00:00:00Z").date(), D("2017-04-01"));
}

TEST(Timestamp, HandlesInstantsBeforeTheEpoch) {
  Timestamp before = Timestamp::FromUnixSeconds(-1);
  EXPECT_EQ(before.date(), D("1969-12-31"));
  EXPECT_EQ(before.ToString(), "1969-12-31T23:59:59Z");
  EXPECT_EQ(Timestamp::FromUnixSeconds(-86400).date(), D("1969-12-31"));
}

TEST(FixedClock, ReturnsTheTimeItWasSetTo) {
  FixedClock clock(T("2017-06-01T10:00:00Z"));
  EXPECT_EQ(clock.Now(), T("2017-06-01T10:00:00Z"));
  clock.Set(T("2017-06-02T10:00:00Z"));
  EXPECT_EQ(clock.Now().date(), D("2017-06-02"));
}

}  // namespace
}  // namespace trygnet
