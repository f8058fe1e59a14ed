#include "report/render_pdf.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <optional>
#include <variant>
#include <vector>

#include "core/date.h"
#include "report/chart_layout.h"
#include "report/pdf_canvas.h"
#include "report/pdf_paginator.h"

namespace trygnet::report {
namespace {

constexpr double kPageWidth = 595.276;  // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 50;
constexpr double kContentBottom = kPageHeight - 66;  // the footer goes below
constexpr double kChartHeight = 250;
constexpr double kCellPadX = 5;
constexpr double kCellPadY = 3;
constexpr double kBlockGap = 10;
constexpr double kNarrativeGap = 16;
constexpr double kPi = std::numbers::pi;

constexpr Color kInk{0.1, 0.1, 0.1};
constexpr Color kMuted{0.4, 0.4, 0.4};
constexpr Color kHeadingInk{0.09, 0.2, 0.33};
constexpr Color kRule{0.78, 0.78, 0.78};
constexpr Color kAxis{0.2, 0.2, 0.2};
constexpr Color kGrid{0.87, 0.87, 0.87};
constexpr Color kHeaderFill{0.925, 0.933, 0.945};
constexpr Color kStripeFill{0.973, 0.973, 0.973};
constexpr Color kDemoFill{1.0, 0.953, 0.878};
constexpr Color kDemoInk{0.36, 0.18, 0.0};
constexpr Color kDemoBorder{0.7, 0.35, 0.0};

const TextStyle kTitleStyle{20, true, false, kInk};
const TextStyle kSubtitleStyle{11, false, false, kMuted};
const TextStyle kHeadingStyle{14, true, false, kHeadingInk};
const TextStyle kBodyStyle{10, false, false, kInk, Align::kLeft, 1.2};
const TextStyle kCaptionStyle{9.5, true, false, kInk};
const TextStyle kNoteStyle{8, false, true, kMuted};
const TextStyle kNarrativeTitleStyle{11, true, false, kInk};
const TextStyle kBylineStyle{8.5, false, false, kMuted};
const TextStyle kFooterStyle{8, false, false, kMuted};
const TextStyle kDemoFooterStyle{7, false, false, kDemoInk};

Color ToColor(Rgb rgb) { return {rgb.red / 255.0, rgb.green / 255.0, rgb.blue / 255.0}; }

// Natural column widths fitted to `total`: if they are too wide, columns
// narrower than a common cap keep their width and the widest share the rest
// (and wrap); spare width goes half to column `text_column`, half evenly to all.
std::vector<double> FitColumns(std::vector<double> widths, double total, size_t text_column) {
  const double natural = std::accumulate(widths.begin(), widths.end(), 0.0);
  if (widths.empty()) return widths;
  if (natural <= total) {
    const double spare = total - natural;
    for (double& width : widths) width += spare / 2 / static_cast<double>(widths.size());
    widths[text_column] += spare / 2;
    return widths;
  }
  std::vector<double> sorted = widths;
  std::sort(sorted.begin(), sorted.end());
  double left = total;
  double cap = 0;
  for (size_t idx = 0; idx < sorted.size(); ++idx) {
    cap = left / static_cast<double>(sorted.size() - idx);
    if (sorted[idx] > cap) break;
    left -= sorted[idx];
  }
  for (double& width : widths) width = std::min(width, cap);
  return widths;
}

struct PreparedTable {
  std::optional<TextBox> caption;
  std::vector<double> widths;
  std::vector<TextBox> header;
  double header_height = 0;
  std::vector<std::vector<TextBox>> rows;
  std::vector<double> row_heights;
  std::optional<TextBox> note;
};

struct PreparedNarrative {
  std::optional<TextBox> title;
  std::optional<TextBox> byline;
  std::vector<TextBox> paragraphs;
};

using Prepared = std::variant<TextBox, PreparedTable, ChartGeometry, PreparedNarrative>;

// One document being drawn: measures each block, then places it.
class PdfWriter {
 public:
  PdfWriter(const Report& report, PdfCanvas& canvas)
      : report_(report),
        canvas_(canvas),
        pages_(canvas, {kMargin, kMargin, kPageWidth - kMargin, kContentBottom},
               [this](PdfCanvas&, int page_number) { DrawFooter(page_number); }) {}

