// The status report as an A4 PDF: a title block, then each section with a
// bookmark, its paragraphs, tables (split between rows, header repeated),
// charts (never split) and narratives; a footer with the page number on every
// page, and the demo notice on every page of a demo report. The text is real
// text in embedded DejaVu Sans, so it can be searched and extracted. The
// document's dates are the report's created_at, so rendering the same report
// again gives the same bytes.
// Thread-safety: a function of the report, but pango and fontconfig state is
// per thread: do not render on more threads at once than have their own
// font maps (see notes/report-plan.md §2).
#pragma once

#include <string>

#include "core/error.h"
#include "report/model.h"

namespace trygnet::report {

// The PDF document's bytes. Returns invalid_argument (field "created_at") if
// report.created_at is not an instant such as "2018-07-01T00:00:00Z"; internal
// if a chart refers to a table or column the report does not have, or if
// cairo fails.
Result<std::string> RenderPdf(const Report& report);

}  // namespace trygnet::report
