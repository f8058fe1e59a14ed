#include "report/render_xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.h"
#include "report/xlsx_sheet_namer.h"

static_assert(LXW_VERSION_ID >= 114, "render_xlsx needs libxlsxwriter 1.1.4 or later");

namespace trygnet::report {
namespace {

constexpr double kFirstColumnWidth = 45;  // characters
constexpr double kOtherColumnWidth = 14;
constexpr double kCoverColumnWidth = 100;
constexpr lxw_col_t kTextLastColumn = 5;   // long text is merged across A:F
constexpr size_t kTextCharsPerLine = 100;  // about what fits in A:F (45 + 5 × 14) in Calibri 11
constexpr double kLineHeight = 15;         // points per line of Calibri 11
constexpr double kMaxRowHeight = 409;      // Excel's limit
constexpr lxw_row_t kChartRows = 18;       // a default 480×288 px chart covers about 15 rows
constexpr int kMaxDecimals = 10;

struct Labels {
  const char* cover_sheet;
  const char* created;
  const char* demo_notice;  // used when a demo report has no notice of its own
  const char* sheet;        // fallback sheet name: "Ark 3"
};

const Labels& LabelsFor(Language language) {
  static const Labels kDanish{"Rapport", "Oprettet", "Demodata: syntetiske oplysninger, ikke rigtige personer", "Ark"};
  static const Labels kEnglish{"Report", "Created", "Demo data: synthetic records, not real people", "Sheet"};
  return language == Language::kEnglish ? kEnglish : kDanish;
}

Status Check(lxw_error error, std::string_view what) {
  if (error == LXW_NO_ERROR) return OkStatus();
  return Internal("xlsx: " + std::string(what) + ": " + lxw_strerror(error));
}

// --- Temp file -----------------------------------------------------------------

// A private (0600) temp file, removed when this goes out of scope.
class TempFile {
 public:
  TempFile() = default;
  ~TempFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  // Returns unavailable if the file cannot be created.
  Status Create() {
    const char* dir = std::getenv("TMPDIR");
    std::string pattern = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/trygnet-report-XXXXXX";
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) return Unavailable("cannot create a temporary file " + pattern + ": " + std::strerror(errno));
    ::close(fd);
    path_ = pattern;
    return OkStatus();
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  if (!in || !(bytes << in.rdbuf())) return Unavailable("cannot read back the temporary file " + path);
  return std::move(bytes).str();
}

struct WorkbookFree {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookFree>;

// --- Workbook content ------------------------------------------------------------

// Where a table's cells were written, so that a chart anywhere in the
// workbook can refer to them.
struct TablePlace {
  std::string sheet;
  lxw_row_t header_row = 0;  // data rows follow it
  lxw_row_t row_count = 0;
};

// A chart whose place is reserved; it is added once every table is placed,
// because a chart may come before its table.
struct PendingChart {
  const Chart* chart = nullptr;
  lxw_worksheet* worksheet = nullptr;
  lxw_row_t row = 0;
};

// libxlsxwriter reads a chart title or axis name that starts with "=" as a
// cell reference; ours are always literal text.
std::string Literal(const std::string& text) { return !text.empty() && text[0] == '=' ? " " + text : text; }

// Fills one workbook from one report. Not thread-safe; used once.
class WorkbookWriter {
 public:
  WorkbookWriter(lxw_workbook* workbook, const Report& report)
      : workbook_(workbook), report_(report), labels_(LabelsFor(report.language)) {}

  Status Write() {
    TRY_STATUS(AddFormats());
    SheetNamer namer;
    std::string cover_name = namer.Take({labels_.cover_sheet});
    TRY_ASSIGN(lxw_worksheet * cover, AddSheet(cover_name));
    TRY_STATUS(WriteCover(cover));
    for (size_t section_idx = 0; section_idx < report_.sections.size(); ++section_idx) {
      const Section& section = report_.sections[section_idx];
      std::string fallback = std::string(labels_.sheet) + " " + std::to_string(section_idx + 2);
      std::string name = namer.Take({section.heading, section.id, fallback});
      TRY_ASSIGN(lxw_worksheet * sheet, AddSheet(name));
      TRY_STATUS(WriteSection(section, name, sheet));
    }
    for (const PendingChart& pending : pending_charts_) TRY_STATUS(InsertChart(pending));
    return OkStatus();
  }

 private:
  Result<lxw_format*> NewFormat() {
    lxw_format* format = workbook_add_format(workbook_);
    if (format == nullptr) return Internal("xlsx: cannot add a cell format (out of memory)");
    return format;
  }

