#include "core/person.h"

#include "core/text_rules.h"

namespace trygnet {

Status ValidatePerson(const Person& person, Date today) {
  TRY_STATUS(RequireText("given_name", person.identity.given_name));
  TRY_STATUS(RequireText("family_name", person.identity.family_name));
  if (person.identity.cpr && person.identity.cpr->birth_date() != person.identity.birth_date) {
    return InvalidArgument("birth_date", "does not match the date in the CPR number (" +
                                             person.identity.cpr->birth_date().ToString() + ")");
  }
  if (person.identity.birth_date > today) {
    return InvalidArgument("birth_date", "lies in the future");
  }
  if (!person.residence_area_id.empty()) TRY_STATUS(RequireIdentifier("residence_area_id", person.residence_area_id));
  return OkStatus();
}

}  // namespace trygnet
