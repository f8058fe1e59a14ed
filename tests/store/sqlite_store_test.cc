// Opening, migrations, meta data, transactions, partnerships, users, persons
// and groups (src/store/sqlite/sqlite_store.cc).
#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/sqlite/migrations.h"
#include "store/store_fixture.h"

namespace trygnet {
namespace {

using testing::D;
using testing::IsError;
using testing::IsOk;
using testing::StoreTest;
using testing::T;
using testing::TempDir;

int UserVersionOf(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  int version = -1;
  if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW) {
    version = sqlite3_column_int(statement, 0);
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return version;
}

void ExecOn(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  char* message = nullptr;
  int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  EXPECT_EQ(code, SQLITE_OK) << (message ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// ------------------------------------------------------------------ opening

TEST_F(StoreTest, OpenAppliesTheMigrations) {
  EXPECT_EQ(store_->SchemaVersion(), sqlite::LatestSchemaVersion());
  EXPECT_GE(store_->SchemaVersion(), 1);
  store_.reset();
  EXPECT_EQ(UserVersionOf(DatabasePath()), sqlite::LatestSchemaVersion());
}

TEST_F(StoreTest, ReopeningKeepsTheData) {
  LoadNorrebro();
  PersonId id = AddPerson(MakePerson("Mikkel", "Testesen", "010190-1238"));
  Reopen();
  auto person = store_->GetPerson(id);
  ASSERT_TRUE(IsOk(person));
  EXPECT_EQ(person->identity.given_name, "Mikkel");
  EXPECT_EQ(UserVersionOf(DatabasePath()), sqlite::LatestSchemaVersion());
}

TEST_F(StoreTest, OpenRefusesANewerSchema) {
  store_.reset();
  ExecOn(DatabasePath(), "PRAGMA user_version = " + std::to_string(sqlite::LatestSchemaVersion() + 1));
  auto opened = SqliteStore::Open(DatabasePath(), *key_, clock_);
  ASSERT_TRUE(IsError(opened, ErrorCode::kFailedPrecondition));
  EXPECT_NE(opened.error().message.find("newer"), std::string::npos);
  // Nothing was changed by the refused open.
  EXPECT_EQ(UserVersionOf(DatabasePath()), sqlite::LatestSchemaVersion() + 1);
}

TEST_F(StoreTest, OpenRefusesAWrongKey) {
  store_.reset();
  std::array<uint8_t, kMasterKeyBytes> other_bytes{};
  other_bytes.fill(0x5a);
  MasterKey other(other_bytes);
  EXPECT_TRUE(IsError(SqliteStore::Open(DatabasePath(), other, clock_), ErrorCode::kPermissionDenied));
  // The right key still opens it.
  EXPECT_TRUE(IsOk(SqliteStore::Open(DatabasePath(), *key_, clock_)));
}

TEST(SqliteStoreOpen, MissingFileWithoutCreateIsUnavailable) {
  TempDir dir;
  std::array<uint8_t, kMasterKeyBytes> bytes{};
  FixedClock clock(Timestamp::FromUnixSeconds(1496311200));
  auto opened = SqliteStore::Open(dir.File("missing.db"), MasterKey(bytes), clock);
  EXPECT_TRUE(IsError(opened, ErrorCode::kUnavailable));
  EXPECT_FALSE(std::filesystem::exists(dir.File("missing.db")));
}

TEST(SqliteStoreOpen, AFileThatIsNoDatabaseIsRefused) {
  TempDir dir;
  std::string path = dir.File("not-a.db");
  std::ofstream(path) << "Dette er ikke en database, men en tekstfil med nok bytes til at ligne en header.\n";
  std::array<uint8_t, kMasterKeyBytes> bytes{};
  FixedClock clock(Timestamp::FromUnixSeconds(1496311200));
  auto opened = SqliteStore::Open(path, MasterKey(bytes), clock);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, ErrorCode::kDataLoss) << opened.error().ToString();
}

// ------------------------------------------------------------------ demo mark

TEST_F(StoreTest, DemoMarkIsOffUntilSet) {
  auto is_demo = store_->IsDemo();
  ASSERT_TRUE(IsOk(is_demo));
  EXPECT_FALSE(*is_demo);
  auto peeked = SqliteStore::PeekIsDemo(DatabasePath());
  ASSERT_TRUE(IsOk(peeked));
  EXPECT_FALSE(*peeked);

  ASSERT_TRUE(IsOk(store_->MarkAsDemo()));
  ASSERT_TRUE(IsOk(store_->MarkAsDemo()));  // idempotent
  EXPECT_TRUE(*store_->IsDemo());
  store_.reset();
  peeked = SqliteStore::PeekIsDemo(DatabasePath());
  ASSERT_TRUE(IsOk(peeked));
  EXPECT_TRUE(*peeked);
}

TEST(SqliteStorePeekIsDemo, MissingFileIsUnavailable) {
  TempDir dir;
  EXPECT_TRUE(IsError(SqliteStore::PeekIsDemo(dir.File("missing.db")), ErrorCode::kUnavailable));
}

TEST(SqliteStorePeekIsDemo, UninitialisedDatabaseIsNotDemo) {
  TempDir dir;
  std::string path = dir.File("empty.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE other (x INTEGER)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto peeked = SqliteStore::PeekIsDemo(path);
  ASSERT_TRUE(IsOk(peeked));
  EXPECT_FALSE(*peeked);
}

// ------------------------------------------------------------------ transactions

TEST_F(StoreTest, InTransactionCommitsOnSuccess) {
  auto status = store_->InTransaction([&]() -> Status {
    TRY_STATUS(store_->AddPerson(MakePerson("Mikkel", "Testesen", "010190-1238")));
    TRY_STATUS(store_->AddPerson(MakePerson("Sofie", "Prøvesen", "020292-4002")));
    return OkStatus();
  });
  ASSERT_TRUE(IsOk(status));
  EXPECT_EQ(*store_->CountPersons(), 2);
}

TEST_F(StoreTest, InTransactionRollsBackOnError) {
  auto status = store_->InTransaction([&]() -> Status {
    TRY_STATUS(store_->AddPerson(MakePerson("Mikkel", "Testesen", "010190-1238")));
    return InvalidArgument("test", "forced failure after the insert");
  });
  EXPECT_TRUE(IsError(status, ErrorCode::kInvalidArgument, "test"));
  EXPECT_EQ(*store_->CountPersons(), 0);
  // The store is usable afterwards.
  EXPECT_TRUE(IsOk(store_->AddPerson(MakePerson("Mikkel", "Testesen", "010190-1238"))));
  EXPECT_EQ(*store_->CountPersons(), 1);
}

TEST_F(StoreTest, NestedTransactionFailureRollsBackTheOuterOne) {
  auto status = store_->InTransaction([&]() -> Status {
    TRY_STATUS(store_->AddPerson(MakePerson("Mikkel", "Testesen", "010190-1238")));
    return store_->InTransaction([&]() -> Status {
      TRY_STATUS(store_->AddPerson(MakePerson("Sofie", "Prøvesen", "020292-4002")));
      return Conflict("forced failure in the inner transaction");
    });
  });
  EXPECT_TRUE(IsError(status, ErrorCode::kConflict));
  EXPECT_EQ(*store_->CountPersons(), 0);
}

TEST_F(StoreTest, AFailedNestedStepIsUndoneWhileTheOuterWorkGoesOn) {
  auto status = store_->InTransaction([&]() -> Status {
    TRY_STATUS(store_->AddPerson(MakePerson("Mikkel", "Testesen", "010190-1238")));
    Status inner = store_->InTransaction([&]() -> Status {
      TRY_STATUS(store_->AddPerson(MakePerson("Sofie", "Prøvesen", "020292-4002")));
      return Conflict("forced failure in the inner transaction");
    });
    EXPECT_TRUE(IsError(inner, ErrorCode::kConflict));
    return OkStatus();  // the outer work carries on and commits
  });
  ASSERT_TRUE(IsOk(status));
  EXPECT_EQ(*store_->CountPersons(), 1);  // Mikkel only: Sofie's insert was rolled back to the savepoint
}

TEST_F(StoreTest, OpenRefusesAFileThatIsNotATrygnetDatabase) {
  std::string other = dir_.File("other.db");
  std::ofstream(other).close();
  ExecOn(other, "CREATE TABLE unrelated (x INTEGER)");
  auto opened = SqliteStore::Open(other, *key_, clock_);
  EXPECT_TRUE(IsError(opened, ErrorCode::kFailedPrecondition));
  std::ofstream(dir_.File("empty.db")).close();
  EXPECT_TRUE(IsError(SqliteStore::Open(dir_.File("empty.db"), *key_, clock_), ErrorCode::kFailedPrecondition));
}

TEST_F(StoreTest, AMissingKeyCheckIsNotReplacedOnceThereIsData) {
  ASSERT_TRUE(IsOk(store_->AddPerson(MakePerson("Mikkel", "Testesen", "010190-1238"))));
  store_.reset();
  ExecOn(DatabasePath(), "DELETE FROM meta WHERE key = 'key_check'");
  EXPECT_TRUE(IsError(SqliteStore::Open(DatabasePath(), *key_, clock_), ErrorCode::kDataLoss));
}

TEST_F(StoreTest, DamagedStoredDataIsDataLossNotBadInput) {
  LoadNorrebro();
  Group group;
  group.name = "Gruppe Nordlys";
  auto id = store_->AddGroup(group);
  ASSERT_TRUE(IsOk(id));
  Group child;
  child.name = "Gruppe Sydlys";
  child.lineage = {{LineageKind::kSplitFrom, *id, D("2016-05-01")}};
  auto child_id = store_->AddGroup(child);
  ASSERT_TRUE(IsOk(child_id));
  ExecOn(DatabasePath(), "UPDATE group_lineage SET on_date = '2016-13-45'");
  EXPECT_TRUE(IsError(store_->GetGroup(*child_id), ErrorCode::kDataLoss));
}

// ------------------------------------------------------------------ partnerships and users

TEST_F(StoreTest, SavesAndReturnsThePartnership) {
  LoadNorrebro();
  auto stored = store_->GetPartnership("norrebro-2017");
  ASSERT_TRUE(IsOk(stored));
  EXPECT_EQ(stored->name, "Partnerskabsaftale For et trygt Nørrebro");
  EXPECT_EQ(stored->loaded_at, clock_.Now());
  std::ifstream in(TRYGNET_SOURCE_DIR "/partnerships/norrebro-2017.toml", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_EQ(stored->definition, text.str());
}

TEST_F(StoreTest, SavingAgainReplacesThePartnership) {
  LoadNorrebro();
  clock_.Set(T("2017-07-01T10:00:00Z"));
  LoadNorrebro();
  auto all = store_->ListPartnerships();
  ASSERT_TRUE(IsOk(all));
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].id, "norrebro-2017");
  EXPECT_EQ((*all)[0].loaded_at, T("2017-07-01T10:00:00Z"));
}

TEST_F(StoreTest, UnknownPartnershipIsNotFound) {
  EXPECT_TRUE(IsError(store_->GetPartnership("amager-2019"), ErrorCode::kNotFound, "partnership"));
}

TEST_F(StoreTest, StoresUsersOfKnownUnits) {
  LoadNorrebro();
  User user{"eas-analyst", "Sofie Prøvesen", "eas", {UserRole::kAnalyst, UserRole::kAuditor}, false};
  ASSERT_TRUE(IsOk(store_->AddUser(user)));
  auto read = store_->GetUser("eas-analyst");
  ASSERT_TRUE(IsOk(read));
  EXPECT_EQ(read->display_name, "Sofie Prøvesen");
  EXPECT_EQ(read->unit_id, "eas");
  EXPECT_EQ(read->roles, user.roles);
  EXPECT_FALSE(read->disabled);

  EXPECT_TRUE(IsError(store_->AddUser(user), ErrorCode::kConflict, "username"));
  User stranger{"ukendt-enhed", "Jonas Eksempel", "no-such-unit", {UserRole::kCaseworker}, false};
  EXPECT_TRUE(IsError(store_->AddUser(stranger), ErrorCode::kInvalidArgument, "unit_id"));
  User invalid{"x", "Jonas Eksempel", "ssp", {UserRole::kCaseworker}, false};
  EXPECT_TRUE(IsError(store_->AddUser(invalid), ErrorCode::kInvalidArgument, "username"));
  EXPECT_TRUE(IsError(store_->GetUser("nobody"), ErrorCode::kNotFound, "username"));
  auto users = store_->ListUsers();
  ASSERT_TRUE(IsOk(users));
  EXPECT_EQ(users->size(), 1u);
}

// ------------------------------------------------------------------ persons

TEST_F(StoreTest, AddsAndReadsAPerson) {
  LoadNorrebro();
  Person mikkel = MakePerson("Mikkel", "Testesen", "010190-1238", "mjolnerparken");
  auto id = store_->AddPerson(mikkel);
  ASSERT_TRUE(IsOk(id));
  EXPECT_EQ(*id, 1);
  auto read = store_->GetPerson(*id);
  ASSERT_TRUE(IsOk(read));
  EXPECT_EQ(read->id, *id);
  EXPECT_EQ(read->identity.given_name, "Mikkel");
  EXPECT_EQ(read->identity.family_name, "Testesen");
  ASSERT_TRUE(read->identity.cpr.has_value());
  EXPECT_EQ(read->identity.cpr->digits(), "0101901238");
  EXPECT_EQ(read->identity.birth_date, D("1990-01-01"));
  EXPECT_EQ(read->residence_area_id, "mjolnerparken");
  EXPECT_EQ(read->recorded_at, clock_.Now());
}

TEST_F(StoreTest, AddsAPersonWithoutCprNumber) {
  Person person;
  person.identity.given_name = "Freja";
  person.identity.family_name = "Opdigtet";
  person.identity.birth_date = D("2002-02-28");
  auto id = store_->AddPerson(person);
  ASSERT_TRUE(IsOk(id));
  auto read = store_->GetPerson(*id);
  ASSERT_TRUE(IsOk(read));
  EXPECT_FALSE(read->identity.cpr.has_value());
  EXPECT_EQ(read->identity.birth_date, D("2002-02-28"));
  EXPECT_EQ(read->residence_area_id, "");
}

TEST_F(StoreTest, FindsAPersonByCpr) {
  PersonId mikkel = AddPerson(MakePerson("Mikkel", "Testesen", "010190-1238"));
  PersonId sofie = AddPerson(MakePerson("Sofie", "Prøvesen", "020292-4002"));
  auto found = store_->FindPersonByCpr(*CprNumber::Parse("0202924002"));
  ASSERT_TRUE(IsOk(found));
  EXPECT_EQ(*found, std::optional<PersonId>(sofie));
  EXPECT_EQ(*store_->FindPersonByCpr(*CprNumber::Parse("010190-1238")), std::optional<PersonId>(mikkel));
  auto missing = store_->FindPersonByCpr(*CprNumber::Parse("030393-4003"));
  ASSERT_TRUE(IsOk(missing));
  EXPECT_FALSE(missing->has_value());
}

TEST_F(StoreTest, RefusesADuplicateCprNumber) {
  AddPerson(MakePerson("Mikkel", "Testesen", "010190-1238"));
  EXPECT_TRUE(IsError(store_->AddPerson(MakePerson("Mikael", "Testsen", "0101901238")), ErrorCode::kConflict, "cpr"));
  EXPECT_EQ(*store_->CountPersons(), 1);
}

TEST_F(StoreTest, RefusesAnUnknownResidenceArea) {
  LoadNorrebro();
  EXPECT_TRUE(IsError(store_->AddPerson(MakePerson("Mikkel", "Testesen", "010190-1238", "vesterbro")),
                      ErrorCode::kInvalidArgument, "residence_area_id"));
  EXPECT_EQ(*store_->CountPersons(), 0);
}

TEST_F(StoreTest, ValidatesPersonsAgainstTheClock) {
  Person unborn = MakePerson("Mikkel", "Testesen", "020617-4001");  // born 2017-06-02, clock says 2017-06-01
  EXPECT_TRUE(IsError(store_->AddPerson(unborn), ErrorCode::kInvalidArgument, "birth_date"));
  Person nameless = MakePerson("", "Testesen", "010190-1238");
  EXPECT_TRUE(IsError(store_->AddPerson(nameless), ErrorCode::kInvalidArgument, "given_name"));
  EXPECT_EQ(*store_->CountPersons(), 0);
}

TEST_F(StoreTest, UnknownPersonIsNotFound) {
  EXPECT_TRUE(IsError(store_->GetPerson(999), ErrorCode::kNotFound, "person_id"));
}

TEST_F(StoreTest, ListsPersonsByAreaWithPaging) {
  LoadNorrebro();
  AddPerson(MakePerson("Mikkel", "Testesen", "010190-1238", "mjolnerparken"));
  AddPerson(MakePerson("Sofie", "Prøvesen", "020292-4002", "lundtoftegade"));
  AddPerson(MakePerson("Jonas", "Eksempel", "030393-4003", "mjolnerparken"));

  auto in_area = store_->ListPersons({"mjolnerparken", 0, 100});
  ASSERT_TRUE(IsOk(in_area));
  ASSERT_EQ(in_area->size(), 2u);
  EXPECT_EQ((*in_area)[0].identity.given_name, "Mikkel");
  EXPECT_EQ((*in_area)[1].identity.given_name, "Jonas");

  auto page = store_->ListPersons({"", 1, 1});
  ASSERT_TRUE(IsOk(page));
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].identity.given_name, "Sofie");
  EXPECT_EQ(*store_->CountPersons(), 3);

