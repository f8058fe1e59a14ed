#include "network/network_analysis.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "network/adjacency.h"

namespace trygnet::network {
namespace {

constexpr int64_t kMaxTop = 500;
constexpr int64_t kMaxWindowMinutes = 7 * 24 * 60;
constexpr int kMaxPeriodDays = 3653;
constexpr int kDefaultPeriodDays = 365;
constexpr size_t kCentralMembers = 5;  // per group shown

double SecondsSince(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

Date FromOf(const NetworkRequest& request) { return request.from.value_or(request.as_of.AddDays(-kDefaultPeriodDays)); }

// The areas asked for and every area below them.
std::vector<std::string> WithSubAreas(const Partnership& partnership, const std::vector<std::string>& area_ids) {
  std::set<std::string> chosen(area_ids.begin(), area_ids.end());
  for (bool grew = true; grew;) {
    grew = false;
    for (const Area& area : partnership.areas) {
      if (!area.parent_id.empty() && chosen.contains(area.parent_id) && chosen.insert(area.id).second) grew = true;
    }
  }
  return {chosen.begin(), chosen.end()};
}

CoPresenceOptions CoPresenceOf(const NetworkRequest& request, const Partnership& partnership) {
  CoPresenceOptions options;
  options.from = Timestamp::StartOf(FromOf(request));
  options.to = EndOfDay(request.as_of);
  options.window_seconds = request.window_minutes * 60;
  options.radius_metres = request.radius_metres;
  options.half_life_days = request.half_life_days;
  options.area_ids = WithSubAreas(partnership, request.area_ids);
  return options;
}

// The `top` vertices by `key` (highest first; ties by person id), leaving out zeros.
template <typename Key>
std::vector<uint32_t> TopVertices(const NetworkMeasures& measures, int64_t top, Key key) {
  std::vector<uint32_t> vertices;
  for (uint32_t vertex = 0; vertex < measures.persons.size(); ++vertex) {
    if (key(measures.persons[vertex]) > 0) vertices.push_back(vertex);
  }
  const size_t count = std::min(vertices.size(), static_cast<size_t>(top));
  std::partial_sort(vertices.begin(), vertices.begin() + static_cast<std::ptrdiff_t>(count), vertices.end(),
                    [&](uint32_t x, uint32_t y) {
                      const double kx = key(measures.persons[x]), ky = key(measures.persons[y]);
                      return kx != ky ? kx > ky : x < y;
                    });
  vertices.resize(count);
  return vertices;
}

// The state of the register on the as-of date, by vertex.
struct RegisterView {
  std::vector<std::vector<GroupId>> groups_of_vertex;
  std::vector<bool> member;  // member or associate: whom a young person is "seen with"
};

Result<RegisterView> ReadRegister(Store& store, const Partnership& partnership, const NetworkRequest& request,
                                  const CoPresenceGraph& graph) {
  RegisterView view;
  view.groups_of_vertex.resize(graph.persons.size());
  view.member.assign(graph.persons.size(), false);
  TRY_ASSIGN(std::vector<Registration> active,
             store.ActiveRegistrations(partnership.id, {request.as_of, request.known_at}));
  for (const Registration& registration : active) {
    const std::optional<uint32_t> vertex = graph.VertexOf(registration.person_id);
    if (!vertex || !registration.group_id) continue;
    auto& groups = view.groups_of_vertex[*vertex];
    if (std::find(groups.begin(), groups.end(), *registration.group_id) == groups.end()) {
      groups.push_back(*registration.group_id);
    }
    if (registration.role == RegistrationRole::kMember || registration.role == RegistrationRole::kAssociate) {
      view.member[*vertex] = true;
    }
  }
  return view;
}

// Under 18 on the as-of date, for the persons seen with members (birth dates
// are encrypted: only those that can matter are read).
Result<std::vector<bool>> YoungAmongContacts(Store& store, const CoPresenceGraph& graph, const Adjacency& adjacency,
                                             const RegisterView& view, Date as_of) {
  std::vector<bool> candidate(graph.persons.size(), false);
  for (uint32_t vertex = 0; vertex < graph.persons.size(); ++vertex) {
    if (!view.member[vertex]) continue;
    adjacency.ForEachTie(vertex, [&](uint32_t neighbour, const CoPresenceLink&) { candidate[neighbour] = true; });
  }
  std::vector<bool> young(graph.persons.size(), false);
  for (uint32_t vertex = 0; vertex < graph.persons.size(); ++vertex) {
    if (!candidate[vertex]) continue;
    TRY_ASSIGN(Person person, store.GetPerson(graph.persons[vertex]));
    young[vertex] = person.IsUnder18At(as_of);
  }
  return young;
}

std::vector<CoPresenceEdge> TiesOf(PersonId person_id, const std::vector<CoPresenceEdge>& explained,
                                   size_t limit, int64_t& total) {
  std::vector<CoPresenceEdge> ties;
  for (const CoPresenceEdge& edge : explained) {
    if (edge.a == person_id || edge.b == person_id) ties.push_back(edge);
  }
  total = static_cast<int64_t>(ties.size());
  std::sort(ties.begin(), ties.end(), [](const CoPresenceEdge& x, const CoPresenceEdge& y) {
    return x.weight != y.weight ? x.weight > y.weight : std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  if (ties.size() > limit) ties.resize(limit);
  return ties;
}

struct Built {
  CoPresenceBuilder builder;
  CoPresenceGraph graph;
  NetworkMeasures measures;
};

Result<std::unique_ptr<Built>> BuildAndMeasure(Store& store, const Partnership& partnership,
                                               const NetworkRequest& request, NetworkResult& result) {
  TRY_STATUS(ValidateNetworkRequest(request, partnership));
  const auto started = std::chrono::steady_clock::now();
  const CoPresenceOptions options = CoPresenceOf(request, partnership);
  auto built = std::make_unique<Built>(Built{CoPresenceBuilder(options), {}, {}});
  TRY_STATUS(store.ScanObservations(options.from, options.to, request.known_at, [&](const Observation& observation) {
    built->builder.Add(observation);
    return OkStatus();
  }));
  built->graph = built->builder.BuildGraph();
  result.seconds_build = SecondsSince(started);
  const auto measuring = std::chrono::steady_clock::now();
  TRY_ASSIGN(built->measures, ComputeMeasures(built->graph, request.measures));
  result.seconds_measures = SecondsSince(measuring);
  result.request = request;
  result.from = FromOf(request);
  result.observations = built->graph.observations_used;
  result.persons = static_cast<int64_t>(built->graph.persons.size());
  result.ties = static_cast<int64_t>(built->graph.links.size());
  result.components = built->measures.components;
  result.modularity = built->measures.modularity;
  for (const BetweennessPlan& plan : built->measures.betweenness) {
    if (plan.exact) ++result.exact_components;
  }
  // What the reader needs of the plan: every sampled component, and the few largest exact ones.
  std::vector<BetweennessPlan> plans = built->measures.betweenness;
  std::stable_sort(plans.begin(), plans.end(), [](const BetweennessPlan& x, const BetweennessPlan& y) {
    return x.exact != y.exact ? !x.exact : x.persons > y.persons;
  });
  for (const BetweennessPlan& plan : plans) {
    if (!plan.exact || result.betweenness.size() < 5) result.betweenness.push_back(plan);
  }
  return built;
}

// Explains every shown person, and gathers the facts for them and their ties.
Status Explain(Store& store, const Built& built, const RegisterView& view, size_t ties_per_person,
               NetworkResult& result) {
  std::vector<PersonId> shown;
  for (const auto& [person_id, person] : result.shown) shown.push_back(person_id);
  const std::vector<CoPresenceEdge> explained = built.builder.Explain(shown);
  std::set<PersonId> everyone(shown.begin(), shown.end());
  for (auto& [person_id, person] : result.shown) {
    const uint32_t vertex = *built.graph.VertexOf(person_id);
    person.measures = built.measures.persons[vertex];
    person.ties = TiesOf(person_id, explained, ties_per_person, person.ties_total);
    for (const CoPresenceEdge& tie : person.ties) everyone.insert(tie.a == person_id ? tie.b : tie.a);
  }
  for (const DriftResult& drift : result.drifting_in) everyone.insert(drift.members.begin(), drift.members.end());
  for (const GroupResult& group : result.groups) {
    everyone.insert(group.central_members.begin(), group.central_members.end());
  }
  for (PersonId person_id : everyone) {
    PersonFacts facts;
    facts.person_id = person_id;
    TRY_ASSIGN(PersonRecordHolders holders, store.RecordHoldersOfPerson(person_id));
    facts.registered = holders.registered;
    facts.has_case = !holders.case_unit_ids.empty();
    if (const std::optional<uint32_t> vertex = built.graph.VertexOf(person_id)) {
      facts.group_ids = view.groups_of_vertex[*vertex];
    }
    TRY_ASSIGN(Person person, store.GetPerson(person_id));
    facts.under_18 = person.IsUnder18At(result.request.as_of);
    result.facts[person_id] = std::move(facts);
  }
  return OkStatus();
}

}  // namespace

Status ValidateNetworkRequest(const NetworkRequest& request, const Partnership& partnership) {
  if (request.top < 1 || request.top > kMaxTop) return InvalidArgument("top", "must be from 1 to 500");
  if (request.window_minutes < 0 || request.window_minutes > kMaxWindowMinutes) {
    return InvalidArgument("window", "must be from 0 to 10,080 minutes (7 days)");
  }
  const Date from = FromOf(request);
  if (from > request.as_of) return InvalidArgument("from", "must not be after as_of");
  if (request.as_of.days_since_epoch() - from.days_since_epoch() > kMaxPeriodDays) return InvalidArgument("from", "must be at most ten years before as_of");
  for (const std::string& area_id : request.area_ids) {
    if (!partnership.FindArea(area_id)) return InvalidArgument("area", "'" + area_id + "' is not an area of the partnership");
  }
  TRY_STATUS(ValidateCoPresenceOptions(CoPresenceOf(request, partnership)));
  return ValidateMeasureOptions(request.measures);
}

Result<NetworkResult> AnalyseNetwork(Store& store, const Partnership& partnership, const NetworkRequest& request) {
  NetworkResult result;
  TRY_ASSIGN(std::unique_ptr<Built> built, BuildAndMeasure(store, partnership, request, result));
  const CoPresenceGraph& graph = built->graph;
  const NetworkMeasures& measures = built->measures;
  const Adjacency adjacency(graph);
  TRY_ASSIGN(RegisterView view, ReadRegister(store, partnership, request, graph));
  TRY_ASSIGN(std::vector<bool> young, YoungAmongContacts(store, graph, adjacency, view, request.as_of));

  auto to_persons = [&](const std::vector<uint32_t>& vertices) {
    std::vector<PersonId> persons;
    for (uint32_t vertex : vertices) {
      persons.push_back(graph.persons[vertex]);
      result.shown[graph.persons[vertex]].person_id = graph.persons[vertex];
    }
    return persons;
  };
  result.by_pagerank = to_persons(TopVertices(measures, request.top, [](const PersonMeasures& m) { return m.pagerank; }));
  result.by_betweenness =
      to_persons(TopVertices(measures, request.top, [](const PersonMeasures& m) { return m.betweenness; }));
  result.by_strength = to_persons(TopVertices(measures, request.top, [](const PersonMeasures& m) { return m.strength; }));

  std::vector<CommunitySummary> communities = measures.communities;
  std::sort(communities.begin(), communities.end(), [](const CommunitySummary& x, const CommunitySummary& y) {
    return x.persons != y.persons ? x.persons > y.persons : x.id < y.id;
  });
  communities.resize(std::min(communities.size(), static_cast<size_t>(request.top)));
  result.largest_communities = std::move(communities);

  const GroupAnalysis groups = AnalyseGroups(graph, adjacency, view.groups_of_vertex);
  std::map<GroupId, std::vector<uint32_t>> members_of;
  for (uint32_t vertex = 0; vertex < graph.persons.size(); ++vertex) {
    for (GroupId group_id : view.groups_of_vertex[vertex]) members_of[group_id].push_back(vertex);
  }
  TRY_ASSIGN(std::vector<Group> all_groups, store.ListGroups());
  std::map<GroupId, std::string> names;
  for (const Group& group : all_groups) names[group.id] = group.name;
  // The `top` groups with most members in the network, each with its most central members.
  std::vector<GroupSummary> largest = groups.groups;
  std::stable_sort(largest.begin(), largest.end(), [](const GroupSummary& x, const GroupSummary& y) {
    return x.members_in_network > y.members_in_network;
  });
  largest.resize(std::min(largest.size(), static_cast<size_t>(request.top)));
  for (const GroupSummary& summary : largest) {
    GroupResult group;
    group.summary = summary;
    group.name = names[summary.group_id];
    std::vector<uint32_t>& members = members_of[summary.group_id];
    std::sort(members.begin(), members.end(), [&](uint32_t x, uint32_t y) {
      const double px = measures.persons[x].pagerank, py = measures.persons[y].pagerank;
      return px != py ? px > py : x < y;
    });
    members.resize(std::min(members.size(), std::min(kCentralMembers, static_cast<size_t>(request.top))));
    for (uint32_t vertex : members) group.central_members.push_back(graph.persons[vertex]);
    result.groups.push_back(std::move(group));
  }
  for (const Broker& broker : groups.brokers) {
    if (result.brokers.size() >= static_cast<size_t>(request.top)) break;
    const PersonId person_id = graph.persons[broker.vertex];
    result.brokers.push_back({person_id, broker});
    result.shown[person_id].person_id = person_id;
  }
  for (const DriftingIn& drift : FindDriftingIn(graph, adjacency, young, view.member, EndOfDay(request.as_of))) {
    if (result.drifting_in.size() >= static_cast<size_t>(request.top)) break;
    DriftResult found{graph.persons[drift.vertex], drift, {}};
    for (const MemberContact& contact : drift.contacts) found.members.push_back(graph.persons[contact.member_vertex]);
    result.shown[found.person_id].person_id = found.person_id;
    result.drifting_in.push_back(std::move(found));
  }
  TRY_STATUS(Explain(store, *built, view, kShownTies, result));
  return result;
}

Result<NetworkResult> AnalysePersonNetwork(Store& store, const Partnership& partnership,
                                           const NetworkRequest& request, PersonId person_id) {
  NetworkResult result;
  TRY_ASSIGN(std::unique_ptr<Built> built, BuildAndMeasure(store, partnership, request, result));
  if (!built->graph.VertexOf(person_id)) {
    return NotFound("person " + std::to_string(person_id) + " was not seen with anyone in the period");
  }
  TRY_ASSIGN(RegisterView view, ReadRegister(store, partnership, request, built->graph));
  result.shown[person_id].person_id = person_id;
  TRY_STATUS(Explain(store, *built, view, SIZE_MAX, result));
  return result;
}

}  // namespace trygnet::network
