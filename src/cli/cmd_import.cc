// `trygnet import population|police-reports|survey`: brings statistics from
// outside into a partnership for its indicators [p.15]. The file is checked
// row by row; every problem is printed with its line, and nothing is stored
// unless the whole file is good (docs/imports.md).
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/app.h"
#include "cli/exit_codes.h"
#include "cli/local_audit.h"
#include "cli/open_store.h"
#include "cli/partnership_source.h"
#include "imports/statistics_csv.h"

namespace trygnet::cli {
namespace {

constexpr size_t kMaxFileBytes = 50 * 1024 * 1024;

struct ImportOptions {
  std::string db;
  std::string key_file;
  std::string partnership;
  std::string file;
  std::string source;
  bool json = false;
};

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return InvalidArgument("file", path + " cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().size() > kMaxFileBytes) return InvalidArgument("file", path + " is larger than 50 MB");
  return text.str();
}

int RunImport(imports::StatisticsDataset dataset, const ImportOptions& options) {
  auto text = ReadWholeFile(options.file);
  if (!text.ok()) return ReportError(text.error());
  SystemClock clock;
  auto opened = OpenStoredPartnership(options.db, options.key_file, options.partnership, clock);
  if (!opened.ok()) return ReportError(opened.error());
  SqliteStore& store = *opened->store;
  const Partnership& partnership = opened->partnership;

  imports::ParsedStatistics parsed = imports::ParseStatisticsCsv(dataset, *text, partnership);
  if (!parsed.problems.empty()) {
    for (const imports::ImportProblem& problem : parsed.problems) {
      std::cerr << options.file << ": " << imports::DescribeProblem(problem) << "\n";
    }
    std::string more = parsed.problems.size() == imports::kMaxReportedProblems ? " (the first 100 are shown)" : "";
    return ReportError(InvalidArgument("file", options.file + " has " + std::to_string(parsed.problems.size()) +
                                                   " problem(s)" + more + "; nothing was imported"));
  }
  StatisticsImport import;
  import.partnership_id = partnership.id;
  import.dataset = std::string(imports::StatisticsDatasetName(dataset));
  import.source = options.source;
  import.file_name = options.file;
  import.rows = parsed.rows;
  import.imported_by = LocalUser();
  int64_t id = 0;
  Status stored = store.InTransaction([&]() -> Status {
    TRY_ASSIGN(id, store.AddStatisticsImport(import, parsed.statistics));
    return AuditLocalChange(store, clock, "import", "statistics-import/" + std::to_string(id));
  });
  if (!stored.ok()) return ReportError(stored.error());
  if (options.json) {
    std::cout << nlohmann::json{{"import_id", id},
                                {"partnership", partnership.id},
                                {"dataset", import.dataset},
                                {"rows", parsed.rows},
                                {"figures", parsed.statistics.size()}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << "Importerede " << parsed.rows << " rækker (" << parsed.statistics.size() << " tal) fra "
              << options.file << " til " << partnership.id << " som import nr. " << id
              << ". Tidligere tal for samme område og år er afløst fra nu af.\n";
  }
  return kExitOk;
}

}  // namespace

void AddImportCommands(CLI::App& app, Action& action) {
  CLI::App* import = app.add_subcommand(
      "import", "Importér statistik til målepunkterne (import statistics for the indicators; docs/imports.md)");
  import->require_subcommand(1);
  struct Dataset {
    imports::StatisticsDataset dataset;
    const char* help;
  };
  const Dataset datasets[] = {
      {imports::StatisticsDataset::kPopulation, "Indbyggertal pr. område og år (population: area_id;year;population)"},
      {imports::StatisticsDataset::kPoliceReports,
       "Anmeldt borgervendt kriminalitet pr. område og år (police reports: area_id;year;citizen_crime_reports)"},
      {imports::StatisticsDataset::kSurvey,
       "Tryghedsundersøgelsen pr. område og år (survey: area_id;year;respondents;insecure)"},
  };
  for (const Dataset& item : datasets) {
    auto options = std::make_shared<ImportOptions>();
    imports::StatisticsDataset dataset = item.dataset;
    CLI::App* command = import->add_subcommand(std::string(imports::StatisticsDatasetName(dataset)), item.help);
    command->add_option("--db", options->db, "Database file")->required();
    command->add_option("--partnership", options->partnership, "Partnership id, e.g. norrebro-2017")->required();
    command->add_option("--file", options->file, "The CSV file (';' or ',' separated, UTF-8)")->required();
    command->add_option("--source", options->source, "Where the figures come from, e.g. \"Danmarks Statistik\"")
        ->required();
    command->add_flag("--json", options->json, "Print JSON: the import's id and counts");
    command->add_option("--key-file", options->key_file, kKeyFileHelp);
    command->callback([&action, options, dataset] { action = [options, dataset] { return RunImport(dataset, *options); }; });
  }
}

}  // namespace trygnet::cli
