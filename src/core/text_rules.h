// Small checks shared by every entity's validation, so a rule such as
// "a name is 1–200 characters of valid UTF-8" is written once.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace trygnet {

inline constexpr size_t kMaxNameLength = 200;
inline constexpr size_t kMaxTextLength = 20000;

bool IsValidUtf8(std::string_view text);

// Non-empty after trimming, valid UTF-8, at most `max_length` bytes.
Status RequireText(std::string_view field, std::string_view value, size_t max_length = kMaxNameLength);
// Empty is fine; otherwise valid UTF-8 of at most `max_length` bytes.
Status OptionalText(std::string_view field, std::string_view value, size_t max_length = kMaxTextLength);
// Identifiers used in definition files and URLs: [a-z0-9][a-z0-9._-]{0,63}.
Status RequireIdentifier(std::string_view field, std::string_view value);

}  // namespace trygnet
