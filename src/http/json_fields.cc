#include "http/json_fields.h"

#include "core/text_rules.h"

namespace trygnet::http {
namespace {

Error WrongType(const std::string& path, std::string_view expected) {
  return InvalidArgument(path, "must be " + std::string(expected));
}

}  // namespace

Result<nlohmann::json> ParseJsonObject(std::string_view body) {
  if (body.empty()) return InvalidArgument("body", "the request needs a JSON object as its body");
  // The parser checks UTF-8 itself; check first for one clear message.
  if (!IsValidUtf8(body)) return InvalidArgument("body", "is not valid UTF-8");
  nlohmann::json parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return InvalidArgument("body", "is not well-formed JSON");
  if (!parsed.is_object()) return InvalidArgument("body", "must be a JSON object");
  return parsed;
}

FieldReader::FieldReader(const nlohmann::json& object, std::string path) : object_(&object), path_(std::move(path)) {}

std::string FieldReader::PathOf(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

const nlohmann::json* FieldReader::Find(std::string_view key) {
  known_.emplace(key);
  auto found = object_->find(std::string(key));
  if (found == object_->end() || found->is_null()) return nullptr;
  return &*found;
}

Result<std::string> FieldReader::OptionalText(std::string_view key) {
  const nlohmann::json* value = Find(key);
  if (!value) return std::string();
  if (!value->is_string()) return WrongType(PathOf(key), "a text");
  const auto& text = value->get_ref<const std::string&>();
  if (text.size() > kMaxTextLength) {
    return InvalidArgument(PathOf(key), "is longer than " + std::to_string(kMaxTextLength) + " bytes");
  }
  return text;
}

Result<std::string> FieldReader::Text(std::string_view key) {
  TRY_ASSIGN(std::string text, OptionalText(key));
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return InvalidArgument(PathOf(key), "is required");
  return text;
}

Result<std::optional<int64_t>> FieldReader::OptionalInteger(std::string_view key, int64_t min, int64_t max) {
  const nlohmann::json* value = Find(key);
  if (!value) return std::optional<int64_t>();
  if (!value->is_number_integer()) return WrongType(PathOf(key), "a whole number");
  // Unsigned values above INT64_MAX are out of range too.
  if (value->is_number_unsigned() && value->get<uint64_t>() > static_cast<uint64_t>(max)) {
    return InvalidArgument(PathOf(key), "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  int64_t number = value->get<int64_t>();
  if (number < min || number > max) {
    return InvalidArgument(PathOf(key), "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return std::optional<int64_t>(number);
}

Result<int64_t> FieldReader::Integer(std::string_view key, int64_t min, int64_t max) {
  TRY_ASSIGN(std::optional<int64_t> number, OptionalInteger(key, min, max));
  if (!number) return InvalidArgument(PathOf(key), "is required");
  return *number;
}

Result<bool> FieldReader::Boolean(std::string_view key, bool default_value) {
  const nlohmann::json* value = Find(key);
  if (!value) return default_value;
  if (!value->is_boolean()) return WrongType(PathOf(key), "true or false");
  return value->get<bool>();
}

Result<std::optional<Date>> FieldReader::OptionalDate(std::string_view key) {
  const nlohmann::json* value = Find(key);
  if (!value) return std::optional<Date>();
  if (!value->is_string()) return WrongType(PathOf(key), "a date written YYYY-MM-DD");
  TRY_ASSIGN(Date date, Date::Parse(value->get_ref<const std::string&>(), PathOf(key)));
  return std::optional<Date>(date);
}

Result<Date> FieldReader::DateField(std::string_view key) {
  TRY_ASSIGN(std::optional<Date> date, OptionalDate(key));
  if (!date) return InvalidArgument(PathOf(key), "is required (a date written YYYY-MM-DD)");
  return *date;
}

Result<Timestamp> FieldReader::TimeField(std::string_view key) {
  const nlohmann::json* value = Find(key);
  if (!value) return InvalidArgument(PathOf(key), "is required (a time written YYYY-MM-DDTHH:MM:SSZ)");
  if (!value->is_string()) return WrongType(PathOf(key), "a time written YYYY-MM-DDTHH:MM:SSZ");
  return Timestamp::Parse(value->get_ref<const std::string&>(), PathOf(key));
}

Result<std::vector<std::string>> FieldReader::TextList(std::string_view key, bool required) {
  const nlohmann::json* value = Find(key);
  if (!value) {
    if (required) return InvalidArgument(PathOf(key), "is required (a list of texts)");
    return std::vector<std::string>();
  }
  if (!value->is_array()) return WrongType(PathOf(key), "a list of texts");
  std::vector<std::string> texts;
  for (size_t i = 0; i < value->size(); ++i) {
    const nlohmann::json& item = (*value)[i];
    std::string item_path = PathOf(key) + "[" + std::to_string(i) + "]";
    if (!item.is_string()) return WrongType(item_path, "a text");
    if (item.get_ref<const std::string&>().size() > kMaxTextLength) return InvalidArgument(item_path, "is too long");
    texts.push_back(item.get<std::string>());
  }
  return texts;
}

Result<std::vector<int64_t>> FieldReader::IntegerList(std::string_view key, int64_t min, int64_t max, bool required) {
  const nlohmann::json* value = Find(key);
  if (!value) {
    if (required) return InvalidArgument(PathOf(key), "is required (a list of whole numbers)");
    return std::vector<int64_t>();
  }
  if (!value->is_array()) return WrongType(PathOf(key), "a list of whole numbers");
  std::vector<int64_t> numbers;
  for (size_t i = 0; i < value->size(); ++i) {
    const nlohmann::json& item = (*value)[i];
    std::string item_path = PathOf(key) + "[" + std::to_string(i) + "]";
    if (!item.is_number_integer() || (item.is_number_unsigned() && item.get<uint64_t>() > uint64_t(max)) ||
        item.get<int64_t>() < min || item.get<int64_t>() > max) {
      return InvalidArgument(item_path,
                             "must be a whole number between " + std::to_string(min) + " and " + std::to_string(max));
    }
    numbers.push_back(item.get<int64_t>());
  }
  return numbers;
}

Result<FieldReader> FieldReader::Object(std::string_view key) {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  const nlohmann::json* value = Find(key);
  if (!value) return FieldReader(kEmpty, PathOf(key));
  if (!value->is_object()) return WrongType(PathOf(key), "an object");
  return FieldReader(*value, PathOf(key));
}

Result<std::vector<FieldReader>> FieldReader::ObjectList(std::string_view key, bool required) {
  const nlohmann::json* value = Find(key);
  if (!value) {
    if (required) return InvalidArgument(PathOf(key), "is required (a list of objects)");
    return std::vector<FieldReader>();
  }
  if (!value->is_array()) return WrongType(PathOf(key), "a list of objects");
  std::vector<FieldReader> readers;
  for (size_t i = 0; i < value->size(); ++i) {
    std::string item_path = PathOf(key) + "[" + std::to_string(i) + "]";
    if (!(*value)[i].is_object()) return WrongType(item_path, "an object");
    readers.emplace_back((*value)[i], item_path);
  }
  return readers;
}

Status FieldReader::Finish() const {
  for (const auto& [key, value] : object_->items()) {
    if (!known_.contains(key)) return InvalidArgument(PathOf(key), "is not a known field");
  }
  return OkStatus();
}

}  // namespace trygnet::http
