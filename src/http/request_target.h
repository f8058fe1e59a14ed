// Splitting a request target ("/api/v1/persons?area=x&limit=5") into a
// decoded path and query parameters, refusing what cannot be read: bad
// percent-encoding, invalid UTF-8, control characters, a parameter given twice.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/error.h"

namespace trygnet::http {

struct RequestTarget {
  std::string path;
  std::map<std::string, std::string> query;
};

Result<RequestTarget> ParseRequestTarget(std::string_view target);

// Decodes %XX escapes (and '+' as space when `plus_is_space`).
Result<std::string> PercentDecode(std::string_view text, bool plus_is_space, std::string_view field);

}  // namespace trygnet::http
