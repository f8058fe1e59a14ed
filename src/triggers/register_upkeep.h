// The register's own upkeep [p.8, DESIGN.md §3.6]: when a registration is
// removed, every unit that received a disclosure about the person gets a task
// to delete its copy (no shadow lists); and a registration still standing
// past its hard maximum is removed automatically, with the reason recorded.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/store.h"
#include "triggers/actor.h"

namespace trygnet::triggers {

struct CopyRemovalTask {
  MeasureId id = 0;
  std::string unit_id;
  Date due_on;
};

// Creates one copy-removal task per unit that received a disclosure about the
// removed registration's person (the partnership's copy_removal_measure; none
// if it names none). Call it inside the removal's transaction.
Result<std::vector<CopyRemovalTask>> CreateCopyRemovalTasks(Store& store, const Partnership& partnership,
                                                            const Registration& removed, const std::string& created_by,
                                                            Date today);

struct AutoRemoval {
  RegistrationId registration_id = 0;
  PersonId person_id = 0;
  Date removed_on;  // the day after the hard maximum
  std::vector<CopyRemovalTask> tasks;
};

// Removes (reason "expired") each registration in effect on `as_of` that is
// past its hard maximum; each removal commits with its copy tasks and audit entry.
Result<std::vector<AutoRemoval>> RemoveExpiredRegistrations(Store& store, const Partnership& partnership, Date as_of,
                                                            const TriggerActor& actor, const Clock& clock);

nlohmann::json CopyRemovalTasksJson(const std::vector<CopyRemovalTask>& tasks);

}  // namespace trygnet::triggers
