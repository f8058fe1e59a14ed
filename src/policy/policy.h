// The one decision point of who may see or do what (DESIGN.md §3.1):
// May(partnership, subject, action, resource, purpose, disclosures). It is driven by data — the
// partnership's role grants and legal bases, and the disclosures recorded
// for the person — and it is pure: no I/O, so every rule can be tested alone.
// Every decision carries a reason code, and for personal data of another
// organisation the legal basis it rests on, for the audit log.
// Thread-safety: pure functions over their arguments.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/disclosure.h"
#include "core/partnership.h"

namespace trygnet::policy {

struct Subject {
  std::string username;
  std::string unit_id;
  std::vector<UserRole> roles;
};

// What is being accessed. For personal data, the organisations that hold
// their own record of it (e.g. the police for a registration; for a person's
// identity, every organisation with any record about the person) and the
// person's age group at the time of access.
struct Resource {
  DataCategory category = DataCategory::kAggregate;
  std::optional<PersonId> person_id;
  std::vector<std::string> owner_organisation_ids;
  AgeGroup age_group = AgeGroup::kOver18;
};

// Stable reason codes; the HTTP API (issue 4) returns them with a 403 and audits them.
enum class Reason {
  kRoleGrants,              // allowed: non-personal data the role may access
  kOwnOrganisation,         // allowed: the subject's organisation holds this data itself
  kDisclosure,              // allowed: a recorded disclosure under a legal basis covers it
  kRoleNotPermitted,        // denied: no role of the subject grants this
  kUnknownUnit,             // denied: the subject's unit is not in the partnership
  kExternalAggregatesOnly,  // denied: external actors see aggregates only [p.4 note 2]
  kNotOwner,                // denied: only the owning organisation changes its data
  kNoDisclosure,            // denied: no disclosure to the subject's unit covers this
};
std::string_view ReasonName(Reason reason);

struct Decision {
  bool allowed = false;
  Reason reason = Reason::kRoleNotPermitted;
  std::string legal_basis_id;  // set when allowed through a disclosure
  std::string explanation;     // one sentence for the person who was denied (English; the UI translates the code)
};

// A task (measure) assigned to a unit is its organisation's own record: any
// user of that organisation whose roles grant `action` on some personal data
// may read it or report on it. It gives no access to the person's other data.
Decision MayHandleOwnTask(const Partnership& partnership, const Subject& subject, AccessAction action,
                          std::string_view assigned_unit_id);

// Decides. `disclosures` are those recorded for resource.person_id (others are ignored).
Decision May(const Partnership& partnership, const Subject& subject, AccessAction action, const Resource& resource,
             std::string_view purpose, const std::vector<Disclosure>& disclosures);

// Whether a network result may show a person by name [issue 8: care for the
// uninvolved]. `identity_access` is May(…, identity of the person, …).
// Persons with neither a registration nor a case are shown under a
// pseudonym unless a disclosure gives the user a purpose for them (e.g. a
// young person's first contact that opened a case elsewhere); persons whose
// identity the user may not read are never named.
bool MayNameInNetwork(const Decision& identity_access, bool registered, bool has_case);

// Whether a legal basis permits disclosing `category` about a person of
// `age_group` from an organisation of kind `from` to one of kind `to` for `purpose`.
bool LegalBasisPermits(const LegalBasis& basis, UnitKind from, UnitKind to, std::string_view purpose,
                       AgeGroup age_group, DataCategory category);

}  // namespace trygnet::policy
