// How each person in a network result is shown: by name where the policy
// gives the reader a purpose (policy::MayNameInNetwork), otherwise by a
// stable pseudonym. The one place that turns person ids into what a reader sees.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "network/network_analysis.h"
#include "policy/policy.h"
#include "store/store.h"

namespace trygnet::network {

struct PersonLabel {
  bool named = false;
  std::string text;  // "Given Family" when named, else "P-…"
};

// The decision for reading the person's identity, made by the caller's
// policy check (the API's guard; for local administration, allowed).
using IdentityAccess = std::function<Result<policy::Decision>(PersonId)>;

// A label for every person in result.facts.
Result<std::map<PersonId, PersonLabel>> LabelPersons(Store& store, const NetworkResult& result,
                                                     const IdentityAccess& identity_access);

}  // namespace trygnet::network
