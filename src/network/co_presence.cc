#include "network/co_presence.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <thread>
#include <tuple>
#include <unordered_set>

namespace trygnet::network {
namespace {

constexpr int64_t kMaxWindowSeconds = 7 * 24 * 3600;
constexpr double kMaxRadiusMetres = 5000;
constexpr double kMaxHalfLifeDays = 3650;
constexpr double kEarthRadiusMetres = 6371008.8;
constexpr double kSecondsPerDay = 86400;

uint64_t PairKey(uint32_t one, uint32_t other) {
  return (static_cast<uint64_t>(std::min(one, other)) << 32) | std::max(one, other);
}

// The persons of an event, paired: every person of `first` with every
// person of `second`, or every pair within `first` when they are the same
// sighting. A pair counts once per event, even when both sightings name both.
void PairsOf(std::span<const uint32_t> first, std::span<const uint32_t> second, bool same,
             std::vector<uint64_t>& pairs) {
  pairs.clear();
  for (size_t left = 0; left < first.size(); ++left) {
    for (size_t right = same ? left + 1 : 0; right < second.size(); ++right) {
      if (first[left] != second[right]) pairs.push_back(PairKey(first[left], second[right]));
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
}

// Keeps the newest observations (by id, which grows with recording) for the explanation.
void Remember(CoPresenceEdge& edge, ObservationId id) {
  auto& ids = edge.observation_ids;
  if (std::find(ids.begin(), ids.end(), id) != ids.end()) return;
  if (ids.size() < kExplainingObservations) {
    ids.push_back(id);
    return;
  }
  auto oldest = std::min_element(ids.begin(), ids.end());
  if (*oldest < id) *oldest = id;
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

std::optional<uint32_t> CoPresenceGraph::VertexOf(PersonId person_id) const {
  auto found = std::lower_bound(persons.begin(), persons.end(), person_id);
  if (found == persons.end() || *found != person_id) return std::nullopt;
  return static_cast<uint32_t>(found - persons.begin());
}

CoPresenceBuilder::CoPresenceBuilder(CoPresenceOptions options)
    : options_(std::move(options)), area_filter_(options_.area_ids) {
  std::sort(area_filter_.begin(), area_filter_.end());
}

uint32_t CoPresenceBuilder::PlaceOf(const std::string& area_id) {
  if (area_id.empty()) return kNoPlace;
  auto [found, added] = place_index_.try_emplace(area_id, static_cast<uint32_t>(place_index_.size()));
  return found->second;
}

void CoPresenceBuilder::Add(const Observation& observation) {
  if (observation.observed_at < options_.from || observation.observed_at > options_.to) return;
  if (!area_filter_.empty() &&
      !std::binary_search(area_filter_.begin(), area_filter_.end(), observation.area_id)) {
    return;
  }
  Sighting sighting{observation.id, observation.observed_at.unix_seconds(), PlaceOf(observation.area_id),
                    static_cast<uint32_t>(person_slots_.size()), static_cast<uint32_t>(observation.person_ids.size())};
  for (PersonId person_id : observation.person_ids) {
    auto [slot, added] = slot_of_.try_emplace(person_id, static_cast<Slot>(persons_.size()));
    if (added) persons_.push_back(person_id);
    person_slots_.push_back(slot->second);
  }
  sightings_.push_back(sighting);
  if (options_.radius_metres > 0) {
    constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
    positions_.push_back(observation.position.value_or(GeoPoint{kNone, kNone}));
  }
}

bool CoPresenceBuilder::WithinRadius(const Sighting& first, const Sighting& second) const {
  if (options_.radius_metres <= 0) return true;
  const GeoPoint& one = positions_[static_cast<size_t>(&first - sightings_.data())];
  const GeoPoint& other = positions_[static_cast<size_t>(&second - sightings_.data())];
  if (std::isnan(one.lon) || std::isnan(other.lon)) return true;  // no position: the area decides
  return DistanceMetres(one, other) <= options_.radius_metres;
}

template <typename Event>
void CoPresenceBuilder::ForEachEvent(Event&& event, uint32_t part, uint32_t parts) const {
  std::vector<uint32_t> order;
  for (uint32_t idx = 0; idx < sightings_.size(); ++idx) {
    const uint32_t place = sightings_[idx].place;
    if ((place == kNoPlace ? idx : place) % parts == part) order.push_back(idx);
  }
  // By place, then time: the window looks ahead only within one place.
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    const Sighting &one = sightings_[x], &other = sightings_[y];
    return std::tie(one.place, one.at, one.id) < std::tie(other.place, other.at, other.id);
  });
  for (size_t idx = 0; idx < order.size(); ++idx) {
    const Sighting& sighting = sightings_[order[idx]];
    event(sighting, sighting, sighting.at);
    if (options_.window_seconds == 0 || sighting.place == kNoPlace) continue;  // no place: only its own persons
    size_t partners = 0;
    for (size_t later = idx + 1; later < order.size() && partners < kMaxWindowPartners; ++later) {
      const Sighting& next = sightings_[order[later]];
      if (next.place != sighting.place || next.at - sighting.at > options_.window_seconds) break;
      if (!WithinRadius(sighting, next)) continue;
      event(sighting, next, next.at);
      ++partners;
    }
  }
}

CoPresenceGraph CoPresenceBuilder::BuildGraph() const {
  CoPresenceGraph graph;
  graph.observations_used = static_cast<int64_t>(sightings_.size());
  // Vertices in ascending person order: slot → vertex.
  std::vector<Slot> by_person(persons_.size());
  for (Slot slot = 0; slot < by_person.size(); ++slot) by_person[slot] = slot;
  std::sort(by_person.begin(), by_person.end(), [&](Slot x, Slot y) { return persons_[x] < persons_[y]; });
  std::vector<uint32_t> vertex_of(persons_.size());
  graph.persons.resize(persons_.size());
  for (uint32_t vertex = 0; vertex < by_person.size(); ++vertex) {
    vertex_of[by_person[vertex]] = vertex;
    graph.persons[vertex] = persons_[by_person[vertex]];
  }
  std::vector<uint32_t> vertices(person_slots_.size());
  for (size_t idx = 0; idx < vertices.size(); ++idx) vertices[idx] = vertex_of[person_slots_[idx]];

  // Every pair of every event, sorted by pair: the places split in two, one
  // half on a second thread (the national network has 25 million pairs).
  struct Contact {
    uint64_t pair;
    int64_t at;
  };
  auto collect = [&](uint32_t part, std::vector<Contact>& contacts) {
    std::vector<uint64_t> pairs;
    ForEachEvent(
        [&](const Sighting& first, const Sighting& second, int64_t at) {
          PairsOf({vertices.data() + first.first_person, first.person_count},
                  {vertices.data() + second.first_person, second.person_count}, &first == &second, pairs);
          for (uint64_t pair : pairs) contacts.push_back({pair, at});
        },
        part, 2);
    std::sort(contacts.begin(), contacts.end(), [](const Contact& x, const Contact& y) { return x.pair < y.pair; });
  };
  std::vector<Contact> ours, theirs;
  std::thread helper(collect, 1u, std::ref(theirs));
  collect(0, ours);
  helper.join();

  // Summed per pair, merging the two sorted halves.
  const int64_t now = options_.to.unix_seconds();
  const double half_life_seconds = options_.half_life_days * kSecondsPerDay;
  size_t in_ours = 0, in_theirs = 0;
  auto next = [&]() -> const Contact& {
    if (in_theirs >= theirs.size() || (in_ours < ours.size() && ours[in_ours].pair <= theirs[in_theirs].pair)) {
      return ours[in_ours++];
    }
    return theirs[in_theirs++];
  };
  uint64_t current = 0;
  for (size_t left = ours.size() + theirs.size(); left > 0; --left) {
    const Contact& contact = next();
    if (graph.links.empty() || contact.pair != current) {
      current = contact.pair;
      CoPresenceLink link;
      link.from = static_cast<uint32_t>(contact.pair >> 32);
      link.to = static_cast<uint32_t>(contact.pair & 0xFFFFFFFFu);
      link.first_seen = Timestamp::FromUnixSeconds(contact.at);
      link.last_seen = link.first_seen;
      graph.links.push_back(link);
    }
    CoPresenceLink& link = graph.links.back();
    ++link.count;
    link.weight += std::exp2(-static_cast<double>(std::max<int64_t>(0, now - contact.at)) / half_life_seconds);
    const Timestamp at = Timestamp::FromUnixSeconds(contact.at);
    link.first_seen = std::min(link.first_seen, at);
    link.last_seen = std::max(link.last_seen, at);
  }
  return graph;
}

std::vector<CoPresenceEdge> CoPresenceBuilder::Explain(const std::vector<PersonId>& persons) const {
  std::unordered_set<Slot> focus;
  for (PersonId person_id : persons) {
    if (auto found = slot_of_.find(person_id); found != slot_of_.end()) focus.insert(found->second);
  }
  std::unordered_map<uint64_t, CoPresenceEdge> edges;
  if (focus.empty()) return {};
  std::vector<uint64_t> pairs;
  const int64_t now = options_.to.unix_seconds();
  const double half_life_seconds = options_.half_life_days * kSecondsPerDay;
  auto touches = [&](const Sighting& sighting) {
    for (uint32_t idx = 0; idx < sighting.person_count; ++idx) {
      if (focus.contains(person_slots_[sighting.first_person + idx])) return true;
    }
    return false;
  };
  ForEachEvent([&](const Sighting& first, const Sighting& second, int64_t at) {
    if (!touches(first) && !touches(second)) return;
    PairsOf({person_slots_.data() + first.first_person, first.person_count},
            {person_slots_.data() + second.first_person, second.person_count}, &first == &second, pairs);
    for (uint64_t pair : pairs) {
      const Slot one = static_cast<Slot>(pair >> 32), other = static_cast<Slot>(pair & 0xFFFFFFFFu);
      if (!focus.contains(one) && !focus.contains(other)) continue;
      CoPresenceEdge& edge = edges[pair];
      ++edge.count;
      edge.weight += std::exp2(-static_cast<double>(std::max<int64_t>(0, now - at)) / half_life_seconds);
      const Timestamp when = Timestamp::FromUnixSeconds(at);
      if (edge.count == 1 || when < edge.first_seen) edge.first_seen = when;
      if (edge.count == 1 || when > edge.last_seen) edge.last_seen = when;
      Remember(edge, first.id);
      if (&first != &second) Remember(edge, second.id);
    }
  });
  std::vector<CoPresenceEdge> explained;
  explained.reserve(edges.size());
  for (auto& [pair, edge] : edges) {
    const PersonId one = persons_[pair >> 32], other = persons_[pair & 0xFFFFFFFFu];
    edge.a = std::min(one, other);
    edge.b = std::max(one, other);
    std::sort(edge.observation_ids.begin(), edge.observation_ids.end(), std::greater<>());
    explained.push_back(std::move(edge));
  }
  std::sort(explained.begin(), explained.end(), [](const CoPresenceEdge& x, const CoPresenceEdge& y) {
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  return explained;
}

CoPresenceNetwork BuildCoPresence(const std::vector<Observation>& observations, const CoPresenceOptions& options) {
  CoPresenceBuilder builder(options);
  for (const Observation& observation : observations) builder.Add(observation);
  CoPresenceGraph graph = builder.BuildGraph();
  CoPresenceNetwork network;
  network.edges = builder.Explain(graph.persons);
  network.persons = std::move(graph.persons);
  network.observations_used = graph.observations_used;
  return network;
}

}  // namespace trygnet::network
