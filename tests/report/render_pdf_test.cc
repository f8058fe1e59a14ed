// Checks the PDF with independent tools (poppler's pdftotext, pdfinfo,
// pdffonts and qpdf; Debian packages poppler-utils and qpdf), as
// notes/report-plan.md §5 suggests: text assertions, not golden files.
#include "report/render_pdf.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "core/core_test_support.h"
#include "support/temp_dir.h"

namespace trygnet::report {
namespace {

using trygnet::testing::IsError;
using trygnet::testing::TempDir;

constexpr char kDemoNotice[] = "DEMODATA – syntetiske personer, ikke rigtige sager";
constexpr char kLastRow[] = "60 Sidste opgang: Ørnevej 60 10 2,5";

Cell Number(double value, int decimals, std::string text) { return Cell{value, decimals, std::move(text)}; }
Cell Text(std::string text) { return Cell{std::nullopt, 0, std::move(text)}; }

// A Danish demo report: a table of 5 rows x 4 columns with a bar chart, a
// quarterly table with a gap and its line chart, a 60-row table that must
// run over several pages, and a narrative with characters markup would eat.
Report SampleReport() {
  Report report;
  report.language = Language::kDanish;
  report.title = "Statusrapport 2017/18 – Tryg Nørrebro";
  report.subtitle = "Perioden 2017-08-01–2018-06-30 · intern udgave";
  report.author = "Tryg Nørrebro";
  report.demo = true;
  report.demo_notice = kDemoNotice;
  report.created_at = "2018-07-01T00:00:00Z";
  report.footer = "Tryg Nørrebro · Statusrapport 2017-08-01–2018-06-30";

  Table indicators;
  indicators.id = "indicators";
  indicators.title = "Tabel 1. Målepunkter";
  indicators.columns = {"Målepunkt", "Basislinje", "2017", "2018"};
  indicators.rows = {
      {Text("Registrerede aktive"), Number(52, 0, "52"), Number(47, 0, "47"), Number(40, 0, "40")},
      {Text("Heraf under 18 år"), Number(9, 0, "9"), Number(7, 0, "7"), Text("<5")},
      {Text("Anmeldelser pr. 1.000"), Number(48.2, 1, "48,2"), Number(44.1, 1, "44,1"), Number(40.5, 1, "40,5")},
      {Text("Andel utrygge (%)"), Number(31, 1, "31,0"), Number(28.4, 1, "28,4"), Text("–")},
      {Text("Samtaler i tide (%)"), Number(62.5, 1, "62,5"), Number(71.3, 1, "71,3"), Number(80, 1, "80,0")},
  };
  Chart bars;
  bars.kind = ChartKind::kBar;
  bars.title = "Figur 1. Målepunkter";
  bars.table_id = "indicators";
  bars.value_columns = {1, 2, 3};
  Table quarters;
  quarters.id = "quarters";
  quarters.title = "Tabel 2. Pr. kvartal";
  quarters.columns = {"Kvartal", "Indre", "Ydre"};
  quarters.rows = {{Text("K1"), Number(12.5, 1, "12,5"), Number(20, 0, "20")},
                   {Text("K2"), Number(14, 0, "14"), Text("–")},
                   {Text("K3"), Number(11, 0, "11"), Number(16, 0, "16")}};
  Chart line;
  line.kind = ChartKind::kLine;
  line.title = "Figur 2. Udvikling";
  line.table_id = "quarters";
  line.value_columns = {1, 2};
  report.sections.push_back(
      Section{"indicators",
              "1. Målepunkter",
              {Paragraph{"Udviklingen i områderne; særligt æøå ÆØÅ."}, indicators, bars, quarters, line}});

  Table stairwells;
  stairwells.id = "stairwells";
  stairwells.title = "Tabel 3. Opgange";
  stairwells.columns = {"Nr.", "Opgang", "Personer", "Andel (%)"};
  for (int row_idx = 1; row_idx <= 59; ++row_idx) {
    stairwells.rows.push_back({Number(row_idx, 0, std::to_string(row_idx)),
                               Text("Mjølnerparken " + std::to_string(row_idx)),
                               Number(row_idx % 9, 0, std::to_string(row_idx % 9)), Number(1.5, 1, "1,5")});
  }
  stairwells.rows.push_back(
      {Number(60, 0, "60"), Text("Sidste opgang: Ørnevej 60"), Number(10, 0, "10"), Number(2.5, 1, "2,5")});
  report.sections.push_back(Section{"register", "2. Registrerede pr. opgang", {stairwells}});

  report.sections.push_back(
      Section{"narratives",
              "3. Beretninger",
              {Narrative{"Politiets <b>vurdering</b>", "Københavns Politi · version 2 · anna.jensen",
                         "Første afsnit med <b>&\"' tegn.\n\nAndet afsnit med <i>kursiv</i>."}}});
  return report;
}

std::string Render(const Report& report) {
  Result<std::string> pdf = RenderPdf(report);
  EXPECT_TRUE(pdf.ok()) << pdf.error().ToString();
  return pdf.ok() ? *pdf : std::string();
}

struct CommandResult {
  int exit_code = -1;
  std::string output;  // standard output only
};

CommandResult RunCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  size_t read = 0;
  while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, read);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// A report rendered into a temporary file, for the tools to read.
class PdfFile {
 public:
  explicit PdfFile(const Report& report) : path_(dir_.File("report.pdf")) {
    std::ofstream(path_, std::ios::binary) << Render(report);
  }

