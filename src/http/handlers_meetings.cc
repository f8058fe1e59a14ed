// Meetings (møder) of the partnership [p.9, p.13–14]: recording a meeting
// with its minutes and decisions (a decision may add or end an area's
// geographic focus from a date), the meetings held, the meetings due against
// the cadences, and an area's focus history. Not personal data.
#include "http/handler_support.h"
#include "http/handlers.h"

namespace trygnet::http {
namespace {

Result<Reply> CreateMeetingImpl(RequestContext& ctx) {
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  Meeting meeting;
  TRY_ASSIGN(meeting.meeting_type_id, fields.Text("meeting_type_id"));
  TRY_ASSIGN(meeting.held_on, fields.DateField("held_on"));
  TRY_ASSIGN(meeting.attending_unit_ids, fields.TextList("attending_unit_ids", true));
  TRY_ASSIGN(meeting.minutes, fields.OptionalText("minutes"));
  TRY_ASSIGN(std::vector<FieldReader> decisions, fields.ObjectList("decisions", false));
  for (FieldReader& item : decisions) {
    Decision decision;
    TRY_ASSIGN(std::string kind, item.Text("kind"));
    TRY_ASSIGN(decision.kind, ParseDecisionKind(kind, "decisions.kind"));
    TRY_ASSIGN(decision.text, item.Text("text"));
    TRY_ASSIGN(decision.area_id, item.OptionalText("area_id"));
    TRY_ASSIGN(decision.effective_on, item.OptionalDate("effective_on"));
    TRY_STATUS(item.Finish());
    meeting.decisions.push_back(std::move(decision));
  }
  TRY_STATUS(fields.Finish());
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  const MeetingType* type = partnership->FindMeetingType(meeting.meeting_type_id);
  if (!type) return InvalidArgument("meeting_type_id", "is not a meeting type of partnership " + partnership->id);
  if (ctx.Today() < meeting.held_on) return InvalidArgument("held_on", "is in the future: record a meeting once held");
  for (size_t idx = 0; idx < meeting.attending_unit_ids.size(); ++idx) {
    if (!partnership->FindUnit(meeting.attending_unit_ids[idx])) {
      return InvalidArgument("attending_unit_ids[" + std::to_string(idx) + "]",
                             "is not a unit of partnership " + partnership->id);
    }
  }
  for (size_t idx = 0; idx < meeting.decisions.size(); ++idx) {
    const Decision& decision = meeting.decisions[idx];
    if (decision.kind == DecisionKind::kGeneral) continue;
    std::string field = "decisions[" + std::to_string(idx) + "]";
    if (!type->decides_focus) {
      return InvalidArgument(field + ".kind", "a " + type->name_en +
                                                  " does not decide the geographic focus (the partnership gives "
                                                  "that to another meeting type)");
    }
    if (!partnership->FindArea(decision.area_id)) {
      return InvalidArgument(field + ".area_id", "is not an area of partnership " + partnership->id);
    }
  }
  meeting.partnership_id = partnership->id;
  meeting.recorded_by = ctx.principal->user.username;
  Guard guard = GuardGeneral(ctx, AccessAction::kWrite, DataCategory::kMeeting, "meeting", "create");
  if (!guard.decision.allowed) return DeniedReply(guard);
  MeetingId id = 0;
  TRY_STATUS(WriteAudited(
      ctx,
      [&]() -> Status {
        TRY_ASSIGN(id, ctx.store.AddMeeting(meeting));
        return OkStatus();
      },
      [&] {
        guard.record.resource = "meeting/" + std::to_string(id);
        return guard.record;
      }));
  meeting.id = id;
  meeting.recorded_at = ctx.Now();
  return Reply(JsonResponse(MeetingJson(meeting), 201));
}

// GET /meetings?from&to&type: meetings held, newest first.
Result<Reply> ListMeetingsImpl(RequestContext& ctx) {
  QueryParams query(ctx.request.query);
  TRY_ASSIGN(std::optional<Date> from, query.OptionalDate("from"));
  TRY_ASSIGN(std::optional<Date> to, query.OptionalDate("to"));
  std::string type = query.Text("meeting_type_id");
  TRY_ASSIGN(int64_t limit, query.PageSize());
  TRY_STATUS(query.Finish());
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  if (!type.empty() && !partnership->FindMeetingType(type)) {
    return InvalidArgument("meeting_type_id", "is not a meeting type of partnership " + partnership->id);
  }
  Guard guard = GuardGeneral(ctx, AccessAction::kRead, DataCategory::kMeeting, "meetings", "list");
  if (!guard.decision.allowed) return DeniedReply(guard);
  TRY_ASSIGN(std::vector<Meeting> meetings,
             ctx.store.ListMeetings(partnership->id, from.value_or(Date::FromDays(0)), to.value_or(ctx.Today())));
  nlohmann::json items = nlohmann::json::array();
  for (const Meeting& meeting : meetings) {
    if (static_cast<int64_t>(items.size()) >= limit) break;
    if (!type.empty() && meeting.meeting_type_id != type) continue;
    items.push_back(MeetingJson(meeting));
  }
  return Reply(JsonResponse({{"items", items}}));
}

Result<Reply> GetMeetingImpl(RequestContext& ctx) {
  TRY_STATUS(QueryParams(ctx.request.query).Finish());
  TRY_ASSIGN(MeetingId id, PathId(ctx, 0, "meeting_id"));
  Guard guard = GuardGeneral(ctx, AccessAction::kRead, DataCategory::kMeeting, "meeting/" + std::to_string(id), "read");
  if (!guard.decision.allowed) return DeniedReply(guard);
  TRY_ASSIGN(Meeting meeting, ctx.store.GetMeeting(id));
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  if (meeting.partnership_id != partnership->id) {
    return NotFound("no meeting with id " + std::to_string(id) + " in partnership " + partnership->id, "meeting_id");
  }
  return Reply(JsonResponse(MeetingJson(meeting)));
}

// GET /meetings/due?as_of&notice_days: each meeting type against its cadence.
Result<Reply> MeetingsDueImpl(RequestContext& ctx) {
  QueryParams query(ctx.request.query);
  TRY_ASSIGN(std::optional<Date> as_of, query.OptionalDate("as_of"));
  TRY_ASSIGN(int64_t notice_days, query.Integer("notice_days", kDefaultCadenceNoticeDays, 0, 366));
  TRY_STATUS(query.Finish());
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  Guard guard = GuardGeneral(ctx, AccessAction::kRead, DataCategory::kMeeting, "meetings/due", "read");
  if (!guard.decision.allowed) return DeniedReply(guard);
  Date on = as_of.value_or(ctx.Today());
  TRY_ASSIGN(std::vector<Meeting> meetings, ctx.store.ListMeetings(partnership->id, Date::FromDays(0), on));
  nlohmann::json items = nlohmann::json::array();
  for (const CadenceView& view : MeetingCadences(*partnership, meetings, on, static_cast<int>(notice_days))) {
    items.push_back(CadenceJson(view, *partnership->FindMeetingType(view.meeting_type_id)));
  }
  return Reply(JsonResponse({{"as_of", on.ToString()}, {"items", items}}));
}

// GET /areas/{id}/focus: the area's focus periods (the definition's, changed
// by meeting decisions) and the decisions that changed them.
Result<Reply> GetAreaFocusImpl(RequestContext& ctx) {
  TRY_STATUS(QueryParams(ctx.request.query).Finish());
  if (ctx.params.empty()) return Internal("route has no area parameter");
  const std::string& area_id = ctx.params[0];
  Guard guard = GuardGeneral(ctx, AccessAction::kRead, DataCategory::kMeeting, "area/" + area_id + "/focus", "read");
  if (!guard.decision.allowed) return DeniedReply(guard);
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  const Area* area = partnership->FindArea(area_id);
  if (!area) return NotFound("no area " + area_id + " in partnership " + partnership->id, "area_id");
  TRY_ASSIGN(std::vector<FocusPeriod> periods, ctx.store.FocusHistory(partnership->id, area_id));
  TRY_ASSIGN(std::vector<FocusChange> changes, ctx.store.FocusChanges(partnership->id, area_id));
  nlohmann::json period_items = nlohmann::json::array();
  for (const FocusPeriod& period : periods) period_items.push_back(FocusPeriodJson(period));
  nlohmann::json change_items = nlohmann::json::array();
  for (const FocusChange& change : changes) change_items.push_back(FocusChangeJson(change));
  bool in_focus_today = false;
  for (const FocusPeriod& period : periods) {
    if (period.from <= ctx.Today() && (!period.to || ctx.Today() < *period.to)) in_focus_today = true;
  }
  return Reply(JsonResponse({{"area_id", area->id},
                             {"name", area->name},
                             {"in_focus_today", in_focus_today},
                             {"periods", period_items},
                             {"decisions", change_items}}));
}

}  // namespace

Reply CreateMeeting(RequestContext& ctx) { return Answer(CreateMeetingImpl(ctx)); }
Reply ListMeetings(RequestContext& ctx) { return Answer(ListMeetingsImpl(ctx)); }
Reply GetMeeting(RequestContext& ctx) { return Answer(GetMeetingImpl(ctx)); }
Reply MeetingsDue(RequestContext& ctx) { return Answer(MeetingsDueImpl(ctx)); }
Reply GetAreaFocus(RequestContext& ctx) { return Answer(GetAreaFocusImpl(ctx)); }

}  // namespace trygnet::http
