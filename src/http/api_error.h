// Every error leaves the API as {"error":{"code","message","field"}} with a
// 4xx status for the caller's mistakes; a 5xx only for our own failures.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "http/api_types.h"

namespace trygnet::http {

// The HTTP status of a domain error code.
int StatusOf(ErrorCode code);

// An error response. `code` is a stable snake_case name; `field` may be empty.
ApiResponse ErrorResponse(int status, std::string_view code, std::string_view message, std::string_view field = {});
ApiResponse ErrorResponse(const Error& error);
Reply ErrorReply(const Error& error);

}  // namespace trygnet::http
