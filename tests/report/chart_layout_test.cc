#include "report/chart_layout.h"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace trygnet::report {
namespace {

constexpr double kWidth = 500;
constexpr double kHeight = 260;
constexpr double kEpsilon = 1e-6;

Cell Number(double value, int decimals, std::string text) { return Cell{value, decimals, std::move(text)}; }
Cell Text(std::string text) { return Cell{std::nullopt, 0, std::move(text)}; }

// Four quarters, two series; "Ydre" has no value in the third quarter.
Table QuarterTable() {
  Table table;
  table.id = "quarters";
  table.title = "Anmeldelser pr. kvartal";
  table.columns = {"Kvartal", "Indre Nørrebro", "Ydre Nørrebro"};
  table.rows = {
      {Text("K1"), Number(12.5, 1, "12,5"), Number(20, 0, "20")},
      {Text("K2"), Number(14, 0, "14"), Number(18.5, 1, "18,5")},
      {Text("K3"), Number(11.25, 2, "11,25"), Text("–")},
      {Text("K4"), Number(9.5, 1, "9,5"), Number(16, 0, "16")},
  };
  return table;
}

Chart MakeChart(ChartKind kind, std::vector<int> value_columns, std::string table_id = "quarters") {
  Chart chart;
  chart.kind = kind;
  chart.title = "Anmeldelser";
  chart.y_label = "pr. 1.000";
  chart.table_id = std::move(table_id);
  chart.category_column = 0;
  chart.value_columns = std::move(value_columns);
  return chart;
}

bool Inside(const Rect& inner, const Rect& outer) {
  return inner.x >= outer.x - kEpsilon && inner.y >= outer.y - kEpsilon &&
         inner.x + inner.width <= outer.x + outer.width + kEpsilon &&
         inner.y + inner.height <= outer.y + outer.height + kEpsilon;
}

std::vector<std::string> TickLabels(const ChartGeometry& geometry) {
  std::vector<std::string> labels;
  for (const YTick& tick : geometry.ticks) labels.push_back(tick.label.text);
  return labels;
}

TEST(NiceAxis, RoundsUpToNiceSteps) {
  NiceAxis axis = MakeNiceAxis(0, 40.5);
  EXPECT_DOUBLE_EQ(axis.min, 0);
  EXPECT_DOUBLE_EQ(axis.max, 50);
  EXPECT_DOUBLE_EQ(axis.step, 10);
  EXPECT_EQ(axis.decimals, 0);

  axis = MakeNiceAxis(3, 100);
  EXPECT_DOUBLE_EQ(axis.min, 0);  // always includes 0
  EXPECT_DOUBLE_EQ(axis.max, 100);
  EXPECT_DOUBLE_EQ(axis.step, 20);

  axis = MakeNiceAxis(0.12, 0.31);
  EXPECT_DOUBLE_EQ(axis.max, 0.4);
  EXPECT_DOUBLE_EQ(axis.step, 0.1);
  EXPECT_EQ(axis.decimals, 1);

  axis = MakeNiceAxis(0, 11);
  EXPECT_DOUBLE_EQ(axis.max, 12.5);
  EXPECT_DOUBLE_EQ(axis.step, 2.5);
  EXPECT_EQ(axis.decimals, 1);
}

TEST(NiceAxis, GoesBelowZeroForNegativeValues) {
  NiceAxis axis = MakeNiceAxis(-3.5, 5.9);
  EXPECT_DOUBLE_EQ(axis.min, -4);
  EXPECT_DOUBLE_EQ(axis.max, 6);
  EXPECT_DOUBLE_EQ(axis.step, 2);

  axis = MakeNiceAxis(-12, -3);
  EXPECT_LE(axis.min, -12);
  EXPECT_DOUBLE_EQ(axis.max, 0);
}

TEST(NiceAxis, AlwaysHasFourToSixTicksCoveringTheData) {
  for (double highest :
       {0.0, 0.003, 0.7, 1.0, 1.1, 3.3, 7.0, 9.99, 12.0, 17.5, 26.0, 51.0, 99.0, 101.0, 449.0, 1234.5, 98765.0}) {
    for (double lowest : {0.0, -0.5 * highest, -highest, -2.0 * highest}) {
      const NiceAxis axis = MakeNiceAxis(lowest, highest);
      const long intervals = std::lround((axis.max - axis.min) / axis.step);
      EXPECT_GE(intervals + 1, 4) << lowest << ".." << highest;
      EXPECT_LE(intervals + 1, 6) << lowest << ".." << highest;
      EXPECT_LE(axis.min, std::min(0.0, lowest)) << lowest << ".." << highest;
      EXPECT_GE(axis.max, highest) << lowest << ".." << highest;
      const double mantissa = axis.step / std::pow(10.0, std::floor(std::log10(axis.step)));
      EXPECT_TRUE(std::set<double>({1, 2, 2.5, 5}).count(std::round(mantissa * 10) / 10))
          << "step " << axis.step << " for " << lowest << ".." << highest;
    }
  }
}

TEST(NiceAxis, AllZeroDataStillGivesAnAxis) {
  const NiceAxis axis = MakeNiceAxis(0, 0);
  EXPECT_DOUBLE_EQ(axis.min, 0);
  EXPECT_GT(axis.max, 0);
  EXPECT_GT(axis.step, 0);
}

TEST(ChartLayout, TickLabelsUseTheDecimalSeparatorOfTheLanguage) {
  Table table = QuarterTable();
  table.rows = {{Text("K1"), Number(0.31, 2, "0,31"), Number(0.12, 2, "0,12")}};
  const Chart chart = MakeChart(ChartKind::kBar, {1, 2});
  EXPECT_EQ(TickLabels(LayoutChart(chart, table, Language::kDanish, kWidth, kHeight)),
            (std::vector<std::string>{"0,0", "0,1", "0,2", "0,3", "0,4"}));
  EXPECT_EQ(TickLabels(LayoutChart(chart, table, Language::kEnglish, kWidth, kHeight)),
            (std::vector<std::string>{"0.0", "0.1", "0.2", "0.3", "0.4"}));
}

TEST(ChartLayout, WholeNumberTicksHaveNoDecimals) {
  const ChartGeometry geometry =
      LayoutChart(MakeChart(ChartKind::kBar, {1, 2}), QuarterTable(), Language::kDanish, kWidth, kHeight);
  EXPECT_EQ(TickLabels(geometry), (std::vector<std::string>{"0", "5", "10", "15", "20"}));
}

TEST(ChartLayout, TicksRunFromBottomToTopOfThePlot) {
  const ChartGeometry geometry =
      LayoutChart(MakeChart(ChartKind::kBar, {1, 2}), QuarterTable(), Language::kDanish, kWidth, kHeight);
  ASSERT_FALSE(geometry.ticks.empty());
  EXPECT_NEAR(geometry.ticks.front().y, geometry.plot.y + geometry.plot.height, kEpsilon);
  EXPECT_NEAR(geometry.ticks.back().y, geometry.plot.y, kEpsilon);
  EXPECT_NEAR(geometry.zero_y, geometry.plot.y + geometry.plot.height, kEpsilon);
}

TEST(ChartLayout, BarsStandSideBySideInsideThePlot) {
  const ChartGeometry geometry =
      LayoutChart(MakeChart(ChartKind::kBar, {1, 2}), QuarterTable(), Language::kDanish, kWidth, kHeight);
  ASSERT_FALSE(geometry.no_data);
  EXPECT_TRUE(Inside(geometry.plot, Rect{0, 0, kWidth, kHeight}));
  ASSERT_EQ(geometry.bars.size(), 7u);  // 4 x 2 cells, one without a value
  for (const Bar& bar : geometry.bars) {
    EXPECT_TRUE(Inside(bar.rect, geometry.plot)) << "category " << bar.category << " series " << bar.series;
    EXPECT_NEAR(bar.rect.y + bar.rect.height, geometry.zero_y, kEpsilon);
    EXPECT_FALSE(bar.category == 2 && bar.series == 1) << "a cell without a value got a bar";
  }
  // Within a category the series follow each other left to right without overlap.
  EXPECT_EQ(geometry.bars[0].category, 0);
  EXPECT_EQ(geometry.bars[1].category, 0);
  EXPECT_LE(geometry.bars[0].rect.x + geometry.bars[0].rect.width, geometry.bars[1].rect.x + kEpsilon);
  // The higher value has the taller bar: K1 has 12,5 and 20.
  EXPECT_GT(geometry.bars[1].rect.height, geometry.bars[0].rect.height);
  // Categories go left to right.
  for (size_t category_idx = 1; category_idx < geometry.category_x.size(); ++category_idx) {
    EXPECT_GT(geometry.category_x[category_idx], geometry.category_x[category_idx - 1]);
  }
}

TEST(ChartLayout, NegativeBarsHangBelowTheZeroLine) {
  Table table = QuarterTable();
  table.rows = {{Text("A"), Number(-3, 0, "−3"), Number(5, 0, "5")}};
  const ChartGeometry geometry =
      LayoutChart(MakeChart(ChartKind::kBar, {1, 2}), table, Language::kDanish, kWidth, kHeight);
  ASSERT_EQ(geometry.bars.size(), 2u);
  EXPECT_LT(geometry.y_min, 0);
  EXPECT_NEAR(geometry.bars[0].rect.y, geometry.zero_y, kEpsilon);
  EXPECT_GT(geometry.bars[0].rect.height, 0);
  EXPECT_TRUE(Inside(geometry.bars[0].rect, geometry.plot));
  EXPECT_EQ(geometry.ticks.front().label.text, "−4");
}

TEST(ChartLayout, LineBreaksAtCellsWithoutValue) {
  const ChartGeometry geometry =
      LayoutChart(MakeChart(ChartKind::kLine, {1, 2}), QuarterTable(), Language::kDanish, kWidth, kHeight);
  ASSERT_EQ(geometry.lines.size(), 2u);
  EXPECT_TRUE(geometry.bars.empty());
  const LineSeries& full = geometry.lines[0];
  ASSERT_EQ(full.segments.size(), 1u);
  EXPECT_EQ(full.segments[0].size(), 4u);
  EXPECT_EQ(full.markers.size(), 4u);

  const LineSeries& gapped = geometry.lines[1];
  ASSERT_EQ(gapped.segments.size(), 2u);
  EXPECT_EQ(gapped.segments[0].size(), 2u);  // K1, K2
  EXPECT_EQ(gapped.segments[1].size(), 1u);  // K4 alone: a marker, no line
  EXPECT_EQ(gapped.markers.size(), 3u);
  EXPECT_NEAR(gapped.segments[1][0].x, geometry.category_x[3], kEpsilon);
  for (const Point& marker : gapped.markers) {
    EXPECT_TRUE(Inside(Rect{marker.x, marker.y, 0, 0}, geometry.plot));
  }
}

TEST(ChartLayout, NoValuesAtAllGivesTheNoDataFlag) {
  Table table = QuarterTable();
  for (std::vector<Cell>& row : table.rows) row = {row[0], Text("–"), Text("<5")};
  ChartGeometry geometry = LayoutChart(MakeChart(ChartKind::kLine, {1, 2}), table, Language::kDanish, kWidth, kHeight);
  EXPECT_TRUE(geometry.no_data);
  EXPECT_EQ(geometry.no_data_message.text, "Ingen data");
  EXPECT_EQ(geometry.title.text, "Anmeldelser");
  EXPECT_TRUE(geometry.lines.empty());
  EXPECT_TRUE(geometry.ticks.empty());
  EXPECT_LE(geometry.height, kHeight);

  geometry = LayoutChart(MakeChart(ChartKind::kBar, {}), QuarterTable(), Language::kEnglish, kWidth, kHeight);
  EXPECT_TRUE(geometry.no_data);
  EXPECT_EQ(geometry.no_data_message.text, "No data");
}

TEST(ChartLayout, LegendNamesTheSeriesByColumnHeading) {
  const ChartGeometry geometry =
      LayoutChart(MakeChart(ChartKind::kBar, {2, 1}), QuarterTable(), Language::kDanish, kWidth, kHeight);
  ASSERT_EQ(geometry.legend.size(), 2u);
  EXPECT_EQ(geometry.legend[0].name, "Ydre Nørrebro");
  EXPECT_EQ(geometry.legend[1].name, "Indre Nørrebro");
  EXPECT_NE(geometry.legend[0].color.Hex(), geometry.legend[1].color.Hex());
  EXPECT_EQ(geometry.legend[0].color.Hex().size(), 7u);
  for (const LegendEntry& entry : geometry.legend) EXPECT_LE(entry.swatch.y + entry.swatch.height, geometry.plot.y);
}

TEST(ChartLayout, CellsOutsideTheRowCountAsMissing) {
  Table table = QuarterTable();
  table.rows[1].resize(1);  // a short row: no cells for the value columns
  const ChartGeometry geometry =
      LayoutChart(MakeChart(ChartKind::kLine, {1, 7}), table, Language::kDanish, kWidth, kHeight);
  ASSERT_EQ(geometry.lines.size(), 2u);
  EXPECT_EQ(geometry.lines[0].segments.size(), 2u);
  EXPECT_TRUE(geometry.lines[1].segments.empty());
}

TEST(ChartLayout, LabelsStayInsideTheBox) {
  Table table;
  table.id = "long";
  table.columns = {"Område", "Værdi"};
  for (int row_idx = 0; row_idx < 40; ++row_idx) {
    table.rows.push_back({Text("Opgang nummer " + std::to_string(row_idx) + " ved Blågårds Plads"),
                          Number(row_idx, 0, std::to_string(row_idx))});
  }
  for (size_t row_count : {3u, 8u, 40u}) {
    Table part = table;
    part.rows.resize(row_count);
    const ChartGeometry geometry =
        LayoutChart(MakeChart(ChartKind::kBar, {1}, "long"), part, Language::kDanish, kWidth, kHeight);
    ASSERT_FALSE(geometry.category_labels.empty());
    for (const ChartText& label : geometry.category_labels) {
      EXPECT_GE(label.at.x, 0) << row_count << ": " << label.text;
      EXPECT_LE(label.at.x, kWidth) << row_count << ": " << label.text;
      EXPECT_GT(label.at.y, geometry.plot.y + geometry.plot.height) << row_count << ": " << label.text;
      EXPECT_LE(label.at.y, kHeight) << row_count << ": " << label.text;
    }
  }
}

TEST(ChartTable, FindsTheTableAndChecksColumns) {
  Report report;
  report.sections.push_back(Section{"s", "1. S", {QuarterTable()}});
  Result<const Table*> found = ChartTable(report, MakeChart(ChartKind::kBar, {1, 2}));
  ASSERT_TRUE(found.ok());
  EXPECT_EQ((*found)->id, "quarters");

  Result<const Table*> missing = ChartTable(report, MakeChart(ChartKind::kBar, {1}, "nope"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kInternal);

  Result<const Table*> bad_column = ChartTable(report, MakeChart(ChartKind::kBar, {1, 3}));
  ASSERT_FALSE(bad_column.ok());
  EXPECT_EQ(bad_column.error().code, ErrorCode::kInternal);

  Chart bad_category = MakeChart(ChartKind::kBar, {1});
  bad_category.category_column = -1;
  EXPECT_FALSE(ChartTable(report, bad_category).ok());
}

TEST(SplitParagraphs, SplitsAtBlankLinesAndKeepsSingleBreaks) {
  EXPECT_EQ(SplitParagraphs("Første linje\nanden linje\n\nNyt afsnit.\r\n \t \r\nTredje  \n\n\n"),
            (std::vector<std::string>{"Første linje\nanden linje", "Nyt afsnit.", "Tredje"}));
  EXPECT_TRUE(SplitParagraphs("").empty());
  EXPECT_TRUE(SplitParagraphs("\n \n").empty());
  EXPECT_EQ(SplitParagraphs("   indrykket"), (std::vector<std::string>{"indrykket"}));
}

TEST(FixedWords, AreDanishFirst) {
  EXPECT_EQ(NoDataText(Language::kDanish), "Ingen data");
  EXPECT_EQ(NoDataText(Language::kEnglish), "No data");
  EXPECT_EQ(PageText(Language::kDanish), "Side");
  EXPECT_EQ(PageText(Language::kEnglish), "Page");
}

}  // namespace
}  // namespace trygnet::report
