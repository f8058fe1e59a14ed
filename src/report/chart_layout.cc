#include "report/chart_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

#include "report/report_text.h"

namespace trygnet::report {
namespace {

constexpr double kTitleSize = 10;
constexpr double kLabelSize = 8;
// Average advance of a DejaVu Sans character in em; a little generous, so an
// estimated label is never narrower than the drawn one.
constexpr double kCharEm = 0.6;
constexpr double kLegendRowHeight = 12;
constexpr double kSwatchSize = 8;
constexpr double kRightPadding = 8;
constexpr double kLabelLineHeight = 10;
constexpr size_t kMaxLabelLines = 3;
constexpr double kMinWrapWidth = 36;          // narrower slots get slanted labels
constexpr double kRotatedReserveShare = 0.3;  // at most this much of the box for slanted labels
constexpr double kSin45 = 0.7071067811865476;

// Okabe & Ito's colourblind-safe palette (without its yellow, too pale on white).
constexpr Rgb kPalette[] = {{0x00, 0x72, 0xB2}, {0xE6, 0x9F, 0x00}, {0x00, 0x9E, 0x73},
                            {0xD5, 0x5E, 0x00}, {0xCC, 0x79, 0xA7}, {0x56, 0xB4, 0xE9}};

size_t CodePoints(std::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; });
}

double EstimatedWidth(std::string_view text, double font_size) {
  return static_cast<double>(CodePoints(text)) * font_size * kCharEm;
}

// The first `max_chars` code points of `text`, with "…" when cut.
std::string Truncated(const std::string& text, size_t max_chars) {
  if (CodePoints(text) <= max_chars) return text;
  size_t keep = max_chars > 0 ? max_chars - 1 : 0;
  size_t byte_idx = 0;
  for (size_t seen = 0; byte_idx < text.size(); ++byte_idx) {
    if ((static_cast<unsigned char>(text[byte_idx]) & 0xC0) != 0x80 && seen++ == keep) break;
  }
  return text.substr(0, byte_idx) + "…";
}

std::optional<double> CellValue(const Table& table, size_t row_idx, int column) {
  const std::vector<Cell>& row = table.rows[row_idx];
  if (column < 0 || static_cast<size_t>(column) >= row.size()) return std::nullopt;
  const std::optional<double>& value = row[static_cast<size_t>(column)].value;
  if (value && !std::isfinite(*value)) return std::nullopt;
  return value;
}

std::string CategoryText(const Table& table, size_t row_idx, int column) {
  const std::vector<Cell>& row = table.rows[row_idx];
  if (column < 0 || static_cast<size_t>(column) >= row.size()) return {};
  return row[static_cast<size_t>(column)].text;
}

// Legend entries flow left to right from `top`, wrapping within `width`;
// returns the y below the last row.
double LayoutLegend(const Chart& chart, const Table& table, double top, double width, ChartGeometry& geometry) {
  double x = 0;
  double y = top;
  for (size_t series_idx = 0; series_idx < chart.value_columns.size(); ++series_idx) {
    int column = chart.value_columns[series_idx];
    LegendEntry entry;
    if (column >= 0 && static_cast<size_t>(column) < table.columns.size()) {
      entry.name = table.columns[static_cast<size_t>(column)];
    }
    entry.color = kPalette[series_idx % std::size(kPalette)];
    double entry_width = kSwatchSize + 4 + EstimatedWidth(entry.name, kLabelSize);
    if (x > 0 && x + entry_width > width) {
      x = 0;
      y += kLegendRowHeight;
    }
    entry.swatch = {x, y + 1, kSwatchSize, kSwatchSize};
    entry.label = {entry.name, {x + kSwatchSize + 4, y + 8}, TextAnchor::kStart, kLabelSize};
    geometry.legend.push_back(std::move(entry));
    x += entry_width + 14;
  }
  return geometry.legend.empty() ? top : y + kLegendRowHeight;
}

