// A measure (tiltag/indsats) for a person, of a type from the partnership's
// catalogue (its initiatives and existing activities [p.10–13]), assigned to
// a unit with a due date, followed through a status flow to an outcome.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/case_file.h"
#include "core/date.h"
#include "core/error.h"

namespace trygnet {

using MeasureId = int64_t;

enum class MeasureStatus { kPlanned, kInProgress, kDone, kDeclined, kNotReached };
std::string_view MeasureStatusName(MeasureStatus status);
Result<MeasureStatus> ParseMeasureStatus(std::string_view text, std::string_view field);
bool IsFinal(MeasureStatus status);
// planned → in_progress | done | declined | not_reached; in_progress → done |
// declined | not_reached; the last three are final.
bool CanMove(MeasureStatus from, MeasureStatus to);

struct Measure {
  MeasureId id = 0;
  PersonId person_id = 0;
  std::optional<CaseId> case_id;
  std::string partnership_id;
  std::string measure_type_id;  // from the partnership catalogue
  std::string assigned_unit_id;
  Date due_on;
  MeasureStatus status = MeasureStatus::kPlanned;
  std::optional<Date> completed_on;  // set when the status becomes final
  std::string outcome;
  std::string note;
  std::string created_by;  // a user, or "rule:<id>" for a trigger
  std::string rule_id;     // the trigger rule that created it, if any
  std::string facts;       // for a trigger: the facts that fired it, as a JSON object
  Timestamp recorded_at;

  bool IsOverdueOn(Date on) const { return !IsFinal(status) && due_on < on; }
};

// One step of a measure's status, kept as history (the first is its
// creation): "as known at" counts read the step recorded last by then.
struct MeasureStatusChange {
  MeasureStatus status = MeasureStatus::kPlanned;
  std::optional<Date> completed_on;
  std::string outcome;
  std::string note;
  std::string changed_by;
  Timestamp recorded_at;
};

Status ValidateMeasure(const Measure& measure);
// Moves the status along the flow; a final status needs a completion date.
Status MoveMeasure(Measure& measure, MeasureStatus to, Date on, std::string outcome);

}  // namespace trygnet
