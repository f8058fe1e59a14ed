#include "report/render.h"

#include "report/render_html.h"
#include "report/render_pdf.h"
#include "report/render_xlsx.h"

namespace trygnet::report {

Result<Format> ParseFormat(std::string_view text, std::string_view field) {
  if (text == "pdf") return Format::kPdf;
  if (text == "html") return Format::kHtml;
  if (text == "xlsx") return Format::kXlsx;
  return InvalidArgument(std::string(field), "must be pdf, html or xlsx (got \"" + std::string(text) + "\")");
}

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kPdf:
      return "pdf";
    case Format::kHtml:
      return "html";
    case Format::kXlsx:
      return "xlsx";
  }
  return "?";
}

std::string_view ContentType(Format format) {
  switch (format) {
    case Format::kPdf:
      return "application/pdf";
    case Format::kHtml:
      return "text/html; charset=utf-8";
    case Format::kXlsx:
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return "application/octet-stream";
}

std::string_view FileExtension(Format format) {
  switch (format) {
    case Format::kPdf:
      return ".pdf";
    case Format::kHtml:
      return ".html";
    case Format::kXlsx:
      return ".xlsx";
  }
  return "";
}

Result<std::string> Render(const Report& report, Format format) {
  switch (format) {
    case Format::kPdf:
      return RenderPdf(report);
    case Format::kHtml:
      return RenderHtml(report);
    case Format::kXlsx:
      return RenderXlsx(report);
  }
  return Internal("unknown report format");
}

Result<Language> ParseLanguage(std::string_view text, std::string_view field) {
  if (text == "da") return Language::kDanish;
  if (text == "en") return Language::kEnglish;
  return InvalidArgument(std::string(field), "must be da or en (got \"" + std::string(text) + "\")");
}

Result<Edition> ParseEdition(std::string_view text, std::string_view field) {
  if (text == "internal") return Edition::kInternal;
  if (text == "external") return Edition::kExternal;
  return InvalidArgument(std::string(field), "must be internal or external (got \"" + std::string(text) + "\")");
}

std::string_view EditionName(Edition edition) { return edition == Edition::kExternal ? "external" : "internal"; }

}  // namespace trygnet::report