  Status AddFormats() {
    TRY_ASSIGN(title_, NewFormat());
    format_set_bold(title_);
    format_set_font_size(title_, 16);
    TRY_ASSIGN(heading_, NewFormat());
    format_set_bold(heading_);
    format_set_font_size(heading_, 13);
    TRY_ASSIGN(bold_, NewFormat());
    format_set_bold(bold_);
    TRY_ASSIGN(demo_, NewFormat());
    format_set_bold(demo_);
    format_set_font_color(demo_, LXW_COLOR_RED);
    TRY_ASSIGN(header_, NewFormat());
    format_set_bold(header_);
    format_set_bottom(header_, LXW_BORDER_THIN);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_BOTTOM);
    TRY_ASSIGN(text_right_, NewFormat());
    format_set_align(text_right_, LXW_ALIGN_RIGHT);
    TRY_ASSIGN(wrap_, NewFormat());
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
    TRY_ASSIGN(italic_wrap_, NewFormat());
    format_set_italic(italic_wrap_);
    format_set_text_wrap(italic_wrap_);
    format_set_align(italic_wrap_, LXW_ALIGN_VERTICAL_TOP);
    return OkStatus();
  }

  // The format for a number shown with `decimals` places: "0", "0.0", "0.00", ...
  Result<lxw_format*> NumberFormat(int decimals) {
    decimals = std::clamp(decimals, 0, kMaxDecimals);
    if (auto found = number_formats_.find(decimals); found != number_formats_.end()) return found->second;
    TRY_ASSIGN(lxw_format * format, NewFormat());
    std::string pattern = decimals == 0 ? "0" : "0." + std::string(static_cast<size_t>(decimals), '0');
    format_set_num_format(format, pattern.c_str());
    number_formats_.emplace(decimals, format);
    return format;
  }

  Result<lxw_worksheet*> AddSheet(const std::string& name) {
    // Checked first because workbook_add_worksheet would print a warning.
    TRY_STATUS(Check(workbook_validate_sheet_name(workbook_, name.c_str()), "sheet name \"" + name + "\""));
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, name.c_str());
    if (sheet == nullptr) return Internal("xlsx: cannot add the sheet \"" + name + "\"");
    return sheet;
  }

  Status Put(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format) {
    if (text.empty()) return OkStatus();
    return Check(worksheet_write_string(sheet, row, col, text.c_str(), format), "writing a cell");
  }

  // Text that may run long: one cell merged across A:F, wrapped, with the row
  // made tall enough (Excel does not fit merged cells by itself).
  Status PutLongText(lxw_worksheet* sheet, lxw_row_t row, const std::string& text, lxw_format* format) {
    if (text.empty()) return OkStatus();
    size_t lines = 0;
    size_t line_start = 0;
    while (line_start <= text.size()) {
      size_t line_end = text.find('\n', line_start);
      if (line_end == std::string::npos) line_end = text.size();
      size_t chars = 0;
      for (size_t byte_idx = line_start; byte_idx < line_end; ++byte_idx) {
        chars += (static_cast<unsigned char>(text[byte_idx]) & 0xC0) != 0x80;
      }
      lines += std::max<size_t>(1, (chars + kTextCharsPerLine - 1) / kTextCharsPerLine);
      line_start = line_end + 1;
    }
    TRY_STATUS(Check(worksheet_merge_range(sheet, row, 0, row, kTextLastColumn, text.c_str(), format), "writing text"));
    if (lines > 1) {
      double height = std::min(kMaxRowHeight, kLineHeight * static_cast<double>(lines));
      TRY_STATUS(Check(worksheet_set_row(sheet, row, height, nullptr), "setting a row height"));
    }
    return OkStatus();
  }

  Status WriteCover(lxw_worksheet* sheet) {
    TRY_STATUS(Check(worksheet_set_column(sheet, 0, 0, kCoverColumnWidth, nullptr), "setting column widths"));
    lxw_row_t row = 0;
    TRY_STATUS(Put(sheet, row++, 0, report_.title, title_));
    TRY_STATUS(Put(sheet, row++, 0, report_.subtitle, wrap_));
    ++row;
    if (report_.demo) {
      TRY_STATUS(Put(sheet, row++, 0, DemoNotice(), demo_));
      ++row;
    }
    TRY_STATUS(Put(sheet, row++, 0, report_.footer, nullptr));
    return Put(sheet, row, 0, std::string(labels_.created) + ": " + report_.created_at, nullptr);
  }

  std::string DemoNotice() const { return report_.demo_notice.empty() ? labels_.demo_notice : report_.demo_notice; }

