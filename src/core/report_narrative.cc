#include "core/report_narrative.h"

#include "core/text_rules.h"

namespace trygnet {

namespace {
constexpr int kMaxPeriodDays = 5 * 366;
}  // namespace

Result<ReportPeriod> ParseReportPeriod(std::string_view text, std::string_view field) {
  const size_t dots = text.find("..");
  if (dots == std::string_view::npos) {
    return InvalidArgument(std::string(field), "must be two dates joined by \"..\", e.g. 2017-08-01..2018-06-30");
  }
  TRY_ASSIGN(Date from, Date::Parse(text.substr(0, dots), field));
  TRY_ASSIGN(Date to, Date::Parse(text.substr(dots + 2), field));
  if (to < from) return InvalidArgument(std::string(field), "ends before it starts");
  if (to.days_since_epoch() - from.days_since_epoch() > kMaxPeriodDays) return InvalidArgument(std::string(field), "is longer than 5 years");
  return ReportPeriod{from, to};
}

std::string ReportPeriodText(const ReportPeriod& period) {
  return period.from.ToString() + ".." + period.to.ToString();
}

Status ValidateReportNarrative(const ReportNarrative& narrative) {
  TRY_STATUS(RequireIdentifier("partnership_id", narrative.partnership_id));
  TRY_STATUS(RequireIdentifier("topic", narrative.topic));
  if (narrative.period.to < narrative.period.from) return InvalidArgument("period", "ends before it starts");
  if (narrative.version < 1) return InvalidArgument("version", "must be 1 or more");
  TRY_STATUS(RequireText("title", narrative.title));
  TRY_STATUS(RequireText("text", narrative.text, kMaxTextLength));
  TRY_STATUS(RequireIdentifier("unit_id", narrative.unit_id));
  TRY_STATUS(RequireText("recorded_by", narrative.recorded_by));
  return OkStatus();
}

}  // namespace trygnet
