// Opening, meta data, partnerships, users, persons and groups.
#include "store/sqlite/sqlite_store.h"

#include <sodium.h>

#include <algorithm>

#include "store/sqlite/json_columns.h"
#include "store/sqlite/migrations.h"

namespace trygnet {

using sqlite::FromJsonList;
using sqlite::ToJsonList;

namespace {
constexpr std::string_view kKeyCheckPlaintext = "trygnet key check";

std::string ToHex(const std::vector<uint8_t>& bytes) {
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  hex.pop_back();
  return hex;
}

std::vector<uint8_t> FromHex(const std::string& hex) {
  std::vector<uint8_t> bytes(hex.size() / 2);
  size_t length = 0;
  if (sodium_hex2bin(bytes.data(), bytes.size(), hex.data(), hex.size(), nullptr, &length, nullptr) != 0) return {};
  bytes.resize(length);
  return bytes;
}

// SQLITE_TRACE_PROFILE reports each statement's run time in nanoseconds.
int AddStatementTime(unsigned type, void* context, void*, void* nanoseconds) {
  if (type != SQLITE_TRACE_PROFILE) return 0;
  auto* timer = static_cast<StatementTimer*>(context);
  timer->nanoseconds.fetch_add(*static_cast<sqlite3_int64*>(nanoseconds), std::memory_order_relaxed);
  timer->statements.fetch_add(1, std::memory_order_relaxed);
  return 0;
}

}  // namespace

Timestamp EndOfDay(Date day) { return Timestamp::StartOf(day.AddDays(1)).AddSeconds(-1); }

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path, const MasterKey& key,
                                                       const Clock& clock, SqliteOpenOptions options) {
  TRY_ASSIGN(auto connection, sqlite::Connection::Open(path, options.create));
  if (options.statement_timer) {
    sqlite3_trace_v2(connection.handle(), SQLITE_TRACE_PROFILE, AddStatementTime, options.statement_timer);
  }
  TRY_STATUS(sqlite::Migrate(connection, options.create));
  std::unique_ptr<SqliteStore> store(new SqliteStore(path, std::move(connection), key, clock));
  TRY_STATUS(store->CheckKey());
  TRY_STATUS(store->FinishInterruptedBulkLoad());
  return store;
}

Result<sqlite::Statement*> SqliteStore::Cached(std::string_view sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    TRY_ASSIGN(auto statement, db_.Prepare(sql));
    found = statements_.emplace(std::string(sql), std::move(statement)).first;
  }
  return &found->second;
}

Result<bool> SqliteStore::PeekIsDemo(const std::string& path) {
  TRY_ASSIGN(auto connection, sqlite::Connection::OpenReadOnly(path));
  auto statement = connection.Prepare("SELECT value FROM meta WHERE key = 'demo'");
  if (!statement.ok()) return false;  // not initialised yet
  TRY_ASSIGN(bool has_row, statement->Step());
  return has_row && statement->Text(0) == "1";
}

Status SqliteStore::CheckKey() {
  TRY_ASSIGN(auto select, db_.Prepare("SELECT value FROM meta WHERE key = 'key_check'"));
  TRY_ASSIGN(bool has_row, select.Step());
  if (!has_row) {
    // Only a database without personal data may adopt a key; otherwise the check was removed.
    TRY_ASSIGN(int64_t persons, CountPersons());
    if (persons > 0) return DataLoss("the database's key check is missing; refusing to adopt a key");
    return InTransaction([&]() -> Status {
      TRY_ASSIGN(auto insert, db_.Prepare("INSERT INTO meta (key, value) VALUES ('key_check', ?)"));
      TRY_STATUS(insert.Bind(1, ToHex(cipher_.Encrypt(kKeyCheckPlaintext, "meta.key_check", 0))).Run());
      return WriteAuditAnchor({});  // the empty log, authenticated from the start
    });
  }
  auto opened = cipher_.Decrypt(FromHex(select.Text(0)), "meta.key_check", 0);
  if (!opened.ok() || *opened != kKeyCheckPlaintext) {
    return PermissionDenied("the key file does not belong to this database");
  }
  return OkStatus();
}

