// Chart geometry, independent of any drawing library: where the plot area,
// axis ticks, bars, lines, labels and legend of a report chart go in a box of
// a given size. The HTML renderer turns it into SVG and the PDF renderer into
// cairo paths, so both show the same chart. Coordinates are points with the
// origin at the box's top left and y growing downwards (as in SVG and cairo).
// Text sizes are estimated from the character count for DejaVu Sans, which
// both renderers ask for.
// Thread-safety: pure functions over values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "report/model.h"

namespace trygnet::report {

struct Point {
  double x = 0;
  double y = 0;
};

struct Rect {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

struct Rgb {
  uint8_t red = 0;
  uint8_t green = 0;
  uint8_t blue = 0;

  std::string Hex() const;  // "#0072b2"
};

enum class TextAnchor { kStart, kMiddle, kEnd };

// One piece of chart text. `at` is the anchor point on the text's baseline;
// `rotation` turns the text about it, in degrees, clockwise on the page.
struct ChartText {
  std::string text;
  Point at;
  TextAnchor anchor = TextAnchor::kStart;
  double font_size = 8;
  bool bold = false;
  double rotation = 0;
};

struct YTick {
  double value = 0;
  double y = 0;  // where the gridline runs across the plot
  ChartText label;
};

struct Bar {
  int category = 0;  // row of the table
  int series = 0;    // index into ChartGeometry::legend
  double value = 0;
  Rect rect;  // always a non-negative width and height
};

// One series of a line chart. A cell without a value breaks the line, so a
// series is a list of segments; every point with a value gets a marker (a
// lone point between two gaps shows as a marker only).
struct LineSeries {
  int series = 0;
  std::vector<std::vector<Point>> segments;
  std::vector<Point> markers;
};

struct LegendEntry {
  std::string name;  // the table's column heading
  Rgb color;
  Rect swatch;
  ChartText label;
};

struct ChartGeometry {
  double width = 0;
  double height = 0;
  ChartText title;
  // True when no cell of the chart has a value: renderers then show the
  // title and `no_data_message` only; the axis fields are empty and the
  // height is only what those two need.
  bool no_data = false;
  ChartText no_data_message;

  Rect plot;  // the area inside the axes
  double y_min = 0;
  double y_max = 0;
  double zero_y = 0;  // where the value 0 lies; bars grow from here
  std::vector<YTick> ticks;
  ChartText y_label;  // above the y axis; empty text when the chart has none
  // Under the plot: one line per category when they fit, up to three
  // wrapped lines each when not, or slanted (and only every n-th) when the
  // categories stand too close even for that.
  std::vector<ChartText> category_labels;
  std::vector<double> category_x;  // centre of each category's slot
  std::vector<Bar> bars;           // kBar only
  std::vector<LineSeries> lines;   // kLine only
  std::vector<LegendEntry> legend;
};

// Lays out `chart`, which draws columns of `table`, in a box of `width` x
// `height` points. Tick labels are formatted as report figures are
// (ReportText::Number: "40,5" in Danish, "40.5" in English). Column
// indices outside the table count as cells without a value (ChartTable below
// reports them as errors).
ChartGeometry LayoutChart(const Chart& chart, const Table& table, Language language, double width, double height);

// The table `chart` draws, checked. Returns internal if the report has no
// table with chart.table_id or a column index of the chart is outside it (a
// mistake of whoever built the report).
Result<const Table*> ChartTable(const Report& report, const Chart& chart);

// A "nice" value axis for data in [lowest, highest]: it includes 0, runs
// from a multiple of the step to a multiple of the step, the step is 1, 2,
// 2.5 or 5 times a power of ten, and it has 4 to 6 ticks.
struct NiceAxis {
  double min = 0;
  double max = 0;
  double step = 0;
  int decimals = 0;  // enough to show every tick exactly
};
NiceAxis MakeNiceAxis(double lowest, double highest);

// Shared by the HTML and PDF renderers, so that they agree. The fixed words
// are the renderers' only ones; every other text comes from the model.
std::string_view NoDataText(Language language);  // "Ingen data" / "No data"
std::string_view PageText(Language language);    // "Side" / "Page", before the page number
// The paragraphs of a narrative: lines separated by blank (or white-space
// only) lines, each line without white space at its ends; single line breaks
// stay inside a paragraph as '\n'; "\r\n" counts as a line break.
std::vector<std::string> SplitParagraphs(std::string_view text);

}  // namespace trygnet::report