  Status Write() {
    PlaceTitleBlock();
    for (const Section& section : report_.sections) TRY_STATUS(PlaceSection(section));
    pages_.Finish();
    return OkStatus();
  }

 private:
  TextBox Text(std::string_view text, const TextStyle& style, double wrap_width) const {
    return canvas_.Layout(text, style, wrap_width);
  }

  void PlaceDemoBox() {
    const TextBox text = Text(report_.demo_notice, {9.5, true, false, kDemoInk}, pages_.width() - 16);
    const double height = text.height() + 12;
    const double x = pages_.left();
    const double y = pages_.y();
    canvas_.FillRect(x, y, pages_.width(), height, kDemoFill);
    cairo_set_source_rgb(canvas_.cairo(), kDemoBorder.red, kDemoBorder.green, kDemoBorder.blue);
    cairo_set_line_width(canvas_.cairo(), 1.2);
    cairo_rectangle(canvas_.cairo(), x, y, pages_.width(), height);
    cairo_stroke(canvas_.cairo());
    text.Draw(x + 8, y + 6);
    pages_.Advance(height);
  }

  void PlaceTitleBlock() {
    if (report_.demo) {
      PlaceDemoBox();
      pages_.Gap(16);
    }
    pages_.PlaceText(Text(report_.title, kTitleStyle, pages_.width()));
    if (!report_.subtitle.empty()) {
      pages_.Gap(4);
      pages_.PlaceText(Text(report_.subtitle, kSubtitleStyle, pages_.width()));
    }
    pages_.Gap(10);
    canvas_.StrokeLine(pages_.left(), pages_.y(), pages_.left() + pages_.width(), pages_.y(), kAxis, 0.8);
    pages_.Advance(4);
  }

  void DrawFooter(int page_number) {
    const double top = kPageHeight - 56;
    const double left = kMargin;
    const double right = kPageWidth - kMargin;
    canvas_.StrokeLine(left, top, right, top, kRule, 0.5);
    const std::string page_label = std::string(PageText(report_.language)) + " " + std::to_string(page_number);
    const TextBox page = Text(page_label, kFooterStyle, 0);
    page.Draw(right - page.width(), top + 4);
    const TextBox footer = Text(report_.footer, kFooterStyle, right - left - page.width() - 16);
    footer.Draw(left, top + 4);
    if (report_.demo) Text(report_.demo_notice, kDemoFooterStyle, right - left).Draw(left, top + 6 + footer.height());
  }

  Status PlaceSection(const Section& section) {
    pages_.Gap(20);
    const TextBox heading = Text(section.heading, kHeadingStyle, pages_.width());
    // The heading stays with the start of its first block.
    std::optional<Prepared> prepared;
    double keep_with = 0;
    if (!section.blocks.empty()) {
      TRY_ASSIGN(prepared, Prepare(section.blocks.front()));
      keep_with = 10 + LeadHeight(*prepared);
    }
    pages_.Reserve(heading.height() + keep_with);
    canvas_.AddOutline(CAIRO_PDF_OUTLINE_ROOT, section.heading, pages_.page(), pages_.left(), pages_.y());
    pages_.PlaceText(heading);
    pages_.Gap(3);
    canvas_.StrokeLine(pages_.left(), pages_.y(), pages_.left() + pages_.width(), pages_.y(), kRule, 0.5);
    pages_.Advance(7);
    for (size_t block_idx = 0; block_idx < section.blocks.size(); ++block_idx) {
      if (block_idx > 0) {
        pages_.Gap(std::holds_alternative<Narrative>(section.blocks[block_idx]) ? kNarrativeGap : kBlockGap);
        TRY_ASSIGN(prepared, Prepare(section.blocks[block_idx]));
      }
      Place(*prepared);
    }
    return OkStatus();
  }

