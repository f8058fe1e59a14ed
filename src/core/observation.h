// An observation (kontrol/observation): persons seen together at a time and
// place [p.8]. Observations build the co-presence network.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/area.h"
#include "core/date.h"
#include "core/error.h"
#include "core/person.h"

namespace trygnet {

using ObservationId = int64_t;

struct Observation {
  ObservationId id = 0;
  Timestamp observed_at;
  std::string area_id;  // may be empty when outside all known areas
  std::optional<GeoPoint> position;
  std::string source;                // e.g. "patrol_stop", "surveillance", "report"
  std::vector<PersonId> person_ids;  // at least one, no repeats
  std::string recorded_by;
  Timestamp recorded_at;
};

// At least one person, no person twice, not observed after it was recorded,
// a valid position if given.
Status ValidateObservation(const Observation& observation);

}  // namespace trygnet
