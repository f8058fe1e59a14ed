#include "cli/partnership_source.h"

#include <iostream>

namespace trygnet::cli {

Result<PartnershipLoad> ReadDefinitionFile(const std::string& path) {
  PartnershipLoad load = LoadPartnershipFile(path);
  if (!load.ok()) {
    for (const DefinitionProblem& problem : load.problems) std::cerr << problem.ToString() << "\n";
    return InvalidArgument("definition",
                           path + " has " + std::to_string(load.problems.size()) + " problem(s); nothing was loaded");
  }
  return load;
}

Result<Partnership> LoadStoredPartnership(Store& store, const std::string& partnership_id) {
  TRY_ASSIGN(StoredPartnership stored, store.GetPartnership(partnership_id));
  PartnershipLoad load = LoadPartnershipText(stored.definition, "stored definition of " + partnership_id);
  if (!load.ok()) {
    return DataLoss("the stored definition of " + partnership_id +
                    " no longer loads: " + load.problems.front().ToString());
  }
  return *load.partnership;
}

}  // namespace trygnet::cli