// Words of `text` in lines no wider than `max_width`; empty if a word alone is wider.
std::vector<std::string> WrapWords(std::string_view text, double max_width) {
  std::vector<std::string> lines;
  size_t position = 0;
  while ((position = text.find_first_not_of(' ', position)) != std::string_view::npos) {
    const size_t word_end = std::min(text.find(' ', position), text.size());
    const std::string word(text.substr(position, word_end - position));
    if (EstimatedWidth(word, kLabelSize) > max_width) return {};
    if (!lines.empty() && EstimatedWidth(lines.back() + " " + word, kLabelSize) <= max_width) {
      lines.back() += " " + word;
    } else {
      lines.push_back(word);
    }
    position = word_end;
  }
  return lines;
}

// Category labels with `at` relative to the slot's centre on the plot's
// bottom edge; `reserve` is the height they need below the plot.
struct CategoryLabels {
  std::vector<std::pair<size_t, ChartText>> labels;  // category index, text
  double reserve = 0;
};

// Labels centred under their slots on one line if they all fit, else
// wrapped at spaces into up to three lines, else (narrow slots, long words)
// slanted at 45°, shortened and thinned out.
CategoryLabels LayoutCategoryLabels(const std::vector<std::string>& texts, double slot, double box_height) {
  CategoryLabels result;
  const double room = slot - 4;
  double widest = 0;
  for (const std::string& text : texts) widest = std::max(widest, EstimatedWidth(text, kLabelSize));
  if (widest <= room) {
    for (size_t category_idx = 0; category_idx < texts.size(); ++category_idx) {
      result.labels.push_back({category_idx, {texts[category_idx], {0, 12}, TextAnchor::kMiddle, kLabelSize}});
    }
    result.reserve = 16;
    return result;
  }
  if (room >= kMinWrapWidth) {
    std::vector<std::vector<std::string>> wrapped;
    bool wraps = true;
    for (const std::string& text : texts) {
      wrapped.push_back(WrapWords(text, room));
      wraps = wraps && (!wrapped.back().empty() || text.find_first_not_of(' ') == std::string::npos);
    }
    if (wraps) {
      const auto max_chars = static_cast<size_t>(room / (kLabelSize * kCharEm));
      size_t most_lines = 1;
      for (size_t category_idx = 0; category_idx < wrapped.size(); ++category_idx) {
        std::vector<std::string>& lines = wrapped[category_idx];
        if (lines.size() > kMaxLabelLines) {
          std::string rest = lines[kMaxLabelLines - 1];
          for (size_t line_idx = kMaxLabelLines; line_idx < lines.size(); ++line_idx) rest += " " + lines[line_idx];
          lines.resize(kMaxLabelLines);
          lines.back() = Truncated(rest, max_chars);
        }
        most_lines = std::max(most_lines, lines.size());
        for (size_t line_idx = 0; line_idx < lines.size(); ++line_idx) {
          const double y = 12 + kLabelLineHeight * static_cast<double>(line_idx);
          result.labels.push_back({category_idx, {lines[line_idx], {0, y}, TextAnchor::kMiddle, kLabelSize}});
        }
      }
      result.reserve = 16 + kLabelLineHeight * static_cast<double>(most_lines - 1);
      return result;
    }
  }
  result.reserve = std::min(widest * kSin45 + 14, box_height * kRotatedReserveShare);
  const auto max_chars = static_cast<size_t>(std::max(1.0, (result.reserve - 14) / kSin45 / (kLabelSize * kCharEm)));
  // Slanted labels stand slot·sin45 apart; keep about one line height between them.
  const auto every = static_cast<size_t>(std::max(1.0, std::ceil(kLabelSize * 1.4 / (slot * kSin45))));
  for (size_t category_idx = 0; category_idx < texts.size(); category_idx += every) {
    result.labels.push_back(
        {category_idx, {Truncated(texts[category_idx], max_chars), {3, 9}, TextAnchor::kEnd, kLabelSize, false, -45}});
  }
  return result;
}

}  // namespace

std::string Rgb::Hex() const {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", red, green, blue);
  return buffer;
}

