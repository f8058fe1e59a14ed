// The JSON form of an audit entry, shared by `trygnet audit query --json` and
// GET /api/v1/audit. Empty legal basis and reason are null.
#pragma once

#include <nlohmann/json.hpp>

#include "audit/audit_entry.h"

namespace trygnet::audit {

nlohmann::json AuditEntryJson(const AuditEntry& entry);

}  // namespace trygnet::audit
