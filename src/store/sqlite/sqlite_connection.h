// Thin RAII wrappers over the SQLite C API: a connection and a prepared
// statement, with errors turned into Result values. No SQL of the domain
// lives here.
// Thread-safety: a connection and its statements belong to one thread.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace trygnet::sqlite {

class Statement;

class Connection {
 public:
  // Opens (and with `create`, creates) a database file with foreign keys on,
  // WAL journal and full synchronous commits (durable).
  static Result<Connection> Open(const std::string& path, bool create);
  // Opens an existing file read-only, changing nothing (not even the journal mode).
  static Result<Connection> OpenReadOnly(const std::string& path);
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Runs one or more statements that return no rows.
  Status Exec(std::string_view sql);
  Result<Statement> Prepare(std::string_view sql);
  int64_t LastInsertRowId() const;
  int Changes() const;
  sqlite3* handle() { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Bind by 1-based index. Returns *this for chaining; errors surface in Step.
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, const std::vector<uint8_t>& blob);
  Statement& BindNull(int index);
  template <typename T>
  Statement& BindOptional(int index, const std::optional<T>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }

  // Returns true when a row is ready, false when done.
  Result<bool> Step();
  // Step to completion of a statement that returns no rows; resets it.
  Status Run();
  void Reset();

  bool IsNull(int column) const;
  int64_t Int(int column) const;
  double Real(int column) const;
  std::string Text(int column) const;
  std::vector<uint8_t> Blob(int column) const;
  std::optional<std::string> OptionalText(int column) const;
  std::optional<int64_t> OptionalInt(int column) const;
  // Whether the last Step failed on a foreign key (the row names something that does not exist).
  bool FailedOnForeignKey() const { return last_code_ == SQLITE_CONSTRAINT_FOREIGNKEY; }

 private:
  friend class Connection;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int bind_error_ = SQLITE_OK;
  int last_code_ = SQLITE_OK;
};

// Resets a cached statement when the scope ends, however it ends, so the
// next use starts clean (and the read transaction it holds is released).
class ResetOnExit {
 public:
  explicit ResetOnExit(Statement& statement) : statement_(statement) {}
  ~ResetOnExit() { statement_.Reset(); }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  Statement& statement_;
};

// A stored value that does not parse means damaged data, not bad input.
template <typename T>
Result<T> Stored(Result<T> parsed) {
  if (parsed.ok()) return parsed;
  return DataLoss("a stored value is damaged (" + parsed.error().ToString() + ")");
}

// Turns a foreign-key failure of the statement just run into invalid_argument
// naming `field`; any other error passes up unchanged.
Status ReferencesExist(const Statement& statement, Status status, std::string_view field, std::string_view message);

// Maps an SQLite result code to our error codes (constraint → conflict, busy
// → unavailable, corrupt → data_loss, …).
Error SqliteError(sqlite3* db, int code, std::string_view what);

}  // namespace trygnet::sqlite
