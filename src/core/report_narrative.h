// A narrative section of the status report, written by a unit [p.16]: the
// police assessment of the gang environment, the SSP's account of the year,
// and so on. Narratives are versioned per partnership, report period and
// topic: a revision is a new version with its author, the old one stays, and
// a report as known at a date shows the version recorded by then.
#pragma once

#include <cstdint>
#include <string>

#include "core/date.h"
#include "core/error.h"

namespace trygnet {

// A report period, both ends inclusive (e.g. 2017-08-01..2018-06-30).
struct ReportPeriod {
  Date from;
  Date to;
};
// Parses "YYYY-MM-DD..YYYY-MM-DD"; the end must not be before the start and
// a period is at most 5 years. Errors name `field`.
Result<ReportPeriod> ParseReportPeriod(std::string_view text, std::string_view field);
std::string ReportPeriodText(const ReportPeriod& period);  // "2017-08-01..2018-06-30"

struct ReportNarrative {
  int64_t id = 0;
  std::string partnership_id;
  ReportPeriod period;
  std::string topic;  // identifier, e.g. "police-assessment"
  int version = 1;    // 1 for the first; each revision the next
  std::string title;  // Danish, as written by the unit
  std::string text;   // plain text; blank lines separate paragraphs
  // Whether the external edition (housing partners) may carry it; the
  // internal edition carries every narrative.
  bool external = false;
  std::string unit_id;      // the contributing unit
  std::string recorded_by;  // user name
  Timestamp recorded_at;
};

// Topic an identifier, title 1–200 characters, text 1–20,000, a unit.
Status ValidateReportNarrative(const ReportNarrative& narrative);

}  // namespace trygnet
