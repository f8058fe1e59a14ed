// Carries out policy::May for one request and builds the audit entry for it:
// who holds the data (the owners), the person's age group and the disclosures
// recorded for the person come from the store; the decision from the policy.
#pragma once

#include <string_view>

#include "audit/audit_entry.h"
#include "core/access.h"
#include "http/request_context.h"
#include "policy/policy.h"

namespace trygnet::http {

struct Guard {
  policy::Decision decision;
  audit::AuditRecord record;  // outcome allowed or denied, ready to append
};

// Access to `category` data about `person` (already read from the store).
// `resource` names it in the audit log, e.g. "person/17/registrations";
// `audit_action` is "read", "create", "validate", ….
Result<Guard> GuardPerson(RequestContext& ctx, AccessAction action, DataCategory category, const Person& person,
                          std::string_view resource, std::string_view audit_action);

// Access to data that is not about one person (aggregates, meetings, the
// audit log, user accounts, the partnership, groups), in `partnership`
// (default: the user's own).
Guard GuardGeneral(RequestContext& ctx, AccessAction action, DataCategory category, std::string_view resource,
                   std::string_view audit_action, const Partnership* partnership = nullptr);

// The user's organisation's own records of a kind — a new record it creates,
// or a list it starts from: the role grants and the external-actor rule decide.
Guard GuardOwnKind(RequestContext& ctx, AccessAction action, DataCategory category, std::string_view resource,
                   std::string_view audit_action);

// Whether the user's own organisation holds `category` data about the person.
Result<bool> OwnOrganisationHolds(RequestContext& ctx, DataCategory category, PersonId person_id);

// Turns an allowed guard into a denial with `reason` (for rules beyond May, e.g. disclosing).
// A measure: its assigned organisation's own task (policy::MayHandleOwnTask);
// anyone else reads it only as part of a case whose data they may read, and
// only the assigned organisation reports on it.
Result<Guard> GuardMeasure(RequestContext& ctx, AccessAction action, const Measure& measure, const Person& person,
                           std::string_view resource, std::string_view audit_action);

// An incident: held by the police, by the organisation of the unit that
// recorded it and by the organisations of the units in its response log
// (they took part in the response).
Guard GuardIncident(RequestContext& ctx, AccessAction action, const Incident& incident, std::string_view resource,
                    std::string_view audit_action);

// Whether the user's unit is a police unit (the register, the persons and
// groups involved in an incident are police data).
bool InPoliceUnit(const RequestContext& ctx);

Guard Denied(Guard guard, policy::Reason reason, std::string explanation);

// The 403 for a denial; its audit entry goes with it.
Reply DeniedReply(const Guard& guard);

// The organisations of the partnership's police units (who hold the register).
std::vector<std::string> PoliceOrganisations(const Partnership& partnership);

}  // namespace trygnet::http
