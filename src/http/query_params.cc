#include "http/query_params.h"

#include <charconv>

namespace trygnet::http {
namespace {

Result<int64_t> ParseInteger(const std::string& text, std::string_view field) {
  int64_t number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    return InvalidArgument(std::string(field), "must be a whole number");
  }
  return number;
}

}  // namespace

const std::string* QueryParams::Find(const std::string& name) {
  known_.insert(name);
  auto found = query_.find(name);
  return found == query_.end() ? nullptr : &found->second;
}

std::string QueryParams::Text(const std::string& name) {
  const std::string* value = Find(name);
  return value ? *value : std::string();
}

Result<std::optional<int64_t>> QueryParams::OptionalInteger(const std::string& name, int64_t min, int64_t max) {
  const std::string* value = Find(name);
  if (!value) return std::optional<int64_t>();
  TRY_ASSIGN(int64_t number, ParseInteger(*value, name));
  if (number < min || number > max) {
    return InvalidArgument(name, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return std::optional<int64_t>(number);
}

Result<int64_t> QueryParams::Integer(const std::string& name, int64_t default_value, int64_t min, int64_t max) {
  TRY_ASSIGN(std::optional<int64_t> number, OptionalInteger(name, min, max));
  return number.value_or(default_value);
}

Result<std::optional<Date>> QueryParams::OptionalDate(const std::string& name) {
  const std::string* value = Find(name);
  if (!value) return std::optional<Date>();
  TRY_ASSIGN(Date date, Date::Parse(*value, name));
  return std::optional<Date>(date);
}

Result<std::optional<bool>> QueryParams::OptionalFlag(const std::string& name) {
  const std::string* value = Find(name);
  if (!value || value->empty()) return std::optional<bool>();
  if (*value == "true") return std::optional<bool>(true);
  if (*value == "false") return std::optional<bool>(false);
  return InvalidArgument(name, "must be true or false");
}

Result<std::optional<Timestamp>> QueryParams::OptionalInstant(const std::string& name, DayBound bare_date) {
  const std::string* value = Find(name);
  if (!value) return std::optional<Timestamp>();
  if (value->size() == std::string_view("YYYY-MM-DD").size()) {
    TRY_ASSIGN(Date date, Date::Parse(*value, name));
    return std::optional<Timestamp>(bare_date == DayBound::kEnd ? EndOfDay(date) : Timestamp::StartOf(date));
  }
  TRY_ASSIGN(Timestamp time, Timestamp::Parse(*value, name));
  return std::optional<Timestamp>(time);
}

Status QueryParams::Finish() const {
  for (const auto& [name, value] : query_) {
    if (!known_.contains(name)) return InvalidArgument(name, "is not a known query parameter");
  }
  return OkStatus();
}

Result<int64_t> ParseId(const std::string& text, std::string_view field) {
  auto number = ParseInteger(text, field);
  if (!number.ok() || *number < 1) return InvalidArgument(std::string(field), "must be a positive whole number");
  return *number;
}

}  // namespace trygnet::http
