// Reading query parameters strictly, like request bodies: typed, in range,
// unknown parameters refused, each error naming the parameter.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/date.h"
#include "core/error.h"
#include "store/store.h"

namespace trygnet::http {

inline constexpr int64_t kDefaultPageSize = 50;
inline constexpr int64_t kMaxPageSize = 500;

class QueryParams {
 public:
  explicit QueryParams(const std::map<std::string, std::string>& query) : query_(query) {}

  std::string Text(const std::string& name);  // "" when absent
  Result<int64_t> Integer(const std::string& name, int64_t default_value, int64_t min, int64_t max);
  Result<std::optional<int64_t>> OptionalInteger(const std::string& name, int64_t min, int64_t max);
  Result<std::optional<Date>> OptionalDate(const std::string& name);
  // "true" or "false"; absent (or empty) when not given.
  Result<std::optional<bool>> OptionalFlag(const std::string& name);
  // An instant written YYYY-MM-DDTHH:MM:SSZ, or a bare date meaning the
  // start or (for "known at" and "to") the end of that day.
  enum class DayBound { kStart, kEnd };
  Result<std::optional<Timestamp>> OptionalInstant(const std::string& name, DayBound bare_date);
  // "limit" (1–kMaxPageSize, default kDefaultPageSize).
  Result<int64_t> PageSize() { return Integer("limit", kDefaultPageSize, 1, kMaxPageSize); }

  // Refuses parameters no call above asked for. Call last.
  Status Finish() const;

 private:
  const std::string* Find(const std::string& name);
  const std::map<std::string, std::string>& query_;
  std::set<std::string> known_;
};

// Parses a decimal id from a path segment; the error names `field`.
Result<int64_t> ParseId(const std::string& text, std::string_view field);

}  // namespace trygnet::http
