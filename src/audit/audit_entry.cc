#include "audit/audit_entry.h"

#include <sodium.h>

#include <array>

#include "core/enum_names.h"

namespace trygnet::audit {
namespace {

constexpr std::array<std::pair<Outcome, std::string_view>, 3> kOutcomes{{
    {Outcome::kAllowed, "allowed"},
    {Outcome::kDenied, "denied"},
    {Outcome::kFailed, "failed"},
}};

void AddInteger(crypto_hash_sha256_state& state, int64_t value) {
  uint8_t bytes[8];
  for (int byte_idx = 0; byte_idx < 8; ++byte_idx) {
    bytes[byte_idx] = static_cast<uint8_t>(static_cast<uint64_t>(value) >> (56 - 8 * byte_idx));
  }
  crypto_hash_sha256_update(&state, bytes, sizeof bytes);
}

void AddText(crypto_hash_sha256_state& state, std::string_view text) {
  AddInteger(state, static_cast<int64_t>(text.size()));
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()), text.size());
}

}  // namespace

std::string_view OutcomeName(Outcome outcome) { return EnumName<Outcome>(kOutcomes, outcome); }
Result<Outcome> ParseOutcome(std::string_view text, std::string_view field) {
  return ParseEnum<Outcome>(kOutcomes, text, field);
}

Hash ComputeEntryHash(int64_t sequence, const AuditRecord& record, const Hash& previous_hash) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  AddText(state, "trygnet-audit-v1");
  AddInteger(state, sequence);
  AddInteger(state, record.at.unix_seconds());
  AddText(state, record.user);
  AddText(state, record.unit);
  AddText(state, record.action);
  AddText(state, record.resource);
  AddInteger(state, record.person_id.value_or(0));
  AddText(state, record.purpose);
  AddText(state, record.legal_basis);
  AddText(state, OutcomeName(record.outcome));
  AddText(state, record.reason);
  crypto_hash_sha256_update(&state, previous_hash.data(), previous_hash.size());
  Hash hash{};
  crypto_hash_sha256_final(&state, hash.data());
  return hash;
}

AuditEntry Seal(const std::optional<AuditEntry>& previous, AuditRecord record) {
  AuditEntry entry;
  entry.sequence = previous ? previous->sequence + 1 : 1;
  entry.previous_hash = previous ? previous->hash : Hash{};
  entry.record = std::move(record);
  entry.hash = ComputeEntryHash(entry.sequence, entry.record, entry.previous_hash);
  return entry;
}

std::string ToHex(const Hash& hash) {
  char hex[2 * 32 + 1];
  sodium_bin2hex(hex, sizeof hex, hash.data(), hash.size());
  return hex;
}

}  // namespace trygnet::audit