NiceAxis MakeNiceAxis(double lowest, double highest) {
  double low = std::min(0.0, lowest);
  double high = std::max(0.0, highest);
  if (!(high - low > 0) || !std::isfinite(high - low)) {
    low = std::isfinite(low) ? low : 0;
    high = low + 1;
  }
  constexpr double kEpsilon = 1e-9;
  constexpr double kMultiples[] = {1, 2, 2.5, 5};
  // Starting at range/5 rounded down to a power of ten gives at least 5
  // intervals; the multiples grow by at most 2.5, so the first step with at
  // most 5 intervals still has more than 2.
  double magnitude = std::pow(10.0, std::floor(std::log10((high - low) / 5)));
  NiceAxis axis;
  for (int decade = 0; decade < 4 && axis.step == 0; ++decade, magnitude *= 10) {
    for (double multiple : kMultiples) {
      double step = multiple * magnitude;
      double first = std::floor(low / step + kEpsilon);
      double last = std::ceil(high / step - kEpsilon);
      if (last - first <= 5) {
        axis = {first * step, last * step, step, 0};
        break;
      }
    }
  }
  while (axis.decimals < 10) {
    double scaled = axis.step * std::pow(10.0, axis.decimals);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6 * scaled) break;
    ++axis.decimals;
  }
  return axis;
}

std::string_view NoDataText(Language language) { return language == Language::kDanish ? "Ingen data" : "No data"; }

std::string_view PageText(Language language) { return language == Language::kDanish ? "Side" : "Page"; }

std::vector<std::string> SplitParagraphs(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::string current;
  size_t line_start = 0;
  while (line_start <= text.size()) {
    size_t line_end = std::min(text.find('\n', line_start), text.size());
    std::string_view line = text.substr(line_start, line_end - line_start);
    const size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) {
      if (!current.empty()) paragraphs.push_back(std::move(current));
      current.clear();
    } else {
      line = line.substr(first, line.find_last_not_of(" \t\r") + 1 - first);
      if (!current.empty()) current += '\n';
      current += line;
    }
    line_start = line_end + 1;
  }
  if (!current.empty()) paragraphs.push_back(std::move(current));
  return paragraphs;
}

Result<const Table*> ChartTable(const Report& report, const Chart& chart) {
  const Table* table = report.FindTable(chart.table_id);
  if (!table)
    return Internal("chart \"" + chart.title + "\" refers to a table \"" + chart.table_id + "\" not in the report");
  auto outside = [&](int column) { return column < 0 || static_cast<size_t>(column) >= table->columns.size(); };
  if (outside(chart.category_column) || std::any_of(chart.value_columns.begin(), chart.value_columns.end(), outside)) {
    return Internal("chart \"" + chart.title + "\" refers to a column outside table \"" + chart.table_id + "\"");
  }
  return table;
}

