#include "network/measures.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

#include "network/adjacency.h"
#include "network/child_process.h"
#include "network/pivot_sampling.h"
#include "network/worker_result.h"

namespace trygnet::network {
namespace {

double PairsWithout(int64_t persons) {
  return persons < 3 ? 0 : static_cast<double>(persons - 1) * static_cast<double>(persons - 2) / 2;
}

// Breadth-first order over every component, lowest vertex first.
std::vector<int64_t> BreadthFirstOrder(const CoPresenceGraph& graph) {
  const Adjacency adjacency(graph);
  constexpr int64_t kUnseen = -1;
  std::vector<int64_t> order(graph.persons.size(), kUnseen);
  std::vector<uint32_t> queue;
  queue.reserve(graph.persons.size());
  int64_t next = 0;
  for (uint32_t start = 0; start < graph.persons.size(); ++start) {
    if (order[start] != kUnseen) continue;
    order[start] = next++;
    queue.push_back(start);
    for (size_t head = queue.size() - 1; head < queue.size(); ++head) {
      adjacency.ForEachTie(queue[head], [&](uint32_t neighbour, const CoPresenceLink&) {
        if (order[neighbour] != kUnseen) return;
        order[neighbour] = next++;
        queue.push_back(neighbour);
      });
    }
  }
  return order;
}

// Labels renumbered by their first appearance in vertex order, so that they
// do not depend on igraph's numbering; returns how many there are.
int64_t Renumber(std::vector<int64_t>& labels) {
  std::vector<int64_t> renamed;
  int64_t count = 0;
  for (int64_t& label : labels) {
    const auto old = static_cast<size_t>(label);
    if (old >= renamed.size()) renamed.resize(old + 1, -1);
    if (renamed[old] < 0) renamed[old] = count++;
    label = renamed[old];
  }
  return count;
}

// Exact betweenness of each small component on its own subgraph: igraph
// pays O(n) per source on the whole graph, which the many small components
// of a city-wide network would multiply.
Status ExactForSmallComponents(const CoPresenceGraph& graph, const Components& components,
                               const MeasureOptions& options, NetworkMeasures& measures) {
  const size_t count = components.sizes.size();
  std::vector<int64_t> local(graph.persons.size());
  std::vector<std::vector<int64_t>> members(count);
  for (size_t vertex = 0; vertex < graph.persons.size(); ++vertex) {
    const int64_t component = components.membership[vertex];
    const int64_t size = components.sizes[static_cast<size_t>(component)];
    if (size < 3 || size > options.exact_limit) continue;
    local[vertex] = static_cast<int64_t>(members[static_cast<size_t>(component)].size());
    members[static_cast<size_t>(component)].push_back(static_cast<int64_t>(vertex));
  }
  std::vector<std::vector<WeightedEdge>> edges(count);
  for (const CoPresenceLink& link : graph.links) {
    const auto component = static_cast<size_t>(components.membership[link.from]);
    if (members[component].empty()) continue;
    edges[component].push_back({local[link.from], local[link.to], std::max(link.weight, kMinTieWeight)});
  }
  for (size_t component = 0; component < count; ++component) {
    if (members[component].empty()) continue;
    const auto size = static_cast<int64_t>(members[component].size());
    TRY_ASSIGN(IgraphGraph subgraph, IgraphGraph::Create(size, edges[component]));
    TRY_ASSIGN(std::vector<double> values, subgraph.Betweenness());
    for (size_t idx = 0; idx < values.size(); ++idx) {
      measures.persons[static_cast<size_t>(members[component][idx])].betweenness = values[idx];
    }
    measures.betweenness.push_back({static_cast<int64_t>(component), size, true, 0, 0});
  }
  return OkStatus();
}

void Participation(const CoPresenceGraph& graph, NetworkMeasures& measures) {
  const Adjacency adjacency(graph);
  std::vector<double> by_community(measures.communities.size(), 0.0);
  std::vector<int64_t> touched;
  for (uint32_t vertex = 0; vertex < graph.persons.size(); ++vertex) {
    PersonMeasures& person = measures.persons[vertex];
    if (person.strength <= 0) continue;
    touched.clear();
    adjacency.ForEachTie(vertex, [&](uint32_t neighbour, const CoPresenceLink& link) {
      const int64_t community = measures.persons[neighbour].community;
      if (by_community[static_cast<size_t>(community)] == 0) touched.push_back(community);
      by_community[static_cast<size_t>(community)] += std::max(link.weight, kMinTieWeight);
    });
    double concentration = 0;
    for (int64_t community : touched) {
      const double share = by_community[static_cast<size_t>(community)] / person.strength;
      concentration += share * share;
      by_community[static_cast<size_t>(community)] = 0;
    }
    person.participation = std::max(0.0, 1 - concentration);
  }
}

}  // namespace

Status ValidateMeasureOptions(const MeasureOptions& options) {
  if (!(options.resolution >= 0.1 && options.resolution <= 10)) {
    return InvalidArgument("resolution", "must be from 0.1 to 10");
  }
  if (!(options.damping > 0 && options.damping < 1)) return InvalidArgument("damping", "must lie between 0 and 1");
  if (options.exact_limit < 3 || options.exact_limit > 1000000) {
    return InvalidArgument("exact_limit", "must be from 3 to 1,000,000 persons");
  }
  if (options.pivots < 1 || options.pivots > 100000) return InvalidArgument("pivots", "must be from 1 to 100,000");
  if (!(options.budget_seconds >= 0 && options.budget_seconds <= 3600)) {
    return InvalidArgument("budget", "must be from 0 to 3,600 seconds");
  }
  if (options.processes < 1 || options.processes > 2) return InvalidArgument("processes", "must be 1 or 2");
  if (!(options.error_probability > 0 && options.error_probability < 1)) {
    return InvalidArgument("error_probability", "must lie between 0 and 1");
  }
  return OkStatus();
}

double PivotErrorBound(int64_t persons, int64_t pivots, double error_probability) {
  if (persons < 3 || pivots < 1) return 0;
  const double n = static_cast<double>(persons);
  return n / (n - 1) * std::sqrt(std::log(2 * n / error_probability) / (2 * static_cast<double>(pivots)));
}

Result<LocalGraph> ToIgraph(const CoPresenceGraph& graph) {
  std::vector<int64_t> order = BreadthFirstOrder(graph);
  std::vector<WeightedEdge> edges;
  edges.reserve(graph.links.size());
  for (const CoPresenceLink& link : graph.links) {
    edges.push_back({order[link.from], order[link.to], std::max(link.weight, kMinTieWeight)});
  }
  TRY_ASSIGN(IgraphGraph igraph, IgraphGraph::Create(static_cast<int64_t>(graph.persons.size()), edges));
  return LocalGraph{std::move(igraph), std::move(order)};
}

Result<NetworkMeasures> ComputeMeasures(const CoPresenceGraph& graph, const MeasureOptions& options) {
  const Clock::time_point measures_began = Clock::now();  // the sampling budget counts from here
  NetworkMeasures measures;
  measures.persons.resize(graph.persons.size());
  TRY_ASSIGN(LocalGraph local, ToIgraph(graph));
  const IgraphGraph& igraph = local.igraph;
  TRY_ASSIGN(Components components, igraph.ConnectedComponents());
  // Components numbered in vertex order, whatever igraph's numbering.
  const std::vector<int64_t> component_sizes = std::move(components.sizes);
  components.membership = local.ByVertex(components.membership);
  const std::vector<int64_t> igraph_label = components.membership;
  components.sizes.assign(component_sizes.size(), 0);
  Renumber(components.membership);
  for (size_t vertex = 0; vertex < components.membership.size(); ++vertex) {
    components.sizes[static_cast<size_t>(components.membership[vertex])] =
        component_sizes[static_cast<size_t>(igraph_label[vertex])];
  }
  const std::vector<SamplingPlan> plans = PlanSampling(components, options);

  // With two processes, a worker runs Leiden and the second half of each
  // component's pivots while this process runs everything else.
  std::vector<std::vector<int64_t>> own_pivots, worker_pivots;
  for (const SamplingPlan& plan : plans) {
    // This process takes the larger half: it always runs a pivot, the worker only within the budget.
    const size_t half = options.processes > 1 ? (plan.pivots.size() + 1) / 2 : plan.pivots.size();
    own_pivots.emplace_back(plan.pivots.begin(), plan.pivots.begin() + static_cast<std::ptrdiff_t>(half));
    worker_pivots.emplace_back(plan.pivots.begin() + static_cast<std::ptrdiff_t>(half), plan.pivots.end());
  }
  std::optional<ChildProcess> worker;
  if (options.processes > 1) {
    Result<ChildProcess> started = ChildProcess::Start([&]() -> Result<std::string> {
      TRY_ASSIGN(Communities communities, igraph.Leiden(options.seed, options.resolution));
      TRY_ASSIGN(std::vector<PivotShare> shares,
                 RunPivots(local, plans, worker_pivots, options.budget_seconds, measures_began, /*must_run=*/false));
      return EncodeWorkerResult(communities, shares);
    });
    if (!started.ok()) return started.error();
    worker.emplace(std::move(started).value());
  }
  TRY_ASSIGN(std::vector<int64_t> degree, igraph.Degree());
  TRY_ASSIGN(std::vector<double> strength, igraph.Strength());
  TRY_ASSIGN(std::vector<double> pagerank, igraph.PageRank(options.damping));
  degree = local.ByVertex(degree);
  strength = local.ByVertex(strength);
  pagerank = local.ByVertex(pagerank);
  TRY_STATUS(ExactForSmallComponents(graph, components, options, measures));
  TRY_ASSIGN(std::vector<PivotShare> own_shares,
             RunPivots(local, plans, own_pivots, options.budget_seconds, measures_began, /*must_run=*/true));
  Communities communities;
  std::vector<std::vector<PivotShare>> lanes = {std::move(own_shares)};
  if (worker) {
    TRY_ASSIGN(std::string bytes, worker->Finish());
    std::vector<PivotShare> worker_shares;
    TRY_STATUS(DecodeWorkerResult(bytes, plans.size(), communities, worker_shares));
    lanes.push_back(std::move(worker_shares));
  } else {
    TRY_ASSIGN(communities, igraph.Leiden(options.seed, options.resolution));
  }
  FinishSampling(plans, lanes, options, measures);
  communities.membership = local.ByVertex(communities.membership);
  Renumber(communities.membership);

  measures.modularity = communities.modularity;
  measures.components = static_cast<int64_t>(components.sizes.size());
  measures.communities.resize(static_cast<size_t>(communities.count));
  for (size_t vertex = 0; vertex < graph.persons.size(); ++vertex) {
    PersonMeasures& person = measures.persons[vertex];
    person.degree = degree[vertex];
    person.strength = strength[vertex];
    person.pagerank = pagerank[vertex];
    person.component = components.membership[vertex];
    person.community = communities.membership[vertex];
    CommunitySummary& community = measures.communities[static_cast<size_t>(person.community)];
    community.id = person.community;
    ++community.persons;
  }
  for (const CoPresenceLink& link : graph.links) {
    const double weight = std::max(link.weight, kMinTieWeight);
    const int64_t one = measures.persons[link.from].community, other = measures.persons[link.to].community;
    if (one == other) {
      measures.communities[static_cast<size_t>(one)].internal_weight += weight;
    } else {
      measures.communities[static_cast<size_t>(one)].external_weight += weight;
      measures.communities[static_cast<size_t>(other)].external_weight += weight;
    }
  }
  std::sort(measures.betweenness.begin(), measures.betweenness.end(),
            [](const BetweennessPlan& x, const BetweennessPlan& y) { return x.component < y.component; });
  for (PersonMeasures& person : measures.persons) {
    const double pairs = PairsWithout(components.sizes[static_cast<size_t>(person.component)]);
    person.betweenness_normalised = pairs > 0 ? person.betweenness / pairs : 0;
  }
  Participation(graph, measures);
  return measures;
}

}  // namespace trygnet::network
