// Opening a database from the command line: where the key comes from, and
// the demo banner on every open of a demo database.
//
// The key file is --key-file, else $TRYGNET_KEY_FILE, else — for a demo
// database only — the file "<db>.key" beside it.
#pragma once

#include <memory>
#include <string>

#include "core/date.h"
#include "store/sqlite/sqlite_store.h"

namespace trygnet::cli {

inline constexpr const char* kKeyFileEnv = "TRYGNET_KEY_FILE";
inline constexpr const char* kKeyFileHelp =
    "Key file (default: $TRYGNET_KEY_FILE; for a demo database, <db>.key beside it)";
inline constexpr const char* kDemoBanner = "DEMO — syntetiske data (synthetic data)";

std::string DemoKeyPath(const std::string& db_path);

// The key file to use, or empty when none is configured.
std::string ResolveKeyFile(const std::string& db_path, const std::string& key_file_option);

// Opens an existing database. Prints the demo banner on stderr for a demo database.
Result<std::unique_ptr<SqliteStore>> OpenExistingStore(const std::string& db_path, const std::string& key_file_option,
                                                       const Clock& clock);

}  // namespace trygnet::cli
