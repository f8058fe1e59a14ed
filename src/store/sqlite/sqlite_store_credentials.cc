// Sign-in data: passwords (hashes only), TOTP secrets (sealed), API tokens (hashes only).
#include "store/sqlite/sqlite_store.h"

namespace trygnet {
namespace {

// The TOTP secret is sealed like identity fields; its "row" is the user name's hash.
int64_t RowOf(const std::string& username) {
  uint64_t row = 1469598103934665603ULL;  // FNV-1a: a stable number for the associated data
  for (char c : username) row = (row ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return static_cast<int64_t>(row >> 1);
}

Status UserMustExist(sqlite::Connection& db, const std::string& username) {
  TRY_ASSIGN(auto statement, db.Prepare("SELECT 1 FROM users WHERE username = ?"));
  TRY_ASSIGN(bool found, statement.Bind(1, username).Step());
  return found ? OkStatus() : NotFound("no user \"" + username + "\"", "username");
}

}  // namespace

Status SqliteStore::SetUserDisabled(const std::string& username, bool disabled) {
  TRY_STATUS(UserMustExist(db_, username));
  TRY_ASSIGN(auto statement, db_.Prepare("UPDATE users SET disabled = ? WHERE username = ?"));
  return statement.Bind(1, disabled ? 1 : 0).Bind(2, username).Run();
}

Status SqliteStore::SetPassword(const std::string& username, const std::string& password_hash) {
  TRY_STATUS(UserMustExist(db_, username));
  TRY_ASSIGN(
      auto statement,
      db_.Prepare("INSERT INTO credentials (username, password_hash, password_changed_at) VALUES (?1, ?2, ?3) "
                  "ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, failed_attempts = 0, "
                  "locked_until = NULL, password_changed_at = excluded.password_changed_at"));
  return statement.Bind(1, username).Bind(2, password_hash).Bind(3, clock_.Now().unix_seconds()).Run();
}

Status SqliteStore::SetTotpSecret(const std::string& username, const std::vector<uint8_t>& secret) {
  TRY_STATUS(UserMustExist(db_, username));
  TRY_ASSIGN(auto statement,
             db_.Prepare("UPDATE credentials SET totp_secret = ?, totp_last_step = NULL WHERE username = ?"));
  std::string plain(secret.begin(), secret.end());
  TRY_STATUS(
      statement.Bind(1, cipher_.Encrypt(plain, "credentials.totp_secret", RowOf(username))).Bind(2, username).Run());
  if (db_.Changes() == 0) return FailedPrecondition("set a password for \"" + username + "\" before a second factor");
  return OkStatus();
}

Result<Credentials> SqliteStore::GetCredentials(const std::string& username) {
  TRY_ASSIGN(
      auto statement,
      db_.Prepare(
          "SELECT password_hash, totp_secret, totp_last_step, failed_attempts, locked_until, password_changed_at "
          "FROM credentials WHERE username = ?"));
  TRY_ASSIGN(bool found, statement.Bind(1, username).Step());
  if (!found) return NotFound("no sign-in data for \"" + username + "\"", "username");
  Credentials credentials;
  credentials.password_hash = statement.Text(0);
  if (!statement.IsNull(1)) {
    TRY_ASSIGN(std::string secret, cipher_.Decrypt(statement.Blob(1), "credentials.totp_secret", RowOf(username)));
    credentials.totp_secret.assign(secret.begin(), secret.end());
  }
  credentials.totp_last_step = statement.OptionalInt(2);
  credentials.failed_attempts = static_cast<int>(statement.Int(3));
  if (auto locked = statement.OptionalInt(4)) credentials.locked_until = Timestamp::FromUnixSeconds(*locked);
  credentials.password_changed_at = Timestamp::FromUnixSeconds(statement.Int(5));
  return credentials;
}

Status SqliteStore::SaveSignInState(const std::string& username, int failed_attempts,
                                    std::optional<Timestamp> locked_until, std::optional<int64_t> totp_last_step) {
  TRY_ASSIGN(auto statement, db_.Prepare("UPDATE credentials SET failed_attempts = ?, locked_until = ?, "
                                         "totp_last_step = COALESCE(?, totp_last_step) WHERE username = ?"));
  statement.Bind(1, failed_attempts);
  locked_until ? statement.Bind(2, locked_until->unix_seconds()) : statement.BindNull(2);
  statement.BindOptional(3, totp_last_step).Bind(4, username);
  TRY_STATUS(statement.Run());
  if (db_.Changes() == 0) return NotFound("no sign-in data for \"" + username + "\"", "username");
  return OkStatus();
}

Status SqliteStore::AddApiToken(const std::string& username, const std::vector<uint8_t>& token_hash) {
  TRY_STATUS(UserMustExist(db_, username));
  TRY_ASSIGN(auto statement, db_.Prepare("INSERT INTO api_tokens (token_hash, username, created_at) VALUES (?, ?, ?)"));
  return statement.Bind(1, token_hash).Bind(2, username).Bind(3, clock_.Now().unix_seconds()).Run();
}

Result<int64_t> SqliteStore::RevokeApiTokens(const std::string& username) {
  TRY_STATUS(UserMustExist(db_, username));
  TRY_ASSIGN(auto statement,
             db_.Prepare("UPDATE api_tokens SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL"));
  TRY_STATUS(statement.Bind(1, clock_.Now().unix_seconds()).Bind(2, username).Run());
  return static_cast<int64_t>(db_.Changes());
}

}  // namespace trygnet
