// The numbered schema migrations, embedded in the binary and applied on open
// inside one transaction. PRAGMA user_version holds the applied number; a
// database newer than this binary is refused rather than guessed at.
#pragma once

#include <string_view>
#include <vector>

#include "core/error.h"
#include "store/sqlite/sqlite_connection.h"

namespace trygnet::sqlite {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& AllMigrations();

// The time index of observations, which a bulk load drops and rebuilds.
extern const std::string_view kObservationIndexes;
extern const std::string_view kDropObservationIndexes;
int LatestSchemaVersion();

// Applies what is missing. Fails with failed_precondition if the database
// has a newer schema than this program knows, or — unless `may_create` — if
// it holds no Trygnet schema at all (an unrelated or empty file).
Status Migrate(Connection& connection, bool may_create);

}  // namespace trygnet::sqlite
