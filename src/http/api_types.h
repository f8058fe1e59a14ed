// The HTTP layer's own request and reply values, free of Boost types so that
// handlers and their tests need no networking.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "audit/audit_entry.h"

namespace trygnet::http {

struct ApiRequest {
  std::string method;  // "GET", "POST", …
  std::string path;    // percent-decoded, without the query
  std::map<std::string, std::string> query;
  std::string body;
  std::string content_type;
  std::string cookie;         // the Cookie header
  std::string authorization;  // the Authorization header
  std::string csrf_token;     // the X-CSRF-Token header
  std::string purpose;        // the X-Trygnet-Purpose header; empty: the default purpose
};

struct ApiResponse {
  int status = 200;
  std::string body;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. Set-Cookie
};

// What a handler returns: the response, the audit entries that must be
// durable before it is sent (reads and denials; group-committed), and a
// delay before sending (sign-in back-off).
struct Reply {
  Reply() = default;
  Reply(ApiResponse response_, std::vector<audit::AuditRecord> audit_ = {}, int64_t delay_ms_ = 0)  // NOLINT: implicit
      : response(std::move(response_)), audit(std::move(audit_)), delay_ms(delay_ms_) {}

  ApiResponse response;
  std::vector<audit::AuditRecord> audit;
  int64_t delay_ms = 0;
};

}  // namespace trygnet::http