  Result<Prepared> Prepare(const Block& block) const {
    if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
      return Prepared(Text(paragraph->text, kBodyStyle, pages_.width()));
    }
    if (const auto* table = std::get_if<Table>(&block)) return Prepared(PrepareTable(*table));
    if (const auto* chart = std::get_if<Chart>(&block)) {
      TRY_ASSIGN(const Table* chart_table, ChartTable(report_, *chart));
      return Prepared(LayoutChart(*chart, *chart_table, report_.language, pages_.width(), kChartHeight));
    }
    const auto& narrative = std::get<Narrative>(block);
    PreparedNarrative prepared;
    if (!narrative.title.empty()) prepared.title = Text(narrative.title, kNarrativeTitleStyle, pages_.width());
    if (!narrative.byline.empty()) prepared.byline = Text(narrative.byline, kBylineStyle, pages_.width());
    for (const std::string& paragraph : SplitParagraphs(narrative.text)) {
      prepared.paragraphs.push_back(Text(paragraph, kBodyStyle, pages_.width()));
    }
    return Prepared(std::move(prepared));
  }

  PreparedTable PrepareTable(const Table& table) const {
    const size_t column_count = table.columns.size();
    std::vector<bool> numeric(column_count, false);
    for (const std::vector<Cell>& row : table.rows) {
      for (size_t column_idx = 0; column_idx < std::min(row.size(), column_count); ++column_idx) {
        if (row[column_idx].value) numeric[column_idx] = true;
      }
    }
    auto cell_text = [&](size_t row_idx, size_t column_idx) -> std::string_view {
      const std::vector<Cell>& row = table.rows[row_idx];
      return column_idx < row.size() ? std::string_view(row[column_idx].text) : std::string_view();
    };
    auto style = [&](size_t column_idx, bool header) {
      return TextStyle{8.5, header, false, kInk, numeric[column_idx] ? Align::kRight : Align::kLeft};
    };

    PreparedTable prepared;
    if (!table.title.empty()) prepared.caption = Text(table.title, kCaptionStyle, pages_.width());
    std::vector<double> natural(column_count, 0);
    for (size_t column_idx = 0; column_idx < column_count; ++column_idx) {
      natural[column_idx] = Text(table.columns[column_idx], style(column_idx, true), 0).width();
      for (size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx) {
        natural[column_idx] =
            std::max(natural[column_idx], Text(cell_text(row_idx, column_idx), style(column_idx, false), 0).width());
      }
      natural[column_idx] += 2 * kCellPadX + 0.5;  // a hair of slack so pango does not wrap a measured line
    }
    const size_t text_column = static_cast<size_t>(std::find(numeric.begin(), numeric.end(), false) - numeric.begin());
    prepared.widths = FitColumns(natural, pages_.width(), text_column < column_count ? text_column : 0);
    auto layout_row = [&](auto text_of, bool header, std::vector<TextBox>& boxes) {
      double height = 0;
      for (size_t column_idx = 0; column_idx < column_count; ++column_idx) {
        boxes.push_back(
            Text(text_of(column_idx), style(column_idx, header), prepared.widths[column_idx] - 2 * kCellPadX));
        height = std::max(height, boxes.back().height());
      }
      return height + 2 * kCellPadY;
    };
    prepared.header_height = layout_row([&](size_t column_idx) { return std::string_view(table.columns[column_idx]); },
                                        true, prepared.header);
    for (size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx) {
      prepared.rows.emplace_back();
      prepared.row_heights.push_back(
          layout_row([&](size_t column_idx) { return cell_text(row_idx, column_idx); }, false, prepared.rows.back()));
    }
    if (!table.note.empty()) prepared.note = Text(table.note, kNoteStyle, pages_.width());
    return prepared;
  }

