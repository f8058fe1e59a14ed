// The status report on the demo data, in all three formats, read back by
// independent tools: the baselines of the plan stand beside the computed
// figures, and every figure of a table is the same in PDF, HTML and XLSX.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "demo/generator.h"
#include "report/build_report.h"
#include "report/render.h"
#include "support/test_store.h"

namespace trygnet::report {
namespace {

using testing::Day;
using testing::Noon;
using testing::TestStore;

const ReportPeriod kPeriod{Day(2017, 8, 1), Day(2018, 6, 30)};

struct DemoData {
  DemoData() : db(Timestamp::StartOf(Day(2015, 1, 1))) {
    auto generated = demo::GenerateDemo(*db.store, db.clock, db.partnership, {7, demo::Scale::kCity},
                                        [](std::string_view, int64_t, int64_t) {});
    EXPECT_TRUE(generated.ok()) << generated.error().ToString();
  }
  TestStore db;
};

// Generating the demo takes seconds: once per process.
DemoData& Demo() {
  static DemoData demo;
  return demo;
}

Report BuildDemoReport(Edition edition = Edition::kInternal, Language language = Language::kDanish) {
  DemoData& demo = Demo();
  auto report = BuildReport(*demo.db.store, demo.db.partnership, {kPeriod, Noon(2026, 1, 1), language, edition});
  EXPECT_TRUE(report.ok()) << report.error().ToString();
  return report.ok() ? *report : Report{};
}

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  std::string path = Demo().db.dir.File(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// Runs a command; its standard output, and its exit code in `code`.
std::string RunCommand(const std::string& command, int& code) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return "";
  std::array<char, 4096> buffer;
  size_t read = 0;
  while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), read);
  code = ::pclose(pipe);
  return output;
}

