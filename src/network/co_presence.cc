#include "network/co_presence.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>
#include <tuple>
#include <unordered_map>

namespace trygnet::network {
namespace {

constexpr int64_t kMaxWindowSeconds = 7 * 24 * 3600;
constexpr double kMaxRadiusMetres = 5000;
constexpr double kMaxHalfLifeDays = 3650;
constexpr double kEarthRadiusMetres = 6371008.8;
constexpr double kSecondsPerDay = 86400;

struct PairKey {
  PersonId a;
  PersonId b;
  bool operator==(const PairKey&) const = default;
};

struct PairHash {
  size_t operator()(const PairKey& key) const {
    const uint64_t mixed = static_cast<uint64_t>(key.a) * 0x9E3779B97F4A7C15ULL ^ static_cast<uint64_t>(key.b);
    return static_cast<size_t>(mixed ^ (mixed >> 29));
  }
};

class EdgeCollector {
 public:
  EdgeCollector(Timestamp now, double half_life_days) : now_(now), half_life_seconds_(half_life_days * kSecondsPerDay) {}

  // One event placing every person of `first` with every person of `second`
  // (or, when they are the same observation, every pair within it).
  void AddEvent(const Observation& first, const Observation& second) {
    const Timestamp at = std::max(first.observed_at, second.observed_at);
    const double age = static_cast<double>(now_.unix_seconds() - at.unix_seconds());
    const double recency = std::exp2(-std::max(0.0, age) / half_life_seconds_);
    const bool same = &first == &second;
    // A pair counts once per event, even when both observations name both.
    pairs_.clear();
    for (size_t left = 0; left < first.person_ids.size(); ++left) {
      for (size_t right = same ? left + 1 : 0; right < second.person_ids.size(); ++right) {
        const PersonId one = first.person_ids[left], other = second.person_ids[right];
        if (one != other) pairs_.push_back(PairKey{std::min(one, other), std::max(one, other)});
      }
    }
    std::sort(pairs_.begin(), pairs_.end(), [](const PairKey& x, const PairKey& y) {
      return std::tie(x.a, x.b) < std::tie(y.a, y.b);
    });
    pairs_.erase(std::unique(pairs_.begin(), pairs_.end()), pairs_.end());
    for (const PairKey& key : pairs_) {
      CoPresenceEdge& edge = edges_[key];
      ++edge.count;
      edge.weight += recency;
      if (edge.count == 1 || at < edge.first_seen) edge.first_seen = at;
      if (edge.count == 1 || at > edge.last_seen) edge.last_seen = at;
      Remember(edge, first);
      if (!same) Remember(edge, second);
    }
  }

  std::vector<CoPresenceEdge> Finish() {
    std::vector<CoPresenceEdge> edges;
    edges.reserve(edges_.size());
    for (auto& [key, edge] : edges_) {
      edge.a = key.a;
      edge.b = key.b;
      std::sort(edge.observation_ids.begin(), edge.observation_ids.end(), std::greater<>());
      edges.push_back(std::move(edge));
    }
    std::sort(edges.begin(), edges.end(),
              [](const CoPresenceEdge& x, const CoPresenceEdge& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
    return edges;
  }

 private:
  // Keeps the newest observations (by id, which grows with recording) for the explanation.
  static void Remember(CoPresenceEdge& edge, const Observation& observation) {
    auto& ids = edge.observation_ids;
    if (std::find(ids.begin(), ids.end(), observation.id) != ids.end()) return;
    if (ids.size() < kExplainingObservations) {
      ids.push_back(observation.id);
      return;
    }
    auto oldest = std::min_element(ids.begin(), ids.end());
    if (*oldest < observation.id) *oldest = observation.id;
  }

  Timestamp now_;
  double half_life_seconds_;
  std::unordered_map<PairKey, CoPresenceEdge, PairHash> edges_;
  std::vector<PairKey> pairs_;  // of the current event; kept to reuse its memory
};

bool SamePlace(const Observation& first, const Observation& second, double radius_metres) {
  if (first.area_id != second.area_id) return false;
  if (radius_metres <= 0 || !first.position || !second.position) return true;
  return DistanceMetres(*first.position, *second.position) <= radius_metres;
}

}  // namespace

double DistanceMetres(const GeoPoint& from, const GeoPoint& to) {
  const double to_radians = std::numbers::pi / 180.0;
  const double lat1 = from.lat * to_radians, lat2 = to.lat * to_radians;
  const double dlat = lat2 - lat1, dlon = (to.lon - from.lon) * to_radians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1) * std::cos(lat2) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusMetres * std::asin(std::min(1.0, std::sqrt(h)));
}

Status ValidateCoPresenceOptions(const CoPresenceOptions& options) {
  if (options.to < options.from) return InvalidArgument("from", "must not be after to");
  if (options.window_seconds < 0 || options.window_seconds > kMaxWindowSeconds) {
    return InvalidArgument("window", "must be from 0 seconds to 7 days");
  }
  if (!(options.radius_metres >= 0 && options.radius_metres <= kMaxRadiusMetres)) {
    return InvalidArgument("radius", "must be from 0 to 5,000 metres");
  }
  if (!(options.half_life_days >= 1 && options.half_life_days <= kMaxHalfLifeDays)) {
    return InvalidArgument("half_life", "must be from 1 to 3,650 days");
  }
  return OkStatus();
}

CoPresenceNetwork BuildCoPresence(const std::vector<Observation>& observations, const CoPresenceOptions& options) {
  const std::set<std::string> areas(options.area_ids.begin(), options.area_ids.end());
  std::vector<const Observation*> used;
  for (const Observation& observation : observations) {
    if (observation.observed_at < options.from || observation.observed_at > options.to) continue;
    if (!areas.empty() && !areas.contains(observation.area_id)) continue;
    used.push_back(&observation);
  }
  // By place, then time: the window looks ahead only within one place.
  std::sort(used.begin(), used.end(), [](const Observation* x, const Observation* y) {
    return std::tie(x->area_id, x->observed_at, x->id) < std::tie(y->area_id, y->observed_at, y->id);
  });

  EdgeCollector collector(options.to, options.half_life_days);
  std::set<PersonId> persons;
  for (size_t idx = 0; idx < used.size(); ++idx) {
    const Observation& observation = *used[idx];
    persons.insert(observation.person_ids.begin(), observation.person_ids.end());
    collector.AddEvent(observation, observation);
    if (options.window_seconds == 0 || observation.area_id.empty()) continue;  // no place: only its own persons
    for (size_t later = idx + 1; later < used.size(); ++later) {
      const Observation& next = *used[later];
      if (next.area_id != observation.area_id) break;
      if (next.observed_at.unix_seconds() - observation.observed_at.unix_seconds() > options.window_seconds) break;
      if (SamePlace(observation, next, options.radius_metres)) collector.AddEvent(observation, next);
    }
  }
  CoPresenceNetwork network;
  network.persons.assign(persons.begin(), persons.end());
  network.edges = collector.Finish();
  network.observations_used = static_cast<int64_t>(used.size());
  return network;
}

}  // namespace trygnet::network
