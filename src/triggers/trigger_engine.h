// Runs a partnership's trigger rules (core/trigger_rule.h) over the facts
// recorded up to a date and creates what they call for: a case where the
// person has none open, and measures with deadlines that name the rule and
// the facts. Each fact is acted on once (trigger_firings), so running again —
// the same day or the next — creates nothing twice. Each firing commits on
// its own together with its audit entry.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/store.h"
#include "triggers/actor.h"
#include "triggers/register_upkeep.h"

namespace trygnet::triggers {


struct CreatedMeasure {
  MeasureId id = 0;
  std::string measure_type_id;
  std::string assigned_unit_id;
  Date due_on;
};

// What one rule did about one fact.
struct Firing {
  std::string rule_id;
  PersonId person_id = 0;
  std::string fact_key;
  nlohmann::json facts;  // the facts that fired it, also stored on each measure
  std::optional<CaseId> case_id;
  bool case_opened = false;
  std::vector<CreatedMeasure> measures;
};

struct TriggerRun {
  Date as_of;
  std::vector<AutoRemoval> removed;  // registrations past their hard maximum, removed first
  std::vector<Firing> created;
  int64_t facts_seen = 0;      // facts matching a rule's kind within its look-back
  int64_t already_acted = 0;   // of those, acted on before, or within the rule's repeat window
  int64_t not_applicable = 0;  // age or target group ruled them out
};

// Removes registrations past their hard maximum, then runs every rule of the
// partnership as of `as_of` (facts recorded by `now`).
Result<TriggerRun> RunTriggers(Store& store, const Partnership& partnership, Date as_of, const TriggerActor& actor,
                               const Clock& clock);

nlohmann::json TriggerRunJson(const TriggerRun& run);

}  // namespace trygnet::triggers
