// The audit log: append-only hash chain entries and their keyed anchor.
#include <sodium.h>
#include <unistd.h>

#include "store/sqlite/sqlite_store.h"

namespace trygnet {
namespace {

constexpr std::string_view kEntryColumns =
    "SELECT sequence, at, user_name, unit, action, resource, person_id, purpose, legal_basis, outcome, reason, "
    "previous_hash, hash FROM audit_log ";

Result<audit::Hash> ToHash(const std::vector<uint8_t>& bytes) {
  audit::Hash hash{};
  if (bytes.size() != hash.size()) return DataLoss("an audit hash has the wrong length");
  std::copy(bytes.begin(), bytes.end(), hash.begin());
  return hash;
}

Result<audit::AuditEntry> ReadEntry(const sqlite::Statement& statement) {
  audit::AuditEntry entry;
  entry.sequence = statement.Int(0);
  audit::AuditRecord& record = entry.record;
  record.at = Timestamp::FromUnixSeconds(statement.Int(1));
  record.user = statement.Text(2);
  record.unit = statement.Text(3);
  record.action = statement.Text(4);
  record.resource = statement.Text(5);
  record.person_id = statement.OptionalInt(6);
  record.purpose = statement.Text(7);
  record.legal_basis = statement.Text(8);
  TRY_ASSIGN(record.outcome, sqlite::Stored(audit::ParseOutcome(statement.Text(9), "outcome")));
  record.reason = statement.Text(10);
  TRY_ASSIGN(entry.previous_hash, ToHash(statement.Blob(11)));
  TRY_ASSIGN(entry.hash, ToHash(statement.Blob(12)));
  return entry;
}

}  // namespace

SqliteStore::~SqliteStore() {
  sodium_memzero(anchor_key_.data(), anchor_key_.size());
  if (bulk_lock_fd_ >= 0) ::close(bulk_lock_fd_);  // releases the flock
}

// meta.audit_anchor = "<count>:<last hash hex>:<HMAC-SHA256 hex of both>".
Status SqliteStore::WriteAuditAnchor(const audit::ChainAnchor& anchor) {
  std::string signed_part = std::to_string(anchor.count) + ":" + audit::ToHex(anchor.last_hash);
  std::array<uint8_t, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256(mac.data(), reinterpret_cast<const unsigned char*>(signed_part.data()), signed_part.size(),
                         anchor_key_.data());
  char mac_hex[2 * crypto_auth_hmacsha256_BYTES + 1];
  sodium_bin2hex(mac_hex, sizeof mac_hex, mac.data(), mac.size());
  TRY_ASSIGN(auto* update, Cached("INSERT INTO meta (key, value) VALUES ('audit_anchor', ?) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
  return update->Bind(1, signed_part + ":" + mac_hex).Run();
}

Result<audit::ChainAnchor> SqliteStore::AuditAnchor() {
  TRY_ASSIGN(auto* cached, Cached("SELECT value FROM meta WHERE key = 'audit_anchor'"));
  sqlite::ResetOnExit reset(*cached);
  sqlite::Statement& statement = *cached;
  TRY_ASSIGN(bool has_row, statement.Step());
  // Written when the database is created, so a missing anchor means it was removed.
  if (!has_row) return DataLoss("the audit anchor is missing (removed together with the log?)");
  std::string value = statement.Text(0);
  size_t first = value.find(':'), second = value.rfind(':');
  if (first == std::string::npos || first == second) return DataLoss("the audit anchor is malformed");
  std::string signed_part = value.substr(0, second);
  std::vector<uint8_t> mac(crypto_auth_hmacsha256_BYTES);
  size_t mac_length = 0;
  std::string mac_hex = value.substr(second + 1);
  if (sodium_hex2bin(mac.data(), mac.size(), mac_hex.data(), mac_hex.size(), nullptr, &mac_length, nullptr) != 0 ||
      mac_length != mac.size() ||
      crypto_auth_hmacsha256_verify(mac.data(), reinterpret_cast<const unsigned char*>(signed_part.data()),
                                    signed_part.size(), anchor_key_.data()) != 0) {
    return DataLoss("the audit anchor was altered (its authentication code does not match)");
  }
  audit::ChainAnchor anchor;
  anchor.count = std::stoll(value.substr(0, first));
  std::string hash_hex = value.substr(first + 1, second - first - 1);
  size_t hash_length = 0;
  if (sodium_hex2bin(anchor.last_hash.data(), anchor.last_hash.size(), hash_hex.data(), hash_hex.size(), nullptr,
                     &hash_length, nullptr) != 0 ||
      hash_length != anchor.last_hash.size()) {
    return DataLoss("the audit anchor is malformed");
  }
  return anchor;
}

Status SqliteStore::AppendAudit(const audit::AuditRecord& record) { return AppendAuditBatch({record}); }

// The anchor is read and rewritten once per batch, so a group commit of many
// entries costs one anchor check and one fsync.
Status SqliteStore::AppendAuditBatch(const std::vector<audit::AuditRecord>& records) {
  if (records.empty()) return OkStatus();
  return InTransaction([&]() -> Status {
    TRY_ASSIGN(audit::ChainAnchor anchor, AuditAnchor());
    std::optional<audit::AuditEntry> previous;
    if (anchor.count > 0) previous = audit::AuditEntry{anchor.count, {}, {}, anchor.last_hash};
    TRY_ASSIGN(
        auto* insert,
        Cached(
            "INSERT INTO audit_log (sequence, at, user_name, unit, action, resource, person_id, purpose, legal_basis, "
            "outcome, reason, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const audit::AuditRecord& record : records) {
      audit::AuditEntry entry = audit::Seal(previous, record);
      insert->Bind(1, entry.sequence)
          .Bind(2, record.at.unix_seconds())
          .Bind(3, record.user)
          .Bind(4, record.unit)
          .Bind(5, record.action)
          .Bind(6, record.resource)
          .BindOptional(7, record.person_id)
          .Bind(8, record.purpose)
          .Bind(9, record.legal_basis)
          .Bind(10, audit::OutcomeName(record.outcome))
          .Bind(11, record.reason)
          .Bind(12, std::vector<uint8_t>(entry.previous_hash.begin(), entry.previous_hash.end()))
          .Bind(13, std::vector<uint8_t>(entry.hash.begin(), entry.hash.end()));
      TRY_STATUS(insert->Run());
      previous = std::move(entry);
    }
    return WriteAuditAnchor({previous->sequence, previous->hash});
  });
}

Status SqliteStore::ScanAudit(const std::function<Status(const audit::AuditEntry&)>& visit) {
  TRY_ASSIGN(auto statement, db_.Prepare(std::string(kEntryColumns) + "ORDER BY sequence"));
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) return OkStatus();
    TRY_ASSIGN(audit::AuditEntry entry, ReadEntry(statement));
    TRY_STATUS(visit(entry));
  }
}

Result<std::vector<audit::AuditEntry>> SqliteStore::QueryAudit(const AuditQuery& query) {
  if (query.limit < 1 || query.limit > 100000) return InvalidArgument("limit", "must be between 1 and 100000");
  TRY_ASSIGN(
      auto statement,
      db_.Prepare(std::string(kEntryColumns) +
                  "WHERE (?1 IS NULL OR person_id = ?1) AND (?2 = '' OR user_name = ?2) AND (?3 = '' OR unit = ?3) "
                  "AND (?4 IS NULL OR at >= ?4) AND (?5 IS NULL OR at <= ?5) ORDER BY sequence LIMIT ?6"));
  statement.BindOptional(1, query.person_id).Bind(2, query.user).Bind(3, query.unit).Bind(6, query.limit);
  query.from ? statement.Bind(4, query.from->unix_seconds()) : statement.BindNull(4);
  query.to ? statement.Bind(5, query.to->unix_seconds()) : statement.BindNull(5);
  std::vector<audit::AuditEntry> entries;
  while (true) {
    TRY_ASSIGN(bool has_row, statement.Step());
    if (!has_row) break;
    TRY_ASSIGN(audit::AuditEntry entry, ReadEntry(statement));
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace trygnet
