#include "network/measures.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "network/adjacency.h"

namespace trygnet::network {
namespace {

// Pivots are drawn with our own generator (SplitMix64), not igraph's or a
// std:: distribution, whose sequences differ between library versions.
class PivotRandom {
 public:
  explicit PivotRandom(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, bound); the modulo bias is below bound / 2^64, negligible here.
  uint64_t Below(uint64_t bound) { return Next() % bound; }

 private:
  uint64_t state_;
};

// k distinct members of `vertices`, uniformly (a partial Fisher–Yates shuffle).
std::vector<int64_t> DrawPivots(std::vector<int64_t> vertices, int64_t count, PivotRandom& random) {
  const size_t k = std::min<size_t>(static_cast<size_t>(count), vertices.size());
  for (size_t idx = 0; idx < k; ++idx) {
    std::swap(vertices[idx], vertices[idx + random.Below(vertices.size() - idx)]);
  }
  vertices.resize(k);
  return vertices;
}

double PairsWithout(int64_t persons) {
  return persons < 3 ? 0 : static_cast<double>(persons - 1) * static_cast<double>(persons - 2) / 2;
}

std::vector<WeightedEdge> EdgesOf(const CoPresenceGraph& graph) {
  std::vector<WeightedEdge> edges;
  edges.reserve(graph.links.size());
  for (const CoPresenceLink& link : graph.links) {
    edges.push_back({link.from, link.to, std::max(link.weight, kMinTieWeight)});
  }
  return edges;
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

// Brandes–Pich: k sources drawn uniformly from the component; (n/k)·(their
// share) is an unbiased estimate of each person's betweenness.
Status SampledForLargeComponents(const IgraphGraph& igraph, const Components& components,
                                 const MeasureOptions& options, NetworkMeasures& measures) {
  constexpr size_t kMaxBatch = 8;  // pivots per igraph call, at most
  const auto started = std::chrono::steady_clock::now();
  auto spent = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  // With a budget, the first pivot runs alone to learn what one costs; each
  // later batch is as large as the rest of the budget allows, and sampling
  // stops before a pivot that would overrun it.
  auto next_batch = [&](size_t used) -> size_t {
    if (options.budget_seconds <= 0) return kMaxBatch;
    if (used == 0) return 1;
    const double per_pivot = spent() / static_cast<double>(used);
    const double affordable = (options.budget_seconds - spent()) / per_pivot;
    return affordable < 1 ? 0 : std::min(kMaxBatch, static_cast<size_t>(affordable));
  };
  std::vector<std::vector<int64_t>> members(components.sizes.size());
  for (size_t vertex = 0; vertex < components.membership.size(); ++vertex) {
    const auto component = static_cast<size_t>(components.membership[vertex]);
    if (components.sizes[component] > options.exact_limit) members[component].push_back(static_cast<int64_t>(vertex));
  }
  for (size_t component = 0; component < members.size(); ++component) {
    if (members[component].empty()) continue;
    const auto size = static_cast<int64_t>(members[component].size());
    PivotRandom random(options.seed ^ (0xA5A5A5A5ULL * (component + 1)));
    const std::vector<int64_t> pivots = DrawPivots(members[component], options.pivots, random);
    std::vector<double> sum(measures.persons.size(), 0.0);
    size_t used = 0;
    while (used < pivots.size()) {
      const size_t batch = next_batch(used);
      if (batch == 0) break;
      const size_t end = std::min(pivots.size(), used + batch);
      TRY_ASSIGN(std::vector<double> part,
                 igraph.BetweennessFromSources(std::vector<int64_t>(pivots.begin() + static_cast<std::ptrdiff_t>(used),
                                                                    pivots.begin() + static_cast<std::ptrdiff_t>(end))));
      for (int64_t vertex : members[component]) sum[static_cast<size_t>(vertex)] += part[static_cast<size_t>(vertex)];
      used = end;
    }
    const double scale = static_cast<double>(size) / static_cast<double>(used);
    for (int64_t vertex : members[component]) {
      measures.persons[static_cast<size_t>(vertex)].betweenness = sum[static_cast<size_t>(vertex)] * scale;
    }
    measures.betweenness.push_back({static_cast<int64_t>(component), size, false, static_cast<int64_t>(used),
                                    PivotErrorBound(size, static_cast<int64_t>(used), options.error_probability)});
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

Result<IgraphGraph> ToIgraph(const CoPresenceGraph& graph) {
  return IgraphGraph::Create(static_cast<int64_t>(graph.persons.size()), EdgesOf(graph));
}

Result<NetworkMeasures> ComputeMeasures(const CoPresenceGraph& graph, const MeasureOptions& options) {
  NetworkMeasures measures;
  measures.persons.resize(graph.persons.size());
  TRY_ASSIGN(IgraphGraph igraph, ToIgraph(graph));
  TRY_ASSIGN(std::vector<int64_t> degree, igraph.Degree());
  TRY_ASSIGN(std::vector<double> strength, igraph.Strength());
  TRY_ASSIGN(std::vector<double> pagerank, igraph.PageRank(options.damping));
  TRY_ASSIGN(Components components, igraph.ConnectedComponents());
  TRY_ASSIGN(Communities communities, igraph.Leiden(options.seed, options.resolution));
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
  TRY_STATUS(ExactForSmallComponents(graph, components, options, measures));
  TRY_STATUS(SampledForLargeComponents(igraph, components, options, measures));
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
