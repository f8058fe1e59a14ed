#include "cli/partnership_source.h"

#include <iostream>

#include "cli/open_store.h"

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

Result<OpenedPartnership> OpenStoredPartnership(const std::string& db_path, const std::string& key_file_option,
                                                const std::string& partnership_id, const Clock& clock) {
  OpenedPartnership opened;
  TRY_ASSIGN(opened.store, OpenExistingStore(db_path, key_file_option, clock));
  TRY_ASSIGN(opened.partnership, LoadStoredPartnership(*opened.store, partnership_id));
  return opened;
}

Result<Date> DateOrToday(const std::string& text, std::string_view option, const Clock& clock) {
  if (text.empty()) return clock.Now().date();
  return Date::Parse(text, option);
}

}  // namespace trygnet::cli
