#include "core/disclosure.h"

#include "core/access.h"
#include "core/text_rules.h"

namespace trygnet {

Status ValidateDisclosure(const Disclosure& disclosure) {
  TRY_STATUS(RequireIdentifier("partnership_id", disclosure.partnership_id));
  TRY_STATUS(RequireIdentifier("from_unit_id", disclosure.from_unit_id));
  TRY_STATUS(RequireIdentifier("to_unit_id", disclosure.to_unit_id));
  if (disclosure.from_unit_id == disclosure.to_unit_id) {
    return InvalidArgument("to_unit_id", "must differ from the disclosing unit");
  }
  if (disclosure.person_id <= 0) return InvalidArgument("person_id", "must name a stored person");
  if (disclosure.data_categories.empty()) {
    return InvalidArgument("data_categories", "name at least one category of data disclosed");
  }
  for (size_t idx = 0; idx < disclosure.data_categories.size(); ++idx) {
    std::string field = "data_categories[" + std::to_string(idx) + "]";
    TRY_ASSIGN(DataCategory category, ParseDataCategory(disclosure.data_categories[idx], field));
    if (!IsPersonalData(category)) return InvalidArgument(field, "is not personal data; nothing to disclose");
  }
  TRY_STATUS(RequireIdentifier("legal_basis_id", disclosure.legal_basis_id));
  TRY_STATUS(RequireIdentifier("purpose", disclosure.purpose));
  TRY_STATUS(RequireIdentifier("disclosed_by", disclosure.disclosed_by));
  return OkStatus();
}

}  // namespace trygnet
