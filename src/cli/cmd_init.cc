// `trygnet init`: creates an empty database (schema applied) and its key file.
#include <sys/stat.h>

#include <iostream>

#include "cli/app.h"
#include "cli/exit_codes.h"
#include "cli/open_store.h"

namespace trygnet::cli {
namespace {

struct InitOptions {
  std::string db;
  std::string key_file;
};

int RunInit(const InitOptions& options) {
  struct stat info {};
  if (::stat(options.db.c_str(), &info) == 0) {
    return ReportError(Conflict("database " + options.db + " already exists; refusing to touch it", "db"));
  }
  std::string key_path = ResolveKeyFile(options.db, options.key_file);
  if (key_path.empty()) {
    return ReportError(
        InvalidArgument("key-file", "name the key file with --key-file FILE or " + std::string(kKeyFileEnv)));
  }
  bool created_key = false;
  auto key = ReadKeyFile(key_path);
  if (!key.ok() && key.error().code == ErrorCode::kUnavailable && ::stat(key_path.c_str(), &info) != 0) {
    key = CreateKeyFile(key_path);
    created_key = key.ok();
  }
  if (!key.ok()) return ReportError(key.error());
  SystemClock clock;
  auto store = SqliteStore::Open(options.db, *key, clock, {.create = true});
  if (!store.ok()) return ReportError(store.error());
  std::cout << "Oprettede database " << options.db << " (skemaversion " << (*store)->SchemaVersion() << ").\n";
  if (created_key) {
    std::cout << "Oprettede ny nøglefil " << key_path << " (mode 0600). Opbevar den sikkert og adskilt fra "
              << "databasen: uden den kan identitetsoplysninger ikke læses.\n";
  }
  std::cout << "Næste skridt: trygnet partnership load --db " << options.db << " --key-file " << key_path
            << " FILE.toml\n";
  return kExitOk;
}

}  // namespace

void AddInitCommand(CLI::App& app, Action& action) {
  auto options = std::make_shared<InitOptions>();
  CLI::App* command = app.add_subcommand(
      "init", "Opret en tom database og om nødvendigt dens nøglefil (create an empty database and key file)");
  command->add_option("--db", options->db, "Database file to create")->required();
  command->add_option("--key-file", options->key_file,
                      "Key file; created when it does not exist (default: $TRYGNET_KEY_FILE)");
  command->callback([&action, options] { action = [options] { return RunInit(*options); }; });
}

}  // namespace trygnet::cli
