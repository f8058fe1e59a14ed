#include "core/observation.h"

#include <algorithm>

#include "core/text_rules.h"

namespace trygnet {

Status ValidateObservation(const Observation& observation) {
  if (observation.person_ids.empty()) return InvalidArgument("person_ids", "at least one person must be present");
  std::vector<PersonId> sorted = observation.person_ids;
  std::sort(sorted.begin(), sorted.end());
  if (sorted.front() <= 0) return InvalidArgument("person_ids", "must name stored persons");
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
    return InvalidArgument("person_ids", "lists a person twice");
  }
  if (!observation.area_id.empty()) TRY_STATUS(RequireIdentifier("area_id", observation.area_id));
  if (observation.position) {
    const GeoPoint& point = *observation.position;
    if (!(point.lon >= -180 && point.lon <= 180 && point.lat >= -90 && point.lat <= 90)) {
      return InvalidArgument("position", "is not a longitude/latitude pair in degrees");
    }
  }
  TRY_STATUS(RequireIdentifier("source", observation.source));
  TRY_STATUS(RequireIdentifier("recorded_by", observation.recorded_by));
  if (observation.observed_at > observation.recorded_at) {
    return InvalidArgument("observed_at", "lies after the time it was recorded");
  }
  return OkStatus();
}

}  // namespace trygnet
