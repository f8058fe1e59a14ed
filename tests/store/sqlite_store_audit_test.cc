// The audit log's storage (src/store/sqlite/sqlite_store_audit.cc).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/sqlite/sqlite_store.h"
#include "store/store_fixture.h"

namespace trygnet {
namespace {

using testing::IsError;
using testing::IsOk;
using testing::StoreTest;
using testing::T;

audit::AuditRecord Read(const char* user, const char* unit, PersonId person_id, Timestamp at) {
  audit::AuditRecord record;
  record.at = at;
  record.user = user;
  record.unit = unit;
  record.action = "read";
  record.resource = "person/" + std::to_string(person_id);
  record.person_id = person_id;
  record.purpose = "crime_prevention";
  return record;
}

std::vector<audit::AuditEntry> All(Store& store) {
  std::vector<audit::AuditEntry> entries;
  EXPECT_TRUE(IsOk(store.ScanAudit([&](const audit::AuditEntry& entry) {
    entries.push_back(entry);
    return OkStatus();
  })));
  return entries;
}

Status Verify(Store& store) {
  audit::ChainVerifier verifier;
  TRY_STATUS(store.ScanAudit([&](const audit::AuditEntry& entry) { return verifier.Next(entry); }));
  TRY_ASSIGN(audit::ChainAnchor anchor, store.AuditAnchor());
  return verifier.Finish(anchor);
}

void Exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

TEST_F(StoreTest, AuditEntriesChainAndVerify) {
  ASSERT_TRUE(IsOk(store_->AppendAudit(Read("eas-analyst", "eas", 1, T("2017-04-01T10:00:00Z")))));
  ASSERT_TRUE(IsOk(store_->AppendAudit(Read("ssp-caseworker", "ssp", 2, T("2017-04-01T11:00:00Z")))));
  auto entries = All(*store_);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].previous_hash, entries[0].hash);
  auto anchor = store_->AuditAnchor();
  ASSERT_TRUE(IsOk(anchor));
  EXPECT_EQ(anchor->count, 2);
  EXPECT_EQ(anchor->last_hash, entries[1].hash);
  EXPECT_TRUE(IsOk(Verify(*store_)));
}

TEST_F(StoreTest, AnAuditEntryCommitsWithItsWriteOrNotAtAll) {
  auto status = store_->InTransaction([&]() -> Status {
    TRY_STATUS(store_->AppendAudit(Read("eas-analyst", "eas", 1, T("2017-04-01T10:00:00Z"))));
    return Conflict("the write failed");
  });
  EXPECT_TRUE(IsError(status, ErrorCode::kConflict));
  EXPECT_TRUE(All(*store_).empty());
  EXPECT_EQ(store_->AuditAnchor()->count, 0);
}

TEST_F(StoreTest, TamperingWithStoredEntriesIsFound) {
  for (int person = 1; person <= 4; ++person) {
    ASSERT_TRUE(IsOk(store_->AppendAudit(Read("eas-analyst", "eas", person, T("2017-04-01T10:00:00Z")))));
  }
  store_.reset();
  Exec(DatabasePath(), "UPDATE audit_log SET purpose = 'curiosity' WHERE sequence = 3");
  Reopen();
  Status verified = Verify(*store_);
  ASSERT_TRUE(IsError(verified, ErrorCode::kDataLoss));
  EXPECT_NE(verified.error().message.find("entry 3"), std::string::npos);
}

TEST_F(StoreTest, DeletingTheNewestEntryIsFound) {
  for (int person = 1; person <= 3; ++person) {
    ASSERT_TRUE(IsOk(store_->AppendAudit(Read("eas-analyst", "eas", person, T("2017-04-01T10:00:00Z")))));
  }
  store_.reset();
  Exec(DatabasePath(), "DELETE FROM audit_log WHERE sequence = 3");
  Reopen();
  Status verified = Verify(*store_);
  ASSERT_TRUE(IsError(verified, ErrorCode::kDataLoss));
  EXPECT_NE(verified.error().message.find("entry 3"), std::string::npos);
}

TEST_F(StoreTest, AnAlteredAnchorIsFound) {
  ASSERT_TRUE(IsOk(store_->AppendAudit(Read("eas-analyst", "eas", 1, T("2017-04-01T10:00:00Z")))));
  store_.reset();
  Exec(DatabasePath(), "UPDATE meta SET value = '0' || value WHERE key = 'audit_anchor'");
  Reopen();
  EXPECT_TRUE(IsError(store_->AuditAnchor(), ErrorCode::kDataLoss));
}

