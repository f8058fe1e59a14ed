#include "report/render_xlsx.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/core_test_support.h"
#include "support/temp_dir.h"

#ifndef TRYGNET_SOURCE_DIR
#error "TRYGNET_SOURCE_DIR must name the source tree (tests/CMakeLists.txt defines it)"
#endif

namespace trygnet::report {
namespace {

using Json = nlohmann::ordered_json;  // keeps the workbook's sheet order
using trygnet::testing::IsError;
using trygnet::testing::TempDir;

constexpr char kCreatedAt[] = "2018-07-01T00:00:00Z";
constexpr char kDemoNotice[] = "DEMODATA – syntetiske personer, ikke rigtige sager";

Cell Number(double value, int decimals, std::string text) { return Cell{value, decimals, std::move(text)}; }
Cell Text(std::string text) { return Cell{std::nullopt, 0, std::move(text)}; }

Chart MakeChart(ChartKind kind, std::string title, std::vector<int> value_columns) {
  Chart chart;
  chart.kind = kind;
  chart.title = std::move(title);
  chart.y_label = "pr. 1.000 indbyggere";
  chart.table_id = "indicators";
  chart.category_column = 0;
  chart.value_columns = std::move(value_columns);
  return chart;
}

Table IndicatorTable() {
  Table table;
  table.id = "indicators";
  table.title = "Tabel 1. Målepunkter for områderne";
  table.columns = {"Område", "Anmeldelser pr. 1.000", "Personer i fokus"};
  table.rows = {
      {Text("Ydre Nørrebro"), Number(40.5, 1, "40,5"), Number(290, 0, "290")},
      {Text("Indre Nørrebro"), Text("–"), Text("<5")},
      {Text("Nordvest"), Number(38.2, 1, "38,2"), Number(120, 0, "120")},
  };
  table.note = "Antal under 5 vises som <5; – betyder, at tallet ikke findes.";
  return table;
}

// A small Danish demo report: the indicator table with a bar chart in
// section 1, and in section 2 a line chart of the same table and a narrative.
Report DemoReport() {
  Report report;
  report.language = Language::kDanish;
  report.title = "Statusrapport 2017/18 – Tryg Nørrebro";
  report.subtitle = "Perioden 2017-08-01–2018-06-30, opgjort pr. 2018-07-01 · intern udgave";
  report.author = "Tryg Nørrebro";
  report.demo = true;
  report.demo_notice = kDemoNotice;
  report.created_at = kCreatedAt;
  report.footer = "Tryg Nørrebro · Statusrapport 2017-08-01–2018-06-30";

  Section indicators{"indicators", "1. Målepunkter", {}};
  indicators.blocks.push_back(Paragraph{"Målepunkterne følger udviklingen i de tre områder; særligt Blågårds Plads."});
  indicators.blocks.push_back(IndicatorTable());
  indicators.blocks.push_back(MakeChart(ChartKind::kBar, "Anmeldelser pr. område", {1}));

  // ':' and '/' may not appear in a sheet name.
  Section development{"development", "2. Udvikling: år/år", {}};
  development.blocks.push_back(MakeChart(ChartKind::kLine, "Udvikling i året", {1, 2}));
  development.blocks.push_back(Narrative{"Politiets vurdering",
                                         "Københavns Politi, Analyse · version 2 · 2018-06-20 · anna.jensen",
                                         "Første afsnit om bandemiljøet.\n\nAndet afsnit: færre hændelser i år."});
  report.sections = {indicators, development};
  return report;
}

std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char ch : text) quoted += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return quoted + "'";
}

// Writes `bytes` to a file and reads it back with tests/report/read_xlsx.py,
// which knows the file format but not our code. Empty on failure.
Json ReadBack(const std::string& bytes) {
  TempDir dir;
  std::string path = dir.File("report.xlsx");
  std::ofstream(path, std::ios::binary) << bytes;
  std::string command = "/usr/bin/python3 " +
                        ShellQuote(std::string(TRYGNET_SOURCE_DIR) + "/tests/report/read_xlsx.py") + " " +
                        ShellQuote(path);
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "cannot run " << command;
    return {};
  }
  std::string output;
  char buffer[4096];
  for (size_t count; (count = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, count);
  int status = ::pclose(pipe);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    ADD_FAILURE() << command << " failed with status " << status;
    return {};
  }
  Json json = Json::parse(output, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) ADD_FAILURE() << "read_xlsx.py printed no JSON: " << output;
  return json;
}

Json RenderAndReadBack(const Report& report) {
  auto bytes = RenderXlsx(report);
  if (!bytes.ok()) {
    ADD_FAILURE() << bytes.error().ToString();
    return {};
  }
  return ReadBack(*bytes);
}

