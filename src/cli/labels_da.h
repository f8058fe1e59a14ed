// Danish labels for domain values shown by the CLI (the codes stay English
// in JSON and storage; people read Danish first).
#pragma once

#include <string>
#include <string_view>

#include "core/registration.h"

namespace trygnet::cli {

std::string_view DanishLabel(RegistrationRole role);
std::string_view DanishLabel(RemovalReason reason);

// Pads `text` with spaces to `width` characters (UTF-8 aware), for tables.
std::string PadRight(std::string_view text, size_t width);

}  // namespace trygnet::cli
