#include "imports/statistics_csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>

#include "core/enum_names.h"
#include "imports/csv_lines.h"

namespace trygnet::imports {
namespace {

constexpr std::array<std::pair<StatisticsDataset, std::string_view>, 3> kDatasets{{
    {StatisticsDataset::kPopulation, "population"},
    {StatisticsDataset::kPoliceReports, "police-reports"},
    {StatisticsDataset::kSurvey, "survey"},
}};

// A whole number written with digits only (no sign, no separators).
std::optional<int64_t> WholeNumber(const std::string& text) {
  if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

class Checker {
 public:
  Checker(StatisticsDataset dataset, const Partnership& partnership) : dataset_(dataset), partnership_(partnership) {}

  ParsedStatistics Run(std::string_view text) {
    auto lines = ReadCsvLines(text);
    if (!lines.ok()) {
      // The error names "line N".
      Problem(LineOf(lines.error().field), "", lines.error().message);
      return std::move(result_);
    }
    if (lines->empty()) {
      Problem(0, "", "the file is empty; it needs the header line " + HeaderText() + " and at least one row");
      return std::move(result_);
    }
    if (!ReadHeader(lines->front())) return std::move(result_);
    for (size_t idx = 1; idx < lines->size(); ++idx) ReadRow((*lines)[idx]);
    if (result_.rows == 0 && result_.problems.empty()) Problem(0, "", "the file has a header but no rows");
    if (!result_.problems.empty()) result_.statistics.clear();  // all or nothing
    return std::move(result_);
  }

 private:
  static int64_t LineOf(const std::string& field) {
    auto number = WholeNumber(field.starts_with("line ") ? field.substr(5) : "");
    return number.value_or(0);
  }

  std::string HeaderText() const {
    std::string text;
    for (const std::string& column : DatasetColumns(dataset_)) text += (text.empty() ? "" : ";") + column;
    return "\"" + text + "\"";
  }

  void Problem(int64_t line, std::string column, std::string message) {
    if (result_.problems.size() < kMaxReportedProblems) {
      result_.problems.push_back({line, std::move(column), std::move(message)});
    }
  }

  // The header names each expected column once, in any order, and nothing else.
  bool ReadHeader(const CsvLine& header) {
    std::vector<std::string> expected = DatasetColumns(dataset_);
    for (size_t idx = 0; idx < header.fields.size(); ++idx) {
      const std::string& name = header.fields[idx];
      if (std::find(expected.begin(), expected.end(), name) == expected.end()) {
        Problem(header.number, name, "is not a column of a " + std::string(StatisticsDatasetName(dataset_)) +
                                         " file; the header must be " + HeaderText());
      } else if (column_index_.contains(name)) {
        Problem(header.number, name, "appears twice in the header");
      } else {
        column_index_[name] = idx;
      }
    }
    for (const std::string& name : expected) {
      if (!column_index_.contains(name)) Problem(header.number, name, "is missing from the header " + HeaderText());
    }
    width_ = header.fields.size();
    return result_.problems.empty();
  }

  const std::string& Field(const CsvLine& line, const std::string& column) const {
    return line.fields[column_index_.at(column)];
  }

  std::optional<int64_t> Number(const CsvLine& line, const std::string& column) {
    const std::string& text = Field(line, column);
    auto value = WholeNumber(text);
    if (!value) {
      Problem(line.number, column, "\"" + text + "\" is not a whole number (digits only, no separators)");
    }
    return value;
  }

  void ReadRow(const CsvLine& line) {
    ++result_.rows;
    if (line.fields.size() != width_) {
      Problem(line.number, "", "has " + std::to_string(line.fields.size()) + " fields; the header has " +
                                   std::to_string(width_));
      return;
    }
    size_t problems_before = result_.problems.size();
    const std::string& area_id = Field(line, "area_id");
    if (!partnership_.FindArea(area_id)) {
      Problem(line.number, "area_id", "\"" + area_id + "\" is not an area of partnership " + partnership_.id);
    }
    std::optional<int64_t> year = Number(line, "year");
    if (year && (*year < kMinStatisticYear || *year > kMaxStatisticYear)) {
      Problem(line.number, "year",
              "must be between " + std::to_string(kMinStatisticYear) + " and " + std::to_string(kMaxStatisticYear));
    }
    std::vector<std::pair<StatisticKind, std::optional<int64_t>>> figures;
    switch (dataset_) {
      case StatisticsDataset::kPopulation:
        figures.push_back({StatisticKind::kPopulation, Number(line, "population")});
        if (figures[0].second == 0) Problem(line.number, "population", "must be more than 0");
        break;
      case StatisticsDataset::kPoliceReports:
        figures.push_back({StatisticKind::kCitizenCrimeReports, Number(line, "citizen_crime_reports")});
        break;
      case StatisticsDataset::kSurvey: {
        auto respondents = Number(line, "respondents");
        auto insecure = Number(line, "insecure");
        if (respondents == 0) Problem(line.number, "respondents", "must be more than 0");
        if (respondents && insecure && *insecure > *respondents) {
          Problem(line.number, "insecure", "is more than the respondents (" + std::to_string(*respondents) + ")");
        }
        figures.push_back({StatisticKind::kSurveyRespondents, respondents});
        figures.push_back({StatisticKind::kSurveyInsecure, insecure});
        break;
      }
    }
    if (year) {
      auto key = std::make_pair(area_id, *year);
      auto [seen, inserted] = first_line_.emplace(key, line.number);
      if (!inserted) {
        Problem(line.number, "", "area " + area_id + " and year " + std::to_string(*year) +
                                     " were given already on line " + std::to_string(seen->second));
      }
    }
    if (result_.problems.size() != problems_before) return;
    for (const auto& [kind, value] : figures) {
      result_.statistics.push_back({partnership_.id, area_id, static_cast<int>(*year), kind, static_cast<double>(*value)});
    }
  }

  StatisticsDataset dataset_;
  const Partnership& partnership_;
  ParsedStatistics result_;
  std::map<std::string, size_t> column_index_;
  size_t width_ = 0;
  std::map<std::pair<std::string, int64_t>, int64_t> first_line_;
};

}  // namespace

std::string_view StatisticsDatasetName(StatisticsDataset dataset) {
  return EnumName<StatisticsDataset>(kDatasets, dataset);
}
Result<StatisticsDataset> ParseStatisticsDataset(std::string_view text, std::string_view field) {
  return ParseEnum<StatisticsDataset>(kDatasets, text, field);
}

std::vector<std::string> DatasetColumns(StatisticsDataset dataset) {
  switch (dataset) {
    case StatisticsDataset::kPopulation:
      return {"area_id", "year", "population"};
    case StatisticsDataset::kPoliceReports:
      return {"area_id", "year", "citizen_crime_reports"};
    case StatisticsDataset::kSurvey:
      return {"area_id", "year", "respondents", "insecure"};
  }
  return {};
}

ParsedStatistics ParseStatisticsCsv(StatisticsDataset dataset, std::string_view text, const Partnership& partnership) {
  return Checker(dataset, partnership).Run(text);
}

std::string DescribeProblem(const ImportProblem& problem) {
  std::string where = problem.line > 0 ? "linje " + std::to_string(problem.line) : "filen";
  if (!problem.column.empty()) where += ", kolonne " + problem.column;
  return where + ": " + problem.message;
}

}  // namespace trygnet::imports
