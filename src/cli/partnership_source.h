// Partnership definitions for CLI commands: from a file (with every problem
// printed) or as stored in a database.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/partnership.h"
#include "definition/partnership_loader.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace trygnet::cli {

// Loads a definition file; on problems prints each on stderr and returns
// invalid_argument naming the file and the count.
Result<PartnershipLoad> ReadDefinitionFile(const std::string& path);

// The definition as stored by `partnership load`.
Result<Partnership> LoadStoredPartnership(Store& store, const std::string& partnership_id);

// An existing database (OpenExistingStore) and a partnership stored in it.
struct OpenedPartnership {
  std::unique_ptr<SqliteStore> store;
  Partnership partnership;
};
Result<OpenedPartnership> OpenStoredPartnership(const std::string& db_path, const std::string& key_file_option,
                                                const std::string& partnership_id, const Clock& clock);

// A date option (`--as-of`), or today (UTC) when it was not given; the error names `option`.
Result<Date> DateOrToday(const std::string& text, std::string_view option, const Clock& clock);

}  // namespace trygnet::cli
