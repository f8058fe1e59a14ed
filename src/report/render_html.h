// The status report as one standalone HTML5 document: inline CSS (readable on
// screen, A4 when printed), charts as inline SVG drawn from ChartGeometry so
// their text stays text, no scripts and no external resources. Every string
// from the model is escaped; narratives come from users.
// Thread-safety: a pure function of the report.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "report/model.h"

namespace trygnet::report {

// The document as UTF-8 text. Returns internal if a chart refers to a table
// or column the report does not have.
Result<std::string> RenderHtml(const Report& report);

// `text` escaped for HTML text and attribute values (& < > " '); bytes that
// are not valid UTF-8 become U+FFFD and control characters other than tab and
// line breaks are dropped.
std::string EscapeHtml(std::string_view text);

}  // namespace trygnet::report
