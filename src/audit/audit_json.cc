#include "audit/audit_json.h"

namespace trygnet::audit {
namespace {

nlohmann::json TextOrNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

}  // namespace

nlohmann::json AuditEntryJson(const AuditEntry& entry) {
  const AuditRecord& record = entry.record;
  return {{"sequence", entry.sequence},
          {"at", record.at.ToString()},
          {"user", record.user},
          {"unit", record.unit},
          {"action", record.action},
          {"resource", record.resource},
          {"person_id", record.person_id ? nlohmann::json(*record.person_id) : nlohmann::json(nullptr)},
          {"purpose", record.purpose},
          {"legal_basis", TextOrNull(record.legal_basis)},
          {"outcome", OutcomeName(record.outcome)},
          {"reason", TextOrNull(record.reason)},
          {"hash", ToHex(entry.hash)}};
}

}  // namespace trygnet::audit
