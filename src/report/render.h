// The report's output formats, one renderer each; this file picks one.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "report/model.h"

namespace trygnet::report {

enum class Format { kPdf, kHtml, kXlsx };
// "pdf", "html" or "xlsx"; the error names `field`.
Result<Format> ParseFormat(std::string_view text, std::string_view field);
std::string_view FormatName(Format format);
std::string_view ContentType(Format format);    // for HTTP, e.g. "application/pdf"
std::string_view FileExtension(Format format);  // ".pdf"

// The report as the bytes of a file in `format`.
Result<std::string> Render(const Report& report, Format format);

Result<Language> ParseLanguage(std::string_view text, std::string_view field);
Result<Edition> ParseEdition(std::string_view text, std::string_view field);
std::string_view EditionName(Edition edition);

}  // namespace trygnet::report