  Status WriteSection(const Section& section, const std::string& sheet_name, lxw_worksheet* sheet) {
    lxw_col_t last_col = kTextLastColumn;
    for (const Block& block : section.blocks) {
      if (const Table* table = std::get_if<Table>(&block); table && table->columns.size() > last_col + 1u) {
        last_col = static_cast<lxw_col_t>(std::min<size_t>(table->columns.size() - 1, LXW_COL_MAX - 1));
      }
    }
    TRY_STATUS(Check(worksheet_set_column(sheet, 0, 0, kFirstColumnWidth, nullptr), "setting column widths"));
    TRY_STATUS(Check(worksheet_set_column(sheet, 1, last_col, kOtherColumnWidth, nullptr), "setting column widths"));

    lxw_row_t row = 0;
    TRY_STATUS(Put(sheet, row++, 0, section.heading, heading_));
    if (report_.demo) TRY_STATUS(Put(sheet, row++, 0, DemoNotice(), demo_));
    ++row;
    for (size_t block_idx = 0; block_idx < section.blocks.size(); ++block_idx) {
      const Block& block = section.blocks[block_idx];
      if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
        TRY_STATUS(PutLongText(sheet, row++, paragraph->text, wrap_));
      } else if (const auto* table = std::get_if<Table>(&block)) {
        // A sheet that opens with a table keeps its column headings in view.
        if (block_idx == 0) worksheet_freeze_panes(sheet, row + (table->title.empty() ? 1 : 2), 0);
        TRY_STATUS(WriteTable(*table, sheet_name, sheet, row));
      } else if (const auto* chart = std::get_if<Chart>(&block)) {
        TRY_STATUS(ReserveChart(*chart, sheet, row));
      } else if (const auto* narrative = std::get_if<Narrative>(&block)) {
        TRY_STATUS(WriteNarrative(*narrative, sheet, row));
      }
      ++row;  // a blank row between blocks
    }
    return OkStatus();
  }

  Status WriteTable(const Table& table, const std::string& sheet_name, lxw_worksheet* sheet, lxw_row_t& row) {
    if (!table.title.empty()) TRY_STATUS(Put(sheet, row++, 0, table.title, bold_));
    TablePlace place{sheet_name, row, static_cast<lxw_row_t>(table.rows.size())};
    for (size_t col_idx = 0; col_idx < table.columns.size(); ++col_idx) {
      auto col = static_cast<lxw_col_t>(col_idx);
      TRY_STATUS(
          Check(worksheet_write_string(sheet, row, col, table.columns[col_idx].c_str(), header_), "writing a cell"));
    }
    ++row;
    for (const std::vector<Cell>& cells : table.rows) {
      for (size_t col_idx = 0; col_idx < cells.size(); ++col_idx) {
        const Cell& cell = cells[col_idx];
        auto col = static_cast<lxw_col_t>(col_idx);
        if (cell.value && std::isfinite(*cell.value)) {
          TRY_ASSIGN(lxw_format * format, NumberFormat(cell.decimals));
          TRY_STATUS(Check(worksheet_write_number(sheet, row, col, *cell.value, format), "writing a number"));
        } else {
          TRY_STATUS(Put(sheet, row, col, cell.text, col_idx == 0 ? nullptr : text_right_));
        }
      }
      ++row;
    }
    if (!table.note.empty()) TRY_STATUS(PutLongText(sheet, row++, table.note, italic_wrap_));
    table_places_.emplace(table.id, std::move(place));  // the first table with an id wins, as in FindTable
    return OkStatus();
  }

  Status ReserveChart(const Chart& chart, lxw_worksheet* sheet, lxw_row_t& row) {
    const Table* table = report_.FindTable(chart.table_id);
    if (table == nullptr) {
      return Internal("chart \"" + chart.title + "\" refers to table \"" + chart.table_id +
                      "\", which the report lacks");
    }
    auto in_table = [&](int col) { return col >= 0 && static_cast<size_t>(col) < table->columns.size(); };
    bool columns_ok = in_table(chart.category_column) && !chart.value_columns.empty();
    for (int col : chart.value_columns) columns_ok = columns_ok && in_table(col);
    if (!columns_ok) {
      return Internal("chart \"" + chart.title + "\" names columns that table \"" + table->id + "\" does not have");
    }
    if (table->rows.empty()) {  // nothing to draw: keep the title so the reader sees the chart is empty
      return Put(sheet, row++, 0, chart.title, bold_);
    }
    pending_charts_.push_back(PendingChart{&chart, sheet, row});
    row += kChartRows;
    return OkStatus();
  }

