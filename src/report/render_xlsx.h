// Renders a Report as an Excel workbook (.xlsx) with libxlsxwriter.
//
// Layout: a cover sheet ("Rapport"/"Report") with title, subtitle, demo
// notice, footer and creation line; then one worksheet per section, named
// after its heading (made safe for Excel: at most 31 characters, none of
// []:*?/\, unique). Table cells with a value are written as numbers with the
// shown precision ("0", "0.0", ...); all other cells ("<5", "–", names) as
// text, so a spreadsheet never sees a made-up number. Charts are native
// Excel charts whose series refer to the cells of their table, wherever in
// the workbook that table was written.
//
// The document's creation date is report.created_at, never the wall clock,
// so rendering the same Report twice gives identical bytes.
//
// Thread-safety: calls share no state of ours (each has its own workbook and
// temp file); libxlsxwriter does not promise more, so the CLI renders on one
// thread.
#pragma once

#include <string>

#include "core/error.h"
#include "report/model.h"

namespace trygnet::report {

// Returns the bytes of the .xlsx file. libxlsxwriter only writes files, so
// the workbook goes through a private temp file in $TMPDIR (or /tmp), which
// is removed before returning, on success and on failure.
// Returns invalid_argument (field "created_at") if report.created_at is not
// "YYYY-MM-DDTHH:MM:SSZ"; unavailable if the temp file cannot be created or
// read back; internal if a chart refers to a table or column that the report
// lacks, or if libxlsxwriter fails (with its message).
Result<std::string> RenderXlsx(const Report& report);

}  // namespace trygnet::report