  const std::string& path() const { return path_; }
  // pdftotext -raw keeps the spaces of short strings (notes/report-plan.md §2).
  std::string Text(std::optional<int> page = std::nullopt) const {
    const std::string pages = page ? " -f " + std::to_string(*page) + " -l " + std::to_string(*page) : "";
    CommandResult result = RunCommand("pdftotext -raw" + pages + " '" + path_ + "' -");
    EXPECT_EQ(result.exit_code, 0) << "pdftotext failed";
    return result.output;
  }
  int PageCount() const {
    CommandResult info = RunCommand("pdfinfo '" + path_ + "'");
    EXPECT_EQ(info.exit_code, 0);
    const size_t position = info.output.find("Pages:");
    return position == std::string::npos ? 0 : std::stoi(info.output.substr(position + 6));
  }

 private:
  TempDir dir_;
  std::string path_;
};

TEST(RenderPdf, StartsWithPdfMagic) {
  const std::string pdf = Render(SampleReport());
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
}

TEST(RenderPdf, IdenticalBytesOnTwoRenders) {
  const std::string first = Render(SampleReport());
  const std::string second = Render(SampleReport());
  ASSERT_FALSE(first.empty());
  EXPECT_TRUE(first == second) << "the PDF differs between two renders of the same report";
}

TEST(RenderPdf, RejectsCreatedAtThatIsNotAnInstant) {
  Report report = SampleReport();
  report.created_at = "";
  EXPECT_TRUE(IsError(RenderPdf(report), ErrorCode::kInvalidArgument, "created_at"));
  report.created_at = "1. juli 2018";
  EXPECT_TRUE(IsError(RenderPdf(report), ErrorCode::kInvalidArgument, "created_at"));
}

TEST(RenderPdf, ChartOfAMissingTableIsAnInternalError) {
  Report report = SampleReport();
  std::get<Chart>(report.sections[0].blocks[2]).table_id = "missing";
  EXPECT_TRUE(IsError(RenderPdf(report), ErrorCode::kInternal));
}

TEST(RenderPdf, FindsHeadingsWithPdftotext) {
  const std::string text = PdfFile(SampleReport()).Text();
  for (const char* expected :
       {"Statusrapport 2017/18 – Tryg Nørrebro", "1. Målepunkter", "2. Registrerede pr. opgang", "3. Beretninger",
        "Tabel 1. Målepunkter", "Figur 2. Udvikling", "40,5", "særligt æøå ÆØÅ.", kLastRow}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
}

TEST(RenderPdf, UserTextIsShownLiterallyNotAsMarkup) {
  const std::string text = PdfFile(SampleReport()).Text();
  EXPECT_NE(text.find("Politiets <b>vurdering</b>"), std::string::npos);
  EXPECT_NE(text.find("Første afsnit med <b>&\"' tegn."), std::string::npos);
  EXPECT_NE(text.find("Andet afsnit med <i>kursiv</i>."), std::string::npos);
}

TEST(RenderPdf, QpdfFindsNoErrors) {
  const PdfFile pdf(SampleReport());
  CommandResult check = RunCommand("qpdf --check '" + pdf.path() + "' > /dev/null 2>&1; echo $?");
  EXPECT_EQ(check.output, "0\n");
}

TEST(RenderPdf, LongTableRunsOverPagesWithItsHeaderRepeated) {
  const PdfFile pdf(SampleReport());
  const int pages = pdf.PageCount();
  EXPECT_GT(pages, 1);
  const std::string last_page_of_table = [&] {
    for (int page = pages; page >= 1; --page) {
      std::string text = pdf.Text(page);
      if (text.find(kLastRow) != std::string::npos) return text;
    }
    return std::string();
  }();
  ASSERT_FALSE(last_page_of_table.empty());
  EXPECT_EQ(last_page_of_table.find("Tabel 3. Opgange"), std::string::npos) << "the table should start earlier";
  EXPECT_NE(last_page_of_table.find("Nr. Opgang Personer Andel (%)"), std::string::npos);
}

TEST(RenderPdf, EveryPageHasFooterPageNumberAndDemoNotice) {
  const PdfFile pdf(SampleReport());
  const int pages = pdf.PageCount();
  ASSERT_GT(pages, 1);
  for (int page = 1; page <= pages; ++page) {
    const std::string text = pdf.Text(page);
    EXPECT_NE(text.find("Side " + std::to_string(page)), std::string::npos) << "page " << page;
    EXPECT_NE(text.find(kDemoNotice), std::string::npos) << "page " << page;
    EXPECT_NE(text.find("Tryg Nørrebro · Statusrapport 2017-08-01–2018-06-30"), std::string::npos) << "page " << page;
  }
}

TEST(RenderPdf, EnglishPagesSayPage) {
  Report report = SampleReport();
  report.language = Language::kEnglish;
  report.demo = false;
  const std::string text = PdfFile(report).Text(1);
  EXPECT_NE(text.find("Page 1"), std::string::npos);
  EXPECT_EQ(text.find("Side 1"), std::string::npos);
  EXPECT_EQ(text.find(kDemoNotice), std::string::npos);
}

TEST(RenderPdf, EmbedsDejaVuSans) {
  const PdfFile pdf(SampleReport());
  CommandResult fonts = RunCommand("pdffonts '" + pdf.path() + "'");
  ASSERT_EQ(fonts.exit_code, 0);
  EXPECT_NE(fonts.output.find("DejaVuSans"), std::string::npos) << fonts.output;
  EXPECT_NE(fonts.output.find("DejaVuSans-Bold"), std::string::npos) << fonts.output;
}

TEST(RenderPdf, MetadataComesFromTheReport) {
  const PdfFile pdf(SampleReport());
  CommandResult info = RunCommand("pdfinfo -isodates '" + pdf.path() + "'");
  ASSERT_EQ(info.exit_code, 0);
  EXPECT_NE(info.output.find("Title:           Statusrapport 2017/18 – Tryg Nørrebro\n"), std::string::npos);
  EXPECT_NE(info.output.find("Author:          Tryg Nørrebro\n"), std::string::npos);
  EXPECT_NE(info.output.find("Creator:         Trygnet\n"), std::string::npos);
  EXPECT_NE(info.output.find("CreationDate:    2018-07-01T00:00:00Z\n"), std::string::npos);
  EXPECT_NE(info.output.find("ModDate:         2018-07-01T00:00:00Z\n"), std::string::npos);
  EXPECT_NE(info.output.find("Page size:       595.276 x 841.89 pts (A4)"), std::string::npos);
}

TEST(RenderPdf, HasABookmarkPerSection) {
  const PdfFile pdf(SampleReport());
  CommandResult outlines = RunCommand("qpdf --json --json-key=outlines '" + pdf.path() + "'");
  ASSERT_EQ(outlines.exit_code, 0);
  for (const char* heading : {"1. Målepunkter", "2. Registrerede pr. opgang", "3. Beretninger"}) {
    EXPECT_NE(outlines.output.find(std::string("\"title\": \"") + heading + "\""), std::string::npos) << heading;
  }
}

}  // namespace
}  // namespace trygnet::report
