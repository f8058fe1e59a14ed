// The report's sections, one builder each (src/report/section_*.cc). Each
// reads what it needs through the context and returns a finished Section.
#pragma once

#include <string>

#include "core/partnership.h"
#include "report/build_report.h"
#include "report/report_text.h"
#include "store/store.h"

namespace trygnet::report {

struct ReportContext {
  Store& store;
  const Partnership& partnership;
  const ReportRequest& request;
  const ReportText& text;

  Date from() const { return request.period.from; }
  Date to() const { return request.period.to; }
  // The period's length in years (days / 365.25): what a yearly goal is prorated by.
  double Years() const {
    return (request.period.to.days_since_epoch() - request.period.from.days_since_epoch() + 1) / 365.25;
  }
  // The name of a partnership entity in the report's language (falls back to Danish).
  std::string Name(const std::string& da, const std::string& en) const { return text.danish() || en.empty() ? da : en; }
};

Result<Section> BuildSummarySection(const ReportContext& context, int number);
Result<Section> BuildIndicatorSection(const ReportContext& context, int number);
Result<Section> BuildActivityGoalSection(const ReportContext& context, int number);
Result<Section> BuildAreaSection(const ReportContext& context, int number);
Result<Section> BuildWorkSection(const ReportContext& context, int number);
Result<Section> BuildIncidentSection(const ReportContext& context, int number);
Result<Section> BuildNarrativeSection(const ReportContext& context, int number);
Result<Section> BuildRegisterHealthSection(const ReportContext& context, int number);

// "3. Målepunkter"
std::string NumberedHeading(int number, const std::string& heading);

}  // namespace trygnet::report
