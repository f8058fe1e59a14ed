// Incidents (hændelser) [p.11–12]: a violent conflict or a public gathering,
// the response log of each role with its times, the time to the first
// response per role, and closing with an after-action note. An incident is
// held by the police, the unit that recorded it and the units that responded
// (GuardIncident); the persons and groups involved are police data.
#include <limits>

#include "http/handler_support.h"
#include "http/handlers.h"

namespace trygnet::http {
namespace {

constexpr int64_t kMaxId = std::numeric_limits<int64_t>::max();

// One audit entry per person shown (a read of each one's data), or one for
// the incident when no person is shown.
std::vector<audit::AuditRecord> PerPersonRecords(const audit::AuditRecord& record, const Incident& incident,
                                                 bool with_persons) {
  if (!with_persons || incident.person_ids.empty()) return {record};
  std::vector<audit::AuditRecord> records;
  for (PersonId person_id : incident.person_ids) {
    records.push_back(record);
    records.back().person_id = person_id;
  }
  return records;
}

Result<Reply> CreateIncidentImpl(RequestContext& ctx) {
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  Incident incident;
  TRY_ASSIGN(std::string kind, fields.Text("kind"));
  TRY_ASSIGN(incident.kind, ParseIncidentKind(kind, "kind"));
  TRY_ASSIGN(incident.occurred_at, fields.TimeField("occurred_at"));
  TRY_ASSIGN(incident.area_id, fields.OptionalText("area_id"));
  TRY_ASSIGN(incident.place, fields.Text("place"));
  TRY_ASSIGN(incident.person_ids, fields.IntegerList("person_ids", 1, kMaxId, false));
  TRY_ASSIGN(incident.group_ids, fields.IntegerList("group_ids", 1, kMaxId, false));
  TRY_STATUS(fields.Finish());
  if (ctx.Now() < incident.occurred_at) return InvalidArgument("occurred_at", "is in the future");
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  if (!incident.area_id.empty() && !partnership->FindArea(incident.area_id)) {
    return InvalidArgument("area_id", "is not an area of partnership " + partnership->id);
  }
  incident.partnership_id = partnership->id;
  incident.recorded_by = ctx.principal->user.username;
  incident.recorded_by_unit_id = ctx.principal->user.unit_id;
  Guard guard = GuardOwnKind(ctx, AccessAction::kWrite, DataCategory::kIncident, "incident", "create");
  if (!guard.decision.allowed) return DeniedReply(guard);
  // Naming the persons and groups involved is police intelligence.
  if ((!incident.person_ids.empty() || !incident.group_ids.empty()) && !InPoliceUnit(ctx)) {
    return DeniedReply(Denied(guard, policy::Reason::kNotOwner,
                              "only the police record the persons and groups involved in an incident"));
  }
  IncidentId id = 0;
  TRY_STATUS(ctx.store.InTransaction([&]() -> Status {
    TRY_ASSIGN(id, ctx.store.AddIncident(incident));
    guard.record.resource = "incident/" + std::to_string(id);
    for (const audit::AuditRecord& record : PerPersonRecords(guard.record, incident, true)) {
      TRY_STATUS(ctx.store.AppendAudit(record));
    }
    return OkStatus();
  }));
  incident.id = id;
  incident.recorded_at = ctx.Now();
  return Reply(JsonResponse(IncidentJson(incident, InPoliceUnit(ctx)), 201));
}

// GET /incidents?from&to&open: the incidents the user's organisation holds,
// newest first, without the persons involved.
Result<Reply> ListIncidentsImpl(RequestContext& ctx) {
  QueryParams query(ctx.request.query);
  TRY_ASSIGN(std::optional<Timestamp> from, query.OptionalInstant("from", QueryParams::DayBound::kStart));
  TRY_ASSIGN(std::optional<Timestamp> to, query.OptionalInstant("to", QueryParams::DayBound::kEnd));
  TRY_ASSIGN(std::optional<bool> open, query.OptionalFlag("open"));
  TRY_ASSIGN(int64_t limit, query.PageSize());
  TRY_STATUS(query.Finish());
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  Guard guard = GuardOwnKind(ctx, AccessAction::kRead, DataCategory::kIncident, "incidents", "list");
  if (!guard.decision.allowed) return DeniedReply(guard);
  TRY_ASSIGN(std::vector<Incident> incidents,
             ctx.store.ListIncidents(partnership->id, from.value_or(Timestamp::FromUnixSeconds(0)),
                                     to.value_or(ctx.Now())));
  nlohmann::json items = nlohmann::json::array();
  for (const Incident& incident : incidents) {
    if (static_cast<int64_t>(items.size()) >= limit) break;
    if (open && *open == incident.closed_at.has_value()) continue;  // open=true: not closed
    if (!GuardIncident(ctx, AccessAction::kRead, incident, "", "").decision.allowed) continue;
    items.push_back(IncidentJson(incident, false));
  }
  return Reply(JsonResponse({{"items", items}}), {guard.record});
}

Result<Reply> GetIncidentImpl(RequestContext& ctx) {
  TRY_STATUS(QueryParams(ctx.request.query).Finish());
  TRY_ASSIGN(IncidentId id, PathId(ctx, 0, "incident_id"));
  TRY_ASSIGN(Incident incident, ctx.store.GetIncident(id));
  Guard guard = GuardIncident(ctx, AccessAction::kRead, incident, "incident/" + std::to_string(id), "read");
  if (!guard.decision.allowed) return DeniedReply(guard);
  bool with_persons = InPoliceUnit(ctx);
  return Reply(JsonResponse(IncidentJson(incident, with_persons)),
               PerPersonRecords(guard.record, incident, with_persons));
}

// POST /incidents/{id}/responses {role, at, unit_id?, note?}: a unit logs
// its own response; a holder of the incident may log another unit's.
Result<Reply> AddIncidentResponseImpl(RequestContext& ctx) {
  TRY_ASSIGN(IncidentId id, PathId(ctx, 0, "incident_id"));
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  ResponseEntry entry;
  TRY_ASSIGN(std::string role, fields.Text("role"));
  TRY_ASSIGN(entry.role, ParseResponseRole(role, "role"));
  TRY_ASSIGN(entry.at, fields.TimeField("at"));
  TRY_ASSIGN(entry.unit_id, fields.OptionalText("unit_id"));
  TRY_ASSIGN(entry.note, fields.OptionalText("note"));
  TRY_STATUS(fields.Finish());
  if (entry.unit_id.empty()) entry.unit_id = ctx.principal->user.unit_id;
  if (ctx.Now() < entry.at) return InvalidArgument("at", "is in the future");
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  if (!partnership->FindUnit(entry.unit_id)) {
    return InvalidArgument("unit_id", "is not a unit of partnership " + partnership->id);
  }
  TRY_ASSIGN(Incident incident, ctx.store.GetIncident(id));
  std::string resource = "incident/" + std::to_string(id) + "/responses";
  Guard guard = entry.unit_id == ctx.principal->user.unit_id
                    ? GuardOwnKind(ctx, AccessAction::kWrite, DataCategory::kIncident, resource, "respond")
                    : GuardIncident(ctx, AccessAction::kWrite, incident, resource, "respond");
  if (!guard.decision.allowed) return DeniedReply(guard);
  if (incident.partnership_id != partnership->id) {
    return DeniedReply(Denied(guard, policy::Reason::kNotOwner, "the incident belongs to another partnership"));
  }
  if (entry.at < incident.occurred_at) return InvalidArgument("at", "is before the incident occurred");
  Incident changed;
  TRY_STATUS(WriteAudited(
      ctx,
      [&]() -> Status {
        TRY_ASSIGN(changed, ctx.store.AddIncidentResponse(id, entry));
        return OkStatus();
      },
      [&] { return guard.record; }));
  return Reply(JsonResponse(IncidentJson(changed, InPoliceUnit(ctx))));
}

// POST /incidents/{id}/close {after_action_note, closed_at?}.
Result<Reply> CloseIncidentImpl(RequestContext& ctx) {
  TRY_ASSIGN(IncidentId id, PathId(ctx, 0, "incident_id"));
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  TRY_ASSIGN(std::string note, fields.Text("after_action_note"));
  TRY_ASSIGN(std::string closed_text, fields.OptionalText("closed_at"));
  TRY_STATUS(fields.Finish());
  Timestamp closed_at = ctx.Now();
  if (!closed_text.empty()) {
    TRY_ASSIGN(closed_at, Timestamp::Parse(closed_text, "closed_at"));
  }
  if (ctx.Now() < closed_at) return InvalidArgument("closed_at", "is in the future");
  TRY_ASSIGN(Incident incident, ctx.store.GetIncident(id));
  Guard guard = GuardIncident(ctx, AccessAction::kWrite, incident, "incident/" + std::to_string(id), "close");
  if (!guard.decision.allowed) return DeniedReply(guard);
  if (closed_at < incident.occurred_at) return InvalidArgument("closed_at", "is before the incident occurred");
  Incident closed;
  TRY_STATUS(WriteAudited(
      ctx,
      [&]() -> Status {
        TRY_ASSIGN(closed, ctx.store.CloseIncident(id, closed_at, note));
        return OkStatus();
      },
      [&] { return guard.record; }));
  return Reply(JsonResponse(IncidentJson(closed, InPoliceUnit(ctx))));
}

}  // namespace

Reply CreateIncident(RequestContext& ctx) { return Answer(CreateIncidentImpl(ctx)); }
Reply ListIncidents(RequestContext& ctx) { return Answer(ListIncidentsImpl(ctx)); }
Reply GetIncident(RequestContext& ctx) { return Answer(GetIncidentImpl(ctx)); }
Reply AddIncidentResponse(RequestContext& ctx) { return Answer(AddIncidentResponseImpl(ctx)); }
Reply CloseIncident(RequestContext& ctx) { return Answer(CloseIncidentImpl(ctx)); }

}  // namespace trygnet::http
