#include "http/api_error.h"

#include <nlohmann/json.hpp>

namespace trygnet::http {

int StatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kConflict:
    case ErrorCode::kFailedPrecondition:
      return 409;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kDataLoss:
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

ApiResponse ErrorResponse(int status, std::string_view code, std::string_view message, std::string_view field) {
  nlohmann::json error = {{"code", code}, {"message", message}};
  if (!field.empty()) error["field"] = field;
  ApiResponse response;
  response.status = status;
  // Replace, not throw, should a message quote invalid UTF-8 from the request.
  response.body = nlohmann::json{{"error", error}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

ApiResponse ErrorResponse(const Error& error) {
  return ErrorResponse(StatusOf(error.code), ErrorCodeName(error.code), error.message, error.field);
}

Reply ErrorReply(const Error& error) { return Reply{ErrorResponse(error), {}, 0}; }

}  // namespace trygnet::http
