// CLI reads of personal data are local administration, and are audited as
// such (DESIGN.md §3.2): one entry per person read, durable before anything
// is printed.
#pragma once

#include <vector>

#include "store/store.h"

namespace trygnet::cli {

// The OS user running the command, as "local:<name>".
std::string LocalUser();

// Appends one "read" entry per person, in one transaction.
Status AuditLocalReads(Store& store, const Clock& clock, const std::vector<PersonId>& person_ids);

// An analysis run over many persons' data (the network): one "analyse"
// entry for `resource` and one "read" entry per person shown, all with the
// purpose the user stated, in one transaction.
Status AuditLocalAnalysis(Store& store, const Clock& clock, const std::string& purpose, const std::string& resource,
                          const std::vector<PersonId>& person_ids);

// Appends one entry for an administrative change, e.g. ("create", "user/eas-analyst").
// Call it inside the transaction of the change, so both commit or neither does.
Status AuditLocalChange(Store& store, const Clock& clock, std::string_view action, std::string_view resource);

}  // namespace trygnet::cli
