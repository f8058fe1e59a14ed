// A person known to the partnership. The identity fields (names, CPR number,
// birth date) are personal data: the store encrypts them at rest and only the
// policy layer hands them out. Age is always derived, never stored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/cpr.h"
#include "core/date.h"
#include "core/error.h"

namespace trygnet {

using PersonId = int64_t;

struct PersonIdentity {
  std::string given_name;
  std::string family_name;
  std::optional<CprNumber> cpr;  // absent for persons without a Danish CPR number
  Date birth_date;               // equals cpr->birth_date() when a CPR number is known
};

struct Person {
  PersonId id = 0;  // 0 until stored
  PersonIdentity identity;
  std::string residence_area_id;    // empty when unknown or outside the partnership's areas
  std::string recorded_by_unit_id;  // the unit that entered the person and holds the identity; may be empty
  Timestamp recorded_at;

  std::string FullName() const { return identity.given_name + " " + identity.family_name; }
  int AgeAt(Date on) const { return AgeInYears(identity.birth_date, on); }
  bool IsUnder18At(Date on) const { return AgeAt(on) < 18; }
};

// Checks names, that the birth date agrees with the CPR number, and that the
// birth date is not after `today`. Errors name the field.
Status ValidatePerson(const Person& person, Date today);

}  // namespace trygnet
