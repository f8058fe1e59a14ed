#include "http/api_service.h"

#include <iostream>

#include "auth/api_token.h"
#include "http/api_error.h"

namespace trygnet::http {
namespace {

std::vector<std::string> RouteNames(const std::vector<Route>& routes) {
  std::vector<std::string> names;
  for (const Route& route : routes) names.push_back(route.Name());
  return names;
}

bool IsSafeMethod(const std::string& method) { return method == "GET" || method == "HEAD"; }

Reply Unauthenticated(std::string message) {
  Reply reply{ErrorResponse(401, "unauthenticated", message), {}, 0};
  reply.response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"trygnet\"");
  return reply;
}

// A declared purpose must be one the partnership's legal bases know, so that a
// typing error is refused instead of silently matching no disclosure.
Status CheckPurpose(const std::string& purpose, const Partnership* partnership) {
  if (purpose.empty() || !partnership) return OkStatus();
  std::string known;
  for (const LegalBasis& basis : partnership->legal_bases) {
    for (const std::string& candidate : basis.purposes) {
      if (candidate == purpose) return OkStatus();
      if (known.find(candidate) == std::string::npos) known += (known.empty() ? "" : ", ") + candidate;
    }
  }
  return InvalidArgument("X-Trygnet-Purpose", "is not a purpose of the partnership (known: " + known + ")");
}

}  // namespace

const Partnership* ServiceState::PartnershipOfUnit(std::string_view unit_id) const {
  for (const Partnership& partnership : partnerships) {
    if (partnership.FindUnit(unit_id)) return &partnership;
  }
  return nullptr;
}

const Partnership* ServiceState::FindPartnership(std::string_view id) const {
  for (const Partnership& partnership : partnerships) {
    if (partnership.id == id) return &partnership;
  }
  return nullptr;
}

std::string CookieValue(std::string_view header, std::string_view name) {
  size_t start = 0;
  while (start < header.size()) {
    size_t end = header.find(';', start);
    if (end == std::string_view::npos) end = header.size();
    std::string_view pair = header.substr(start, end - start);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name && pair[name.size()] == '=') {
      return std::string(pair.substr(name.size() + 1));
    }
    start = end + 1;
  }
  return "";
}

ApiService::ApiService(StorePool& stores, const Clock& clock, std::vector<Partnership> partnerships, bool demo,
                       ServiceOptions options)
    : stores_(stores),
      state_{clock, std::move(partnerships), demo, options, SessionRegistry(options.session), {}, {}, {}},
      routes_(AllRoutes()),
      metrics_(RouteNames(routes_)) {}

Reply ApiService::Handle(const ApiRequest& request, size_t& route_index) {
  route_index = metrics_.unmatched_index();
  bool path_known = false;
  std::optional<RouteMatch> match = MatchRoute(routes_, request.method, request.path, path_known);
  if (!match) {
    if (path_known) return Reply{ErrorResponse(405, "method_not_allowed", "this path does not take " + request.method)};
    return Reply{ErrorResponse(404, "not_found", "no such path", "path")};
  }
  route_index = match->index;
  const Route& route = routes_[match->index];
  auto store = stores_.Acquire();
  if (!store.ok()) {
    std::cerr << "trygnet serve: cannot open the database: " << store.error().ToString() << "\n";
    return Reply{ErrorResponse(503, "unavailable", "the database cannot be opened now; try again")};
  }
  RequestContext ctx{request, std::move(match->params), **store, state_, std::nullopt};
  auto answer = [&]() -> Reply {
    if (route.access == Access::kSignedIn) {
      bool signed_in = false;
      Reply refused = Authenticate(ctx, signed_in);
      if (!signed_in) return refused;
    }
    return Run(route, ctx);
  };
  if (!IsSafeMethod(request.method)) return answer();
  // A read sees one snapshot: the user, the policy's inputs and the data agree.
  Reply reply;
  Status read = ctx.store.InReadSnapshot([&]() -> Status {
    reply = answer();
    return OkStatus();
  });
  if (!read.ok()) return ErrorReply(read.error());
  return reply;
}

Reply ApiService::Run(const Route& route, RequestContext& ctx) {
  try {
    return route.handler(ctx);
  } catch (const std::exception& error) {
    // A bug, not bad input: the caller gets a 500 without details, the log gets them.
    std::cerr << "trygnet serve: " << route.Name() << " failed: " << error.what() << "\n";
    return Reply{ErrorResponse(500, "internal", "an internal error occurred; it has been logged")};
  }
}

// A bearer token (integrations) or a session cookie (the browser). Cookie
// requests that change something must carry the session's CSRF token.
Reply ApiService::Authenticate(RequestContext& ctx, bool& signed_in) {
  const ApiRequest& request = ctx.request;
  std::optional<User> user;
  bool via_session = false;
  if (!request.authorization.empty()) {
    constexpr std::string_view kBearer = "Bearer ";
    if (!request.authorization.starts_with(kBearer)) {
      return Unauthenticated("the Authorization header must be \"Bearer <token>\"");
    }
    auto owner = ctx.store.FindApiTokenUser(auth::HashApiToken(request.authorization.substr(kBearer.size())));
    if (!owner.ok()) return ErrorReply(owner.error());
    if (!*owner) return Unauthenticated("the API token is unknown or revoked, or its account is disabled");
    user = std::move(*owner);
  } else {
    std::string token = CookieValue(request.cookie, kSessionCookie);
    if (token.empty()) return Unauthenticated("sign in first (POST /api/v1/session)");
    std::optional<SessionInfo> session = state_.sessions.Use(token, ctx.Now());
    if (!session) return Unauthenticated("the session has expired or was signed out; sign in again");
    if (!IsSafeMethod(request.method) && !SameSecret(request.csrf_token, session->csrf_token)) {
      return Reply{ErrorResponse(403, "csrf_token_invalid",
                                 "the X-CSRF-Token header is missing or does not match the session", "X-CSRF-Token")};
    }
    auto found = ctx.store.GetUser(session->username);
    if (!found.ok() || found->disabled) {
      state_.sessions.End(token);  // does not come back if the account is enabled again
      return Unauthenticated("the account is disabled or no longer exists");
    }
    // A password set after sign-in (e.g. `trygnet user reset-password`) ends the session.
    auto credentials = ctx.store.GetCredentials(session->username);
    if (!credentials.ok() || credentials->password_changed_at > session->created) {
      state_.sessions.End(token);
      return Unauthenticated("the password was changed; sign in again");
    }
    user = std::move(*found);
    via_session = true;
  }
  if (Status purpose = CheckPurpose(request.purpose, state_.PartnershipOfUnit(user->unit_id)); !purpose.ok()) {
    return ErrorReply(purpose.error());
  }
  Principal principal;
  principal.subject = policy::Subject{user->username, user->unit_id, user->roles};
  principal.partnership = state_.PartnershipOfUnit(user->unit_id);
  principal.via_session = via_session;
  principal.user = std::move(*user);
  ctx.principal = std::move(principal);
  signed_in = true;
  return {};
}

}  // namespace trygnet::http
