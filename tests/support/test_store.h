// A fresh SQLite store in a temporary directory, with a new key and the
// Nørrebro 2017 partnership loaded: the starting point of analytics and demo tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "definition/partnership_loader.h"
#include "store/sqlite/sqlite_store.h"
#include "support/temp_dir.h"

namespace trygnet::testing {

inline PartnershipLoad LoadNorrebro() {
  PartnershipLoad load = LoadPartnershipFile(std::string(TRYGNET_SOURCE_DIR) + "/partnerships/norrebro-2017.toml");
  EXPECT_TRUE(load.ok()) << (load.problems.empty() ? "" : load.problems.front().ToString());
  return load;
}

struct TestStore {
  explicit TestStore(Timestamp now) : clock(now) {
    PartnershipLoad load = LoadNorrebro();
    partnership = *load.partnership;
    auto key = CreateKeyFile(dir.File("test.key"));
    EXPECT_TRUE(key.ok());
    auto opened = SqliteStore::Open(dir.File("test.db"), *key, clock, {.create = true});
    EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().ToString());
    store = std::move(opened).value();
    EXPECT_TRUE(store->SavePartnership(partnership, load.source_text).ok());
  }

  TempDir dir;
  FixedClock clock;
  Partnership partnership;
  std::unique_ptr<SqliteStore> store;
};

inline Date Day(int year, unsigned month, unsigned day) { return *Date::FromYmd(year, month, day); }
inline Timestamp Noon(int year, unsigned month, unsigned day) {
  return Timestamp::StartOf(Day(year, month, day)).AddSeconds(12 * 3600);
}

}  // namespace trygnet::testing
