// Calendar dates and instants, the two kinds of time the domain uses.
//
// Date is a civil date (no time zone), stored as days since 1970-01-01.
// Timestamp is an instant, stored as whole seconds since the Unix epoch (UTC).
// Both are plain values and thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"

namespace trygnet {

class Date {
 public:
  constexpr Date() = default;
  static constexpr Date FromDays(int32_t days_since_epoch) { return Date(days_since_epoch); }
  // Returns invalid_argument (naming `field`) if the y/m/d is not a real day.
  static Result<Date> FromYmd(int year, unsigned month, unsigned day, std::string_view field = "date");
  // Parses "YYYY-MM-DD"; the error names `field` and quotes the text.
  static Result<Date> Parse(std::string_view text, std::string_view field = "date");

  int32_t days_since_epoch() const { return days_; }
  int year() const;
  unsigned month() const;
  unsigned day() const;
  std::string ToString() const;  // "YYYY-MM-DD"

  Date AddDays(int32_t days) const { return Date(days_ + days); }
  // Adds calendar months; the day is clamped to the end of a shorter month.
  Date AddMonths(int months) const;

  friend constexpr auto operator<=>(Date, Date) = default;

 private:
  constexpr explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

class Timestamp {
 public:
  constexpr Timestamp() = default;
  static constexpr Timestamp FromUnixSeconds(int64_t seconds) { return Timestamp(seconds); }
  // Midnight UTC at the start of `date`.
  static Timestamp StartOf(Date date);
  // Parses "YYYY-MM-DDTHH:MM:SSZ" or a bare date (midnight UTC).
  static Result<Timestamp> Parse(std::string_view text, std::string_view field = "time");

  int64_t unix_seconds() const { return seconds_; }
  Date date() const;             // the UTC calendar date of this instant
  std::string ToString() const;  // "YYYY-MM-DDTHH:MM:SSZ"
  Timestamp AddSeconds(int64_t seconds) const { return Timestamp(seconds_ + seconds); }

  friend constexpr auto operator<=>(Timestamp, Timestamp) = default;

 private:
  constexpr explicit Timestamp(int64_t seconds) : seconds_(seconds) {}
  int64_t seconds_ = 0;
};

// Whole years completed between `birth` and `on` (0 if `on` precedes birth).
// A person born on 29 February turns a year older on 1 March in common years.
int AgeInYears(Date birth, Date on);

// The source of "now" for everything that records time; injected so tests
// can fix the date (STYLE.md rule 5). Implementations must be thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Timestamp Now() const override;
};

// A clock that stands still until set; Set may race with Now (server tests).
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Timestamp now) : seconds_(now.unix_seconds()) {}
  Timestamp Now() const override { return Timestamp::FromUnixSeconds(seconds_.load()); }
  void Set(Timestamp now) { seconds_.store(now.unix_seconds()); }

 private:
  std::atomic<int64_t> seconds_;
};

}  // namespace trygnet
