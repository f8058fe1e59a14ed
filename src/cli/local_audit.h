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

}  // namespace trygnet::cli
