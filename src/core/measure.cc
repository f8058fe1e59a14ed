#include "core/measure.h"

#include <array>

#include "core/enum_names.h"
#include "core/text_rules.h"

namespace trygnet {
namespace {
constexpr std::array<std::pair<MeasureStatus, std::string_view>, 5> kStatuses{{
    {MeasureStatus::kPlanned, "planned"},
    {MeasureStatus::kInProgress, "in_progress"},
    {MeasureStatus::kDone, "done"},
    {MeasureStatus::kDeclined, "declined"},
    {MeasureStatus::kNotReached, "not_reached"},
}};
}  // namespace

std::string_view MeasureStatusName(MeasureStatus status) { return EnumName<MeasureStatus>(kStatuses, status); }
Result<MeasureStatus> ParseMeasureStatus(std::string_view text, std::string_view field) {
  return ParseEnum<MeasureStatus>(kStatuses, text, field);
}

bool IsFinal(MeasureStatus status) {
  return status == MeasureStatus::kDone || status == MeasureStatus::kDeclined || status == MeasureStatus::kNotReached;
}

bool CanMove(MeasureStatus from, MeasureStatus to) {
  if (IsFinal(from) || from == to) return false;
  if (to == MeasureStatus::kPlanned) return false;
  return !(from == MeasureStatus::kInProgress && to == MeasureStatus::kInProgress);
}

Status ValidateMeasure(const Measure& measure) {
  if (measure.person_id <= 0) return InvalidArgument("person_id", "must name a stored person");
  TRY_STATUS(RequireIdentifier("partnership_id", measure.partnership_id));
  TRY_STATUS(RequireIdentifier("measure_type_id", measure.measure_type_id));
  TRY_STATUS(RequireIdentifier("assigned_unit_id", measure.assigned_unit_id));
  TRY_STATUS(RequireText("created_by", measure.created_by));
  TRY_STATUS(OptionalText("outcome", measure.outcome));
  TRY_STATUS(OptionalText("note", measure.note));
  if (IsFinal(measure.status) != measure.completed_on.has_value()) {
    return InvalidArgument("completed_on", "is set exactly when the status is done, declined or not_reached");
  }
  return OkStatus();
}

Status MoveMeasure(Measure& measure, MeasureStatus to, Date on, std::string outcome) {
  if (!CanMove(measure.status, to)) {
    return FailedPrecondition("a measure cannot move from " + std::string(MeasureStatusName(measure.status)) + " to " +
                              std::string(MeasureStatusName(to)));
  }
  TRY_STATUS(OptionalText("outcome", outcome));
  measure.status = to;
  if (IsFinal(to)) measure.completed_on = on;
  if (!outcome.empty()) measure.outcome = std::move(outcome);
  return OkStatus();
}

}  // namespace trygnet
