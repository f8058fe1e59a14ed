#include "report/render_html.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace trygnet::report {
namespace {

constexpr char kHostileText[] = "<b>&\"'</b>";
constexpr char kEscapedHostileText[] = "&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;";

Cell Number(double value, int decimals, std::string text) { return Cell{value, decimals, std::move(text)}; }
Cell Text(std::string text) { return Cell{std::nullopt, 0, std::move(text)}; }

// A small Danish demo report: a table with a bar chart, and a narrative
// whose title, byline and text carry characters that HTML treats specially.
Report SampleReport() {
  Report report;
  report.language = Language::kDanish;
  report.title = "Statusrapport 2017/18 – Tryg Nørrebro";
  report.subtitle = "Perioden 2017-08-01–2018-06-30";
  report.author = "Tryg Nørrebro";
  report.demo = true;
  report.demo_notice = "DEMODATA – syntetiske personer";
  report.created_at = "2018-07-01T00:00:00Z";
  report.footer = "Tryg Nørrebro · Statusrapport";

  Table table;
  table.id = "indicators";
  table.title = "Tabel 1. Målepunkter";
  table.columns = {"Område", "Anmeldelser pr. 1.000", "Personer"};
  table.rows = {
      {Text("Ydre Nørrebro"), Number(40.5, 1, "40,5"), Number(290, 0, "290")},
      {Text("Indre Nørrebro & Blågården"), Text("–"), Text("<5")},
  };
  table.note = "Antal under 5 vises som <5.";
  Chart chart;
  chart.kind = ChartKind::kBar;
  chart.title = "Anmeldelser \"pr. område\"";
  chart.table_id = "indicators";
  chart.value_columns = {1, 2};
  Section indicators{"indicators", "1. Målepunkter", {}};
  indicators.blocks.push_back(Paragraph{"Målepunkterne følger udviklingen; æøå ÆØÅ."});
  indicators.blocks.push_back(table);
  indicators.blocks.push_back(chart);
  report.sections.push_back(std::move(indicators));

  Section narratives{"narratives", "2. Beretninger", {}};
  narratives.blocks.push_back(
      Narrative{std::string("Politiet ") + kHostileText, std::string("anna.jensen ") + kHostileText,
                std::string("Første afsnit ") + kHostileText + "\n\nAndet afsnit <script>alert(1)</script>"});
  report.sections.push_back(std::move(narratives));
  return report;
}

std::string Render(const Report& report) {
  Result<std::string> html = RenderHtml(report);
  EXPECT_TRUE(html.ok()) << html.error().ToString();
  return html.ok() ? *html : std::string();
}

size_t Count(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t position = text.find(needle); position != std::string::npos; position = text.find(needle, position + 1)) {
    ++count;
  }
  return count;
}

TEST(RenderHtml, IsAStandaloneHtml5Document) {
  const std::string html = Render(SampleReport());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"da\">", 0), 0u);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("<title>Statusrapport 2017/18 – Tryg Nørrebro</title>"), std::string::npos);
  EXPECT_NE(html.find("<style>"), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
  // No scripts and nothing fetched from elsewhere.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("href="), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
}

TEST(RenderHtml, LangAttributeFollowsTheLanguage) {
  Report report = SampleReport();
  report.language = Language::kEnglish;
  EXPECT_NE(Render(report).find("<html lang=\"en\">"), std::string::npos);
}

