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
#include <span>
#include <string>
#include <unordered_map>
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

// A sighting is joined with at most this many later sightings at its place
// within the window, the nearest in time first. At a busy place (a whole
// district as one area, a square on a summer evening) everyone would
// otherwise be "together" with everyone, and the pairs would grow with the
// square of the sightings.
inline constexpr size_t kMaxWindowPartners = 16;

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

// The network in the lean form the measures run on (millions of edges):
// vertices are indexes into `persons`, and edges keep no observations.
struct CoPresenceLink {
  uint32_t from = 0;  // vertex index, from < to
  uint32_t to = 0;
  int64_t count = 0;
  double weight = 0;
  Timestamp first_seen;
  Timestamp last_seen;
};

struct CoPresenceGraph {
  std::vector<PersonId> persons;      // vertex index → person, ascending
  std::vector<CoPresenceLink> links;  // by (from, to)
  int64_t observations_used = 0;
  // The vertex of a person, if they are in the graph.
  std::optional<uint32_t> VertexOf(PersonId person_id) const;
};

// Builds the network from observations streamed in one at a time (a store
// scan of millions), keeping each in a compact form. Observations outside
// the period or the areas are dropped as they come.
// Thread-compatible: one thread at a time.
class CoPresenceBuilder {
 public:
  // REQUIRES: ValidateCoPresenceOptions(options).ok()
  explicit CoPresenceBuilder(CoPresenceOptions options);

  void Add(const Observation& observation);

  CoPresenceGraph BuildGraph() const;
  // The edges that touch one of `persons`, each with the newest observations
  // behind it: the explanation of a person's figures. By (a, b).
  std::vector<CoPresenceEdge> Explain(const std::vector<PersonId>& persons) const;

 private:
  struct Sighting {
    ObservationId id;
    int64_t at;
    uint32_t place;         // kNoPlace when the observation has no area
    uint32_t first_person;  // into person_slots_
    uint32_t person_count;
  };
  using Slot = uint32_t;  // a person's index in persons_ (order of first sighting)
  static constexpr uint32_t kNoPlace = UINT32_MAX;

  // Calls `event(first, second, at)` for every co-presence event: each
  // sighting with itself, and each pair of sightings at one place within the
  // window (and radius). Sightings are visited by place, then time. With
  // `parts` > 1, only the events of part `part` (places split by number;
  // events never cross places), so that parts can run on separate threads.
  template <typename Event>
  void ForEachEvent(Event&& event, uint32_t part = 0, uint32_t parts = 1) const;
  bool WithinRadius(const Sighting& first, const Sighting& second) const;
  uint32_t PlaceOf(const std::string& area_id);

  CoPresenceOptions options_;
  std::vector<std::string> area_filter_;  // sorted
  std::unordered_map<std::string, uint32_t> place_index_;
  std::vector<Sighting> sightings_;
  std::vector<Slot> person_slots_;
  std::vector<PersonId> persons_;  // by slot
  std::unordered_map<PersonId, Slot> slot_of_;
  std::vector<GeoPoint> positions_;  // by sighting, only when a radius is set (NaN: none)
};

// REQUIRES: ValidateCoPresenceOptions(options).ok()
// The whole network with every edge explained; for small inputs and tests.
CoPresenceNetwork BuildCoPresence(const std::vector<Observation>& observations, const CoPresenceOptions& options);

// Distance in metres between two positions (haversine, mean Earth radius).
double DistanceMetres(const GeoPoint& from, const GeoPoint& to);

}  // namespace trygnet::network
