// The three statistics files a partnership imports for its indicators
// [p.15], as documented in docs/imports.md:
//   population      area_id;year;population
//   police-reports  area_id;year;citizen_crime_reports
//   survey          area_id;year;respondents;insecure
// Every row is checked; every problem is reported with its line, so a file
// can be fixed in one go. Nothing is stored from a file with a problem.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/area_statistic.h"
#include "core/partnership.h"

namespace trygnet::imports {

enum class StatisticsDataset { kPopulation, kPoliceReports, kSurvey };
std::string_view StatisticsDatasetName(StatisticsDataset dataset);  // "population", "police-reports", "survey"
Result<StatisticsDataset> ParseStatisticsDataset(std::string_view text, std::string_view field);
// The columns a file of the dataset has, in the documented order.
std::vector<std::string> DatasetColumns(StatisticsDataset dataset);

struct ImportProblem {
  int64_t line = 0;    // 1-based; 0 for the file as a whole
  std::string column;  // empty when the whole line is at fault
  std::string message;
};

struct ParsedStatistics {
  std::vector<AreaStatistic> statistics;  // one per figure (a survey row gives two)
  int64_t rows = 0;                       // data rows read
  std::vector<ImportProblem> problems;    // empty when the file may be imported
};

inline constexpr size_t kMaxReportedProblems = 100;

// Parses and checks a file against the partnership's areas.
ParsedStatistics ParseStatisticsCsv(StatisticsDataset dataset, std::string_view text, const Partnership& partnership);

// "linje 4, kolonne year: …" — a problem as one line for people.
std::string DescribeProblem(const ImportProblem& problem);

}  // namespace trygnet::imports
