// The network analysis as a service: reads the observations of a period (as
// known at an instant) from the store, builds the co-presence network, runs
// the measures, and picks the persons worth a professional's look, each with
// the neighbours and observations behind their figures [p.8–9, p.12].
//
// The result names no one: it holds person ids and the facts that decide
// how each may be shown (person_labels.h). Results are indicators for
// professionals; nothing here writes to the store or changes a status.
// Thread-safety: one call per Store (the Store is not shared).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/partnership.h"
#include "network/co_presence.h"
#include "network/drifting_in.h"
#include "network/groups.h"
#include "network/measures.h"
#include "store/store.h"

namespace trygnet::network {

struct NetworkRequest {
  Date as_of;                         // the network as it stood at the end of this day
  Timestamp known_at;                 // only observations recorded by then
  std::optional<Date> from;           // default: one year before as_of
  std::vector<std::string> area_ids;  // empty: every area; else these and their sub-areas
  int64_t window_minutes = 30;        // sightings at one place this close count as together
  double radius_metres = 0;           // 0: the area is the place
  double half_life_days = 180;
  MeasureOptions measures;
  int64_t top = 20;  // persons in each list
};

// Top 1–500, window 0–10,080 minutes, a known area, from ≤ as_of and at most
// ten years before it; the co-presence and measure options' own checks.
// Errors name the request field.
Status ValidateNetworkRequest(const NetworkRequest& request, const Partnership& partnership);

// One shown person's figures, with the ties that explain them.
struct PersonResult {
  PersonId person_id = 0;
  PersonMeasures measures;
  std::vector<CoPresenceEdge> ties;  // strongest first, at most kShownTies
  int64_t ties_total = 0;
};
inline constexpr size_t kShownTies = 10;

// What decides how a person may be shown.
struct PersonFacts {
  PersonId person_id = 0;
  bool registered = false;  // any registration, as known at the request's instant
  bool has_case = false;
  bool under_18 = false;    // on the as-of date
  std::vector<GroupId> group_ids;  // registered in a gang role on the as-of date
};

struct GroupResult {
  GroupSummary summary;
  std::string name;
  std::vector<PersonId> central_members;  // by PageRank, at most five
};

struct BrokerResult {
  PersonId person_id = 0;
  Broker broker;
};

struct DriftResult {
  PersonId person_id = 0;
  DriftingIn drift;
  std::vector<PersonId> members;  // by contact, as in drift.contacts
};

struct NetworkResult {
  NetworkRequest request;
  Date from;
  int64_t observations = 0;
  int64_t persons = 0;
  int64_t ties = 0;
  int64_t components = 0;
  double modularity = 0;
  std::vector<CommunitySummary> largest_communities;  // at most `top`
  std::vector<BetweennessPlan> betweenness;           // sampled components first, then the largest exact ones
  int64_t exact_components = 0;
  std::vector<PersonId> by_pagerank;
  std::vector<PersonId> by_betweenness;
  std::vector<PersonId> by_strength;
  std::vector<GroupResult> groups;  // the `top` with most members in the network
  std::vector<BrokerResult> brokers;
  std::vector<DriftResult> drifting_in;
  std::map<PersonId, PersonResult> shown;  // every person in a list above
  std::map<PersonId, PersonFacts> facts;   // every person shown or named as a tie
  double seconds_build = 0;
  double seconds_measures = 0;
};

// Fails with invalid_argument (naming the field) or with the store's error.
Result<NetworkResult> AnalyseNetwork(Store& store, const Partnership& partnership, const NetworkRequest& request);

// One person's place in the network: their figures and every tie (strongest
// first), whether or not they rank in a top list.
Result<NetworkResult> AnalysePersonNetwork(Store& store, const Partnership& partnership,
                                           const NetworkRequest& request, PersonId person_id);

}  // namespace trygnet::network
