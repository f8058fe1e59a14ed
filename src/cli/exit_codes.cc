#include "cli/exit_codes.h"

#include <iostream>

namespace trygnet::cli {

int ExitCodeFor(const Error& error) {
  return error.code == ErrorCode::kInvalidArgument ? kExitUsage : kExitRuntimeError;
}

int ReportError(const Error& error) {
  std::cerr << "trygnet: " << error.ToString() << "\n";
  return ExitCodeFor(error);
}

}  // namespace trygnet::cli