Status SqliteStore::InTransaction(const std::function<Status()>& work) {
  if (in_read_snapshot_) return Internal("a write was attempted inside a read snapshot");
  if (transaction_depth_ > 0) {
    // Nested: a savepoint, so a failed inner step is undone even if the outer work goes on.
    std::string savepoint = "nested_" + std::to_string(transaction_depth_);
    TRY_STATUS(db_.Exec("SAVEPOINT " + savepoint));
    ++transaction_depth_;
    Status status = work();
    --transaction_depth_;
    if (!status.ok()) (void)db_.Exec("ROLLBACK TO " + savepoint);
    Status released = db_.Exec("RELEASE " + savepoint);
    return status.ok() ? released : status;
  }
  TRY_STATUS(db_.Exec("BEGIN IMMEDIATE"));
  transaction_depth_ = 1;
  Status status = work();
  transaction_depth_ = 0;
  if (!status.ok()) {
    (void)db_.Exec("ROLLBACK");
    return status;
  }
  Status committed = db_.Exec("COMMIT");
  if (!committed.ok()) (void)db_.Exec("ROLLBACK");
  return committed;
}

Status SqliteStore::InReadSnapshot(const std::function<Status()>& work) {
  if (in_read_snapshot_ || transaction_depth_ > 0) return work();  // already inside one
  // Cached statements: every GET of the API runs these two.
  TRY_ASSIGN(auto* begin, Cached("BEGIN DEFERRED"));
  TRY_STATUS(begin->Run());
  in_read_snapshot_ = true;
  Status status = work();
  in_read_snapshot_ = false;
  auto commit = Cached("COMMIT");
  Status ended = commit.ok() ? (*commit)->Run() : Status(commit.error());  // ends the read; nothing was written
  if (!ended.ok()) (void)db_.Exec("ROLLBACK");
  return status.ok() ? ended : status;
}

Result<bool> SqliteStore::IsDemo() {
  TRY_ASSIGN(auto statement, db_.Prepare("SELECT value FROM meta WHERE key = 'demo'"));
  TRY_ASSIGN(bool has_row, statement.Step());
  return has_row && statement.Text(0) == "1";
}