std::vector<std::string> SheetNames(const Json& workbook) {
  std::vector<std::string> names;
  for (const auto& [name, cells] : workbook["sheets"].items()) names.push_back(name);
  return names;
}

// The row number of the cell in column A holding `text`, if any.
std::optional<int> RowOf(const Json& sheet, const std::string& text) {
  for (const auto& [ref, value] : sheet.items()) {
    if (ref.size() > 1 && ref[0] == 'A' && ref[1] >= '0' && ref[1] <= '9' && value == text) {
      return std::stoi(ref.substr(1));
    }
  }
  return std::nullopt;
}

bool SheetHasText(const Json& sheet, const std::string& text) {
  for (const auto& [ref, value] : sheet.items()) {
    if (value == text) return true;
  }
  return false;
}

// Excel's measure of a sheet name: UTF-16 code units.
size_t Utf16Units(const std::string& text) {
  size_t units = 0;
  for (unsigned char byte : text) {
    if ((byte & 0xC0) != 0x80) units += byte >= 0xF0 ? 2 : 1;
  }
  return units;
}

TEST(RenderXlsx, HasACoverSheetThenOneSheetPerSection) {
  Json workbook = RenderAndReadBack(DemoReport());
  EXPECT_EQ(SheetNames(workbook), (std::vector<std::string>{"Rapport", "1. Målepunkter", "2. Udvikling år år"}));
  const Json& cover = workbook["sheets"]["Rapport"];
  EXPECT_EQ(cover["A1"], "Statusrapport 2017/18 – Tryg Nørrebro");
  EXPECT_EQ(cover["A2"], "Perioden 2017-08-01–2018-06-30, opgjort pr. 2018-07-01 · intern udgave");
  EXPECT_TRUE(SheetHasText(cover, "Tryg Nørrebro · Statusrapport 2017-08-01–2018-06-30"));
  EXPECT_TRUE(SheetHasText(cover, std::string("Oprettet: ") + kCreatedAt));
}

TEST(RenderXlsx, EnglishEditionNamesTheCoverSheetReport) {
  Report report = DemoReport();
  report.language = Language::kEnglish;
  EXPECT_EQ(SheetNames(RenderAndReadBack(report)).front(), "Report");
}

TEST(RenderXlsx, NumbersReadBackByAnIndependentReader) {
  Json workbook = RenderAndReadBack(DemoReport());
  const Json& sheet = workbook["sheets"]["1. Målepunkter"];
  auto row = RowOf(sheet, "Ydre Nørrebro");
  ASSERT_TRUE(row.has_value());
  const Json& rate = sheet["B" + std::to_string(*row)];
  const Json& count = sheet["C" + std::to_string(*row)];
  ASSERT_TRUE(rate.is_number()) << rate;
  ASSERT_TRUE(count.is_number()) << count;
  EXPECT_DOUBLE_EQ(rate.get<double>(), 40.5);
  EXPECT_DOUBLE_EQ(count.get<double>(), 290);
}

TEST(RenderXlsx, SuppressedAndMissingFiguresStayText) {
  Json workbook = RenderAndReadBack(DemoReport());
  const Json& sheet = workbook["sheets"]["1. Målepunkter"];
  auto row = RowOf(sheet, "Indre Nørrebro");
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(sheet["B" + std::to_string(*row)], "–");
  EXPECT_EQ(sheet["C" + std::to_string(*row)], "<5");
}

TEST(RenderXlsx, TableHasTitleHeadingsAndNoteAroundTheRows) {
  Json workbook = RenderAndReadBack(DemoReport());
  const Json& sheet = workbook["sheets"]["1. Målepunkter"];
  auto title_row = RowOf(sheet, "Tabel 1. Målepunkter for områderne");
  auto header_row = RowOf(sheet, "Område");
  auto note_row = RowOf(sheet, "Antal under 5 vises som <5; – betyder, at tallet ikke findes.");
  ASSERT_TRUE(title_row && header_row && note_row);
  EXPECT_EQ(*header_row, *title_row + 1);
  EXPECT_EQ(sheet["B" + std::to_string(*header_row)], "Anmeldelser pr. 1.000");
  EXPECT_EQ(RowOf(sheet, "Ydre Nørrebro"), *header_row + 1);
  EXPECT_EQ(*note_row, *header_row + 4);
}