  // What must stay on the page with a heading above the block.
  double LeadHeight(const Prepared& prepared) const {
    auto first_lines = [](const TextBox& text) { return text.LinesHeight(0, std::min(2, text.line_count())); };
    if (const auto* text = std::get_if<TextBox>(&prepared)) return first_lines(*text);
    if (const auto* chart = std::get_if<ChartGeometry>(&prepared)) return chart->height;
    if (const auto* table = std::get_if<PreparedTable>(&prepared)) {
      // A table does not start with fewer than three rows at the foot of a page.
      const size_t lead_rows = std::min<size_t>(3, table->row_heights.size());
      return (table->caption ? table->caption->height() + 4 : 0) + table->header_height +
             std::accumulate(table->row_heights.begin(), table->row_heights.begin() + lead_rows, 0.0);
    }
    const auto& narrative = std::get<PreparedNarrative>(prepared);
    return (narrative.title ? narrative.title->height() + 2 : 0) +
           (narrative.byline ? narrative.byline->height() + 5 : 0) +
           (narrative.paragraphs.empty() ? 0 : first_lines(narrative.paragraphs.front()));
  }

  void Place(const Prepared& prepared) {
    pages_.Reserve(LeadHeight(prepared));
    if (const auto* text = std::get_if<TextBox>(&prepared)) {
      pages_.PlaceText(*text);
    } else if (const auto* table = std::get_if<PreparedTable>(&prepared)) {
      PlaceTable(*table);
    } else if (const auto* chart = std::get_if<ChartGeometry>(&prepared)) {
      DrawChart(*chart, pages_.left(), pages_.y());
      pages_.Advance(chart->height);
    } else {
      const auto& narrative = std::get<PreparedNarrative>(prepared);
      if (narrative.title) pages_.PlaceText(*narrative.title);
      if (narrative.byline) {
        pages_.Gap(2);
        pages_.PlaceText(*narrative.byline);
      }
      for (size_t paragraph_idx = 0; paragraph_idx < narrative.paragraphs.size(); ++paragraph_idx) {
        pages_.Gap(paragraph_idx == 0 ? 5 : 6);
        pages_.PlaceText(narrative.paragraphs[paragraph_idx]);
      }
    }
  }

  void DrawRow(const std::vector<TextBox>& cells, const std::vector<double>& widths, double y) {
    double x = pages_.left();
    for (size_t column_idx = 0; column_idx < cells.size(); ++column_idx) {
      cells[column_idx].Draw(x + kCellPadX, y + kCellPadY);
      x += widths[column_idx];
    }
  }

  void PlaceTable(const PreparedTable& table) {
    if (table.caption) {
      pages_.PlaceText(*table.caption);
      pages_.Advance(4);
    }
    const double left = pages_.left();
    const double right = left + std::accumulate(table.widths.begin(), table.widths.end(), 0.0);
    auto draw_header = [&](double y) {
      canvas_.FillRect(left, y, right - left, table.header_height, kHeaderFill);
      DrawRow(table.header, table.widths, y);
      canvas_.StrokeLine(left, y + table.header_height, right, y + table.header_height, kMuted, 0.8);
    };
    auto draw_row = [&](size_t row_idx, double y) {
      const double height = table.row_heights[row_idx];
      if (row_idx % 2 == 1) canvas_.FillRect(left, y, right - left, height, kStripeFill);
      DrawRow(table.rows[row_idx], table.widths, y);
      canvas_.StrokeLine(left, y + height, right, y + height, kRule, 0.4);
    };
    pages_.PlaceRows(table.header_height, draw_header, table.row_heights, draw_row);
    if (table.note) {
      pages_.Gap(4);
      pages_.PlaceText(*table.note);
    }
  }

  void DrawChartText(const ChartText& text, double x0, double y0, Color color) {
    if (text.text.empty()) return;
    const TextBox box = Text(text.text, {text.font_size, text.bold, false, color}, 0);
    const double anchor_share = text.anchor == TextAnchor::kStart ? 0 : text.anchor == TextAnchor::kMiddle ? 0.5 : 1;
    cairo_t* cr = canvas_.cairo();
    cairo_save(cr);
    cairo_translate(cr, x0 + text.at.x, y0 + text.at.y);
    cairo_rotate(cr, text.rotation * kPi / 180);
    box.Draw(-anchor_share * box.width(), -box.baseline());
    cairo_restore(cr);
  }

