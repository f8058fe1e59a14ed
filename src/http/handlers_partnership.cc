// The partnership as a whole: its definition and indicators; and for
// auditors and administrators, the audit log and users (meetings:
// handlers_meetings.cc; incidents: handlers_incidents.cc).
#include <limits>

#include "analytics/indicator_json.h"
#include "audit/audit_json.h"
#include "http/handler_support.h"
#include "http/handlers.h"
#include "report/report_text.h"

namespace trygnet::http {
namespace {

constexpr int64_t kMaxId = std::numeric_limits<int64_t>::max();

Result<Reply> ListPartnershipsImpl(RequestContext& ctx) {
  TRY_STATUS(QueryParams(ctx.request.query).Finish());
  Guard guard = GuardGeneral(ctx, AccessAction::kRead, DataCategory::kPartnership, "partnerships", "read");
  if (!guard.decision.allowed) return DeniedReply(guard);
  nlohmann::json items = nlohmann::json::array();
  for (const Partnership& partnership : ctx.state.partnerships) {
    items.push_back({{"id", partnership.id}, {"name", partnership.name}, {"name_en", partnership.name_en}});
  }
  return Reply(JsonResponse({{"items", items}}));
}

Result<Reply> GetPartnershipImpl(RequestContext& ctx) {
  TRY_STATUS(QueryParams(ctx.request.query).Finish());
  const Partnership* partnership = ctx.state.FindPartnership(ctx.params.at(0));
  if (!partnership) return NotFound("no partnership \"" + ctx.params.at(0) + "\"", "partnership_id");
  Guard guard = GuardGeneral(ctx, AccessAction::kRead, DataCategory::kPartnership, "partnership/" + partnership->id,
                             "read", partnership);
  if (!guard.decision.allowed) return DeniedReply(guard);
  return Reply(JsonResponse(PartnershipSummaryJson(*partnership)));
}

Result<Reply> GetIndicatorsImpl(RequestContext& ctx) {
  QueryParams query(ctx.request.query);
  std::string partnership_id = query.Text("partnership");
  TRY_ASSIGN(std::optional<Date> as_of, query.OptionalDate("as_of"));
  TRY_ASSIGN(std::optional<Timestamp> known_at, query.OptionalInstant("known_at", QueryParams::DayBound::kEnd));
  TRY_STATUS(query.Finish());
  TRY_ASSIGN(const Partnership* partnership, RequestedPartnership(ctx, partnership_id));
  Guard guard = GuardGeneral(ctx, AccessAction::kRead, DataCategory::kAggregate, "indicators/" + partnership->id,
                             "read", partnership);
  if (!guard.decision.allowed) return DeniedReply(guard);
  BitemporalPoint point{as_of.value_or(ctx.Today()), known_at.value_or(ctx.Now())};
  TRY_ASSIGN(std::vector<IndicatorValue> values, ComputeIndicators(ctx.store, *partnership, point));
  bool suppress_small = IsExternalUser(ctx, *partnership);
  nlohmann::json items = nlohmann::json::array();
  for (const IndicatorValue& value : values) {
    nlohmann::json item = IndicatorJson(value);
    if (suppress_small && value.definition->unit == IndicatorUnit::kCount && value.value &&
        *value.value < report::kSuppressBelow) {
      item["value"] = "<5";
    }
    items.push_back(std::move(item));
  }
  return Reply(JsonResponse({{"partnership", partnership->id},
                             {"as_of", point.as_of.ToString()},
                             {"known_at", point.known_at.ToString()},
                             {"demo", ctx.state.demo},
                             {"indicators", items}}));
}


Result<Reply> QueryAuditLogImpl(RequestContext& ctx) {
  QueryParams query(ctx.request.query);
  AuditQuery filter;
  TRY_ASSIGN(std::optional<int64_t> person, query.OptionalInteger("person", 1, kMaxId));
  filter.person_id = person;
  filter.user = query.Text("user");
  filter.unit = query.Text("unit");
  TRY_ASSIGN(filter.from, query.OptionalInstant("from", QueryParams::DayBound::kStart));
  TRY_ASSIGN(filter.to, query.OptionalInstant("to", QueryParams::DayBound::kEnd));
  TRY_ASSIGN(filter.limit, query.PageSize());
  TRY_STATUS(query.Finish());
  Guard guard = GuardGeneral(ctx, AccessAction::kRead, DataCategory::kAudit, "audit", "read");
  if (!guard.decision.allowed) return DeniedReply(guard);
  TRY_ASSIGN(std::vector<audit::AuditEntry> entries, ctx.store.QueryAudit(filter));
  nlohmann::json items = nlohmann::json::array();
  for (const audit::AuditEntry& entry : entries) items.push_back(audit::AuditEntryJson(entry));
  // Reading the log is itself logged: who looked at whose traces.
  guard.record.resource = "audit";
  guard.record.person_id = filter.person_id;
  return Reply(JsonResponse({{"items", items}}), {guard.record});
}

Result<Reply> ListUsersImpl(RequestContext& ctx) {
  TRY_STATUS(QueryParams(ctx.request.query).Finish());
  Guard guard = GuardGeneral(ctx, AccessAction::kRead, DataCategory::kUserAdmin, "users", "read");
  if (!guard.decision.allowed) return DeniedReply(guard);
  TRY_ASSIGN(std::vector<User> users, ctx.store.ListUsers());
  nlohmann::json items = nlohmann::json::array();
  for (const User& user : users) items.push_back(UserJson(user));
  return Reply(JsonResponse({{"items", items}}));
}

}  // namespace

Reply ListPartnerships(RequestContext& ctx) { return Answer(ListPartnershipsImpl(ctx)); }
Reply GetPartnership(RequestContext& ctx) { return Answer(GetPartnershipImpl(ctx)); }
Reply GetIndicators(RequestContext& ctx) { return Answer(GetIndicatorsImpl(ctx)); }
Reply QueryAuditLog(RequestContext& ctx) { return Answer(QueryAuditLogImpl(ctx)); }
Reply ListUsers(RequestContext& ctx) { return Answer(ListUsersImpl(ctx)); }

}  // namespace trygnet::http
