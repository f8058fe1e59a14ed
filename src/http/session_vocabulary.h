// What GET /api/v1/session tells a user interface beyond the user: the
// partnership's vocabulary (the user's unit, all units, areas and measure
// types with their Danish and English names, the period, the purposes the
// legal bases name) and what the user's roles grant. No personal data, so
// every signed-in user gets it without read:partnership. The grants only let
// an interface offer what the role may use; the policy decides each request.
// Thread-safety: pure over its arguments.
#pragma once

#include <nlohmann/json.hpp>

#include "core/partnership.h"
#include "core/user.h"

namespace trygnet::http {

// The keys unit, units, areas, measure_types, partnership_period, purposes
// and grants; empty lists (and nulls) when the user has no partnership.
nlohmann::json SessionVocabulary(const Partnership* partnership, const User& user);

}  // namespace trygnet::http