TEST_F(StoreTest, RemovingTheWholeLogWithItsAnchorIsFound) {
  ASSERT_TRUE(IsOk(store_->AppendAudit(Read("eas-analyst", "eas", 1, T("2017-04-01T10:00:00Z")))));
  store_.reset();
  Exec(DatabasePath(), "DELETE FROM audit_log; DELETE FROM meta WHERE key = 'audit_anchor'");
  Reopen();
  EXPECT_TRUE(IsError(Verify(*store_), ErrorCode::kDataLoss));
}

TEST_F(StoreTest, QueriesAuditEntriesByPersonUserUnitAndTime) {
  ASSERT_TRUE(IsOk(store_->AppendAudit(Read("eas-analyst", "eas", 1, T("2017-04-01T10:00:00Z")))));
  ASSERT_TRUE(IsOk(store_->AppendAudit(Read("ssp-caseworker", "ssp", 1, T("2017-04-02T10:00:00Z")))));
  ASSERT_TRUE(IsOk(store_->AppendAudit(Read("ssp-caseworker", "ssp", 2, T("2017-04-03T10:00:00Z")))));
  AuditQuery by_person;
  by_person.person_id = 1;
  EXPECT_EQ(store_->QueryAudit(by_person)->size(), 2u);
  AuditQuery by_user;
  by_user.user = "ssp-caseworker";
  EXPECT_EQ(store_->QueryAudit(by_user)->size(), 2u);
  AuditQuery by_unit;
  by_unit.unit = "eas";
  EXPECT_EQ(store_->QueryAudit(by_unit)->size(), 1u);
  AuditQuery by_time;
  by_time.from = T("2017-04-02T00:00:00Z");
  by_time.to = T("2017-04-02T23:59:59Z");
  auto in_time = store_->QueryAudit(by_time);
  ASSERT_EQ(in_time->size(), 1u);
  EXPECT_EQ(in_time->front().sequence, 2);
  AuditQuery too_many;
  too_many.limit = 0;
  EXPECT_TRUE(IsError(store_->QueryAudit(too_many), ErrorCode::kInvalidArgument, "limit"));
}

}  // namespace
}  // namespace trygnet

namespace trygnet {
namespace {

TEST_F(StoreTest, ABatchOfEntriesChainsLikeSingleAppends) {
  ASSERT_TRUE(IsOk(store_->AppendAudit(Read("eas-analyst", "eas", 1, T("2017-04-01T10:00:00Z")))));
  std::vector<audit::AuditRecord> batch;
  for (PersonId person = 2; person <= 6; ++person)
    batch.push_back(Read("dks-officer", "dks", person, T("2017-04-01T11:00:00Z")));
  ASSERT_TRUE(IsOk(store_->AppendAuditBatch(batch)));
  ASSERT_TRUE(IsOk(store_->AppendAuditBatch({})));
  auto entries = All(*store_);
  ASSERT_EQ(entries.size(), 6u);
  for (size_t i = 1; i < entries.size(); ++i) EXPECT_EQ(entries[i].previous_hash, entries[i - 1].hash);
  EXPECT_EQ(entries[5].record.person_id, 6);
  EXPECT_EQ(store_->AuditAnchor()->count, 6);
  EXPECT_TRUE(IsOk(Verify(*store_)));
}

TEST_F(StoreTest, AReadSnapshotRefusesWrites) {
  Status status = store_->InReadSnapshot(
      [&]() -> Status { return store_->AppendAudit(Read("eas-analyst", "eas", 1, T("2017-04-01T10:00:00Z"))); });
  EXPECT_TRUE(IsError(status, ErrorCode::kInternal));
  EXPECT_EQ(store_->AuditAnchor()->count, 0);
  EXPECT_TRUE(IsOk(
      store_->InReadSnapshot([&]() -> Status { return store_->AuditAnchor().ok() ? OkStatus() : Internal("x"); })));
  // Usable for writes again afterwards.
  EXPECT_TRUE(IsOk(store_->AppendAudit(Read("eas-analyst", "eas", 1, T("2017-04-01T10:00:00Z")))));
}

}  // namespace
}  // namespace trygnet
