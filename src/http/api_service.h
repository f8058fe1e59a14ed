// The application behind the HTTP server: matches a request to its route,
// signs the caller in (session cookie with CSRF check, or bearer token),
// leases a store and runs the handler. Knows nothing of sockets.
// Thread-safety: Handle may be called from many threads at once.
#pragma once

#include <memory>
#include <vector>

#include "http/api_types.h"
#include "http/metrics.h"
#include "http/request_context.h"
#include "http/router.h"
#include "http/store_pool.h"

namespace trygnet::http {

inline constexpr std::string_view kSessionCookie = "trygnet_session";

class ApiService {
 public:
  ApiService(StorePool& stores, const Clock& clock, std::vector<Partnership> partnerships, bool demo,
             ServiceOptions options = {});

  // Answers one request. `route_index` receives the route's index for metrics
  // (Metrics::unmatched_index() when none matched).
  Reply Handle(const ApiRequest& request, size_t& route_index);

  const std::vector<Route>& routes() const { return routes_; }
  ServiceState& state() { return state_; }
  Metrics& metrics() { return metrics_; }
  bool demo() const { return state_.demo; }

 private:
  Reply Authenticate(RequestContext& ctx, bool& signed_in);
  Reply Run(const Route& route, RequestContext& ctx);

  StorePool& stores_;
  ServiceState state_;
  std::vector<Route> routes_;
  Metrics metrics_;
};

// The value of one cookie in a Cookie header, or "".
std::string CookieValue(std::string_view header, std::string_view name);

}  // namespace trygnet::http
