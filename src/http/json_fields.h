// Reading a JSON request body strictly: every field has the expected type and
// range, unknown fields are refused, and each error names the field (with its
// path, e.g. "criteria[1].observed_on"), so bad input never reaches the domain.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"

namespace trygnet::http {

inline constexpr size_t kMaxTextLength = 20000;  // characters in one text field

// Parses a body that must be one JSON object.
Result<nlohmann::json> ParseJsonObject(std::string_view body);

class FieldReader {
 public:
  explicit FieldReader(const nlohmann::json& object, std::string path = {});

  Result<std::string> Text(std::string_view key);          // required, not blank
  Result<std::string> OptionalText(std::string_view key);  // "" when absent or null
  Result<int64_t> Integer(std::string_view key, int64_t min, int64_t max);
  Result<std::optional<int64_t>> OptionalInteger(std::string_view key, int64_t min, int64_t max);
  Result<bool> Boolean(std::string_view key, bool default_value);
  Result<Date> DateField(std::string_view key);
  Result<std::optional<Date>> OptionalDate(std::string_view key);
  Result<Timestamp> TimeField(std::string_view key);
  Result<std::vector<std::string>> TextList(std::string_view key, bool required);
  Result<std::vector<int64_t>> IntegerList(std::string_view key, int64_t min, int64_t max, bool required);
  // A nested object, as its own reader (an empty one when absent or null).
  Result<FieldReader> Object(std::string_view key);
  // Each element of an array of objects, as its own reader.
  Result<std::vector<FieldReader>> ObjectList(std::string_view key, bool required);

  // Refuses any field that no call above asked for. Call last.
  Status Finish() const;

 private:
  // The value of `key`, or nullptr when absent or null; marks it as known.
  const nlohmann::json* Find(std::string_view key);
  std::string PathOf(std::string_view key) const;

  const nlohmann::json* object_;
  std::string path_;
  std::set<std::string, std::less<>> known_;
};

}  // namespace trygnet::http