ChartGeometry LayoutChart(const Chart& chart, const Table& table, Language language, double width, double height) {
  ChartGeometry geometry;
  geometry.width = width;
  geometry.height = height;
  double top = 0;
  if (!chart.title.empty()) {
    geometry.title = {chart.title, {0, kTitleSize}, TextAnchor::kStart, kTitleSize, true};
    top = kTitleSize + 8;
  }

  double lowest = std::numeric_limits<double>::infinity();
  double highest = -lowest;
  for (size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx) {
    for (int column : chart.value_columns) {
      if (std::optional<double> value = CellValue(table, row_idx, column)) {
        lowest = std::min(lowest, *value);
        highest = std::max(highest, *value);
      }
    }
  }
  if (lowest > highest) {
    geometry.no_data = true;
    geometry.height = std::min(height, top + 40);
    geometry.no_data_message = {
        std::string(NoDataText(language)), {width / 2, top + 20 + kTitleSize * 0.35}, TextAnchor::kMiddle, kTitleSize};
    return geometry;
  }

  top = LayoutLegend(chart, table, top, width, geometry) + 4;
  if (!chart.y_label.empty()) {
    geometry.y_label = {chart.y_label, {0, top + kLabelSize}, TextAnchor::kStart, kLabelSize};
    top += kLabelSize + 6;
  }
  top += 4;  // half a tick label above the highest gridline

  const NiceAxis axis = MakeNiceAxis(lowest, highest);
  // Tick labels are formatted like the table cells (decimal comma, "−", grouping).
  const ReportText numbers(language, Edition::kInternal);
  geometry.y_min = axis.min;
  geometry.y_max = axis.max;
  double label_width = 0;
  const int tick_count = static_cast<int>(std::lround((axis.max - axis.min) / axis.step)) + 1;
  for (int tick_idx = 0; tick_idx < tick_count; ++tick_idx) {
    YTick tick;
    tick.value = axis.min + tick_idx * axis.step;
    tick.label = {numbers.Number(tick.value, axis.decimals), {}, TextAnchor::kEnd, kLabelSize};
    label_width = std::max(label_width, EstimatedWidth(tick.label.text, kLabelSize));
    geometry.ticks.push_back(std::move(tick));
  }

  std::vector<std::string> categories;
  for (size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx) {
    categories.push_back(CategoryText(table, row_idx, chart.category_column));
  }
  double plot_x = label_width + 6;
  double plot_width = 0;
  double slot = 0;
  CategoryLabels labels;
  // Slanted labels reach left of their category; widen the margin until the first ones fit in the box.
  for (int attempt = 0; attempt < 3; ++attempt) {
    plot_width = std::max(1.0, width - plot_x - kRightPadding);
    slot = plot_width / static_cast<double>(std::max<size_t>(1, categories.size()));
    labels = LayoutCategoryLabels(categories, slot, height);
    double overhang = 0;
    for (const auto& [category_idx, label] : labels.labels) {
      if (label.rotation == 0) continue;
      const double reach = EstimatedWidth(label.text, label.font_size) * kSin45 - label.at.x;
      overhang = std::max(overhang, reach - slot * (static_cast<double>(category_idx) + 0.5));
    }
    if (overhang <= plot_x) break;
    plot_x = overhang;
  }
  geometry.plot = {plot_x, top, plot_width, std::max(1.0, height - labels.reserve - top)};
  const Rect& plot = geometry.plot;
  auto y_of = [&](double value) { return plot.y + plot.height * (axis.max - value) / (axis.max - axis.min); };
  geometry.zero_y = y_of(0);

  for (YTick& tick : geometry.ticks) {
    tick.y = y_of(tick.value);
    tick.label.at = {plot.x - 4, tick.y + kLabelSize * 0.35};
  }
  for (size_t category_idx = 0; category_idx < categories.size(); ++category_idx) {
    geometry.category_x.push_back(plot.x + slot * (static_cast<double>(category_idx) + 0.5));
  }
  for (auto& [category_idx, label] : labels.labels) {
    label.at = {label.at.x + geometry.category_x[category_idx], label.at.y + plot.y + plot.height};
    geometry.category_labels.push_back(std::move(label));
  }

  const size_t series_count = chart.value_columns.size();
  if (chart.kind == ChartKind::kBar) {
    const double bar_width = std::min(slot * 0.8 / static_cast<double>(series_count), 36.0);
    for (size_t category_idx = 0; category_idx < categories.size(); ++category_idx) {
      double left = geometry.category_x[category_idx] - bar_width * static_cast<double>(series_count) / 2;
      for (size_t series_idx = 0; series_idx < series_count; ++series_idx) {
        std::optional<double> value = CellValue(table, category_idx, chart.value_columns[series_idx]);
        if (!value) continue;
        double value_y = y_of(*value);
        geometry.bars.push_back(
            {static_cast<int>(category_idx),
             static_cast<int>(series_idx),
             *value,
             {left + bar_width * static_cast<double>(series_idx), std::min(value_y, geometry.zero_y), bar_width,
              std::fabs(geometry.zero_y - value_y)}});
      }
    }
  } else {
    for (size_t series_idx = 0; series_idx < series_count; ++series_idx) {
      LineSeries line;
      line.series = static_cast<int>(series_idx);
      bool in_gap = true;
      for (size_t category_idx = 0; category_idx < categories.size(); ++category_idx) {
        std::optional<double> value = CellValue(table, category_idx, chart.value_columns[series_idx]);
        if (!value) {
          in_gap = true;
          continue;
        }
        Point point{geometry.category_x[category_idx], y_of(*value)};
        if (in_gap) line.segments.emplace_back();
        line.segments.back().push_back(point);
        line.markers.push_back(point);
        in_gap = false;
      }
      geometry.lines.push_back(std::move(line));
    }
  }
  return geometry;
}

}  // namespace trygnet::report
