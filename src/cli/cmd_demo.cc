// `trygnet demo`: a new database with the Nørrebro partnership and synthetic data.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>

#include "cli/app.h"
#include "cli/exit_codes.h"
#include "cli/open_store.h"
#include "cli/partnership_source.h"
#include "cli/progress.h"
#include "demo/generator.h"

namespace trygnet::cli {
namespace {

struct DemoCommandOptions {
  std::string db;
  std::string key_file;
  std::string partnership_file;
  uint64_t seed = 2017;
  std::string scale = "city";
};

bool Exists(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0;
}

// A half-built demo database is of no use: remove it so a rerun starts clean.
void RemoveDatabase(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal", "-bulk.lock"}) ::unlink((db + suffix).c_str());
}

// The generator names its stages in English; people read Danish first.
std::string_view DanishStage(std::string_view stage) {
  if (stage == "register") return "registrering";
  if (stage == "persons") return "personer";
  if (stage == "observations") return "observationer";
  if (stage == "indexes") return "indeks";
  return stage;
}

int RunDemo(const DemoCommandOptions& options) {
  if (options.scale != "city" && options.scale != "national") {
    return ReportError(InvalidArgument("scale", "must be city or national"));
  }
  if (Exists(options.db)) {
    return ReportError(Conflict("database " + options.db + " already exists; remove it or choose another file", "db"));
  }
  std::string definition_path =
      options.partnership_file.empty() ? PartnershipDirectory() + "/norrebro-2017.toml" : options.partnership_file;
  auto load = ReadDefinitionFile(definition_path);
  if (!load.ok()) return ReportError(load.error());

  std::string key_path = options.key_file.empty() ? DemoKeyPath(options.db) : options.key_file;
  bool created_key = !Exists(key_path);
  auto key = created_key ? CreateKeyFile(key_path) : ReadKeyFile(key_path);
  if (!key.ok()) return ReportError(key.error());

  // Built under a temporary name and renamed when complete, so an interrupted
  // run never leaves a database that looks finished.
  std::string partial = options.db + ".partial";
  RemoveDatabase(partial);
  auto started = std::chrono::steady_clock::now();
  FixedClock clock(Timestamp::StartOf(*Date::FromYmd(2015, 1, 1)));
  auto store = SqliteStore::Open(partial, *key, clock, {.create = true});
  if (!store.ok()) {
    RemoveDatabase(partial);
    if (created_key) ::unlink(key_path.c_str());
    return ReportError(store.error());
  }
  Status saved = (*store)->SavePartnership(*load->partnership, load->source_text);
  Result<demo::DemoSummary> summary = saved.ok() ? Result<demo::DemoSummary>(demo::DemoSummary{}) : saved.error();
  if (saved.ok()) {
    TerminalProgress progress;
    demo::DemoOptions demo_options{options.seed,
                                   options.scale == "national" ? demo::Scale::kNational : demo::Scale::kCity};
    summary = demo::GenerateDemo(
        **store, clock, *load->partnership, demo_options,
        [&](std::string_view stage, int64_t done, int64_t total) { progress.Update(DanishStage(stage), done, total); });
  }
  store->reset();  // closes the database: the WAL is checkpointed into the file
  // link() refuses to replace a file someone created meanwhile; rename() would not.
  if (summary.ok() && ::link(partial.c_str(), options.db.c_str()) != 0) {
    summary = Unavailable("cannot move " + partial + " to " + options.db + " (does it exist now?)");
  }
  if (!summary.ok()) {
    RemoveDatabase(partial);
    if (created_key) ::unlink(key_path.c_str());
    return ReportError(summary.error());
  }
  RemoveDatabase(partial);  // the finished file now lives under its own name
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << kDemoBanner << "\n"
            << "Oprettede demodatabase " << options.db << " på " << std::fixed << std::setprecision(1) << seconds
            << " s (startværdi/seed " << options.seed << ", " << options.scale << "):\n"
            << "  personer " << summary->persons << ", grupperinger " << summary->groups << ", registreringer "
            << summary->registrations << ", observationer " << summary->observations << "\n"
            << "  sager " << summary->cases << ", tiltag " << summary->measures << ", hændelser " << summary->incidents
            << ", møder " << summary->meetings << ", videregivelser " << summary->disclosures << ", brugere "
            << summary->users << "\n"
            << "Nøglefil: " << key_path << (created_key ? " (ny, kun læsbar for dig)" : "") << "\n";
  return kExitOk;
}

}  // namespace

void AddDemoCommand(CLI::App& app, Action& action) {
  auto options = std::make_shared<DemoCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "demo", "Opret en ny database med syntetiske demodata — fiktive personer (create a demo database)");
  command->add_option("--db", options->db, "Database file to create (must not exist)")->required();
  command->add_option("--seed", options->seed, "Random seed; the same seed gives the same data")->capture_default_str();
  command
      ->add_option("--scale", options->scale,
                   "city (about 7,000 persons, 120,000 observations) or national (1,000,000 persons, "
                   "10,000,000 observations)")
      ->capture_default_str();
  command->add_option("--key-file", options->key_file, "Key file (default: <db>.key beside the database, created)");
  command->add_option("--partnership-file", options->partnership_file,
                      "Partnership definition (default: partnerships/norrebro-2017.toml)");
  command->callback([&action, options] { action = [options] { return RunDemo(*options); }; });
}

}  // namespace trygnet::cli
