// Builds the partnership's status report [p.15–16] from the store: every
// figure as of the period and as known at one instant, so a report
// regenerated later with the same `known_at` shows the same numbers even
// after corrections were recorded (DESIGN.md §4).
// Thread-safety: uses the given Store, which belongs to one thread.
#pragma once

#include "core/partnership.h"
#include "core/report_narrative.h"
#include "report/model.h"
#include "store/store.h"

namespace trygnet::report {

struct ReportRequest {
  ReportPeriod period;
  Timestamp known_at;  // the figures as recorded by this instant
  Language language = Language::kDanish;
  Edition edition = Edition::kInternal;
};

// Reads only aggregates and narratives (no person is named in the report).
// Returns invalid_argument when the period is outside the partnership's.
Result<Report> BuildReport(Store& store, const Partnership& partnership, const ReportRequest& request);

}  // namespace trygnet::report