TEST(RenderXlsx, DanishTextIsIntact) {
  Json workbook = RenderAndReadBack(DemoReport());
  const Json& indicators = workbook["sheets"]["1. Målepunkter"];
  EXPECT_EQ(indicators["A1"], "1. Målepunkter");
  EXPECT_TRUE(SheetHasText(indicators, "Målepunkterne følger udviklingen i de tre områder; særligt Blågårds Plads."));
  const Json& development = workbook["sheets"]["2. Udvikling år år"];
  EXPECT_EQ(development["A1"], "2. Udvikling: år/år");  // the heading itself keeps its characters
  EXPECT_TRUE(SheetHasText(development, "Politiets vurdering"));
  EXPECT_TRUE(SheetHasText(development, "Københavns Politi, Analyse · version 2 · 2018-06-20 · anna.jensen"));
  EXPECT_TRUE(SheetHasText(development, "Første afsnit om bandemiljøet."));
  EXPECT_TRUE(SheetHasText(development, "Andet afsnit: færre hændelser i år."));
}

TEST(RenderXlsx, DemoNoticeIsOnEverySheet) {
  Json workbook = RenderAndReadBack(DemoReport());
  for (const auto& [name, cells] : workbook["sheets"].items()) EXPECT_TRUE(SheetHasText(cells, kDemoNotice)) << name;

  Report real = DemoReport();
  real.demo = false;
  Json real_workbook = RenderAndReadBack(real);
  for (const auto& [name, cells] : real_workbook["sheets"].items()) EXPECT_FALSE(SheetHasText(cells, kDemoNotice));
}

TEST(RenderXlsx, ChartsAreNativeAndReferToTheTableCells) {
  Json workbook = RenderAndReadBack(DemoReport());
  ASSERT_EQ(workbook["charts"], Json::array({"xl/charts/chart1.xml", "xl/charts/chart2.xml"}));
  EXPECT_EQ(workbook["chart_types"]["xl/charts/chart1.xml"], Json::array({"barChart"}));
  EXPECT_EQ(workbook["chart_types"]["xl/charts/chart2.xml"], Json::array({"lineChart"}));

  auto header_row = RowOf(workbook["sheets"]["1. Målepunkter"], "Område");
  ASSERT_TRUE(header_row.has_value());
  std::string sheet = "'1. Målepunkter'!";
  std::string header = std::to_string(*header_row);
  std::string first = std::to_string(*header_row + 1);
  std::string last = std::to_string(*header_row + 3);
  std::string categories = sheet + "$A$" + first + ":$A$" + last;
  // The line chart sits on sheet 2 but still refers to the table on sheet 1.
  EXPECT_EQ(workbook["chart_formulas"]["xl/charts/chart1.xml"],
            Json::array({sheet + "$B$" + header, categories, sheet + "$B$" + first + ":$B$" + last}));
  EXPECT_EQ(workbook["chart_formulas"]["xl/charts/chart2.xml"],
            Json::array({sheet + "$B$" + header, categories, sheet + "$B$" + first + ":$B$" + last,
                         sheet + "$C$" + header, categories, sheet + "$C$" + first + ":$C$" + last}));
}

TEST(RenderXlsx, ChartBeforeItsTableRefersToTheLaterSheet) {
  Report report = DemoReport();
  std::swap(report.sections[0], report.sections[1]);  // the line chart now comes first
  Json workbook = RenderAndReadBack(report);
  ASSERT_EQ(workbook["charts"].size(), 2u);
  for (const auto& formula : workbook["chart_formulas"]["xl/charts/chart1.xml"]) {
    EXPECT_EQ(formula.get<std::string>().rfind("'1. Målepunkter'!$", 0), 0u) << formula;
  }
}

TEST(RenderXlsx, ChartOfATableWithoutRowsKeepsOnlyItsTitle) {
  Report report = DemoReport();
  std::get<Table>(report.sections[0].blocks[1]).rows.clear();
  Json workbook = RenderAndReadBack(report);
  EXPECT_TRUE(workbook["charts"].empty());
  EXPECT_TRUE(SheetHasText(workbook["sheets"]["2. Udvikling år år"], "Udvikling i året"));
}

TEST(RenderXlsx, DocumentPropertiesComeFromTheReport) {
  Json workbook = RenderAndReadBack(DemoReport());
  EXPECT_EQ(workbook["title"], "Statusrapport 2017/18 – Tryg Nørrebro");
  EXPECT_EQ(workbook["creator"], "Tryg Nørrebro");
  EXPECT_EQ(workbook["created"], kCreatedAt);
}

TEST(RenderXlsx, RegeneratingGivesIdenticalBytes) {
  auto first = RenderXlsx(DemoReport());
  auto second = RenderXlsx(DemoReport());
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_GT(first->size(), 1000u);
  EXPECT_TRUE(*first == *second) << "two renders of one report differ";

  Report later = DemoReport();
  later.created_at = "2018-08-01T00:00:00Z";
  auto third = RenderXlsx(later);
  ASSERT_TRUE(third.ok());
  EXPECT_FALSE(*first == *third) << "the creation date must come from the report";
}