  Status InsertChart(const PendingChart& pending) {
    const Chart& chart = *pending.chart;
    const TablePlace& place = table_places_.at(chart.table_id);  // ReserveChart checked it exists
    lxw_chart* excel_chart =
        workbook_add_chart(workbook_, chart.kind == ChartKind::kBar ? LXW_CHART_COLUMN : LXW_CHART_LINE);
    if (excel_chart == nullptr) return Internal("xlsx: cannot add a chart (out of memory)");
    lxw_row_t first_row = place.header_row + 1;
    lxw_row_t last_row = place.header_row + place.row_count;
    auto category_col = static_cast<lxw_col_t>(chart.category_column);
    for (int value_column : chart.value_columns) {
      auto value_col = static_cast<lxw_col_t>(value_column);
      lxw_chart_series* series = chart_add_series(excel_chart, nullptr, nullptr);
      if (series == nullptr) return Internal("xlsx: cannot add a chart series (out of memory)");
      // By sheet name and cell, so libxlsxwriter writes the quoted reference
      // (='2. Målepunkter'!$B$6:$B$9) and caches the values it finds there.
      chart_series_set_categories(series, place.sheet.c_str(), first_row, category_col, last_row, category_col);
      chart_series_set_values(series, place.sheet.c_str(), first_row, value_col, last_row, value_col);
      chart_series_set_name_range(series, place.sheet.c_str(), place.header_row, value_col);
      if (chart.kind == ChartKind::kLine) chart_series_set_marker_type(series, LXW_CHART_MARKER_AUTOMATIC);
    }
    if (!chart.title.empty()) chart_title_set_name(excel_chart, Literal(chart.title).c_str());
    if (!chart.y_label.empty()) {
      chart_axis_set_name(chart_axis_get(excel_chart, LXW_CHART_AXIS_TYPE_Y), Literal(chart.y_label).c_str());
    }
    chart_legend_set_position(excel_chart, LXW_CHART_LEGEND_BOTTOM);
    chart_show_blanks_as(excel_chart, LXW_CHART_BLANKS_AS_GAP);
    std::string description = chart.title;
    lxw_chart_options options{};
    options.description = description.data();
    return Check(worksheet_insert_chart_opt(pending.worksheet, pending.row, 0, excel_chart, &options),
                 "inserting the chart \"" + chart.title + "\"");
  }

  Status WriteNarrative(const Narrative& narrative, lxw_worksheet* sheet, lxw_row_t& row) {
    TRY_STATUS(Put(sheet, row++, 0, narrative.title, bold_));
    if (!narrative.byline.empty()) TRY_STATUS(PutLongText(sheet, row++, narrative.byline, italic_wrap_));
    // Blank lines separate paragraphs; each gets its own row.
    size_t start = 0;
    while (start < narrative.text.size()) {
      size_t end = narrative.text.find("\n\n", start);
      if (end == std::string::npos) end = narrative.text.size();
      std::string paragraph = narrative.text.substr(start, end - start);
      size_t first = paragraph.find_first_not_of(" \n\r\t");
      if (first != std::string::npos) {
        size_t last = paragraph.find_last_not_of(" \n\r\t");
        TRY_STATUS(PutLongText(sheet, row++, paragraph.substr(first, last - first + 1), wrap_));
      }
      start = end + 2;
    }
    return OkStatus();
  }

  lxw_workbook* workbook_;
  const Report& report_;
  const Labels& labels_;
  lxw_format* title_ = nullptr;
  lxw_format* heading_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* demo_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* text_right_ = nullptr;
  lxw_format* wrap_ = nullptr;
  lxw_format* italic_wrap_ = nullptr;
  std::map<int, lxw_format*> number_formats_;  // by decimals
  std::map<std::string, TablePlace> table_places_;
  std::vector<PendingChart> pending_charts_;
};

}  // namespace

Result<std::string> RenderXlsx(const Report& report) {
  TRY_ASSIGN(Timestamp created, Timestamp::Parse(report.created_at, "created_at"));
  TempFile file;
  TRY_STATUS(file.Create());

  WorkbookPtr workbook(workbook_new(file.path().c_str()));
  if (workbook == nullptr) return Internal("xlsx: cannot create a workbook (out of memory)");

  // lxw_doc_properties wants char*; it copies the strings.
  std::string title = report.title;
  std::string subject = report.subtitle;
  std::string author = report.author;
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.subject = subject.data();
  properties.author = author.data();
  // A fixed date instead of 0 ("now") makes regenerated files identical.
  properties.created = static_cast<time_t>(created.unix_seconds());
  TRY_STATUS(Check(workbook_set_properties(workbook.get(), &properties), "setting document properties"));

  WorkbookWriter writer(workbook.get(), report);
  TRY_STATUS(writer.Write());
  // workbook_close writes the file and frees the workbook, also on failure.
  TRY_STATUS(Check(workbook_close(workbook.release()), "writing " + file.path()));
  return ReadFile(file.path());
}

}  // namespace trygnet::report
