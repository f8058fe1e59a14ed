// The co-presence network [p.8–9, p.12]: who is seen with whom. Two persons
// are co-present when one observation names both, or when two observations
// at the same place lie within the time window of each other (and, when a
// radius is set and both have positions, within that distance). Each such
// event adds to the pair's edge: its count (frequency) and its recency
// weight, which halves every `half_life_days` before the as-of moment.
// Pure: no store, no I/O; the caller chooses the observations (period, area,
// as known at). Thread-safe: no shared state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "core/observation.h"

namespace trygnet::network {

struct CoPresenceOptions {
  Timestamp from;                 // observations made within [from, to] count
  Timestamp to;                   // also the moment recency is measured from
  int64_t window_seconds = 0;     // 0: only persons named in the same observation
  double radius_metres = 0;       // 0: the same area is the same place
  double half_life_days = 180;    // a sighting this old counts half
  std::vector<std::string> area_ids;  // empty: every area; else only observations in these
};

// Window 0–7 days, radius 0–5,000 m, half-life 1–3,650 days, from ≤ to.
// Errors name the option.
Status ValidateCoPresenceOptions(const CoPresenceOptions& options);

// How many of an edge's observations are kept to explain it (the newest).
inline constexpr size_t kExplainingObservations = 5;

struct CoPresenceEdge {
  PersonId a = 0;  // a < b
  PersonId b = 0;
  int64_t count = 0;     // co-presence events
  double weight = 0;     // the events' recency weights, summed
  Timestamp first_seen;
  Timestamp last_seen;
  // The newest observations behind the edge (ids, newest first; one event
  // may name two), at most kExplainingObservations.
  std::vector<ObservationId> observation_ids;
};

struct CoPresenceNetwork {
  std::vector<PersonId> persons;     // every person in a counted observation, ascending
  std::vector<CoPresenceEdge> edges; // by (a, b)
  int64_t observations_used = 0;
};

// REQUIRES: ValidateCoPresenceOptions(options).ok()
CoPresenceNetwork BuildCoPresence(const std::vector<Observation>& observations, const CoPresenceOptions& options);

// Distance in metres between two positions (haversine, mean Earth radius).
double DistanceMetres(const GeoPoint& from, const GeoPoint& to);

}  // namespace trygnet::network
