#include "core/date.h"

#include <charconv>
#include <cstdio>

namespace trygnet {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

year_month_day ToYmd(int32_t days_since_epoch) { return year_month_day{sys_days{days{days_since_epoch}}}; }

// Parses exactly `width` decimal digits at `pos`; false on anything else.
bool ParseDigits(std::string_view text, size_t pos, size_t width, int& out) {
  if (pos + width > text.size()) return false;
  for (size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + pos + width, out);
  return ec == std::errc() && ptr == text.data() + pos + width;
}

std::string Quote(std::string_view text) {
  constexpr size_t kMaxShown = 40;  // do not echo huge inputs back
  std::string shown(text.substr(0, kMaxShown));
  if (text.size() > kMaxShown) shown += "…";
  return "\"" + shown + "\"";
}

}  // namespace

Result<Date> Date::FromYmd(int year, unsigned month, unsigned day, std::string_view field) {
  year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  if (year < 1800 || year > 2200 || !ymd.ok()) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, month, day);
    return InvalidArgument(std::string(field), std::string("is not a real calendar date: ") + buf);
  }
  return Date(static_cast<int32_t>(sys_days{ymd}.time_since_epoch().count()));
}

Result<Date> Date::Parse(std::string_view text, std::string_view field) {
  int year = 0, month = 0, day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ParseDigits(text, 0, 4, year) ||
      !ParseDigits(text, 5, 2, month) || !ParseDigits(text, 8, 2, day)) {
    return InvalidArgument(std::string(field), "expected a date as YYYY-MM-DD, got " + Quote(text));
  }
  return FromYmd(year, static_cast<unsigned>(month), static_cast<unsigned>(day), field);
}

int Date::year() const { return static_cast<int>(ToYmd(days_).year()); }
unsigned Date::month() const { return static_cast<unsigned>(ToYmd(days_).month()); }
unsigned Date::day() const { return static_cast<unsigned>(ToYmd(days_).day()); }

std::string Date::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
  return buf;
}

Date Date::AddMonths(int months) const {
  year_month_day ymd = ToYmd(days_);
  auto shifted = std::chrono::year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  auto last = std::chrono::year_month_day_last{shifted.year(), std::chrono::month_day_last{shifted.month()}};
  std::chrono::day day = ymd.day() > last.day() ? last.day() : ymd.day();
  year_month_day result{shifted.year(), shifted.month(), day};
  return Date(static_cast<int32_t>(sys_days{result}.time_since_epoch().count()));
}

Timestamp Timestamp::StartOf(Date date) { return Timestamp(static_cast<int64_t>(date.days_since_epoch()) * 86400); }

Result<Timestamp> Timestamp::Parse(std::string_view text, std::string_view field) {
  if (text.size() == 10) {
    TRY_ASSIGN(Date date, Date::Parse(text, field));
    return StartOf(date);
  }
  int hour = 0, minute = 0, second = 0;
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z' ||
      !ParseDigits(text, 11, 2, hour) || !ParseDigits(text, 14, 2, minute) || !ParseDigits(text, 17, 2, second) ||
      hour > 23 || minute > 59 || second > 59) {
    return InvalidArgument(std::string(field), "expected a time as YYYY-MM-DDTHH:MM:SSZ (UTC), got " + Quote(text));
  }
  TRY_ASSIGN(Date date, Date::Parse(text.substr(0, 10), field));
  return Timestamp(StartOf(date).seconds_ + hour * 3600 + minute * 60 + second);
}

Date Timestamp::date() const {
  int64_t days_since_epoch = seconds_ / 86400;
  if (seconds_ < 0 && seconds_ % 86400 != 0) --days_since_epoch;
  return Date::FromDays(static_cast<int32_t>(days_since_epoch));
}

std::string Timestamp::ToString() const {
  Date day = date();
  int64_t in_day = seconds_ - StartOf(day).seconds_;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", day.ToString().c_str(), static_cast<int>(in_day / 3600),
                static_cast<int>(in_day / 60 % 60), static_cast<int>(in_day % 60));
  return buf;
}

int AgeInYears(Date birth, Date on) {
  if (on < birth) return 0;
  int age = on.year() - birth.year();
  bool birthday_passed = on.month() > birth.month() || (on.month() == birth.month() && on.day() >= birth.day());
  // 29 February births: in a common year the birthday is taken as 1 March,
  // which the month/day comparison above already gives (28 Feb < 29 Feb).
  if (!birthday_passed) --age;
  return age;
}

Timestamp SystemClock::Now() const {
  auto now = std::chrono::system_clock::now();
  return Timestamp::FromUnixSeconds(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
}

}  // namespace trygnet
