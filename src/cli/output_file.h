// Writing a finished output file (a report) so that nobody ever sees half of
// it: the bytes go to a temporary file beside the target, are flushed to
// disk, and replace the target in one rename.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace trygnet::cli {

// Returns unavailable (naming the path and the system's reason) when the
// directory is missing or not writable; the target is then untouched.
Status WriteFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace trygnet::cli
