#include "triggers/register_upkeep.h"

#include <algorithm>

namespace trygnet::triggers {

Result<std::vector<CopyRemovalTask>> CreateCopyRemovalTasks(Store& store, const Partnership& partnership,
                                                            const Registration& removed, const std::string& created_by,
                                                            Date today) {
  std::vector<CopyRemovalTask> tasks;
  const std::string& type_id = partnership.registration_policy.copy_removal_measure_type;
  if (type_id.empty() || !removed.IsRemoved()) return tasks;
  const MeasureType* type = partnership.FindMeasureType(type_id);
  if (!type) return FailedPrecondition("copy_removal_measure names an unknown measure type: " + type_id);
  TRY_ASSIGN(std::vector<Disclosure> disclosures, store.DisclosuresForPerson(removed.person_id));
  std::vector<std::string> recipients;
  for (const Disclosure& disclosure : disclosures) {
    if (disclosure.partnership_id != partnership.id) continue;
    if (std::find(recipients.begin(), recipients.end(), disclosure.to_unit_id) == recipients.end()) {
      recipients.push_back(disclosure.to_unit_id);
    }
  }
  nlohmann::json facts = {{"fact", "registration_removed"},
                          {"registration_id", removed.id},
                          {"removed_on", removed.valid_to->ToString()},
                          {"reason", RemovalReasonName(*removed.removal_reason)}};
  for (const std::string& unit_id : recipients) {
    Measure measure;
    measure.person_id = removed.person_id;
    measure.partnership_id = partnership.id;
    measure.measure_type_id = type->id;
    measure.assigned_unit_id = unit_id;
    measure.due_on = today.AddDays(type->default_deadline_days);
    measure.created_by = created_by;
    measure.facts = facts.dump();
    TRY_ASSIGN(MeasureId id, store.AddMeasure(measure));
    tasks.push_back({id, unit_id, measure.due_on});
  }
  return tasks;
}

Result<std::vector<AutoRemoval>> RemoveExpiredRegistrations(Store& store, const Partnership& partnership, Date as_of,
                                                            const TriggerActor& actor, const Clock& clock) {
  const RegistrationPolicy& policy = partnership.registration_policy;
  TRY_ASSIGN(std::vector<Registration> registrations, store.CurrentRegistrations(partnership.id, clock.Now()));
  std::vector<AutoRemoval> removals;
  for (Registration& registration : registrations) {
    if (!registration.InEffectOn(as_of)) continue;
    Date maximum = HardMaximum(registration, policy);
    if (!(maximum < as_of)) continue;
    AutoRemoval removal{registration.id, registration.person_id, maximum.AddDays(1), {}};
    TRY_STATUS(RemoveRegistration(registration, RemovalReason::kExpired,
                                  "Fjernet automatisk: over den maksimale registreringsperiode på " +
                                      std::to_string(policy.max_months) + " måneder (automatically removed: past " +
                                      "the hard maximum).",
                                  removal.removed_on));
    TRY_STATUS(store.InTransaction([&]() -> Status {
      TRY_ASSIGN(Registration stored, store.RecordRegistrationVersion(registration, policy, registration.version));
      TRY_ASSIGN(removal.tasks, CreateCopyRemovalTasks(store, partnership, stored, actor.user, clock.Now().date()));
      audit::AuditRecord record;
      record.at = clock.Now();
      record.user = actor.user;
      record.unit = actor.unit;
      record.action = "remove";
      record.resource = "registration/" + std::to_string(registration.id);
      record.person_id = registration.person_id;
      record.purpose = "crime_prevention";
      return store.AppendAudit(record);
    }));
    removals.push_back(std::move(removal));
  }
  return removals;
}

nlohmann::json CopyRemovalTasksJson(const std::vector<CopyRemovalTask>& tasks) {
  nlohmann::json list = nlohmann::json::array();
  for (const CopyRemovalTask& task : tasks) {
    list.push_back({{"measure_id", task.id}, {"assigned_unit_id", task.unit_id}, {"due_on", task.due_on.ToString()}});
  }
  return list;
}

}  // namespace trygnet::triggers
