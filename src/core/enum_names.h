// One table per enum maps values to their stable text names (used in
// storage, definition files, JSON and the CLI), so each mapping lives once.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "core/error.h"

namespace trygnet {

template <typename E>
using EnumTable = std::span<const std::pair<E, std::string_view>>;

template <typename E>
std::string_view EnumName(EnumTable<E> table, E value) {
  for (const auto& [candidate, name] : table) {
    if (candidate == value) return name;
  }
  return "unknown";
}

// Returns invalid_argument naming `field` and listing the allowed names.
template <typename E>
Result<E> ParseEnum(EnumTable<E> table, std::string_view text, std::string_view field) {
  std::string allowed;
  for (const auto& [candidate, name] : table) {
    if (name == text) return candidate;
    if (!allowed.empty()) allowed += ", ";
    allowed += name;
  }
  return InvalidArgument(std::string(field),
                         "unknown value \"" + std::string(text.substr(0, 40)) + "\"; expected one of: " + allowed);
}

}  // namespace trygnet
