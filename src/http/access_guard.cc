#include "http/access_guard.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "http/api_error.h"

namespace trygnet::http {
namespace {

void AddOrganisationOfUnit(const Partnership& partnership, std::string_view unit_id,
                           std::vector<std::string>& organisations) {
  const Unit* unit = partnership.FindUnit(unit_id);
  if (!unit) return;
  if (std::find(organisations.begin(), organisations.end(), unit->organisation_id) == organisations.end()) {
    organisations.push_back(unit->organisation_id);
  }
}

// Who keeps their own record of `category` about the person: the register,
// observations, incidents and disclosure records are police data; a case is
// its owning unit's; identity is held by the unit that entered the person
// and by everyone holding any of those.
Result<std::vector<std::string>> OwnersOf(RequestContext& ctx, const Partnership& partnership, DataCategory category,
                                          PersonId person_id) {
  switch (category) {
    case DataCategory::kRegistration:
    case DataCategory::kObservation:
    case DataCategory::kIncident:
    case DataCategory::kDisclosure:
      return PoliceOrganisations(partnership);
    case DataCategory::kIdentity:
    case DataCategory::kCase: {
      TRY_ASSIGN(PersonRecordHolders holders, ctx.store.RecordHoldersOfPerson(person_id));
      std::vector<std::string> owners;
      if (category == DataCategory::kIdentity && (holders.registered || holders.observed)) {
        owners = PoliceOrganisations(partnership);
      }
      if (category == DataCategory::kIdentity) {
        AddOrganisationOfUnit(partnership, holders.recorded_by_unit_id, owners);
      }
      for (const std::string& unit_id : holders.case_unit_ids) AddOrganisationOfUnit(partnership, unit_id, owners);
      return owners;
    }
    default:
      return std::vector<std::string>();
  }
}

audit::AuditRecord RecordFor(RequestContext& ctx, std::string_view resource, std::string_view audit_action,
                             const policy::Decision& decision) {
  audit::AuditRecord record;
  record.at = ctx.Now();
  record.user = ctx.principal->user.username;
  record.unit = ctx.principal->user.unit_id;
  record.action = std::string(audit_action);
  record.resource = std::string(resource);
  record.purpose = ctx.Purpose();
  record.legal_basis = decision.legal_basis_id;
  record.outcome = decision.allowed ? audit::Outcome::kAllowed : audit::Outcome::kDenied;
  if (!decision.allowed) record.reason = std::string(policy::ReasonName(decision.reason));
  return record;
}

policy::Decision NotInAnyPartnership() {
  return {false, policy::Reason::kUnknownUnit, "", "the user's unit is not part of any loaded partnership"};
}

}  // namespace

std::vector<std::string> PoliceOrganisations(const Partnership& partnership) {
  std::vector<std::string> organisations;
  for (const Organisation& organisation : partnership.organisations) {
    if (organisation.kind == UnitKind::kPolice) organisations.push_back(organisation.id);
  }
  return organisations;
}

Result<Guard> GuardPerson(RequestContext& ctx, AccessAction action, DataCategory category, const Person& person,
                          std::string_view resource, std::string_view audit_action) {
  const Partnership* partnership = ctx.principal->partnership;
  policy::Decision decision = NotInAnyPartnership();
  if (partnership) {
    policy::Resource target;
    target.category = category;
    target.person_id = person.id;
    TRY_ASSIGN(target.owner_organisation_ids, OwnersOf(ctx, *partnership, category, person.id));
    target.age_group = person.IsUnder18At(ctx.Today()) ? AgeGroup::kUnder18 : AgeGroup::kOver18;
    const std::string purpose = ctx.Purpose();
    decision = policy::May(*partnership, ctx.principal->subject, action, target, purpose, {});
    // Disclosures matter only when the user's own organisation does not hold the data.
    if (!decision.allowed && decision.reason == policy::Reason::kNoDisclosure) {
      TRY_ASSIGN(std::vector<Disclosure> disclosures, ctx.store.DisclosuresForPerson(person.id));
      decision = policy::May(*partnership, ctx.principal->subject, action, target, purpose, disclosures);
    }
  }
  Guard guard{decision, RecordFor(ctx, resource, audit_action, decision)};
  guard.record.person_id = person.id;
  return guard;
}

Guard GuardGeneral(RequestContext& ctx, AccessAction action, DataCategory category, std::string_view resource,
                   std::string_view audit_action, const Partnership* partnership) {
  if (!partnership) partnership = ctx.principal->partnership;
  policy::Decision decision = NotInAnyPartnership();
  if (partnership) {
    policy::Resource target;
    target.category = category;
    if (IsPersonalData(category)) target.owner_organisation_ids = PoliceOrganisations(*partnership);
    decision = policy::May(*partnership, ctx.principal->subject, action, target, ctx.Purpose(), {});
  }
  return Guard{decision, RecordFor(ctx, resource, audit_action, decision)};
}

Guard GuardOwnKind(RequestContext& ctx, AccessAction action, DataCategory category, std::string_view resource,
                   std::string_view audit_action) {
  const Partnership* partnership = ctx.principal->partnership;
  policy::Decision decision = NotInAnyPartnership();
  if (partnership) {
    policy::Resource target;
    target.category = category;
    const Unit* unit = partnership->FindUnit(ctx.principal->user.unit_id);
    if (unit) target.owner_organisation_ids = {unit->organisation_id};
    decision = policy::May(*partnership, ctx.principal->subject, action, target, ctx.Purpose(), {});
  }
  return Guard{decision, RecordFor(ctx, resource, audit_action, decision)};
}

Result<bool> OwnOrganisationHolds(RequestContext& ctx, DataCategory category, PersonId person_id) {
  const Partnership* partnership = ctx.principal->partnership;
  if (!partnership) return false;
  const Unit* unit = partnership->FindUnit(ctx.principal->user.unit_id);
  if (!unit) return false;
  TRY_ASSIGN(std::vector<std::string> owners, OwnersOf(ctx, *partnership, category, person_id));
  return std::find(owners.begin(), owners.end(), unit->organisation_id) != owners.end();
}

Result<Guard> GuardMeasure(RequestContext& ctx, AccessAction action, const Measure& measure, const Person& person,
                           std::string_view resource, std::string_view audit_action) {
  const Partnership* partnership = ctx.principal->partnership;
  policy::Decision decision = NotInAnyPartnership();
  if (partnership) {
    decision = policy::MayHandleOwnTask(*partnership, ctx.principal->subject, action, measure.assigned_unit_id);
    if (!decision.allowed && action == AccessAction::kRead && measure.case_id &&
        decision.reason != policy::Reason::kExternalAggregatesOnly) {
      return GuardPerson(ctx, action, DataCategory::kCase, person, resource, audit_action);
    }
  }
  Guard guard{decision, RecordFor(ctx, resource, audit_action, decision)};
  guard.record.person_id = person.id;
  return guard;
}

Guard GuardIncident(RequestContext& ctx, AccessAction action, const Incident& incident, std::string_view resource,
                    std::string_view audit_action) {
  const Partnership* partnership = ctx.principal->partnership;
  policy::Decision decision = NotInAnyPartnership();
  if (partnership) {
    policy::Resource target;
    target.category = DataCategory::kIncident;
    target.owner_organisation_ids = PoliceOrganisations(*partnership);
    AddOrganisationOfUnit(*partnership, incident.recorded_by_unit_id, target.owner_organisation_ids);
    for (const ResponseEntry& entry : incident.responses) {
      AddOrganisationOfUnit(*partnership, entry.unit_id, target.owner_organisation_ids);
    }
    decision = policy::May(*partnership, ctx.principal->subject, action, target, ctx.Purpose(), {});
  }
  return Guard{decision, RecordFor(ctx, resource, audit_action, decision)};
}

bool InPoliceUnit(const RequestContext& ctx) {
  const Partnership* partnership = ctx.principal->partnership;
  const Unit* unit = partnership ? partnership->FindUnit(ctx.principal->user.unit_id) : nullptr;
  return unit && partnership->KindOfUnit(unit->id) == UnitKind::kPolice;
}

Guard Denied(Guard guard, policy::Reason reason, std::string explanation) {
  guard.decision = {false, reason, "", std::move(explanation)};
  guard.record.outcome = audit::Outcome::kDenied;
  guard.record.reason = std::string(policy::ReasonName(reason));
  guard.record.legal_basis.clear();
  return guard;
}

Reply DeniedReply(const Guard& guard) {
  ApiResponse response = ErrorResponse(403, "permission_denied", guard.decision.explanation);
  // The reason code, for the UI to explain in Danish.
  nlohmann::json body = nlohmann::json::parse(response.body);
  body["error"]["reason"] = policy::ReasonName(guard.decision.reason);
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return Reply(std::move(response), {guard.record});
}

}  // namespace trygnet::http