// Whitespace collapsed to single spaces: PDF text extraction breaks lines freely.
std::string Collapsed(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

const std::vector<Cell>& IndicatorRow(const Report& report, const std::string& name) {
  const Table* table = report.FindTable("indicators");
  EXPECT_NE(table, nullptr);
  for (const auto& row : table->rows) {
    if (row[0].text == name) return row;
  }
  ADD_FAILURE() << "no indicator " << name;
  static const std::vector<Cell> kEmpty(6);
  return kEmpty;
}

TEST(DemoReport, ShowsThePlansBaselinesBesideTheComputedFigures) {
  const Report report = BuildDemoReport();
  const std::vector<std::pair<std::string, std::string>> baselines = {
      {"Registrerede og aktive rocker-/bandemedlemmer i Københavns Politikreds", "290"},
      {"Borgervendt kriminalitet pr. 1.000 indbyggere, Ydre Nørrebro", "40,5"},
      {"Borgervendt kriminalitet pr. 1.000 indbyggere, Indre Nørrebro", "58,2"},
      {"Andel utrygge i deres nabolag, Ydre Nørrebro", "8"},
      {"Andel utrygge i deres nabolag, Indre Nørrebro", "11"},
      {"Gennemførte bekymringssamtaler (hjemmebesøg) i året", "65"}};
  for (const auto& [name, baseline] : baselines) {
    const auto& row = IndicatorRow(report, name);
    EXPECT_EQ(row[1].text, baseline) << name;
    EXPECT_TRUE(row[3].value.has_value()) << name << ": no computed figure";
    EXPECT_TRUE(row[5].value.has_value()) << name << ": no change against the baseline";
  }
  // The demo reproduces the 2016 crime baseline exactly (docs/demo-data.md).
  const Table* ydre = report.FindTable("area-ydre-norrebro");
  ASSERT_NE(ydre, nullptr);
  EXPECT_EQ(ydre->rows[1][0].text, "2016");
  EXPECT_EQ(ydre->rows[1][1].text, "40,5");
  EXPECT_TRUE(report.demo);
}

TEST(DemoReport, PdfIsValidAndCarriesTheHeadingsAndEveryFigure) {
  const Report report = BuildDemoReport();
  auto pdf = Render(report, Format::kPdf);
  ASSERT_TRUE(pdf.ok()) << pdf.error().ToString();
  const std::string path = WriteTemp("report.pdf", *pdf);
  int code = -1;
  RunCommand("qpdf --check '" + path + "' 2>&1", code);
  EXPECT_EQ(code, 0) << "qpdf finds the PDF broken";
  const std::string info = RunCommand("pdfinfo '" + path + "' 2>&1", code);
  EXPECT_EQ(code, 0);
  EXPECT_NE(info.find("Statusrapport – Partnerskabsaftale For et trygt Nørrebro"), std::string::npos) << info;
  const std::string text = Collapsed(RunCommand("pdftotext -raw -enc UTF-8 '" + path + "' - 2>&1", code));
  EXPECT_EQ(code, 0);
  for (const Section& section : report.sections) {
    EXPECT_NE(text.find(Collapsed(section.heading)), std::string::npos) << section.heading;
  }
  const Table* indicators = report.FindTable("indicators");
  ASSERT_NE(indicators, nullptr);
  for (const auto& row : indicators->rows) {
    for (size_t column = 1; column < row.size(); ++column) {
      if (row[column].value) {
        EXPECT_NE(text.find(row[column].text), std::string::npos) << row[0].text << " column " << column;
      }
    }
  }
  EXPECT_NE(text.find("DEMO"), std::string::npos);
}

TEST(DemoReport, XlsxReadBackByAnIndependentReaderHasTheSameNumbers) {
  const Report report = BuildDemoReport();
  auto xlsx = Render(report, Format::kXlsx);
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().ToString();
  const std::string path = WriteTemp("report.xlsx", *xlsx);
  int code = -1;
  const std::string json =
      RunCommand("/usr/bin/python3 '" + std::string(TRYGNET_SOURCE_DIR) + "/tests/report/read_xlsx.py' '" + path + "'", code);
  ASSERT_EQ(code, 0) << json;
  const nlohmann::json workbook = nlohmann::json::parse(json);
  // Every table: find its title in column A; the header row follows, then
  // the rows in order. Compare each cell: numbers as numbers, the rest as text.
  int compared = 0;
  for (const Section& section : report.sections) {
    for (const Block& block : section.blocks) {
      const Table* table = std::get_if<Table>(&block);
      if (!table) continue;
      bool found = false;
      for (const auto& [sheet, cells] : workbook["sheets"].items()) {
        for (const auto& [ref, value] : cells.items()) {
          if (found || ref[0] != 'A' || !value.is_string() || value.get<std::string>() != table->title) continue;
          found = true;
          const int title_row = std::stoi(ref.substr(1));
          for (size_t row = 0; row < table->rows.size(); ++row) {
            for (size_t column = 0; column < table->rows[row].size(); ++column) {
              const Cell& cell = table->rows[row][column];
              const std::string cell_ref =
                  std::string(1, static_cast<char>('A' + column)) + std::to_string(title_row + 2 + row);
              ASSERT_TRUE(cells.contains(cell_ref)) << sheet << "!" << cell_ref;
              if (cell.value) {
                EXPECT_DOUBLE_EQ(cells[cell_ref].get<double>(), *cell.value) << sheet << "!" << cell_ref;
                ++compared;
              } else {
                EXPECT_EQ(cells[cell_ref].get<std::string>(), cell.text) << sheet << "!" << cell_ref;
              }
            }
          }
        }
      }
      EXPECT_TRUE(found) << "table " << table->id << " not found by its title";
    }
  }
  EXPECT_GT(compared, 50);
  EXPECT_GE(workbook["charts"].size(), 5u);
}

TEST(DemoReport, HtmlAndTheExternalEditionAgreeWithTheModel) {
  const Report internal = BuildDemoReport();
  auto html = Render(internal, Format::kHtml);
  ASSERT_TRUE(html.ok()) << html.error().ToString();
  EXPECT_NE(html->find("<html lang=\"da\""), std::string::npos);
  EXPECT_NE(html->find("<svg"), std::string::npos);
  for (const auto& row : internal.FindTable("indicators")->rows) {
    EXPECT_NE(html->find(row[3].text), std::string::npos) << row[0].text;
  }
  EXPECT_NE(html->find("Politiets vurdering af bandemiljøet"), std::string::npos);

  const Report external = BuildDemoReport(Edition::kExternal);
  auto external_html = Render(external, Format::kHtml);
  ASSERT_TRUE(external_html.ok());
  EXPECT_EQ(external_html->find("Politiets vurdering af bandemiljøet"), std::string::npos);  // internal only
  EXPECT_NE(external_html->find("SSP: de unge og bekymringssamtalerne"), std::string::npos);
  EXPECT_EQ(external_html->find("Registrets sundhed"), std::string::npos);
  EXPECT_EQ(external_html->find("eas-analyst"), std::string::npos);  // no staff names
}

}  // namespace
}  // namespace trygnet::report
