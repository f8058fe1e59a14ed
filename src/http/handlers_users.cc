// User administration for administrators (write:user_admin): creating an
// account, disabling and enabling it, a new password, a new second factor.
// The same changes as `trygnet user` on the server. A password or an
// authenticator address is answered once and never stored in clear. Each
// change and its audit entry commit together.
#include "auth/password.h"
#include "auth/totp.h"
#include "http/handler_support.h"
#include "http/handlers.h"
#include "http/json_encode.h"

namespace trygnet::http {
namespace {

// Runs `change` for the user in the path, audited as `action` on user/<name>.
// The access decision comes before the lookup, so that nobody but an
// administrator learns from a 404 which user names exist.
Result<Reply> ChangeUser(RequestContext& ctx, const std::string& action,
                         const std::function<Status(const User&)>& change, nlohmann::json answer = {}) {
  nlohmann::json body = nlohmann::json::object();  // no fields: an empty body or {}
  if (!ctx.request.body.empty()) {
    TRY_ASSIGN(body, ParseJsonObject(ctx.request.body));
  }
  FieldReader fields(body);
  TRY_STATUS(fields.Finish());
  if (ctx.params.empty()) return Internal("route has no user parameter");
  Guard guard = GuardGeneral(ctx, AccessAction::kWrite, DataCategory::kUserAdmin, "user/" + ctx.params[0], action);
  if (!guard.decision.allowed) return DeniedReply(guard);
  TRY_ASSIGN(User user, ctx.store.GetUser(ctx.params[0]));
  TRY_STATUS(WriteAudited(ctx, [&] { return change(user); }, [&] { return guard.record; }));
  TRY_ASSIGN(User changed, ctx.store.GetUser(user.username));
  answer["user"] = UserJson(changed);
  return Reply(JsonResponse(answer));
}

// POST /users {username, display_name, unit_id, roles}
Result<Reply> CreateUserImpl(RequestContext& ctx) {
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  User user;
  TRY_ASSIGN(user.username, fields.Text("username"));
  TRY_ASSIGN(user.display_name, fields.Text("display_name"));
  TRY_ASSIGN(user.unit_id, fields.Text("unit_id"));
  TRY_ASSIGN(std::vector<std::string> roles, fields.TextList("roles", true));
  TRY_STATUS(fields.Finish());
  for (size_t idx = 0; idx < roles.size(); ++idx) {
    TRY_ASSIGN(UserRole role, ParseUserRole(roles[idx], "roles[" + std::to_string(idx) + "]"));
    user.roles.push_back(role);
  }
  TRY_STATUS(ValidateUser(user));
  Guard guard = GuardGeneral(ctx, AccessAction::kWrite, DataCategory::kUserAdmin, "user/" + user.username, "create");
  if (!guard.decision.allowed) return DeniedReply(guard);
  const std::string password = auth::GeneratePassword();
  TRY_ASSIGN(std::string hash, auth::HashPassword(password));
  const std::vector<uint8_t> secret = auth::NewTotpSecret();
  TRY_STATUS(WriteAudited(
      ctx,
      [&]() -> Status {
        TRY_STATUS(ctx.store.AddUser(user));
        TRY_STATUS(ctx.store.SetPassword(user.username, hash));
        return ctx.store.SetTotpSecret(user.username, secret);
      },
      [&] { return guard.record; }));
  return Reply(JsonResponse(
      {{"user", UserJson(user)}, {"password", password}, {"otpauth_uri", auth::OtpauthUri(user.username, secret)}},
      201));
}

Result<Reply> SetDisabledImpl(RequestContext& ctx, bool disabled) {
  return ChangeUser(ctx, disabled ? "disable" : "enable", [&](const User& user) -> Status {
    if (disabled && user.username == ctx.principal->user.username) {
      return FailedPrecondition("an administrator cannot disable their own account");  // it would lock them out
    }
    return ctx.store.SetUserDisabled(user.username, disabled);
  });
}

Result<Reply> ResetPasswordImpl(RequestContext& ctx) {
  const std::string password = auth::GeneratePassword();
  TRY_ASSIGN(std::string hash, auth::HashPassword(password));
  return ChangeUser(
      ctx, "reset_password", [&](const User& user) { return ctx.store.SetPassword(user.username, hash); },
      {{"password", password}});
}

Result<Reply> ResetTotpImpl(RequestContext& ctx) {
  const std::vector<uint8_t> secret = auth::NewTotpSecret();
  const std::string username = ctx.params.empty() ? "" : ctx.params[0];
  return ChangeUser(
      ctx, "reset_totp", [&](const User& user) { return ctx.store.SetTotpSecret(user.username, secret); },
      {{"otpauth_uri", auth::OtpauthUri(username, secret)}});
}

}  // namespace

Reply CreateUser(RequestContext& ctx) { return Answer(CreateUserImpl(ctx)); }
Reply DisableUser(RequestContext& ctx) { return Answer(SetDisabledImpl(ctx, true)); }
Reply EnableUser(RequestContext& ctx) { return Answer(SetDisabledImpl(ctx, false)); }
Reply ResetUserPassword(RequestContext& ctx) { return Answer(ResetPasswordImpl(ctx)); }
Reply ResetUserTotp(RequestContext& ctx) { return Answer(ResetTotpImpl(ctx)); }

}  // namespace trygnet::http
