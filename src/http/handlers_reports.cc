// The status report [p.16] through the API: the report itself as PDF, HTML
// or XLSX, and the narratives units contribute to it. Aggregates only; a
// user of an external actor (a housing partner) always gets the external
// edition and only the narratives marked for it.
#include "http/handler_support.h"
#include "http/handlers.h"
#include "report/build_report.h"
#include "report/render.h"

namespace trygnet::http {
namespace {

nlohmann::json NarrativeJson(const ReportNarrative& narrative) {
  return {{"id", narrative.id},
          {"partnership_id", narrative.partnership_id},
          {"period", ReportPeriodText(narrative.period)},
          {"topic", narrative.topic},
          {"version", narrative.version},
          {"title", narrative.title},
          {"text", narrative.text},
          {"external", narrative.external},
          {"unit_id", narrative.unit_id},
          {"recorded_by", narrative.recorded_by},
          {"recorded_at", narrative.recorded_at.ToString()}};
}

// GET /reports/status?period&format&lang&edition&known_at&partnership
Result<Reply> GetStatusReportImpl(RequestContext& ctx) {
  QueryParams query(ctx.request.query);
  const std::string partnership_id = query.Text("partnership");
  const std::string period_text = query.Text("period");
  const std::string format_text = query.Text("format");
  const std::string lang_text = query.Text("lang");
  const std::string edition_text = query.Text("edition");
  TRY_ASSIGN(std::optional<Timestamp> known_at, query.OptionalInstant("known_at", QueryParams::DayBound::kEnd));
  TRY_STATUS(query.Finish());
  if (period_text.empty()) return InvalidArgument("period", "is required, e.g. 2017-08-01..2018-06-30");
  report::ReportRequest request;
  TRY_ASSIGN(request.period, ParseReportPeriod(period_text, "period"));
  TRY_ASSIGN(report::Format format, report::ParseFormat(format_text.empty() ? "pdf" : format_text, "format"));
  TRY_ASSIGN(request.language, report::ParseLanguage(lang_text.empty() ? "da" : lang_text, "lang"));
  TRY_ASSIGN(request.edition, report::ParseEdition(edition_text.empty() ? "internal" : edition_text, "edition"));
  request.known_at = known_at.value_or(ctx.Now());
  TRY_ASSIGN(const Partnership* partnership, RequestedPartnership(ctx, partnership_id));
  if (IsExternalUser(ctx, *partnership)) {
    if (!edition_text.empty() && request.edition == report::Edition::kInternal) {
      return PermissionDenied("external partners receive the external edition of the report (edition=external)");
    }
    request.edition = report::Edition::kExternal;
  }
  const std::string resource = "report/" + partnership->id + "/" + ReportPeriodText(request.period) + "/" +
                               std::string(report::EditionName(request.edition));
  Guard guard = GuardGeneral(ctx, AccessAction::kRead, DataCategory::kAggregate, resource, "report", partnership);
  if (!guard.decision.allowed) return DeniedReply(guard);
  TRY_ASSIGN(report::Report built, report::BuildReport(ctx.store, *partnership, request));
  TRY_ASSIGN(std::string bytes, report::Render(built, format));
  ApiResponse response;
  response.body = std::move(bytes);
  response.content_type = std::string(report::ContentType(format));
  const std::string file_name = "statusrapport-" + partnership->id + "-" + request.period.from.ToString() + "-" +
                                request.period.to.ToString() + std::string(report::FileExtension(format));
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  // Making a report is recorded like a read: who took which figures out.
  return Reply(std::move(response), {guard.record});
}

// POST /reports/narratives: a new version of a narrative from the user's unit.
Result<Reply> AddNarrativeImpl(RequestContext& ctx) {
  TRY_ASSIGN(nlohmann::json body, ParseJsonObject(ctx.request.body));
  FieldReader fields(body);
  ReportNarrative narrative;
  TRY_ASSIGN(std::string period_text, fields.Text("period"));
  TRY_ASSIGN(narrative.period, ParseReportPeriod(period_text, "period"));
  TRY_ASSIGN(narrative.topic, fields.Text("topic"));
  TRY_ASSIGN(int64_t version, fields.Integer("version", 1, 1000000));
  narrative.version = static_cast<int>(version);
  TRY_ASSIGN(narrative.title, fields.Text("title"));
  TRY_ASSIGN(narrative.text, fields.Text("text"));
  TRY_ASSIGN(narrative.external, fields.Boolean("external", false));
  TRY_STATUS(fields.Finish());
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  if (narrative.period.from < partnership->period_from || narrative.period.to > partnership->period_to) {
    return InvalidArgument("period", "must lie within the partnership's period " +
                                         partnership->period_from.ToString() + ".." +
                                         partnership->period_to.ToString());
  }
  narrative.partnership_id = partnership->id;
  narrative.unit_id = ctx.principal->user.unit_id;
  narrative.recorded_by = ctx.principal->user.username;
  TRY_STATUS(ValidateReportNarrative(narrative));
  Guard guard = GuardGeneral(ctx, AccessAction::kWrite, DataCategory::kAggregate,
                             "narrative/" + partnership->id + "/" + period_text + "/" + narrative.topic, "create");
  if (!guard.decision.allowed) return DeniedReply(guard);
  ReportNarrative stored;
  TRY_STATUS(WriteAudited(
      ctx,
      [&]() -> Status {
        TRY_ASSIGN(stored, ctx.store.AddReportNarrative(narrative));
        return OkStatus();
      },
      [&] { return guard.record; }));
  return Reply(JsonResponse(NarrativeJson(stored), 201));
}

// GET /reports/narratives?period&topic: the newest version of each topic, or
// with `topic` every version of it (the history).
Result<Reply> ListNarrativesImpl(RequestContext& ctx) {
  QueryParams query(ctx.request.query);
  const std::string period_text = query.Text("period");
  const std::string topic = query.Text("topic");
  TRY_STATUS(query.Finish());
  if (period_text.empty()) return InvalidArgument("period", "is required, e.g. 2017-08-01..2018-06-30");
  TRY_ASSIGN(ReportPeriod period, ParseReportPeriod(period_text, "period"));
  TRY_ASSIGN(const Partnership* partnership, OwnPartnership(ctx));
  Guard guard = GuardGeneral(ctx, AccessAction::kRead, DataCategory::kAggregate,
                             "narratives/" + partnership->id + "/" + period_text, "read");
  if (!guard.decision.allowed) return DeniedReply(guard);
  std::vector<ReportNarrative> narratives;
  if (topic.empty()) {
    TRY_ASSIGN(narratives, ctx.store.ReportNarratives(partnership->id, period, ctx.Now()));
  } else {
    TRY_ASSIGN(narratives, ctx.store.ReportNarrativeHistory(partnership->id, period, topic));
  }
  const bool external_user = IsExternalUser(ctx, *partnership);
  nlohmann::json items = nlohmann::json::array();
  for (const ReportNarrative& narrative : narratives) {
    if (external_user && !narrative.external) continue;
    nlohmann::json item = NarrativeJson(narrative);
    if (external_user) item.erase("recorded_by");  // staff names stay inside the partnership
    items.push_back(std::move(item));
  }
  return Reply(JsonResponse({{"period", ReportPeriodText(period)}, {"items", items}}));
}

}  // namespace

Reply GetStatusReport(RequestContext& ctx) { return Answer(GetStatusReportImpl(ctx)); }
Reply AddNarrative(RequestContext& ctx) { return Answer(AddNarrativeImpl(ctx)); }
Reply ListNarratives(RequestContext& ctx) { return Answer(ListNarrativesImpl(ctx)); }

}  // namespace trygnet::http
