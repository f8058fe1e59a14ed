// Cases (sager) and the work in them: opening and closing, the target-group
// flags that a named user sets with a reason, and the joint assessment
// (fælles vurdering) in versions [p.7, p.9]. Case data is held by the
// organisation of the case's owning unit (access_guard.cc).
#include <limits>

#include "http/handler_support.h"
#include "http/handlers.h"

namespace trygnet::http {
namespace {

constexpr int64_t kMaxId = std::numeric_limits<int64_t>::max();
constexpr int64_t kMaxAssessmentVersion = 100000;

// Changes to a case (closing it, its flags) are its own organisation's.
bool OwnOrganisationsCase(const RequestContext& ctx, const CaseFile& case_file) {
  const Unit* owner = ctx.principal->partnership->FindUnit(case_file.owning_unit_id);
  const Unit* mine = ctx.principal->partnership->FindUnit(ctx.principal->user.unit_id);
  return owner && mine && owner->organisation_id == mine->organisation_id;
}

Result<Reply> OpenCaseImpl(RequestContext& ctx) {
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  CaseFile case_file;
  TRY_ASSIGN(case_file.person_id, fields.Integer("person_id", 1, kMaxId));
  TRY_ASSIGN(std::string track, fields.Text("track"));
  TRY_ASSIGN(case_file.track, ParseCaseTrack(track, "track"));
  TRY_ASSIGN(int64_t level, fields.Integer("level", kMinCaseLevel, kMaxCaseLevel));
  case_file.level = static_cast<int>(level);
  TRY_ASSIGN(std::optional<Date> opened_on, fields.OptionalDate("opened_on"));
  case_file.opened_on = opened_on.value_or(ctx.Today());
  TRY_ASSIGN(case_file.flags.first_contact, fields.Boolean("first_contact", false));
  TRY_ASSIGN(case_file.flags.arrested_remanded_imprisoned, fields.Boolean("arrested_remanded_imprisoned", false));
  TRY_ASSIGN(case_file.flags.leading_member, fields.Boolean("leading_member", false));
  TRY_ASSIGN(case_file.flags.exit_motivated, fields.Boolean("exit_motivated", false));
  TRY_STATUS(fields.Finish());
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  case_file.partnership_id = partnership->id;
  case_file.owning_unit_id = ctx.principal->user.unit_id;  // a unit opens its own cases
  case_file.opened_by = ctx.principal->user.username;
  TRY_ASSIGN(Person person, ctx.store.GetPerson(case_file.person_id));
  Guard guard = GuardOwnKind(ctx, AccessAction::kWrite, DataCategory::kCase, "case", "create");
  if (!guard.decision.allowed) return DeniedReply(guard);
  CaseId id = 0;
  TRY_STATUS(WriteAudited(
      ctx,
      [&]() -> Status {
        TRY_ASSIGN(id, ctx.store.AddCase(case_file));
        return OkStatus();
      },
      [&] {
        guard.record.resource = "case/" + std::to_string(id);
        guard.record.person_id = person.id;
        return guard.record;
      }));
  case_file.id = id;
  case_file.recorded_at = ctx.Now();
  return Reply(JsonResponse(CaseJson(case_file), 201));
}

Result<Reply> CloseCaseImpl(RequestContext& ctx) {
  TRY_ASSIGN(CaseId id, PathId(ctx, 0, "case_id"));
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  TRY_ASSIGN(std::optional<Date> closed_on, fields.OptionalDate("closed_on"));
  TRY_ASSIGN(std::string reason, fields.Text("reason"));
  TRY_STATUS(fields.Finish());
  TRY_ASSIGN(CaseFile case_file, ctx.store.GetCase(id));
  TRY_ASSIGN(Person person, ctx.store.GetPerson(case_file.person_id));
  // Only the case's own organisation closes it.
  TRY_ASSIGN(Guard guard, GuardPerson(ctx, AccessAction::kWrite, DataCategory::kCase, person,
                                      "case/" + std::to_string(id), "close"));
  if (!guard.decision.allowed) return DeniedReply(guard);
  if (!OwnOrganisationsCase(ctx, case_file)) {
    return DeniedReply(Denied(guard, policy::Reason::kNotOwner, "only the case's own organisation closes it"));
  }
  TRY_STATUS(WriteAudited(
      ctx, [&] { return ctx.store.CloseCase(id, closed_on.value_or(ctx.Today()), reason); },
      [&] { return guard.record; }));
  TRY_ASSIGN(CaseFile closed, ctx.store.GetCase(id));
  return Reply(JsonResponse(CaseJson(closed)));
}

// GET /cases/{id}: the case with the history of its user-set flags.
Result<Reply> GetCaseImpl(RequestContext& ctx) {
  TRY_STATUS(QueryParams(ctx.request.query).Finish());
  TRY_ASSIGN(CaseId id, PathId(ctx, 0, "case_id"));
  TRY_ASSIGN(CaseFile case_file, ctx.store.GetCase(id));
  TRY_ASSIGN(Person person, ctx.store.GetPerson(case_file.person_id));
  TRY_ASSIGN(Guard guard, GuardPerson(ctx, AccessAction::kRead, DataCategory::kCase, person,
                                      "case/" + std::to_string(id), "read"));
  if (!guard.decision.allowed) return DeniedReply(guard);
  TRY_ASSIGN(std::vector<CaseFlagChange> changes, ctx.store.CaseFlagChanges(id));
  nlohmann::json body = CaseJson(case_file);
  body["flag_changes"] = nlohmann::json::array();
  for (const CaseFlagChange& change : changes) body["flag_changes"].push_back(CaseFlagChangeJson(change));
  return Reply(JsonResponse(body), {guard.record});
}

// POST /cases/{id}/flags {flag, value, reason, set_on?}: leading member or
// exit-motivated, set or cleared by a named user of the case's organisation.
Result<Reply> SetCaseFlagImpl(RequestContext& ctx) {
  TRY_ASSIGN(CaseId id, PathId(ctx, 0, "case_id"));
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  CaseFlagChange change;
  change.case_id = id;
  TRY_ASSIGN(std::string flag, fields.Text("flag"));
  TRY_ASSIGN(change.flag, ParseCaseFlag(flag, "flag"));
  TRY_ASSIGN(change.value, fields.Boolean("value", true));
  TRY_ASSIGN(change.reason, fields.Text("reason"));
  TRY_ASSIGN(std::optional<Date> set_on, fields.OptionalDate("set_on"));
  TRY_STATUS(fields.Finish());
  change.set_on = set_on.value_or(ctx.Today());
  if (ctx.Today() < change.set_on) return InvalidArgument("set_on", "is in the future");
  change.set_by = ctx.principal->user.username;
  change.set_by_unit_id = ctx.principal->user.unit_id;
  TRY_ASSIGN(CaseFile case_file, ctx.store.GetCase(id));
  TRY_ASSIGN(Person person, ctx.store.GetPerson(case_file.person_id));
  TRY_ASSIGN(Guard guard, GuardPerson(ctx, AccessAction::kWrite, DataCategory::kCase, person,
                                      "case/" + std::to_string(id) + "/flags/" + flag, "set_flag"));
  if (!guard.decision.allowed) return DeniedReply(guard);
  if (!OwnOrganisationsCase(ctx, case_file)) {
    return DeniedReply(Denied(guard, policy::Reason::kNotOwner, "only the case's own organisation sets its flags"));
  }
  if (change.set_on < case_file.opened_on) return InvalidArgument("set_on", "is before the case was opened");
  CaseFile changed;
  TRY_STATUS(WriteAudited(
      ctx,
      [&]() -> Status {
        TRY_ASSIGN(changed, ctx.store.ChangeCaseFlag(change));
        return OkStatus();
      },
      [&] { return guard.record; }));
  return Reply(JsonResponse(CaseJson(changed)));
}

// POST /cases/{id}/assessments: a new version of the joint assessment.
// `based_on_version` (0 for the first) guards against overwriting a revision
// made meanwhile: that is a 409.
Result<Reply> CreateAssessmentImpl(RequestContext& ctx) {
  TRY_ASSIGN(CaseId id, PathId(ctx, 0, "case_id"));
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  Assessment assessment;
  assessment.case_id = id;
  TRY_ASSIGN(int64_t based_on, fields.Integer("based_on_version", 0, kMaxAssessmentVersion - 1));
  assessment.version = static_cast<int>(based_on + 1);
  TRY_ASSIGN(std::optional<Date> assessed_on, fields.OptionalDate("assessed_on"));
  assessment.assessed_on = assessed_on.value_or(ctx.Today());
  TRY_ASSIGN(FieldReader life, fields.Object("life_situation"));
  TRY_ASSIGN(assessment.life_situation.school, life.OptionalText("school"));
  TRY_ASSIGN(assessment.life_situation.job, life.OptionalText("job"));
  TRY_ASSIGN(assessment.life_situation.housing, life.OptionalText("housing"));
  TRY_ASSIGN(assessment.life_situation.family, life.OptionalText("family"));
  TRY_STATUS(life.Finish());
  TRY_ASSIGN(assessment.risk_factors, fields.TextList("risk_factors", false));
  TRY_ASSIGN(assessment.protective_factors, fields.TextList("protective_factors", false));
  TRY_ASSIGN(assessment.criminal_history, fields.OptionalText("criminal_history"));
  TRY_ASSIGN(assessment.network_summary, fields.OptionalText("network_summary"));
  TRY_ASSIGN(assessment.participant_unit_ids, fields.TextList("participant_unit_ids", true));
  TRY_STATUS(fields.Finish());
  if (ctx.Today() < assessment.assessed_on) return InvalidArgument("assessed_on", "is in the future");
  assessment.recorded_by = ctx.principal->user.username;
  TRY_ASSIGN(CaseFile case_file, ctx.store.GetCase(id));
  TRY_ASSIGN(Person person, ctx.store.GetPerson(case_file.person_id));
  TRY_ASSIGN(Guard guard, GuardPerson(ctx, AccessAction::kWrite, DataCategory::kCase, person,
                                      "case/" + std::to_string(id) + "/assessments", "create"));
  if (!guard.decision.allowed) return DeniedReply(guard);
  for (size_t idx = 0; idx < assessment.participant_unit_ids.size(); ++idx) {
    if (!ctx.principal->partnership->FindUnit(assessment.participant_unit_ids[idx])) {
      return InvalidArgument("participant_unit_ids[" + std::to_string(idx) + "]",
                             "is not a unit of partnership " + ctx.principal->partnership->id);
    }
  }
  if (case_file.closed_on) {
    return FailedPrecondition("case " + std::to_string(id) + " was closed on " + case_file.closed_on->ToString());
  }
  TRY_STATUS(WriteAudited(
      ctx,
      [&]() -> Status {
        TRY_ASSIGN(std::vector<Assessment> versions, ctx.store.AssessmentsForCase(id));
        int latest = versions.empty() ? 0 : versions.back().version;
        if (latest != based_on) {
          return Conflict("the case's latest assessment is version " + std::to_string(latest) +
                              "; read it and revise that",
                          "based_on_version");
        }
        TRY_ASSIGN(assessment.id, ctx.store.AddAssessment(assessment));
        return OkStatus();
      },
      [&] {
        guard.record.resource = "case/" + std::to_string(id) + "/assessments/" + std::to_string(assessment.version);
        return guard.record;
      }));
  assessment.recorded_at = ctx.Now();
  return Reply(JsonResponse(AssessmentJson(assessment), 201));
}

// GET /cases/{id}/assessments: every version, newest first.
Result<Reply> ListAssessmentsImpl(RequestContext& ctx) {
  TRY_STATUS(QueryParams(ctx.request.query).Finish());
  TRY_ASSIGN(CaseId id, PathId(ctx, 0, "case_id"));
  TRY_ASSIGN(CaseFile case_file, ctx.store.GetCase(id));
  TRY_ASSIGN(Person person, ctx.store.GetPerson(case_file.person_id));
  TRY_ASSIGN(Guard guard, GuardPerson(ctx, AccessAction::kRead, DataCategory::kCase, person,
                                      "case/" + std::to_string(id) + "/assessments", "read"));
  if (!guard.decision.allowed) return DeniedReply(guard);
  TRY_ASSIGN(std::vector<Assessment> assessments, ctx.store.AssessmentsForCase(id));
  nlohmann::json items = nlohmann::json::array();
  for (auto it = assessments.rbegin(); it != assessments.rend(); ++it) items.push_back(AssessmentJson(*it));
  return Reply(JsonResponse({{"items", items}}), {guard.record});
}

}  // namespace

Reply OpenCase(RequestContext& ctx) { return Answer(OpenCaseImpl(ctx)); }
Reply CloseCase(RequestContext& ctx) { return Answer(CloseCaseImpl(ctx)); }
Reply GetCase(RequestContext& ctx) { return Answer(GetCaseImpl(ctx)); }
Reply SetCaseFlag(RequestContext& ctx) { return Answer(SetCaseFlagImpl(ctx)); }
Reply CreateAssessment(RequestContext& ctx) { return Answer(CreateAssessmentImpl(ctx)); }
Reply ListAssessments(RequestContext& ctx) { return Answer(ListAssessmentsImpl(ctx)); }

}  // namespace trygnet::http
