// The JSON form of a network result, shared by `trygnet network --json` and
// the API. Persons appear as {"name", "id"} when named, else {"pseudonym"}
// only: a pseudonymous person's id is never written out.
#pragma once

#include <map>
#include <nlohmann/json.hpp>

#include "network/network_analysis.h"
#include "network/person_labels.h"

namespace trygnet::network {

nlohmann::json NetworkJson(const NetworkResult& result, const std::map<PersonId, PersonLabel>& labels);

// The persons a result shows or names (one audit entry each).
std::vector<PersonId> PersonsIn(const NetworkResult& result);

}  // namespace trygnet::network
