// One entry of the audit log (DESIGN.md §3.2): who did what to which
// resource, for which purpose, under which legal basis, with what outcome.
// Entries form a SHA-256 hash chain: each entry's hash covers its fields and
// the previous entry's hash, so any change, deletion, insertion or
// reordering breaks the chain from that entry on.
// Thread-safety: plain values and pure functions.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/person.h"

namespace trygnet::audit {

using Hash = std::array<uint8_t, 32>;

enum class Outcome { kAllowed, kDenied, kFailed };
std::string_view OutcomeName(Outcome outcome);
Result<Outcome> ParseOutcome(std::string_view text, std::string_view field);

// What the caller reports; the log adds sequence and hashes.
struct AuditRecord {
  Timestamp at;
  std::string user;                   // user name, or "local:<os user>" for CLI administration
  std::string unit;                   // the user's unit, or "local-admin"
  std::string action;                 // e.g. "read", "create", "validate", "remove"
  std::string resource;               // e.g. "person/17", "registration/4"
  std::optional<PersonId> person_id;  // the person whose data it is, for queries by person
  std::string purpose;                // e.g. "crime_prevention", "local_administration"
  std::string legal_basis;            // e.g. "rpl-115"; empty where none applies
  Outcome outcome = Outcome::kAllowed;
  std::string reason;  // why denied or failed; empty otherwise
};

struct AuditEntry {
  int64_t sequence = 0;  // 1, 2, 3, … without gaps
  AuditRecord record;
  Hash previous_hash{};  // all zero for the first entry
  Hash hash{};
};

// The hash of an entry: SHA-256 over its sequence, every field (each length-
// prefixed, so no two different entries serialise alike) and the previous hash.
Hash ComputeEntryHash(int64_t sequence, const AuditRecord& record, const Hash& previous_hash);

// The next entry after `previous` (or the first when there is none).
AuditEntry Seal(const std::optional<AuditEntry>& previous, AuditRecord record);

std::string ToHex(const Hash& hash);

}  // namespace trygnet::audit
