#include "imports/statistics_csv.h"

#include <gtest/gtest.h>

#include "definition/partnership_loader.h"

namespace trygnet::imports {
namespace {

const Partnership& Norrebro() {
  static const PartnershipLoad load = LoadPartnershipFile(TRYGNET_SOURCE_DIR "/partnerships/norrebro-2017.toml");
  EXPECT_TRUE(load.ok());
  return *load.partnership;
}

bool HasProblem(const ParsedStatistics& parsed, int64_t line, const std::string& column) {
  for (const ImportProblem& problem : parsed.problems) {
    if (problem.line == line && problem.column == column) return true;
  }
  return false;
}

std::string Problems(const ParsedStatistics& parsed) {
  std::string text;
  for (const ImportProblem& problem : parsed.problems) text += DescribeProblem(problem) + "\n";
  return text;
}

TEST(StatisticsCsvTest, AGoodPopulationFileGivesOneFigurePerRow) {
  ParsedStatistics parsed = ParseStatisticsCsv(StatisticsDataset::kPopulation,
                                               "area_id;year;population\n"
                                               "ydre-norrebro;2016;50000\n"
                                               "indre-norrebro;2016;30000\n",
                                               Norrebro());
  ASSERT_TRUE(parsed.problems.empty()) << Problems(parsed);
  EXPECT_EQ(parsed.rows, 2);
  ASSERT_EQ(parsed.statistics.size(), 2u);
  EXPECT_EQ(parsed.statistics[0].area_id, "ydre-norrebro");
  EXPECT_EQ(parsed.statistics[0].year, 2016);
  EXPECT_EQ(parsed.statistics[0].kind, StatisticKind::kPopulation);
  EXPECT_EQ(parsed.statistics[0].value, 50000);
  EXPECT_EQ(parsed.statistics[0].partnership_id, "norrebro-2017");
}

TEST(StatisticsCsvTest, ColumnsMayComeInAnyOrderAndASurveyRowGivesTwoFigures) {
  ParsedStatistics parsed = ParseStatisticsCsv(StatisticsDataset::kSurvey,
                                               "year,insecure,area_id,respondents\n2017,40,ydre-norrebro,500\n",
                                               Norrebro());
  ASSERT_TRUE(parsed.problems.empty()) << Problems(parsed);
  ASSERT_EQ(parsed.statistics.size(), 2u);
  EXPECT_EQ(parsed.statistics[0].kind, StatisticKind::kSurveyRespondents);
  EXPECT_EQ(parsed.statistics[0].value, 500);
  EXPECT_EQ(parsed.statistics[1].kind, StatisticKind::kSurveyInsecure);
  EXPECT_EQ(parsed.statistics[1].value, 40);
}

TEST(StatisticsCsvTest, EveryBadRowIsReportedWithItsLineAndColumnAndNothingIsKept) {
  ParsedStatistics parsed = ParseStatisticsCsv(StatisticsDataset::kSurvey,
                                               "area_id;year;respondents;insecure\n"
                                               "ydre-norrebro;2017;500;40\n"  // good
                                               "amager;2017;100;10\n"         // line 3: unknown area
                                               "indre-norrebro;17;100;10\n"   // line 4: year out of range
                                               "indre-norrebro;2017;1.000;10\n"  // line 5: separator in number
                                               "indre-norrebro;2018;100;120\n"   // line 6: more insecure than asked
                                               "indre-norrebro;2019;0;0\n"       // line 7: no respondents
                                               "indre-norrebro;2020;100\n"       // line 8: a field short
                                               "ydre-norrebro;2017;300;30\n"     // line 9: repeats line 2
                                               "indre-norrebro;2021;-5;1\n",     // line 10: negative
                                               Norrebro());
  EXPECT_TRUE(parsed.statistics.empty()) << "the good row is not kept either";
  EXPECT_TRUE(HasProblem(parsed, 3, "area_id")) << Problems(parsed);
  EXPECT_TRUE(HasProblem(parsed, 4, "year")) << Problems(parsed);
  EXPECT_TRUE(HasProblem(parsed, 5, "respondents")) << Problems(parsed);
  EXPECT_TRUE(HasProblem(parsed, 6, "insecure")) << Problems(parsed);
  EXPECT_TRUE(HasProblem(parsed, 7, "respondents")) << Problems(parsed);
  EXPECT_TRUE(HasProblem(parsed, 8, "")) << Problems(parsed);
  EXPECT_TRUE(HasProblem(parsed, 9, "")) << Problems(parsed);
  EXPECT_TRUE(HasProblem(parsed, 10, "respondents")) << Problems(parsed);
  EXPECT_FALSE(HasProblem(parsed, 2, "")) << Problems(parsed);
  EXPECT_NE(Problems(parsed).find("linje 9: area ydre-norrebro and year 2017 were given already on line 2"),
            std::string::npos)
      << Problems(parsed);
}

TEST(StatisticsCsvTest, AWrongHeaderIsReportedOnLineOne) {
  ParsedStatistics wrong = ParseStatisticsCsv(StatisticsDataset::kPoliceReports,
                                              "area_id;year;population\nydre-norrebro;2016;2025\n", Norrebro());
  EXPECT_TRUE(HasProblem(wrong, 1, "population")) << Problems(wrong);
  EXPECT_TRUE(HasProblem(wrong, 1, "citizen_crime_reports")) << Problems(wrong);
  ParsedStatistics twice =
      ParseStatisticsCsv(StatisticsDataset::kPopulation, "area_id;year;year;population\n", Norrebro());
  EXPECT_TRUE(HasProblem(twice, 1, "year")) << Problems(twice);
}

TEST(StatisticsCsvTest, EmptyFilesAndBrokenQuotingAreProblems) {
  EXPECT_TRUE(HasProblem(ParseStatisticsCsv(StatisticsDataset::kPopulation, "", Norrebro()), 0, ""));
  EXPECT_TRUE(HasProblem(ParseStatisticsCsv(StatisticsDataset::kPopulation, "area_id;year;population\n", Norrebro()),
                         0, ""));
  ParsedStatistics quoting = ParseStatisticsCsv(StatisticsDataset::kPopulation,
                                                "area_id;year;population\n\"ydre-norrebro;2016;5\n", Norrebro());
  EXPECT_TRUE(HasProblem(quoting, 2, "")) << Problems(quoting);
}

}  // namespace
}  // namespace trygnet::imports
