// Measures: creating them, a unit's work queue and overdue list, one
// measure, and moving a measure along its status flow. Custody events, which
// start measures through the trigger rules, are recorded here too.
#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "http/handler_support.h"
#include "http/handlers.h"

namespace trygnet::http {
namespace {

constexpr int64_t kMaxId = std::numeric_limits<int64_t>::max();

// The measure named by the path and the decision about `action` on it.
struct MeasureAccess {
  Measure measure;
  Guard guard;
};

Result<MeasureAccess> ReadMeasure(RequestContext& ctx, AccessAction action, std::string_view audit_action) {
  TRY_ASSIGN(MeasureId id, PathId(ctx, 0, "measure_id"));
  TRY_ASSIGN(Measure measure, ctx.store.GetMeasure(id));
  TRY_ASSIGN(Person person, ctx.store.GetPerson(measure.person_id));
  TRY_ASSIGN(Guard guard, GuardMeasure(ctx, action, measure, person, "measure/" + std::to_string(id), audit_action));
  return MeasureAccess{std::move(measure), std::move(guard)};
}

Result<Reply> CreateMeasureImpl(RequestContext& ctx) {
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  Measure measure;
  TRY_ASSIGN(measure.person_id, fields.Integer("person_id", 1, kMaxId));
  TRY_ASSIGN(std::optional<int64_t> case_id, fields.OptionalInteger("case_id", 1, kMaxId));
  measure.case_id = case_id;
  TRY_ASSIGN(measure.measure_type_id, fields.Text("measure_type_id"));
  TRY_ASSIGN(measure.assigned_unit_id, fields.Text("assigned_unit_id"));
  TRY_ASSIGN(measure.due_on, fields.DateField("due_on"));
  TRY_ASSIGN(measure.note, fields.OptionalText("note"));
  TRY_STATUS(fields.Finish());
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  const MeasureType* type = partnership->FindMeasureType(measure.measure_type_id);
  if (!type) return InvalidArgument("measure_type_id", "is not a measure type of partnership " + partnership->id);
  if (std::find(type->unit_ids.begin(), type->unit_ids.end(), measure.assigned_unit_id) == type->unit_ids.end()) {
    return InvalidArgument("assigned_unit_id", "is not one of the units that carry out measure type " + type->id);
  }
  measure.partnership_id = partnership->id;
  measure.created_by = ctx.principal->user.username;
  TRY_ASSIGN(Person person, ctx.store.GetPerson(measure.person_id));
  // A measure is part of the person's case work: the user's organisation must hold it or be told.
  TRY_ASSIGN(Guard guard, GuardPerson(ctx, AccessAction::kWrite, DataCategory::kCase, person, "measure", "create"));
  if (!guard.decision.allowed) return DeniedReply(guard);
  if (measure.case_id) {
    // A measure documented in a case must be in one of this person's open cases of the partnership.
    auto case_file = ctx.store.GetCase(*measure.case_id);
    if (!case_file.ok() || case_file->person_id != person.id || case_file->partnership_id != partnership->id) {
      return InvalidArgument("case_id", "is not a case about person " + std::to_string(person.id) +
                                            " in partnership " + partnership->id);
    }
    if (!case_file->IsOpenOn(ctx.Today())) {
      return InvalidArgument("case_id", "case " + std::to_string(*measure.case_id) + " is closed");
    }
  }
  MeasureId id = 0;
  TRY_STATUS(WriteAudited(
      ctx,
      [&]() -> Status {
        TRY_ASSIGN(id, ctx.store.AddMeasure(measure));
        return OkStatus();
      },
      [&] {
        guard.record.resource = "measure/" + std::to_string(id);
        return guard.record;
      }));
  measure.id = id;
  measure.recorded_at = ctx.Now();
  return Reply(JsonResponse(MeasureJson(measure), 201));
}

// A work queue: ?unit= (default: the user's own unit), ?status=, ?open=true
// (not yet final), ?overdue=true (open and past due today); oldest due first.
// Measures about persons the user may not see are left out of the page.
Result<Reply> ListMeasuresImpl(RequestContext& ctx) {
  QueryParams query(ctx.request.query);
  MeasureFilter filter;
  filter.assigned_unit_id = query.Text("unit");
  std::string status = query.Text("status");
  TRY_ASSIGN(std::optional<bool> open_only, query.OptionalFlag("open"));
  TRY_ASSIGN(std::optional<bool> overdue_only, query.OptionalFlag("overdue"));
  filter.open_only = open_only.value_or(false);
  bool overdue = overdue_only.value_or(false);
  TRY_ASSIGN(filter.offset, query.Integer("offset", 0, 0, std::numeric_limits<int32_t>::max()));
  TRY_ASSIGN(filter.limit, query.PageSize());
  TRY_STATUS(query.Finish());
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  filter.partnership_id = partnership->id;
  if (filter.assigned_unit_id.empty()) filter.assigned_unit_id = ctx.principal->user.unit_id;
  if (!partnership->FindUnit(filter.assigned_unit_id)) {
    return InvalidArgument("unit", "is not a unit of partnership " + partnership->id);
  }
  if (!status.empty()) {
    TRY_ASSIGN(MeasureStatus parsed, ParseMeasureStatus(status, "status"));
    filter.status = parsed;
  }
  if (overdue) filter.overdue_on = ctx.Today();
  Guard may_list = GuardOwnKind(ctx, AccessAction::kRead, DataCategory::kCase, "measures", "list");
  if (!may_list.decision.allowed) return DeniedReply(may_list);
  TRY_ASSIGN(std::vector<Measure> measures, ctx.store.ListMeasures(filter));
  nlohmann::json items = nlohmann::json::array();
  std::vector<audit::AuditRecord> reads;
  // One decision per person and kind of access (own task, or through the case), one entry per person.
  std::map<std::pair<PersonId, bool>, bool> allowed;
  std::set<PersonId> audited;
  for (const Measure& measure : measures) {
    auto key = std::make_pair(measure.person_id, measure.case_id.has_value());
    auto known = allowed.find(key);
    if (known == allowed.end()) {
      TRY_ASSIGN(Person person, ctx.store.GetPerson(measure.person_id));
      TRY_ASSIGN(Guard guard, GuardMeasure(ctx, AccessAction::kRead, measure, person,
                                           "person/" + std::to_string(person.id) + "/measures", "read"));
      known = allowed.emplace(key, guard.decision.allowed).first;
      if (guard.decision.allowed && audited.insert(person.id).second) reads.push_back(std::move(guard.record));
    }
    if (known->second) items.push_back(MeasureJson(measure));
  }
  bool more = static_cast<int64_t>(measures.size()) == filter.limit;
  return Reply(JsonResponse(Page(std::move(items), filter.offset, filter.limit, more)), std::move(reads));
}

Result<Reply> GetMeasureImpl(RequestContext& ctx) {
  TRY_STATUS(QueryParams(ctx.request.query).Finish());
  TRY_ASSIGN(MeasureAccess access, ReadMeasure(ctx, AccessAction::kRead, "read"));
  if (!access.guard.decision.allowed) return DeniedReply(access.guard);
  TRY_ASSIGN(std::vector<MeasureStatusChange> history, ctx.store.MeasureStatusHistory(access.measure.id));
  nlohmann::json body = MeasureJson(access.measure);
  body["status_history"] = nlohmann::json::array();
  for (const MeasureStatusChange& step : history) body["status_history"].push_back(MeasureStatusChangeJson(step));
  return Reply(JsonResponse(body), {access.guard.record});
}

// The status flow is a domain action: planned → in_progress → done |
// declined | not_reached, reported by the organisation the measure is
// assigned to. `expected_status` is what the client last saw.
Result<Reply> ChangeMeasureStatusImpl(RequestContext& ctx) {
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  TRY_ASSIGN(std::string status_text, fields.Text("status"));
  TRY_ASSIGN(std::string expected_text, fields.Text("expected_status"));
  TRY_ASSIGN(std::optional<Date> on, fields.OptionalDate("on"));
  TRY_ASSIGN(std::string outcome, fields.OptionalText("outcome"));
  TRY_ASSIGN(std::string note, fields.OptionalText("note"));
  TRY_STATUS(fields.Finish());
  TRY_ASSIGN(MeasureStatus to, ParseMeasureStatus(status_text, "status"));
  TRY_ASSIGN(MeasureStatus expected, ParseMeasureStatus(expected_text, "expected_status"));
  Date day = on.value_or(ctx.Today());
  if (ctx.Today() < day) return InvalidArgument("on", "must not be in the future");
  TRY_ASSIGN(MeasureAccess access, ReadMeasure(ctx, AccessAction::kWrite, "status"));
  if (!access.guard.decision.allowed) return DeniedReply(access.guard);
  Measure changed;
  TRY_STATUS(WriteAudited(
      ctx,
      [&]() -> Status {
        TRY_ASSIGN(changed, ctx.store.ChangeMeasureStatus(access.measure.id, expected, to, day, outcome, note,
                                                          ctx.principal->user.username));
        return OkStatus();
      },
      [&] { return access.guard.record; }));
  return Reply(JsonResponse(MeasureJson(changed)));
}

// Arrest, remand, imprisonment or release: recorded by the police only.
Result<Reply> CreateCustodyEventImpl(RequestContext& ctx) {
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  CustodyEvent event;
  TRY_ASSIGN(event.person_id, fields.Integer("person_id", 1, kMaxId));
  TRY_ASSIGN(std::string kind, fields.Text("kind"));
  TRY_ASSIGN(event.kind, ParseCustodyKind(kind, "kind"));
  TRY_ASSIGN(event.occurred_on, fields.DateField("occurred_on"));
  TRY_ASSIGN(event.note, fields.OptionalText("note"));
  TRY_STATUS(fields.Finish());
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  event.partnership_id = partnership->id;
  event.recorded_by = ctx.principal->user.username;
  TRY_ASSIGN(Person person, ctx.store.GetPerson(event.person_id));
  Guard guard = GuardOwnKind(ctx, AccessAction::kWrite, DataCategory::kObservation, "custody_event", "create");
  if (!guard.decision.allowed) return DeniedReply(guard);
  if (partnership->KindOfUnit(ctx.principal->user.unit_id) != UnitKind::kPolice) {
    return DeniedReply(Denied(guard, policy::Reason::kNotOwner, "custody events are recorded by the police"));
  }
  CustodyEventId id = 0;
  TRY_STATUS(WriteAudited(
      ctx,
      [&]() -> Status {
        TRY_ASSIGN(id, ctx.store.AddCustodyEvent(event));
        return OkStatus();
      },
      [&] {
        guard.record.resource = "custody_event/" + std::to_string(id);
        guard.record.person_id = person.id;
        return guard.record;
      }));
  event.id = id;
  event.recorded_at = ctx.Now();
  return Reply(JsonResponse(CustodyEventJson(event), 201));
}

}  // namespace

Reply CreateMeasure(RequestContext& ctx) { return Answer(CreateMeasureImpl(ctx)); }
Reply ListMeasures(RequestContext& ctx) { return Answer(ListMeasuresImpl(ctx)); }
Reply GetMeasure(RequestContext& ctx) { return Answer(GetMeasureImpl(ctx)); }
Reply ChangeMeasureStatus(RequestContext& ctx) { return Answer(ChangeMeasureStatusImpl(ctx)); }
Reply CreateCustodyEvent(RequestContext& ctx) { return Answer(CreateCustodyEventImpl(ctx)); }

}  // namespace trygnet::http
