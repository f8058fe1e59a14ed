// Partnership definitions for CLI commands: from a file (with every problem
// printed) or as stored in a database.
#pragma once

#include <string>

#include "core/partnership.h"
#include "definition/partnership_loader.h"
#include "store/store.h"

namespace trygnet::cli {

// Loads a definition file; on problems prints each on stderr and returns
// invalid_argument naming the file and the count.
Result<PartnershipLoad> ReadDefinitionFile(const std::string& path);

// The definition as stored by `partnership load`.
Result<Partnership> LoadStoredPartnership(Store& store, const std::string& partnership_id);

}  // namespace trygnet::cli