TEST(RenderXlsx, SheetNamesAreMadeSafeAndUnique) {
  Report report = DemoReport();
  report.sections.push_back(Section{"long", "3. En meget lang overskrift om indsatsområderne i hele bydelen", {}});
  report.sections.push_back(Section{"notes-a", "4. Noter", {Paragraph{"a"}}});
  report.sections.push_back(Section{"notes-b", "4. Noter", {Paragraph{"b"}}});
  report.sections.push_back(Section{"notes-c", "4. NOTER", {Paragraph{"c"}}});
  report.sections.push_back(Section{"annex", "'[Bilag]: *?/\\'", {}});
  report.sections.push_back(Section{"only-marks", "[]:*?", {}});
  report.sections.push_back(Section{"", "", {}});
  report.sections.push_back(Section{"history", "History", {}});
  report.sections.push_back(Section{"long-2", "3. En meget lang overskrift om indsatsområderne i hele bydelen", {}});

  ::testing::internal::CaptureStderr();
  Json workbook = RenderAndReadBack(report);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "") << "libxlsxwriter warned";

  std::vector<std::string> names = SheetNames(workbook);
  EXPECT_EQ(names, (std::vector<std::string>{"Rapport", "1. Målepunkter", "2. Udvikling år år",
                                             "3. En meget lang overskrift om", "4. Noter", "4. Noter (2)",
                                             "4. NOTER (3)", "Bilag", "only-marks", "Ark 10", "History (2)",
                                             "3. En meget lang overskrift (2)"}));
  std::set<std::string> folded;
  for (const std::string& name : names) {
    EXPECT_LE(Utf16Units(name), 31u) << name;
    EXPECT_EQ(name.find_first_of("[]:*?/\\"), std::string::npos) << name;
    std::string lower;
    for (char ch : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    EXPECT_TRUE(folded.insert(lower).second) << "duplicate ignoring case: " << name;
  }
}

TEST(RenderXlsx, RejectsAMalformedCreationDate) {
  for (const char* created_at : {"", "1. juli 2018", "2018-07-01T25:00:00Z"}) {
    Report report = DemoReport();
    report.created_at = created_at;
    EXPECT_TRUE(IsError(RenderXlsx(report), ErrorCode::kInvalidArgument, "created_at")) << created_at;
  }
}

TEST(RenderXlsx, ChartOfAMissingTableIsAnInternalError) {
  Report report = DemoReport();
  std::get<Chart>(report.sections[1].blocks[0]).table_id = "no-such-table";
  EXPECT_TRUE(IsError(RenderXlsx(report), ErrorCode::kInternal));
}

TEST(RenderXlsx, ChartOfAMissingColumnIsAnInternalError) {
  for (std::vector<int> value_columns : {std::vector<int>{3}, std::vector<int>{-1}, std::vector<int>{}}) {
    Report report = DemoReport();
    std::get<Chart>(report.sections[1].blocks[0]).value_columns = value_columns;
    EXPECT_TRUE(IsError(RenderXlsx(report), ErrorCode::kInternal));
  }
}

// Sets TMPDIR for one test and restores it afterwards.
class ScopedTmpdir {
 public:
  explicit ScopedTmpdir(const std::string& dir) {
    if (const char* old = std::getenv("TMPDIR")) old_ = old;
    ::setenv("TMPDIR", dir.c_str(), 1);
  }
  ~ScopedTmpdir() {
    if (old_) {
      ::setenv("TMPDIR", old_->c_str(), 1);
    } else {
      ::unsetenv("TMPDIR");
    }
  }
  ScopedTmpdir(const ScopedTmpdir&) = delete;
  ScopedTmpdir& operator=(const ScopedTmpdir&) = delete;

 private:
  std::optional<std::string> old_;
};

TEST(RenderXlsx, RemovesItsTempFileOnSuccessAndOnFailure) {
  TempDir dir;
  ScopedTmpdir tmpdir(dir.path());
  EXPECT_TRUE(RenderXlsx(DemoReport()).ok());
  Report broken = DemoReport();
  std::get<Chart>(broken.sections[1].blocks[0]).table_id = "no-such-table";
  EXPECT_FALSE(RenderXlsx(broken).ok());
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(RenderXlsx, UnusableTempDirectoryIsUnavailable) {
  TempDir dir;
  ScopedTmpdir tmpdir(dir.File("does-not-exist"));
  EXPECT_TRUE(IsError(RenderXlsx(DemoReport()), ErrorCode::kUnavailable));
}

}  // namespace
}  // namespace trygnet::report