TEST(RenderHtml, EscapesUserText) {
  const std::string html = Render(SampleReport());
  EXPECT_EQ(html.find(kHostileText), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(Count(html, kEscapedHostileText), 3u);  // title, byline, text
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Indre Nørrebro &amp; Blågården"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">&lt;5</td>"), std::string::npos);
  EXPECT_NE(html.find("aria-label=\"Anmeldelser &quot;pr. område&quot;\""), std::string::npos);
}

TEST(RenderHtml, EscapeHtmlReplacesInvalidUtf8AndDropsControlCharacters) {
  EXPECT_EQ(EscapeHtml("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&#39;f");
  EXPECT_EQ(EscapeHtml("æøå\tx\ny"), "æøå\tx\ny");
  EXPECT_EQ(EscapeHtml("bad\xC3(\xFF"), "bad\xEF\xBF\xBD(\xEF\xBF\xBD");
  EXPECT_EQ(EscapeHtml("bell\x07"
                       "end"),
            "bellend");
  EXPECT_EQ(EscapeHtml("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a UTF-16 surrogate is not UTF-8
}

TEST(RenderHtml, SectionsHaveHeadingsWithIds) {
  const std::string html = Render(SampleReport());
  EXPECT_NE(html.find("<h2 id=\"indicators\">1. Målepunkter</h2>"), std::string::npos);
  EXPECT_NE(html.find("<h2 id=\"narratives\">2. Beretninger</h2>"), std::string::npos);
}

TEST(RenderHtml, TablesHaveCaptionHeadersAndRightAlignedNumbers) {
  const std::string html = Render(SampleReport());
  EXPECT_NE(html.find("<caption>Tabel 1. Målepunkter</caption>"), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"col\">Område</th>"), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"col\" class=\"num\">Anmeldelser pr. 1.000</th>"), std::string::npos);
  EXPECT_NE(html.find("<td>Ydre Nørrebro</td><td class=\"num\">40,5</td><td class=\"num\">290</td>"),
            std::string::npos);
  EXPECT_NE(html.find("<p class=\"note\">Antal under 5 vises som &lt;5.</p>"), std::string::npos);
}

TEST(RenderHtml, ChartsAreInlineSvgWithTextLabels) {
  const std::string html = Render(SampleReport());
  EXPECT_NE(html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""), std::string::npos);
  EXPECT_EQ(Count(html, "<rect"), 2u + 2u);  // two bars (the second row has no values), two legend swatches
  EXPECT_NE(html.find(">Ydre Nørrebro</text>"), std::string::npos);
  EXPECT_NE(html.find(">Anmeldelser pr. 1.000</text>"), std::string::npos);  // legend
  EXPECT_NE(html.find(">300</text>"), std::string::npos);                    // top tick
}

TEST(RenderHtml, ChartWithoutValuesSaysSo) {
  Report report = SampleReport();
  std::get<Chart>(report.sections[0].blocks[2]).value_columns = {};
  EXPECT_NE(Render(report).find(">Ingen data</text>"), std::string::npos);
  report.language = Language::kEnglish;
  EXPECT_NE(Render(report).find(">No data</text>"), std::string::npos);
}

TEST(RenderHtml, NarrativeParagraphsAndByline) {
  const std::string html = Render(SampleReport());
  EXPECT_NE(html.find("<h3>Politiet "), std::string::npos);
  EXPECT_NE(html.find("<p class=\"byline\">anna.jensen "), std::string::npos);
  EXPECT_NE(html.find(std::string("<p>Første afsnit ") + kEscapedHostileText + "</p>\n<p>Andet afsnit"),
            std::string::npos);
}

TEST(RenderHtml, DemoBannerOnlyForDemoReports) {
  Report report = SampleReport();
  EXPECT_NE(Render(report).find("<p class=\"demo\" role=\"note\">DEMODATA – syntetiske personer</p>"),
            std::string::npos);
  report.demo = false;
  const std::string html = Render(report);
  EXPECT_EQ(html.find("class=\"demo\""), std::string::npos);
  EXPECT_EQ(html.find("DEMODATA"), std::string::npos);
}

TEST(RenderHtml, ChartOfAMissingTableIsAnInternalError) {
  Report report = SampleReport();
  std::get<Chart>(report.sections[0].blocks[2]).table_id = "missing";
  Result<std::string> html = RenderHtml(report);
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace trygnet::report
