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
int LatestSchemaVersion();

// Applies what is missing. Fails with failed_precondition if the database
// has a newer schema than this program knows.
Status Migrate(Connection& connection);

}  // namespace trygnet::sqlite
