// The one place where errors become process exit codes:
// 0 ok, 1 runtime error, 2 usage error (bad arguments or input).
#pragma once

#include "core/error.h"

namespace trygnet::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRuntimeError = 1;
inline constexpr int kExitUsage = 2;

int ExitCodeFor(const Error& error);
// Prints "trygnet: <error>" on stderr and returns its exit code.
int ReportError(const Error& error);

}  // namespace trygnet::cli
