// A disclosure (videregivelse): the record that personal data about a person
// crossed an organisation boundary, under a legal basis, for a purpose [p.9].
// Removal of a registration must reach every recipient, so this record is
// also how "no shadow lists" is enforced (DESIGN.md §3.6).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "core/person.h"

namespace trygnet {

using DisclosureId = int64_t;

struct Disclosure {
  DisclosureId id = 0;
  std::string partnership_id;
  std::string from_unit_id;
  std::string to_unit_id;
  PersonId person_id = 0;
  std::vector<std::string> data_categories;  // personal-data categories of core/access.h, e.g. "registration"
  std::string legal_basis_id;                // e.g. "rpl-115", "rpl-115a"
  std::string purpose;                       // e.g. "crime_prevention"
  std::string disclosed_by;
  Timestamp disclosed_at;
};

// Different sending and receiving units, at least one data category, a legal
// basis and a purpose.
Status ValidateDisclosure(const Disclosure& disclosure);

}  // namespace trygnet
