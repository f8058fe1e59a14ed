// POST/GET/DELETE /api/v1/session: signing in and out of the browser UI.
#include <string>

#include "auth/sign_in.h"
#include "http/api_error.h"
#include "http/api_service.h"
#include "http/handlers.h"
#include "http/json_encode.h"
#include "http/json_fields.h"
#include "http/session_vocabulary.h"

namespace trygnet::http {
namespace {

std::string SessionCookie(const std::string& token, int64_t max_age_seconds) {
  return std::string(kSessionCookie) + "=" + token +
         "; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=" + std::to_string(max_age_seconds);
}

audit::AuditRecord SignInRecord(RequestContext& ctx, const std::string& username, const std::string& unit,
                                audit::Outcome outcome, std::string_view reason) {
  audit::AuditRecord record;
  record.at = ctx.Now();
  record.user = username.substr(0, 100);
  record.unit = unit;
  record.action = "sign_in";
  record.resource = "session";
  record.purpose = "sign_in";
  record.outcome = outcome;
  if (outcome != audit::Outcome::kAllowed) record.reason = std::string(reason);
  return record;
}

// What the caller is told; a disabled account looks like wrong credentials.
ApiResponse SignInRefusal(RequestContext& ctx, const auth::SignInDecision& decision) {
  switch (decision.result) {
    case auth::SignInResult::kLocked:
      return ErrorResponse(401, "account_locked",
                           "too many failed attempts; the account is locked until " +
                               decision.locked_until.value_or(ctx.Now()).ToString());
    case auth::SignInResult::kSecondFactorMissing:
      return ErrorResponse(401, "second_factor_required", "enter the code from your authenticator app", "totp_code");
    case auth::SignInResult::kSecondFactorNotEnrolled:
      return ErrorResponse(403, "second_factor_not_enrolled",
                           "your account needs a second factor; ask an administrator to enrol one");
    default:
      return ErrorResponse(401, "wrong_credentials", "the user name, password or code is wrong");
  }
}

nlohmann::json SessionBody(RequestContext& ctx, const User& user, const std::string& csrf_token) {
  const Partnership* partnership = ctx.state.PartnershipOfUnit(user.unit_id);
  nlohmann::json body = {{"user", UserJson(user)},
                         {"partnership_id", partnership ? nlohmann::json(partnership->id) : nlohmann::json(nullptr)},
                         {"demo", ctx.state.demo}};
  body.update(SessionVocabulary(partnership, user));
  if (!csrf_token.empty()) body["csrf_token"] = csrf_token;
  return body;
}

}  // namespace

Reply SignIn(RequestContext& ctx) {
  auto body = ParseJsonObject(ctx.request.body);
  if (!body.ok()) return ErrorReply(body.error());
  FieldReader fields(*body);
  auto username = fields.Text("username");
  if (!username.ok()) return ErrorReply(username.error());
  auto password = fields.Text("password");
  if (!password.ok()) return ErrorReply(password.error());
  auto totp_code = fields.OptionalText("totp_code");
  if (!totp_code.ok()) return ErrorReply(totp_code.error());
  if (Status finished = fields.Finish(); !finished.ok()) return ErrorReply(finished.error());

  std::lock_guard one_at_a_time(
      ctx.state.sign_in_stripes[std::hash<std::string>{}(*username) % ctx.state.sign_in_stripes.size()]);
  auto user = ctx.store.GetUser(*username);
  auto credentials = user.ok() ? ctx.store.GetCredentials(*username) : Result<Credentials>(user.error());
  if (!credentials.ok() && credentials.error().code != ErrorCode::kNotFound) return ErrorReply(credentials.error());
  bool known = credentials.ok();
  auth::AccountState account;
  bool needs_second_factor = false;
  if (known) {
    account = {user->disabled,
               credentials->password_hash,
               credentials->totp_secret,
               credentials->totp_last_step,
               credentials->failed_attempts,
               credentials->locked_until};
    const Partnership* partnership = ctx.state.PartnershipOfUnit(user->unit_id);
    needs_second_factor = partnership && auth::NeedsSecondFactor(*partnership, *user);
  } else {
    account = ctx.state.unknown_accounts.StateOf(*username);  // answers like a real account would
  }
  std::optional<std::string_view> code;
  if (!totp_code->empty()) code = *totp_code;
  auth::SignInDecision decision = auth::DecideSignIn(account, *password, code, needs_second_factor, ctx.state.demo,
                                                     ctx.Now(), ctx.state.options.lockout);
  if (known) {
    Status saved =
        ctx.store.SaveSignInState(*username, decision.failed_attempts, decision.locked_until, decision.used_totp_step);
    if (!saved.ok()) return ErrorReply(saved.error());
  } else {
    ctx.state.unknown_accounts.Save(*username, decision);
  }
  std::string unit = known ? user->unit_id : "";
  if (decision.result != auth::SignInResult::kSignedIn) {
    audit::AuditRecord record =
        SignInRecord(ctx, *username, unit, audit::Outcome::kDenied, auth::SignInResultName(decision.result));
    int64_t delay = ctx.state.options.delay_failed_sign_ins ? auth::BackoffMillis(decision.failed_attempts) : 0;
    return Reply(SignInRefusal(ctx, decision), {record}, delay);
  }
  NewSession session = ctx.state.sessions.Create(*username, ctx.Now());
  ApiResponse response = JsonResponse(SessionBody(ctx, *user, session.csrf_token));
  response.headers.emplace_back("Set-Cookie", SessionCookie(session.token, ctx.state.options.session.absolute_seconds));
  return Reply(response, {SignInRecord(ctx, *username, user->unit_id, audit::Outcome::kAllowed, "")});
}

Reply GetSession(RequestContext& ctx) {
  std::string csrf_token;
  if (ctx.principal->via_session) {
    auto session = ctx.state.sessions.Use(CookieValue(ctx.request.cookie, kSessionCookie), ctx.Now());
    if (session) csrf_token = session->csrf_token;
  }
  return JsonResponse(SessionBody(ctx, ctx.principal->user, csrf_token));
}

Reply SignOut(RequestContext& ctx) {
  if (!ctx.principal->via_session) {
    return ErrorReply(InvalidArgument("Authorization", "an API token has no session to end; revoke the token instead"));
  }
  ctx.state.sessions.End(CookieValue(ctx.request.cookie, kSessionCookie));
  ApiResponse response;
  response.status = 204;
  response.content_type.clear();
  response.headers.emplace_back("Set-Cookie", SessionCookie("", 0));
  return response;
}

}  // namespace trygnet::http
