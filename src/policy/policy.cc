#include "policy/policy.h"

#include <algorithm>
#include <array>

#include "core/enum_names.h"

namespace trygnet::policy {
namespace {

constexpr std::array<std::pair<Reason, std::string_view>, 8> kReasons{{
    {Reason::kRoleGrants, "role_grants"},
    {Reason::kOwnOrganisation, "own_organisation"},
    {Reason::kDisclosure, "disclosure"},
    {Reason::kRoleNotPermitted, "role_not_permitted"},
    {Reason::kUnknownUnit, "unknown_unit"},
    {Reason::kExternalAggregatesOnly, "external_aggregates_only"},
    {Reason::kNotOwner, "not_owner"},
    {Reason::kNoDisclosure, "no_disclosure"},
}};

template <typename T>
bool Contains(const std::vector<T>& items, const T& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

bool RoleGrants(const Partnership& partnership, const Subject& subject, Grant wanted) {
  for (const RoleDefinition& definition : partnership.roles) {
    if (Contains(subject.roles, definition.role) && Contains(definition.grants, wanted)) return true;
  }
  return false;
}

Decision Allow(Reason reason, std::string legal_basis = {}) { return {true, reason, std::move(legal_basis), ""}; }
Decision Deny(Reason reason, std::string explanation) { return {false, reason, "", std::move(explanation)}; }

}  // namespace

std::string_view ReasonName(Reason reason) { return EnumName<Reason>(kReasons, reason); }

bool LegalBasisPermits(const LegalBasis& basis, UnitKind from, UnitKind to, std::string_view purpose,
                       AgeGroup age_group, DataCategory category) {
  return Contains(basis.from_kinds, from) && Contains(basis.to_kinds, to) &&
         Contains(basis.purposes, std::string(purpose)) && Contains(basis.age_groups, age_group) &&
         Contains(basis.data_categories, category);
}

Decision May(const Partnership& partnership, const Subject& subject, AccessAction action, const Resource& resource,
             std::string_view purpose, const std::vector<Disclosure>& disclosures) {
  const Unit* unit = partnership.FindUnit(subject.unit_id);
  if (!unit) return Deny(Reason::kUnknownUnit, "the user's unit is not part of the partnership");
  UnitKind kind = partnership.KindOfUnit(subject.unit_id);
  std::string wanted = std::string(AccessActionName(action)) + ":" + std::string(DataCategoryName(resource.category));
  if (!RoleGrants(partnership, subject, {action, resource.category})) {
    return Deny(Reason::kRoleNotPermitted, "no role of the user grants " + wanted);
  }
  if (!IsPersonalData(resource.category)) return Allow(Reason::kRoleGrants);

  // Personal data from here on. The law, not only the configuration, keeps
  // external actors to aggregates [p.4 note 2], so this holds even if a file grants more.
  if (kind == UnitKind::kExternal) {
    return Deny(Reason::kExternalAggregatesOnly, "external partners see aggregates only, never personal data");
  }
  if (Contains(resource.owner_organisation_ids, unit->organisation_id)) return Allow(Reason::kOwnOrganisation);
  if (action == AccessAction::kWrite) {
    return Deny(Reason::kNotOwner, "only the organisation that holds the data may change it");
  }
  for (const Disclosure& disclosure : disclosures) {
    if (!resource.person_id || disclosure.person_id != *resource.person_id) continue;
    if (disclosure.partnership_id != partnership.id) continue;
    if (disclosure.to_unit_id != subject.unit_id || disclosure.purpose != purpose) continue;
    if (!Contains(disclosure.data_categories, std::string(DataCategoryName(resource.category)))) continue;
    const Unit* from_unit = partnership.FindUnit(disclosure.from_unit_id);
    if (!from_unit || !Contains(resource.owner_organisation_ids, from_unit->organisation_id)) continue;
    for (const LegalBasis& basis : partnership.legal_bases) {
      if (basis.id != disclosure.legal_basis_id) continue;
      if (LegalBasisPermits(basis, partnership.KindOfUnit(disclosure.from_unit_id), kind, purpose, resource.age_group,
                            resource.category)) {
        return Allow(Reason::kDisclosure, basis.id);
      }
    }
  }
  return Deny(Reason::kNoDisclosure, "no disclosure to the user's unit covers " +
                                         std::string(DataCategoryName(resource.category)) +
                                         " about this person for the purpose " + std::string(purpose));
}

Decision MayHandleOwnTask(const Partnership& partnership, const Subject& subject, AccessAction action,
                          std::string_view assigned_unit_id) {
  const Unit* unit = partnership.FindUnit(subject.unit_id);
  const Unit* assigned = partnership.FindUnit(assigned_unit_id);
  if (!unit) return Deny(Reason::kUnknownUnit, "the user's unit is not part of the partnership");
  if (partnership.KindOfUnit(subject.unit_id) == UnitKind::kExternal) {
    return Deny(Reason::kExternalAggregatesOnly, "external partners see aggregates only, never personal data");
  }
  if (!assigned || assigned->organisation_id != unit->organisation_id) {
    return Deny(Reason::kNotOwner, "the task is assigned to another organisation");
  }
  for (DataCategory category : {DataCategory::kIdentity, DataCategory::kRegistration, DataCategory::kObservation,
                                DataCategory::kCase, DataCategory::kIncident, DataCategory::kDisclosure}) {
    if (RoleGrants(partnership, subject, {action, category})) return Allow(Reason::kOwnOrganisation);
  }
  return Deny(Reason::kRoleNotPermitted,
              "no role of the user grants " + std::string(AccessActionName(action)) + " on personal data");
}

bool MayNameInNetwork(const Decision& identity_access, bool registered, bool has_case) {
  if (!identity_access.allowed) return false;
  return registered || has_case || identity_access.reason == Reason::kDisclosure;
}

}  // namespace trygnet::policy