Status SqliteStore::MarkAsDemo() {
  TRY_ASSIGN(auto statement, db_.Prepare("INSERT INTO meta (key, value) VALUES ('demo', '1') "
                                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
  return statement.Run();
}

int SqliteStore::SchemaVersion() { return sqlite::LatestSchemaVersion(); }

Result<int64_t> SqliteStore::NextId(std::string_view table, std::string_view column) {
  TRY_ASSIGN(auto* statement,
             Cached("SELECT COALESCE(MAX(" + std::string(column) + "), 0) + 1 FROM " + std::string(table)));
  return CountQuery(*statement);
}

Result<int64_t> SqliteStore::CountQuery(sqlite::Statement& statement) {
  TRY_ASSIGN(bool has_row, statement.Step());
  int64_t value = has_row ? statement.Int(0) : 0;
  statement.Reset();
  return value;
}

// ------------------------------------------------------------------ partnerships

Status SqliteStore::SavePartnership(const Partnership& partnership, const std::string& definition_text) {
  return InTransaction([&]() -> Status {
    TRY_ASSIGN(auto upsert,
               db_.Prepare(
                   "INSERT INTO partnerships (id, name, period_from, period_to, definition, loaded_at) VALUES (?, ?, "
                   "?, ?, ?, ?) "
                   "ON CONFLICT (id) DO UPDATE SET name = excluded.name, period_from = excluded.period_from, "
                   "period_to = excluded.period_to, definition = excluded.definition, loaded_at = excluded.loaded_at"));
    upsert.Bind(1, partnership.id)
        .Bind(2, partnership.name)
        .Bind(3, partnership.period_from.ToString())
        .Bind(4, partnership.period_to.ToString())
        .Bind(5, definition_text)
        .Bind(6, clock_.Now().unix_seconds());
    TRY_STATUS(upsert.Run());

    TRY_ASSIGN(
        auto unit,
        db_.Prepare("INSERT INTO units (id, organisation_id, organisation_name, kind, name) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET organisation_id = excluded.organisation_id, "
                    "organisation_name = excluded.organisation_name, kind = excluded.kind, name = excluded.name"));
    for (const Unit& item : partnership.units) {
      const Organisation* organisation = partnership.FindOrganisation(item.organisation_id);
      unit.Bind(1, item.id)
          .Bind(2, organisation->id)
          .Bind(3, organisation->name)
          .Bind(4, UnitKindName(organisation->kind))
          .Bind(5, item.name);
      TRY_STATUS(unit.Run());
    }

    // Parents before children, so the foreign key holds on every insert.
    TRY_ASSIGN(
        auto area,
        db_.Prepare("INSERT INTO areas (id, name, kind, parent_id) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                    "name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id"));
    std::vector<const Area*> pending;
    for (const Area& item : partnership.areas) pending.push_back(&item);
    std::vector<std::string> inserted;
    while (!pending.empty()) {
      size_t before = pending.size();
      for (auto it = pending.begin(); it != pending.end();) {
        const Area& item = **it;
        bool parent_ready =
            item.parent_id.empty() || std::find(inserted.begin(), inserted.end(), item.parent_id) != inserted.end();
        if (!parent_ready) {
          ++it;
          continue;
        }
        area.Bind(1, item.id).Bind(2, item.name).Bind(3, AreaKindName(item.kind));
        item.parent_id.empty() ? area.BindNull(4) : area.Bind(4, item.parent_id);
        TRY_STATUS(area.Run());
        inserted.push_back(item.id);
        it = pending.erase(it);
      }
      if (pending.size() == before) return InvalidArgument("areas", "the area parents form a cycle");
    }

    TRY_ASSIGN(auto clear_focus, db_.Prepare("DELETE FROM area_focus WHERE partnership_id = ?"));
    clear_focus.Bind(1, partnership.id);
    TRY_STATUS(clear_focus.Run());
    TRY_ASSIGN(
        auto focus,
        db_.Prepare(
            "INSERT INTO area_focus (partnership_id, area_id, valid_from, valid_to, decision) VALUES (?, ?, ?, ?, ?)"));
    for (const Area& item : partnership.areas) {
      for (const FocusPeriod& period : item.focus) {
        focus.Bind(1, partnership.id).Bind(2, item.id).Bind(3, period.from.ToString()).Bind(5, period.decision);
        period.to ? focus.Bind(4, period.to->ToString()) : focus.BindNull(4);
        TRY_STATUS(focus.Run());
      }
    }
    return OkStatus();
  });
}

Result<StoredPartnership> SqliteStore::GetPartnership(const std::string& partnership_id) {
  TRY_ASSIGN(auto statement, db_.Prepare("SELECT id, name, definition, loaded_at FROM partnerships WHERE id = ?"));
  statement.Bind(1, partnership_id);
  TRY_ASSIGN(bool has_row, statement.Step());
  if (!has_row) {
    return NotFound("partnership \"" + partnership_id + "\" is not loaded (use `trygnet partnership load`)",
                    "partnership");
  }
  return StoredPartnership{statement.Text(0), statement.Text(1), statement.Text(2),
                           Timestamp::FromUnixSeconds(statement.Int(3))};
}

Result<std::vector<StoredPartnership>> SqliteStore::ListPartnerships() {
  TRY_ASSIGN(auto statement, db_.Prepare("SELECT id, name, '', loaded_at FROM partnerships ORDER BY id"));
  std::vector<StoredPartnership> partnerships;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    partnerships.push_back({statement.Text(0), statement.Text(1), "", Timestamp::FromUnixSeconds(statement.Int(3))});
  }
  return partnerships;
}

// ------------------------------------------------------------------ users

Status SqliteStore::AddUser(const User& user) {
  TRY_STATUS(ValidateUser(user));
  std::vector<std::string> roles;
  for (UserRole role : user.roles) roles.emplace_back(UserRoleName(role));
  TRY_ASSIGN(auto statement, db_.Prepare("INSERT INTO users (username, display_name, unit_id, roles, disabled, "
                                         "created_at) VALUES (?, ?, ?, ?, ?, ?)"));
  statement.Bind(1, user.username)
      .Bind(2, user.display_name)
      .Bind(3, user.unit_id)
      .Bind(4, ToJsonList(roles))
      .Bind(5, user.disabled ? 1 : 0)
      .Bind(6, clock_.Now().unix_seconds());
  Status status =
      sqlite::ReferencesExist(statement, statement.Run(), "unit_id", "unknown unit \"" + user.unit_id + "\"");
  if (!status.ok() && status.error().code == ErrorCode::kConflict) {
    return Conflict("user \"" + user.username + "\" exists already", "username");
  }
  return status;
}

namespace {
Result<User> ReadUser(sqlite::Statement& statement) {
  User user;
  user.username = statement.Text(0);
  user.display_name = statement.Text(1);
  user.unit_id = statement.Text(2);
  TRY_ASSIGN(auto role_names, FromJsonList<std::string>(statement.Text(3), "users.roles"));
  for (const std::string& name : role_names) {
    TRY_ASSIGN(UserRole role, sqlite::Stored(ParseUserRole(name, "roles")));
    user.roles.push_back(role);
  }
  user.disabled = statement.Int(4) != 0;
  return user;
}
}  // namespace

Result<User> SqliteStore::GetUser(const std::string& username) {
  TRY_ASSIGN(auto* cached,
             Cached("SELECT username, display_name, unit_id, roles, disabled FROM users WHERE username = ?"));
  sqlite::ResetOnExit reset(*cached);
  sqlite::Statement& statement = *cached;
  statement.Bind(1, username);
  TRY_ASSIGN(bool has_row, statement.Step());
  if (!has_row) return NotFound("no user \"" + username + "\"", "username");
  return ReadUser(statement);
}

// One query: a bearer request is authenticated on every call.
Result<std::optional<User>> SqliteStore::FindApiTokenUser(const std::vector<uint8_t>& token_hash) {
  TRY_ASSIGN(auto* cached, Cached("SELECT u.username, u.display_name, u.unit_id, u.roles, u.disabled "
                                  "FROM api_tokens t JOIN users u ON u.username = t.username "
                                  "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled = 0"));
  sqlite::ResetOnExit reset(*cached);
  TRY_ASSIGN(bool found, cached->Bind(1, token_hash).Step());
  if (!found) return std::optional<User>();
  TRY_ASSIGN(User user, ReadUser(*cached));
  return std::optional<User>(std::move(user));
}

Result<std::vector<User>> SqliteStore::ListUsers() {
  TRY_ASSIGN(auto statement,
             db_.Prepare("SELECT username, display_name, unit_id, roles, disabled FROM users ORDER BY username"));
  std::vector<User> users;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    TRY_ASSIGN(User user, ReadUser(statement));
    users.push_back(std::move(user));
  }
  return users;
}

// ------------------------------------------------------------------ persons

Result<PersonId> SqliteStore::AddPerson(const Person& person) {
  TRY_STATUS(ValidatePerson(person, clock_.Now().date()));
  PersonId id = 0;
  TRY_STATUS(InTransaction([&]() -> Status {
    TRY_ASSIGN(id, NextId("persons", "id"));
    TRY_ASSIGN(auto* cached, Cached("INSERT INTO persons (id, given_name, family_name, birth_date, cpr, cpr_index, "
                                    "residence_area_id, recorded_at, recorded_by_unit) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    sqlite::Statement& statement = *cached;
    statement.Bind(1, id)
        .Bind(2, cipher_.Encrypt(person.identity.given_name, "persons.given_name", id))
        .Bind(3, cipher_.Encrypt(person.identity.family_name, "persons.family_name", id))
        .Bind(4, cipher_.Encrypt(person.identity.birth_date.ToString(), "persons.birth_date", id))
        .Bind(8, clock_.Now().unix_seconds())
        .Bind(9, person.recorded_by_unit_id);
    if (person.identity.cpr) {
      statement.Bind(5, cipher_.Encrypt(person.identity.cpr->digits(), "persons.cpr", id))
          .Bind(6, cipher_.BlindIndex("persons.cpr", person.identity.cpr->digits()));
    } else {
      statement.BindNull(5).BindNull(6);
    }
    person.residence_area_id.empty() ? statement.BindNull(7) : statement.Bind(7, person.residence_area_id);
    Status status = sqlite::ReferencesExist(statement, statement.Run(), "residence_area_id",
                                            "unknown area \"" + person.residence_area_id + "\"");
    if (!status.ok() && status.error().code == ErrorCode::kConflict) {
      return Conflict("a person with this CPR number exists already", "cpr");
    }
    return status;
  }));
  return id;
}

Result<Person> SqliteStore::ReadPerson(sqlite::Statement& statement) {
  Person person;
  person.id = statement.Int(0);
  TRY_ASSIGN(person.identity.given_name, cipher_.Decrypt(statement.Blob(1), "persons.given_name", person.id));
  TRY_ASSIGN(person.identity.family_name, cipher_.Decrypt(statement.Blob(2), "persons.family_name", person.id));
  TRY_ASSIGN(std::string birth, cipher_.Decrypt(statement.Blob(3), "persons.birth_date", person.id));
  TRY_ASSIGN(person.identity.birth_date, sqlite::Stored(Date::Parse(birth, "birth_date")));
  if (!statement.IsNull(4)) {
    TRY_ASSIGN(std::string digits, cipher_.Decrypt(statement.Blob(4), "persons.cpr", person.id));
    TRY_ASSIGN(CprNumber cpr, sqlite::Stored(CprNumber::Parse(digits)));
    person.identity.cpr = cpr;
  }
  person.residence_area_id = statement.OptionalText(5).value_or("");
  person.recorded_at = Timestamp::FromUnixSeconds(statement.Int(6));
  person.recorded_by_unit_id = statement.Text(7);
  return person;
}

Result<Person> SqliteStore::GetPerson(PersonId id) {
  TRY_ASSIGN(auto* cached, Cached("SELECT id, given_name, family_name, birth_date, cpr, residence_area_id, "
                                  "recorded_at, recorded_by_unit FROM persons WHERE id = ?"));
  sqlite::ResetOnExit reset(*cached);
  sqlite::Statement& statement = *cached;
  statement.Bind(1, id);
  TRY_ASSIGN(bool has_row, statement.Step());
  if (!has_row) return NotFound("no person with id " + std::to_string(id), "person_id");
  return ReadPerson(statement);
}

Result<std::optional<PersonId>> SqliteStore::FindPersonByCpr(const CprNumber& cpr) {
  TRY_ASSIGN(auto statement, db_.Prepare("SELECT id FROM persons WHERE cpr_index = ?"));
  statement.Bind(1, cipher_.BlindIndex("persons.cpr", cpr.digits()));
  TRY_ASSIGN(bool has_row, statement.Step());
  if (!has_row) return std::optional<PersonId>();
  return std::optional<PersonId>(statement.Int(0));
}

Result<std::vector<Person>> SqliteStore::ListPersons(const PersonFilter& filter) {
  if (filter.limit < 1 || filter.limit > 10000) return InvalidArgument("limit", "must be between 1 and 10000");
  if (filter.offset < 0) return InvalidArgument("offset", "must be zero or more");
  TRY_ASSIGN(
      auto statement,
      db_.Prepare(
          "SELECT id, given_name, family_name, birth_date, cpr, residence_area_id, recorded_at, recorded_by_unit "
          "FROM persons "
          "WHERE (?1 = '' OR residence_area_id = ?1) ORDER BY id LIMIT ?2 OFFSET ?3"));
  statement.Bind(1, filter.residence_area_id).Bind(2, filter.limit).Bind(3, filter.offset);
  std::vector<Person> persons;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    TRY_ASSIGN(Person person, ReadPerson(statement));
    persons.push_back(std::move(person));
  }
  return persons;
}

Result<int64_t> SqliteStore::CountPersons() {
  TRY_ASSIGN(auto statement, db_.Prepare("SELECT COUNT(*) FROM persons"));
  return CountQuery(statement);
}

Result<PersonRecordHolders> SqliteStore::RecordHoldersOfPerson(PersonId person_id) {
  // One row, no temporary tables: this runs on every read of personal data.
  TRY_ASSIGN(auto* statement, Cached("SELECT recorded_by_unit, "
                                     "EXISTS (SELECT 1 FROM registrations WHERE person_id = ?1), "
                                     "EXISTS (SELECT 1 FROM observation_persons WHERE person_id = ?1), "
                                     "(SELECT group_concat(owning_unit_id, char(9)) FROM cases WHERE person_id = ?1) "
                                     "FROM persons WHERE id = ?1"));
  sqlite::ResetOnExit reset(*statement);
  statement->Bind(1, person_id);
  TRY_ASSIGN(bool found, statement->Step());
  if (!found) return NotFound("no person with id " + std::to_string(person_id), "person_id");
  PersonRecordHolders holders;
  holders.recorded_by_unit_id = statement->Text(0);
  holders.registered = statement->Int(1) != 0;
  holders.observed = statement->Int(2) != 0;
  std::string case_units = statement->OptionalText(3).value_or("");
  size_t start = 0;
  while (start < case_units.size()) {
    size_t end = case_units.find('\t', start);
    if (end == std::string::npos) end = case_units.size();
    std::string unit = case_units.substr(start, end - start);
    if (std::find(holders.case_unit_ids.begin(), holders.case_unit_ids.end(), unit) == holders.case_unit_ids.end()) {
      holders.case_unit_ids.push_back(std::move(unit));
    }
    start = end + 1;
  }
  return holders;
}

// ------------------------------------------------------------------ groups

Result<GroupId> SqliteStore::AddGroup(const Group& group) {
  TRY_STATUS(ValidateGroup(group));
  GroupId id = 0;
  TRY_STATUS(InTransaction([&]() -> Status {
    TRY_ASSIGN(auto statement,
               db_.Prepare("INSERT INTO crime_groups (name, aliases, home_area_ids, recorded_at) VALUES (?, ?, ?, ?)"));
    statement.Bind(1, group.name)
        .Bind(2, ToJsonList(group.aliases))
        .Bind(3, ToJsonList(group.home_area_ids))
        .Bind(4, clock_.Now().unix_seconds());
    TRY_STATUS(statement.Run());
    id = db_.LastInsertRowId();
    TRY_ASSIGN(auto lineage,
               db_.Prepare("INSERT INTO group_lineage (group_id, source_group_id, kind, on_date) VALUES (?, ?, ?, ?)"));
    for (const GroupLineage& link : group.lineage) {
      lineage.Bind(1, id).Bind(2, link.source_group_id).Bind(3, LineageKindName(link.kind)).Bind(4, link.on.ToString());
      TRY_STATUS(sqlite::ReferencesExist(lineage, lineage.Run(), "lineage",
                                         "source group " + std::to_string(link.source_group_id) + " does not exist"));
    }
    return OkStatus();
  }));
  return id;
}

Result<Group> SqliteStore::GetGroup(GroupId id) {
  TRY_ASSIGN(auto statement,
             db_.Prepare("SELECT id, name, aliases, home_area_ids, recorded_at FROM crime_groups WHERE id = ?"));
  statement.Bind(1, id);
  TRY_ASSIGN(bool has_row, statement.Step());
  if (!has_row) return NotFound("no group with id " + std::to_string(id), "group_id");
  Group group;
  group.id = statement.Int(0);
  group.name = statement.Text(1);
  TRY_ASSIGN(group.aliases, FromJsonList<std::string>(statement.Text(2), "aliases"));
  TRY_ASSIGN(group.home_area_ids, FromJsonList<std::string>(statement.Text(3), "home_area_ids"));
  group.recorded_at = Timestamp::FromUnixSeconds(statement.Int(4));
  TRY_ASSIGN(
      auto lineage,
      db_.Prepare(
          "SELECT source_group_id, kind, on_date FROM group_lineage WHERE group_id = ? ORDER BY source_group_id"));
  lineage.Bind(1, id);
  while (true) {
    TRY_ASSIGN(bool more, lineage.Step());
    if (!more) break;
    TRY_ASSIGN(LineageKind kind, sqlite::Stored(ParseLineageKind(lineage.Text(1), "kind")));
    TRY_ASSIGN(Date on, sqlite::Stored(Date::Parse(lineage.Text(2), "on_date")));
    group.lineage.push_back({kind, lineage.Int(0), on});
  }
  return group;
}

Result<std::vector<Group>> SqliteStore::ListGroups() {
  TRY_ASSIGN(auto statement, db_.Prepare("SELECT id FROM crime_groups ORDER BY id"));
  std::vector<GroupId> ids;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    ids.push_back(statement.Int(0));
  }
  std::vector<Group> groups;
  for (GroupId id : ids) {
    TRY_ASSIGN(Group group, GetGroup(id));
    groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace trygnet