  EXPECT_TRUE(IsError(store_->ListPersons({"", 0, 0}), ErrorCode::kInvalidArgument, "limit"));
  EXPECT_TRUE(IsError(store_->ListPersons({"", 0, 10001}), ErrorCode::kInvalidArgument, "limit"));
  EXPECT_TRUE(IsError(store_->ListPersons({"", -1, 10}), ErrorCode::kInvalidArgument, "offset"));
}

TEST_F(StoreTest, IdentityIsEncryptedAtRest) {
  LoadNorrebro();
  AddPerson(MakePerson("Mikkelsmeden", "Testesenius", "010190-1238", "mjolnerparken"));
  AddPerson(MakePerson("Sofiella", "Prøvesdatter", "020292-4002"));
  store_.reset();  // the last connection checkpoints the WAL into the file

  std::string bytes = ReadBytes(DatabasePath());
  std::string wal_path = DatabasePath() + "-wal";
  if (std::filesystem::exists(wal_path)) bytes += ReadBytes(wal_path);
  ASSERT_GT(bytes.size(), 0u);
  EXPECT_NE(bytes.find("mjolnerparken"), std::string::npos);  // the sanity check: plain columns are visible
  for (const char* secret : {"Mikkelsmeden", "Testesenius", "Sofiella", "Prøvesdatter", "0101901238", "010190-1238",
                             "0202924002", "1990-01-01", "1992-02-02"}) {
    EXPECT_EQ(bytes.find(secret), std::string::npos) << secret << " is stored in clear";
  }
}

TEST_F(StoreTest, AnIdentityMovedToAnotherRowCannotBeRead) {
  PersonId mikkel = AddPerson(MakePerson("Mikkel", "Testesen", "010190-1238"));
  PersonId sofie = AddPerson(MakePerson("Sofie", "Prøvesen", "020292-4002"));
  store_.reset();
  // Copy Mikkel's encrypted given name over Sofie's: the ciphertext is bound to its row.
  ExecOn(DatabasePath(), "UPDATE persons SET given_name = (SELECT given_name FROM persons WHERE id = " +
                             std::to_string(mikkel) + ") WHERE id = " + std::to_string(sofie));
  Reopen();
  EXPECT_TRUE(IsError(store_->GetPerson(sofie), ErrorCode::kDataLoss));
  EXPECT_TRUE(IsOk(store_->GetPerson(mikkel)));
}

// ------------------------------------------------------------------ groups

TEST_F(StoreTest, StoresGroupsWithAliasesAndLineage) {
  LoadNorrebro();
  Group nordlys;
  nordlys.name = "Gruppe Nordlys";
  nordlys.aliases = {"Nordlys-drengene"};
  nordlys.home_area_ids = {"mjolnerparken"};
  auto nordlys_id = store_->AddGroup(nordlys);
  ASSERT_TRUE(IsOk(nordlys_id));

  Group sydlys;
  sydlys.name = "Gruppe Sydlys";
  sydlys.lineage = {{LineageKind::kRenamedFrom, *nordlys_id, D("2017-05-01")}};
  auto sydlys_id = store_->AddGroup(sydlys);
  ASSERT_TRUE(IsOk(sydlys_id));

  auto read = store_->GetGroup(*sydlys_id);
  ASSERT_TRUE(IsOk(read));
  EXPECT_EQ(read->name, "Gruppe Sydlys");
  ASSERT_EQ(read->lineage.size(), 1u);
  EXPECT_EQ(read->lineage[0].kind, LineageKind::kRenamedFrom);
  EXPECT_EQ(read->lineage[0].source_group_id, *nordlys_id);
  EXPECT_EQ(read->lineage[0].on, D("2017-05-01"));

  auto first = store_->GetGroup(*nordlys_id);
  ASSERT_TRUE(IsOk(first));
  EXPECT_EQ(first->aliases, nordlys.aliases);
  EXPECT_EQ(first->home_area_ids, nordlys.home_area_ids);

  auto all = store_->ListGroups();
  ASSERT_TRUE(IsOk(all));
  EXPECT_EQ(all->size(), 2u);
}

TEST_F(StoreTest, RefusesLineageFromAnUnknownGroup) {
  Group orphan;
  orphan.name = "Gruppe Morgenrøde";
  orphan.lineage = {{LineageKind::kSplitFrom, 99, D("2017-05-01")}};
  EXPECT_TRUE(IsError(store_->AddGroup(orphan), ErrorCode::kInvalidArgument, "lineage"));
  auto all = store_->ListGroups();
  ASSERT_TRUE(IsOk(all));
  EXPECT_TRUE(all->empty());  // the group row was rolled back with the lineage
}

TEST_F(StoreTest, ValidatesGroups) {
  Group nameless;
  EXPECT_TRUE(IsError(store_->AddGroup(nameless), ErrorCode::kInvalidArgument, "name"));
  EXPECT_TRUE(IsError(store_->GetGroup(5), ErrorCode::kNotFound, "group_id"));
}

}  // namespace
}  // namespace trygnet
