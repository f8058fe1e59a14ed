// The route table: method, path pattern with {…} parameters, whether the
// route needs a signed-in user, and its handler. /api/v1/openapi.json
// documents exactly these routes (a test compares the two).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/api_types.h"
#include "http/request_context.h"

namespace trygnet::http {

enum class Access { kPublic, kSignedIn };

struct Route {
  std::string method;
  std::string pattern;  // e.g. "/api/v1/persons/{id}"
  Access access = Access::kSignedIn;
  std::function<Reply(RequestContext&)> handler;

  std::string Name() const { return method + " " + pattern; }
};

struct RouteMatch {
  size_t index = 0;
  std::vector<std::string> params;
};

// Finds the route for a method and path. When the path matches but the
// method does not, `path_known` is set (405 rather than 404).
std::optional<RouteMatch> MatchRoute(const std::vector<Route>& routes, const std::string& method,
                                     const std::string& path, bool& path_known);

// Every route of the API, in the order the OpenAPI document lists them.
std::vector<Route> AllRoutes();

}  // namespace trygnet::http