  void DrawChart(const ChartGeometry& chart, double x0, double y0) {
    cairo_t* cr = canvas_.cairo();
    DrawChartText(chart.title, x0, y0, kInk);
    if (chart.no_data) {
      DrawChartText(chart.no_data_message, x0, y0, kMuted);
      return;
    }
    const Rect& plot = chart.plot;
    for (const YTick& tick : chart.ticks) {
      canvas_.StrokeLine(x0 + plot.x, y0 + tick.y, x0 + plot.x + plot.width, y0 + tick.y, kGrid, 0.5);
      DrawChartText(tick.label, x0, y0, kAxis);
    }
    DrawChartText(chart.y_label, x0, y0, kAxis);
    for (const Bar& bar : chart.bars) {
      canvas_.FillRect(x0 + bar.rect.x, y0 + bar.rect.y, bar.rect.width, bar.rect.height,
                       ToColor(chart.legend[static_cast<size_t>(bar.series)].color));
    }
    for (const LineSeries& line : chart.lines) {
      const Color color = ToColor(chart.legend[static_cast<size_t>(line.series)].color);
      cairo_set_source_rgb(cr, color.red, color.green, color.blue);
      cairo_set_line_width(cr, 1.8);
      cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
      for (const std::vector<Point>& segment : line.segments) {
        if (segment.size() < 2) continue;
        cairo_move_to(cr, x0 + segment.front().x, y0 + segment.front().y);
        for (const Point& point : segment) cairo_line_to(cr, x0 + point.x, y0 + point.y);
        cairo_stroke(cr);
      }
      for (const Point& marker : line.markers) {
        cairo_new_sub_path(cr);
        cairo_arc(cr, x0 + marker.x, y0 + marker.y, 2.6, 0, 2 * kPi);
        cairo_set_source_rgb(cr, color.red, color.green, color.blue);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_set_line_width(cr, 0.7);
        cairo_stroke(cr);
      }
    }
    canvas_.StrokeLine(x0 + plot.x, y0 + plot.y, x0 + plot.x, y0 + plot.y + plot.height, kAxis, 0.8);
    canvas_.StrokeLine(x0 + plot.x, y0 + chart.zero_y, x0 + plot.x + plot.width, y0 + chart.zero_y, kAxis, 0.8);
    for (const ChartText& label : chart.category_labels) DrawChartText(label, x0, y0, kAxis);
    for (const LegendEntry& entry : chart.legend) {
      canvas_.FillRect(x0 + entry.swatch.x, y0 + entry.swatch.y, entry.swatch.width, entry.swatch.height,
                       ToColor(entry.color));
      DrawChartText(entry.label, x0, y0, kInk);
    }
  }

  const Report& report_;
  PdfCanvas& canvas_;
  Paginator pages_;
};

}  // namespace

Result<std::string> RenderPdf(const Report& report) {
  TRY_ASSIGN(Timestamp created_at, Timestamp::Parse(report.created_at, "created_at"));
  TRY_ASSIGN(std::unique_ptr<PdfCanvas> canvas, PdfCanvas::Create(kPageWidth, kPageHeight));
  if (!report.title.empty()) canvas->SetMetadata(CAIRO_PDF_METADATA_TITLE, report.title);
  if (!report.author.empty()) canvas->SetMetadata(CAIRO_PDF_METADATA_AUTHOR, report.author);
  canvas->SetMetadata(CAIRO_PDF_METADATA_CREATOR, "Trygnet");
  // Fixed dates: without them cairo writes the current time and no two renders are alike.
  canvas->SetMetadata(CAIRO_PDF_METADATA_CREATE_DATE, created_at.ToString());
  canvas->SetMetadata(CAIRO_PDF_METADATA_MOD_DATE, created_at.ToString());
  PdfWriter writer(report, *canvas);
  TRY_STATUS(writer.Write());
  return canvas->Finish();
}

}  // namespace trygnet::report
