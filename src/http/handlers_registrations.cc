// /api/v1/registrations: the gang register. Entries change only through
// domain actions — validate, review, remove — each recording a new version.
#include <algorithm>
#include <limits>

#include "http/handler_support.h"
#include "http/handlers.h"
#include "triggers/register_upkeep.h"

namespace trygnet::http {
namespace {

Result<std::vector<Criterion>> ReadCriteria(FieldReader& fields, bool required) {
  TRY_ASSIGN(std::vector<FieldReader> items, fields.ObjectList("criteria", required));
  std::vector<Criterion> criteria;
  for (FieldReader& item : items) {
    Criterion criterion;
    TRY_ASSIGN(criterion.kind, item.Text("kind"));
    TRY_ASSIGN(criterion.source, item.Text("source"));
    TRY_ASSIGN(criterion.observed_on, item.DateField("observed_on"));
    TRY_STATUS(item.Finish());
    criteria.push_back(std::move(criterion));
  }
  return criteria;
}

const RegistrationPolicy& PolicyOf(RequestContext& ctx, const std::string& partnership_id) {
  static const RegistrationPolicy kDefault;
  const Partnership* partnership = ctx.state.FindPartnership(partnership_id);
  return partnership ? partnership->registration_policy : kDefault;
}

// Reads one registration's person and decides `action` on its data.
Result<Guard> GuardRegistration(RequestContext& ctx, const Registration& registration, AccessAction action,
                                std::string_view resource_suffix, std::string_view audit_action) {
  TRY_ASSIGN(Person person, ctx.store.GetPerson(registration.person_id));
  return GuardPerson(ctx, action, DataCategory::kRegistration, person,
                     "registration/" + std::to_string(registration.id) + std::string(resource_suffix), audit_action);
}

Result<Reply> ListRegistrationsImpl(RequestContext& ctx) {
  QueryParams query(ctx.request.query);
  std::string partnership_id = query.Text("partnership");
  TRY_ASSIGN(std::optional<Date> as_of, query.OptionalDate("as_of"));
  TRY_ASSIGN(std::optional<Timestamp> known_at, query.OptionalInstant("known_at", QueryParams::DayBound::kEnd));
  TRY_ASSIGN(int64_t offset, query.Integer("offset", 0, 0, std::numeric_limits<int32_t>::max()));
  TRY_ASSIGN(int64_t limit, query.PageSize());
  TRY_STATUS(query.Finish());
  TRY_ASSIGN(const Partnership* partnership, RequestedPartnership(ctx, partnership_id));
  Guard may_list = GuardOwnKind(ctx, AccessAction::kRead, DataCategory::kRegistration, "registrations", "list");
  if (!may_list.decision.allowed) return DeniedReply(may_list);
  BitemporalPoint point{as_of.value_or(ctx.Today()), known_at.value_or(ctx.Now())};
  TRY_ASSIGN(std::vector<Registration> registrations, ctx.store.ActiveRegistrations(partnership->id, point));
  nlohmann::json items = nlohmann::json::array();
  std::vector<audit::AuditRecord> reads;
  int64_t end = std::min<int64_t>(offset + limit, static_cast<int64_t>(registrations.size()));
  for (int64_t i = offset; i < end; ++i) {
    TRY_ASSIGN(Guard guard, GuardRegistration(ctx, registrations[i], AccessAction::kRead, "", "read"));
    if (!guard.decision.allowed) continue;  // left out, like persons the user may not see
    items.push_back(RegistrationJson(registrations[i]));
    reads.push_back(std::move(guard.record));
  }
  nlohmann::json page = Page(std::move(items), offset, limit, end < static_cast<int64_t>(registrations.size()));
  page["as_of"] = point.as_of.ToString();
  page["known_at"] = point.known_at.ToString();
  return Reply(JsonResponse(page), std::move(reads));
}

Result<Reply> GetRegistrationImpl(RequestContext& ctx, bool history) {
  QueryParams query(ctx.request.query);
  std::optional<Timestamp> known_at;
  if (!history) {
    TRY_ASSIGN(known_at, query.OptionalInstant("known_at", QueryParams::DayBound::kEnd));
  }
  TRY_STATUS(query.Finish());
  TRY_ASSIGN(RegistrationId id, PathId(ctx, 0, "registration_id"));
  TRY_ASSIGN(Registration current, ctx.store.GetRegistration(id, known_at.value_or(ctx.Now())));
  TRY_ASSIGN(Guard guard, GuardRegistration(ctx, current, AccessAction::kRead, history ? "/history" : "", "read"));
  if (!guard.decision.allowed) return DeniedReply(guard);
  nlohmann::json body = RegistrationJson(current);
  if (history) {
    TRY_ASSIGN(std::vector<Registration> versions, ctx.store.RegistrationHistory(id));
    body = {{"items", nlohmann::json::array()}};
    for (const Registration& version : versions) body["items"].push_back(RegistrationJson(version));
  }
  return Reply(JsonResponse(body), {guard.record});
}

Result<Reply> CreateRegistrationImpl(RequestContext& ctx) {
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  Registration registration;
  TRY_ASSIGN(registration.person_id, fields.Integer("person_id", 1, std::numeric_limits<int64_t>::max()));
  TRY_ASSIGN(std::optional<int64_t> group_id,
             fields.OptionalInteger("group_id", 1, std::numeric_limits<int64_t>::max()));
  registration.group_id = group_id;
  TRY_ASSIGN(std::string role, fields.Text("role"));
  TRY_ASSIGN(registration.role, ParseRegistrationRole(role, "role"));
  TRY_ASSIGN(registration.criteria, ReadCriteria(fields, true));
  TRY_ASSIGN(registration.justification, fields.Text("justification"));
  TRY_ASSIGN(registration.valid_from, fields.DateField("valid_from"));
  TRY_STATUS(fields.Finish());
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  registration.partnership_id = partnership->id;
  registration.registering_officer = ctx.principal->user.username;

  TRY_ASSIGN(Person person, ctx.store.GetPerson(registration.person_id));
  TRY_ASSIGN(Guard guard,
             GuardPerson(ctx, AccessAction::kWrite, DataCategory::kRegistration, person, "registration", "create"));
  if (!guard.decision.allowed) return DeniedReply(guard);
  Registration stored;
  TRY_STATUS(WriteAudited(
      ctx,
      [&]() -> Status {
        TRY_ASSIGN(stored, ctx.store.AddRegistration(registration, PolicyOf(ctx, registration.partnership_id)));
        return OkStatus();
      },
      [&] {
        guard.record.resource = "registration/" + std::to_string(stored.id);
        return guard.record;
      }));
  return Reply(JsonResponse(RegistrationJson(stored), 201));
}

// validate, review and remove: read the current version, apply the domain
// action, record the result as a new version — if nobody changed it meanwhile.
// `also`, if given, runs in the same transaction after the new version is
// recorded, and may add to the answer.
using AlsoDo = std::function<Status(const Registration& stored, nlohmann::json& answer)>;

Result<Reply> ChangeRegistration(RequestContext& ctx, std::string_view action,
                                 const std::function<Status(Registration&, FieldReader&)>& apply,
                                 const AlsoDo& also = nullptr) {
  TRY_ASSIGN(RegistrationId id, PathId(ctx, 0, "registration_id"));
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  TRY_ASSIGN(int64_t expected_version, fields.Integer("version", 1, std::numeric_limits<int64_t>::max()));
  TRY_ASSIGN(Registration registration, ctx.store.GetRegistration(id, ctx.Now()));
  TRY_ASSIGN(Guard guard, GuardRegistration(ctx, registration, AccessAction::kWrite, "", action));
  if (!guard.decision.allowed) return DeniedReply(guard);
  TRY_STATUS(apply(registration, fields));  // reads its fields, checks them all (Finish), then acts
  Registration stored;
  nlohmann::json answer;
  TRY_STATUS(WriteAudited(
      ctx,
      [&]() -> Status {
        TRY_ASSIGN(stored, ctx.store.RecordRegistrationVersion(registration, PolicyOf(ctx, registration.partnership_id),
                                                               expected_version));
        answer = RegistrationJson(stored);
        return also ? also(stored, answer) : OkStatus();
      },
      [&] { return guard.record; }));
  return Reply(JsonResponse(answer));
}

Result<Reply> ListReviewQueueImpl(RequestContext& ctx) {
  QueryParams query(ctx.request.query);
  std::string partnership_id = query.Text("partnership");
  TRY_ASSIGN(int64_t within_days, query.Integer("within_days", 30, 0, 365));
  TRY_ASSIGN(int64_t offset, query.Integer("offset", 0, 0, std::numeric_limits<int32_t>::max()));
  TRY_ASSIGN(int64_t limit, query.PageSize());
  TRY_STATUS(query.Finish());
  TRY_ASSIGN(const Partnership* partnership, RequestedPartnership(ctx, partnership_id));
  Guard may_list = GuardOwnKind(ctx, AccessAction::kRead, DataCategory::kRegistration, "registrations", "list");
  if (!may_list.decision.allowed) return DeniedReply(may_list);
  Date today = ctx.Today();
  Date horizon = today.AddDays(static_cast<int32_t>(within_days));
  TRY_ASSIGN(std::vector<Registration> all, ctx.store.CurrentRegistrations(partnership->id, ctx.Now()));
  std::vector<std::pair<Registration, std::string>> queue;
  for (Registration& registration : all) {
    if (!registration.InEffectOn(today)) continue;
    if (registration.review_due < today) {
      queue.emplace_back(std::move(registration), "review_overdue");
    } else if (!registration.IsValidated()) {
      queue.emplace_back(std::move(registration), "not_validated");
    } else if (registration.review_due <= horizon) {
      queue.emplace_back(std::move(registration), "review_due_soon");
    }
  }
  std::stable_sort(queue.begin(), queue.end(),
                   [](const auto& a, const auto& b) { return a.first.review_due < b.first.review_due; });
  nlohmann::json items = nlohmann::json::array();
  std::vector<audit::AuditRecord> reads;
  int64_t end = std::min<int64_t>(offset + limit, static_cast<int64_t>(queue.size()));
  for (int64_t i = offset; i < end; ++i) {
    const auto& [registration, why] = queue[static_cast<size_t>(i)];
    TRY_ASSIGN(Guard guard, GuardRegistration(ctx, registration, AccessAction::kRead, "", "read"));
    if (!guard.decision.allowed) continue;
    nlohmann::json item = RegistrationJson(registration);
    item["queue_reason"] = why;
    item["hard_maximum"] = HardMaximum(registration, partnership->registration_policy).ToString();
    items.push_back(std::move(item));
    reads.push_back(std::move(guard.record));
  }
  nlohmann::json page = Page(std::move(items), offset, limit, end < static_cast<int64_t>(queue.size()));
  page["as_of"] = today.ToString();
  return Reply(JsonResponse(page), std::move(reads));
}

}  // namespace

Reply ListRegistrations(RequestContext& ctx) { return Answer(ListRegistrationsImpl(ctx)); }
Reply GetRegistration(RequestContext& ctx) { return Answer(GetRegistrationImpl(ctx, false)); }
Reply GetRegistrationHistory(RequestContext& ctx) { return Answer(GetRegistrationImpl(ctx, true)); }
Reply CreateRegistration(RequestContext& ctx) { return Answer(CreateRegistrationImpl(ctx)); }

Reply ValidateRegistrationAction(RequestContext& ctx) {
  return Answer(ChangeRegistration(ctx, "validate", [&](Registration& registration, FieldReader& fields) -> Status {
    TRY_ASSIGN(std::optional<Date> on, fields.OptionalDate("validated_on"));
    TRY_STATUS(fields.Finish());
    return ValidateBySecondOfficer(registration, ctx.principal->user.username, on.value_or(ctx.Today()));
  }));
}

// A review documents at least one new criterion; the review date moves on from it.
Reply ReviewRegistration(RequestContext& ctx) {
  return Answer(ChangeRegistration(ctx, "review", [&](Registration& registration, FieldReader& fields) -> Status {
    TRY_ASSIGN(std::vector<Criterion> criteria, ReadCriteria(fields, true));
    TRY_STATUS(fields.Finish());
    if (criteria.empty()) return InvalidArgument("criteria", "a review documents at least one new criterion");
    if (registration.IsRemoved()) return FailedPrecondition("a removed registration is not reviewed");
    for (Criterion& criterion : criteria) registration.criteria.push_back(std::move(criterion));
    return OkStatus();
  }));
}

Reply RemoveRegistrationAction(RequestContext& ctx) {
  return Answer(ChangeRegistration(ctx, "remove", [&](Registration& registration, FieldReader& fields) -> Status {
    TRY_ASSIGN(std::string reason_text, fields.Text("reason"));
    TRY_ASSIGN(RemovalReason reason, ParseRemovalReason(reason_text, "reason"));
    TRY_ASSIGN(std::string note, fields.Text("note"));
    TRY_ASSIGN(std::optional<Date> on, fields.OptionalDate("removed_on"));
    TRY_STATUS(fields.Finish());
    return RemoveRegistration(registration, reason, note, on.value_or(ctx.Today()));
  },
  // No shadow lists: each unit that was told about the person gets a task to delete its copy.
  [&](const Registration& stored, nlohmann::json& answer) -> Status {
    TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
    TRY_ASSIGN(std::vector<triggers::CopyRemovalTask> tasks,
               triggers::CreateCopyRemovalTasks(ctx.store, *partnership, stored, ctx.principal->user.username,
                                                ctx.Today()));
    answer["copy_removal_tasks"] = triggers::CopyRemovalTasksJson(tasks);
    return OkStatus();
  }));
}

// The review queue [p.8]: registrations in effect whose review is overdue or
// falls due within `within_days` (default 30), and those not yet validated
// by a second officer; the most urgent first.
Reply ListReviewQueue(RequestContext& ctx) { return Answer(ListReviewQueueImpl(ctx)); }

}  // namespace trygnet::http
