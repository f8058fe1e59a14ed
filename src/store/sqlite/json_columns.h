// Lists of plain values kept in one JSON text column (aliases, unit ids,
// decisions, response logs): values of their entity, never referenced alone.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/error.h"

namespace trygnet::sqlite {

template <typename T>
std::string ToJsonList(const std::vector<T>& values) {
  return nlohmann::json(values).dump();
}

// Fails with data_loss when the stored text is not the expected list.
template <typename T>
Result<std::vector<T>> FromJsonList(const std::string& text, std::string_view column) {
  try {
    return nlohmann::json::parse(text).get<std::vector<T>>();
  } catch (const nlohmann::json::exception&) {
    return DataLoss("stored " + std::string(column) + " is not a valid list");
  }
}

}  // namespace trygnet::sqlite
