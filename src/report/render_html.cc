#include "report/render_html.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <vector>

#include "report/chart_layout.h"

namespace trygnet::report {
namespace {

// The SVG scales to the text column (about 680 px on screen, 178 mm printed);
// a box this size keeps the chart's 8-unit labels near the body's 11 px.
constexpr double kChartWidth = 520;
constexpr double kChartHeight = 270;
constexpr const char* kChartFont = "'DejaVu Sans', Verdana, sans-serif";

constexpr const char* kStyle = R"(
body { font-family: 'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif; font-size: 15px; line-height: 1.5;
  color: #1a1a1a; background: #fff; max-width: 210mm; margin: 2em auto; padding: 0 1.5em; }
h1 { font-size: 1.75em; line-height: 1.25; margin: 0 0 .25em; }
h2 { font-size: 1.3em; margin: 1.8em 0 .6em; padding-bottom: .2em; border-bottom: 1px solid #c8c8c8;
  break-after: avoid; }
h3 { font-size: 1.1em; margin: 0 0 .1em; break-after: avoid; }
p { margin: 0 0 .7em; }
.subtitle { color: #555; margin-bottom: 1.2em; }
.demo { border: 2px solid #b35900; background: #fff3e0; color: #5c2e00; font-weight: bold; padding: .5em .8em;
  margin: 0 0 1.2em; }
.table-wrap { overflow-x: auto; margin: 1em 0; }
table { border-collapse: collapse; width: 100%; font-size: .85em; }
caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: .35em; }
th, td { padding: .3em .6em; border-bottom: 1px solid #dcdcdc; text-align: left; vertical-align: top; }
thead th { background: #eceef1; border-bottom: 1px solid #8c8c8c; }
tbody tr:nth-child(even) { background: #f8f8f8; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.note { font-size: .85em; color: #555; margin: .35em 0 0; }
.narrative { border-left: 3px solid #0072b2; padding-left: .9em; margin: 1.4em 0; }
.byline { font-size: .85em; color: #666; margin-bottom: .6em; }
figure.chart { margin: 1.2em 0; break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
footer { margin-top: 3em; padding-top: .5em; border-top: 1px solid #c8c8c8; font-size: .85em; color: #555; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { font-size: 10pt; max-width: none; margin: 0; padding: 0; }
  .demo, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead { display: table-header-group; }
  tr, .narrative { break-inside: avoid; }
}
)";

void Escape(std::string& out, std::string_view text) { out += EscapeHtml(text); }

// Escaped text with its line breaks kept as <br>.
void EscapeLines(std::string& out, std::string_view text) {
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    Escape(out, line);
    if (end == std::string_view::npos) break;
    out += "<br>\n";
    start = end + 1;
  }
}

// A coordinate for SVG: at most two decimals, '.' whatever the locale.
std::string Num(double value) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
  if (error != std::errc()) return "0";
  std::string text(buffer, end);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

void SvgText(std::string& out, const ChartText& text, const char* fill = "#333") {
  if (text.text.empty()) return;
  static constexpr const char* kAnchors[] = {"start", "middle", "end"};
  out += "<text x=\"" + Num(text.at.x) + "\" y=\"" + Num(text.at.y) + "\" font-size=\"" + Num(text.font_size) +
         "\" text-anchor=\"" + kAnchors[static_cast<int>(text.anchor)] + "\" fill=\"" + fill + "\"";
  if (text.bold) out += " font-weight=\"bold\"";
  if (text.rotation != 0) {
    out += " transform=\"rotate(" + Num(text.rotation) + " " + Num(text.at.x) + " " + Num(text.at.y) + ")\"";
  }
  out += ">";
  Escape(out, text.text);
  out += "</text>\n";
}

void SvgLine(std::string& out, Point from, Point to, const char* stroke, double width) {
  out += "<line x1=\"" + Num(from.x) + "\" y1=\"" + Num(from.y) + "\" x2=\"" + Num(to.x) + "\" y2=\"" + Num(to.y) +
         "\" stroke=\"" + stroke + "\" stroke-width=\"" + Num(width) + "\"/>\n";
}

void SvgRect(std::string& out, const Rect& rect, const std::string& fill) {
  out += "<rect x=\"" + Num(rect.x) + "\" y=\"" + Num(rect.y) + "\" width=\"" + Num(rect.width) + "\" height=\"" +
         Num(rect.height) + "\" fill=\"" + fill + "\"/>\n";
}

void RenderChartSvg(std::string& out, const ChartGeometry& chart, const Chart& model) {
  out += "<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"";
  Escape(out, model.title);
  out += "\" viewBox=\"0 0 " + Num(chart.width) + " " + Num(chart.height) + "\" font-family=\"" + kChartFont + "\">\n";
  SvgText(out, chart.title, "#1a1a1a");
  if (chart.no_data) {
    SvgText(out, chart.no_data_message, "#666");
    out += "</svg>\n</figure>\n";
    return;
  }
  const Rect& plot = chart.plot;
  for (const YTick& tick : chart.ticks) {
    SvgLine(out, {plot.x, tick.y}, {plot.x + plot.width, tick.y}, "#dddddd", 0.6);
    SvgText(out, tick.label);
  }
  SvgText(out, chart.y_label);
  for (const Bar& bar : chart.bars) SvgRect(out, bar.rect, chart.legend[static_cast<size_t>(bar.series)].color.Hex());
  for (const LineSeries& line : chart.lines) {
    const std::string color = chart.legend[static_cast<size_t>(line.series)].color.Hex();
    for (const std::vector<Point>& segment : line.segments) {
      if (segment.size() < 2) continue;
      out += "<polyline fill=\"none\" stroke=\"" + color + "\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"";
      for (const Point& point : segment) out += Num(point.x) + "," + Num(point.y) + " ";
      out.back() = '"';
      out += "/>\n";
    }
    for (const Point& marker : line.markers) {
      out += "<circle cx=\"" + Num(marker.x) + "\" cy=\"" + Num(marker.y) + "\" r=\"3\" fill=\"" + color +
             "\" stroke=\"#fff\" stroke-width=\"0.8\"/>\n";
    }
  }
  SvgLine(out, {plot.x, plot.y}, {plot.x, plot.y + plot.height}, "#333", 0.8);
  SvgLine(out, {plot.x, chart.zero_y}, {plot.x + plot.width, chart.zero_y}, "#333", 0.8);
  for (const ChartText& label : chart.category_labels) SvgText(out, label);
  for (const LegendEntry& entry : chart.legend) {
    SvgRect(out, entry.swatch, entry.color.Hex());
    SvgText(out, entry.label);
  }
  out += "</svg>\n</figure>\n";
}

void RenderTable(std::string& out, const Table& table) {
  std::vector<bool> numeric(table.columns.size(), false);
  for (const std::vector<Cell>& row : table.rows) {
    for (size_t column_idx = 0; column_idx < row.size() && column_idx < numeric.size(); ++column_idx) {
      if (row[column_idx].value) numeric[column_idx] = true;
    }
  }
  out += "<div class=\"table-wrap\">\n<table>\n";
  if (!table.title.empty()) {
    out += "<caption>";
    Escape(out, table.title);
    out += "</caption>\n";
  }
  out += "<thead><tr>";
  for (size_t column_idx = 0; column_idx < table.columns.size(); ++column_idx) {
    out += numeric[column_idx] ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">";
    Escape(out, table.columns[column_idx]);
    out += "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const std::vector<Cell>& row : table.rows) {
    out += "<tr>";
    for (size_t column_idx = 0; column_idx < table.columns.size(); ++column_idx) {
      const bool right = column_idx < row.size() && (row[column_idx].value || numeric[column_idx]);
      out += right ? "<td class=\"num\">" : "<td>";
      if (column_idx < row.size()) Escape(out, row[column_idx].text);
      out += "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  if (!table.note.empty()) {
    out += "<p class=\"note\">";
    EscapeLines(out, table.note);
    out += "</p>\n";
  }
  out += "</div>\n";
}

void RenderNarrative(std::string& out, const Narrative& narrative) {
  out += "<article class=\"narrative\">\n";
  if (!narrative.title.empty()) {
    out += "<h3>";
    Escape(out, narrative.title);
    out += "</h3>\n";
  }
  if (!narrative.byline.empty()) {
    out += "<p class=\"byline\">";
    Escape(out, narrative.byline);
    out += "</p>\n";
  }
  for (const std::string& paragraph : SplitParagraphs(narrative.text)) {
    out += "<p>";
    EscapeLines(out, paragraph);
    out += "</p>\n";
  }
  out += "</article>\n";
}

Status RenderBlock(std::string& out, const Report& report, const Block& block) {
  if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
    out += "<p>";
    EscapeLines(out, paragraph->text);
    out += "</p>\n";
  } else if (const auto* table = std::get_if<Table>(&block)) {
    RenderTable(out, *table);
  } else if (const auto* narrative = std::get_if<Narrative>(&block)) {
    RenderNarrative(out, *narrative);
  } else if (const auto* chart = std::get_if<Chart>(&block)) {
    TRY_ASSIGN(const Table* chart_table, ChartTable(report, *chart));
    RenderChartSvg(out, LayoutChart(*chart, *chart_table, report.language, kChartWidth, kChartHeight), *chart);
  }
  return OkStatus();
}

// The length of the valid UTF-8 sequence at the start of `text`, or 0.
size_t Utf8SequenceLength(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || length > text.size()) return 0;
  uint32_t code_point = length == 1 ? lead : lead & (0x7F >> length);
  for (size_t byte_idx = 1; byte_idx < length; ++byte_idx) {
    const auto byte = static_cast<unsigned char>(text[byte_idx]);
    if ((byte & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte & 0x3F);
  }
  static constexpr uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  const bool valid =
      code_point >= kSmallest[length] && code_point <= 0x10FFFF && !(code_point >= 0xD800 && code_point <= 0xDFFF);
  return valid ? length : 0;
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t byte_idx = 0;
  while (byte_idx < text.size()) {
    const size_t length = Utf8SequenceLength(text.substr(byte_idx));
    if (length == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      ++byte_idx;
      continue;
    }
    const char c = text[byte_idx];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (length > 1 || static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
          out.append(text, byte_idx, length);
        }
    }
    byte_idx += length;
  }
  return out;
}

Result<std::string> RenderHtml(const Report& report) {
  const bool danish = report.language == Language::kDanish;
  std::string out = "<!DOCTYPE html>\n<html lang=\"";
  out += danish ? "da" : "en";
  out +=
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  Escape(out, report.title);
  out += "</title>\n";
  if (!report.author.empty()) {
    out += "<meta name=\"author\" content=\"";
    Escape(out, report.author);
    out += "\">\n";
  }
  out += "<meta name=\"generator\" content=\"Trygnet\">\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<header>\n";
  if (report.demo) {
    out += "<p class=\"demo\" role=\"note\">";
    Escape(out, report.demo_notice);
    out += "</p>\n";
  }
  out += "<h1>";
  Escape(out, report.title);
  out += "</h1>\n";
  if (!report.subtitle.empty()) {
    out += "<p class=\"subtitle\">";
    EscapeLines(out, report.subtitle);
    out += "</p>\n";
  }
  out += "</header>\n<main>\n";
  for (const Section& section : report.sections) {
    out += "<section>\n<h2";
    if (!section.id.empty()) {
      out += " id=\"";
      Escape(out, section.id);
      out += "\"";
    }
    out += ">";
    Escape(out, section.heading);
    out += "</h2>\n";
    for (const Block& block : section.blocks) TRY_STATUS(RenderBlock(out, report, block));
    out += "</section>\n";
  }
  out += "</main>\n<footer>\n";
  if (report.demo) {
    out += "<p class=\"demo\">";
    Escape(out, report.demo_notice);
    out += "</p>\n";
  }
  out += "<p>";
  Escape(out, report.footer);
  out += "</p>\n</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace trygnet::report
