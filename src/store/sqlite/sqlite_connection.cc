#include "store/sqlite/sqlite_connection.h"

#include <mutex>
#include <utility>

namespace trygnet::sqlite {

Error SqliteError(sqlite3* db, int code, std::string_view what) {
  std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  std::string message = std::string(what) + ": " + detail;
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT:
      return Conflict(message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
      return Unavailable(message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return DataLoss(message);
    default:
      return Internal(message);
  }
}

namespace {

// Before SQLite initialises: no global memory statistics, whose mutex every
// allocation would take (it serialises the server's request threads).
void ConfigureSqliteOnce() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

Result<Connection> Connection::Open(const std::string& path, bool create) {
  ConfigureSqliteOnce();
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int code = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (code != SQLITE_OK) {
    Error error = code == SQLITE_CANTOPEN
                      ? Unavailable("cannot open database " + path +
                                    (create ? "" : " (does it exist? create it with `trygnet init`)"))
                      : SqliteError(db, code, "cannot open database " + path);
    sqlite3_close(db);
    return error;
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 5000);
  Connection connection(db);
  // WAL for concurrent readers; FULL synchronous so a commit survives power loss.
  TRY_STATUS(
      connection.Exec("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                      " PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;"));
  return connection;
}

Result<Connection> Connection::OpenReadOnly(const std::string& path) {
  ConfigureSqliteOnce();
  sqlite3* db = nullptr;
  int code = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  if (code != SQLITE_OK) {
    Error error = SqliteError(db, code, "cannot open database " + path);
    sqlite3_close(db);
    return error;
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 5000);
  return Connection(db);
}

Status ReferencesExist(const Statement& statement, Status status, std::string_view field, std::string_view message) {
  if (!status.ok() && statement.FailedOnForeignKey()) return InvalidArgument(std::string(field), std::string(message));
  return status;
}

Connection::Connection(Connection&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}
Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    sqlite3_close(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}
Connection::~Connection() { sqlite3_close(db_); }

Status Connection::Exec(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (code != SQLITE_OK) {
    Error error = SqliteError(db_, code, "database statement failed");
    sqlite3_free(message);
    return error;
  }
  return OkStatus();
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int code = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (code != SQLITE_OK) return SqliteError(db_, code, "cannot prepare statement");
  return Statement(db_, stmt);
}

int64_t Connection::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
int Connection::Changes() const { return sqlite3_changes(db_); }

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_),
      stmt_(std::exchange(other.stmt_, nullptr)),
      bind_error_(other.bind_error_),
      last_code_(other.last_code_) {}
Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = std::exchange(other.stmt_, nullptr);
    bind_error_ = other.bind_error_;
    last_code_ = other.last_code_;
  }
  return *this;
}
Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int index, int64_t value) {
  int code = sqlite3_bind_int64(stmt_, index, value);
  if (code != SQLITE_OK) bind_error_ = code;
  return *this;
}
Statement& Statement::Bind(int index, double value) {
  int code = sqlite3_bind_double(stmt_, index, value);
  if (code != SQLITE_OK) bind_error_ = code;
  return *this;
}
Statement& Statement::Bind(int index, std::string_view text) {
  int code = sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (code != SQLITE_OK) bind_error_ = code;
  return *this;
}
Statement& Statement::Bind(int index, const std::vector<uint8_t>& blob) {
  int code = sqlite3_bind_blob(stmt_, index, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
  if (code != SQLITE_OK) bind_error_ = code;
  return *this;
}
Statement& Statement::BindNull(int index) {
  int code = sqlite3_bind_null(stmt_, index);
  if (code != SQLITE_OK) bind_error_ = code;
  return *this;
}

Result<bool> Statement::Step() {
  if (bind_error_ != SQLITE_OK) {
    int code = std::exchange(bind_error_, SQLITE_OK);
    return SqliteError(db_, code, "cannot bind a value");
  }
  int code = sqlite3_step(stmt_);
  last_code_ = code == SQLITE_ROW || code == SQLITE_DONE ? SQLITE_OK : sqlite3_extended_errcode(db_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  Error error = SqliteError(db_, code, "database statement failed");
  sqlite3_reset(stmt_);
  return error;
}

Status Statement::Run() {
  auto stepped = Step();
  Reset();
  if (!stepped.ok()) return std::move(stepped).error();
  return OkStatus();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::Real(int column) const { return sqlite3_column_double(stmt_, column); }
std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  return text ? std::string(reinterpret_cast<const char*>(text),
                            static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
              : std::string();
}
std::vector<uint8_t> Statement::Blob(int column) const {
  const auto* data = static_cast<const uint8_t*>(sqlite3_column_blob(stmt_, column));
  return data ? std::vector<uint8_t>(data, data + sqlite3_column_bytes(stmt_, column)) : std::vector<uint8_t>();
}
std::optional<std::string> Statement::OptionalText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}
std::optional<int64_t> Statement::OptionalInt(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}

}  // namespace trygnet::sqlite
