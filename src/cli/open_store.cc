#include "cli/open_store.h"

#include <sys/stat.h>

#include <cstdlib>
#include <iostream>

namespace trygnet::cli {

std::string DemoKeyPath(const std::string& db_path) { return db_path + ".key"; }

std::string ResolveKeyFile(const std::string& db_path, const std::string& key_file_option) {
  if (!key_file_option.empty()) return key_file_option;
  if (const char* from_env = std::getenv(kKeyFileEnv); from_env && *from_env) return from_env;
  auto is_demo = SqliteStore::PeekIsDemo(db_path);
  if (is_demo.ok() && *is_demo) return DemoKeyPath(db_path);
  return {};
}

Result<std::unique_ptr<SqliteStore>> OpenExistingStore(const std::string& db_path, const std::string& key_file_option,
                                                       const Clock& clock) {
  struct stat info {};
  if (::stat(db_path.c_str(), &info) != 0) {
    return NotFound("database " + db_path + " does not exist (create it with `trygnet init` or `trygnet demo`)", "db");
  }
  std::string key_path = ResolveKeyFile(db_path, key_file_option);
  if (key_path.empty()) {
    return InvalidArgument("key-file", "no key file given: use --key-file FILE or set " + std::string(kKeyFileEnv));
  }
  TRY_ASSIGN(MasterKey key, ReadKeyFile(key_path));
  TRY_ASSIGN(auto store, SqliteStore::Open(db_path, key, clock));
  TRY_ASSIGN(bool demo, store->IsDemo());
  if (demo) std::cerr << "*** " << kDemoBanner << " ***\n";
  return store;
}

}  // namespace trygnet::cli
