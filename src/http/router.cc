#include "http/router.h"

namespace trygnet::http {
namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t start = 1;  // paths start with '/'
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

bool Matches(std::string_view pattern, std::string_view path, std::vector<std::string>& params) {
  std::vector<std::string_view> want = Segments(pattern), have = Segments(path);
  if (want.size() != have.size()) return false;
  params.clear();
  for (size_t i = 0; i < want.size(); ++i) {
    if (want[i].starts_with('{')) {
      if (have[i].empty()) return false;
      params.emplace_back(have[i]);
    } else if (want[i] != have[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<RouteMatch> MatchRoute(const std::vector<Route>& routes, const std::string& method,
                                     const std::string& path, bool& path_known) {
  path_known = false;
  if (path.empty() || path[0] != '/') return std::nullopt;
  std::vector<std::string> params;
  for (size_t i = 0; i < routes.size(); ++i) {
    if (!Matches(routes[i].pattern, path, params)) continue;
    path_known = true;
    // HEAD is answered like GET, without the body (the server drops it).
    if (routes[i].method == method || (method == "HEAD" && routes[i].method == "GET")) {
      return RouteMatch{i, params};
    }
  }
  return std::nullopt;
}

}  // namespace trygnet::http
