#include "network/person_labels.h"

namespace trygnet::network {

Result<std::map<PersonId, PersonLabel>> LabelPersons(Store& store, const NetworkResult& result,
                                                     const IdentityAccess& identity_access) {
  std::map<PersonId, PersonLabel> labels;
  for (const auto& [person_id, facts] : result.facts) {
    TRY_ASSIGN(policy::Decision decision, identity_access(person_id));
    PersonLabel label;
    label.named = policy::MayNameInNetwork(decision, facts.registered, facts.has_case);
    if (label.named) {
      TRY_ASSIGN(Person person, store.GetPerson(person_id));
      label.text = person.FullName();
    } else {
      label.text = store.PersonPseudonym(person_id);
    }
    labels.emplace(person_id, std::move(label));
  }
  return labels;
}

}  // namespace trygnet::network
