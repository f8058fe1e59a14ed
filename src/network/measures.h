// The measures of who matters in the co-presence network [p.8–9]: degree
// and weighted degree, betweenness (exact for smaller components, sampled
// with a stated error bound for larger ones), PageRank, Leiden communities,
// and each person's participation across communities (a broker's mark).
// All graph algorithms are igraph's (igraph_graph.h); this file chooses
// them, their parameters and the sampling plan.
// Thread-safety: pure over its arguments (igraph calls are serialised).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "network/co_presence.h"
#include "network/igraph_graph.h"

namespace trygnet::network {

struct MeasureOptions {
  uint64_t seed = 1;               // Leiden and the betweenness pivots; the same seed, the same figures
  double resolution = 1.0;         // Leiden's modularity resolution γ
  double damping = 0.85;           // PageRank
  int64_t exact_limit = 2000;      // components up to this many persons get exact betweenness
  int64_t pivots = 100;            // sources sampled in each larger component
  double budget_seconds = 0;       // > 0: sampling ends this long after the measures begin (one pivot always runs)
  double error_probability = 0.05; // δ of the stated error bound
  // 2: a forked worker process runs Leiden and half the pivots on the second
  // core (child_process.h). Only for single-threaded callers (the command
  // line, benchmarks); `trygnet serve` keeps 1.
  int processes = 1;
};

// Seed, resolution 0.1–10, damping in (0, 1), exact limit 3–1,000,000,
// pivots 1–100,000, budget 0–3,600 s, processes 1–2. Errors name the option.
Status ValidateMeasureOptions(const MeasureOptions& options);

// How betweenness was found in one connected component.
struct BetweennessPlan {
  int64_t component = 0;
  int64_t persons = 0;
  bool exact = true;
  int64_t pivots = 0;  // sampled: sources used (fewer than asked if the budget ran out)
  // Sampled: with probability ≥ 1 − δ every normalised value in the
  // component lies within this of the true one (Hoeffding; see docs/network.md).
  double error_bound = 0;
};

struct PersonMeasures {
  int64_t degree = 0;
  double strength = 0;     // weighted degree (recency-weighted co-presence)
  double pagerank = 0;
  double betweenness = 0;  // pairs of persons whose shortest paths run through the person (estimate if sampled)
  double betweenness_normalised = 0;  // ÷ the component's pairs not involving the person
  int64_t component = 0;
  int64_t community = 0;
  double participation = 0;  // 1 − Σ_c (w_c / strength)²: 0 = all ties in one community
};

struct CommunitySummary {
  int64_t id = 0;
  int64_t persons = 0;
  double internal_weight = 0;  // ties within
  double external_weight = 0;  // ties to other communities
};

struct NetworkMeasures {
  std::vector<PersonMeasures> persons;  // by vertex of the graph
  std::vector<CommunitySummary> communities;
  double modularity = 0;
  std::vector<BetweennessPlan> betweenness;  // components of 3 or more persons
  int64_t components = 0;
};

// Ties weaker than this (recency weights that underflow) count as this, so
// that every tie has a finite length for betweenness.
inline constexpr double kMinTieWeight = 1e-9;

// The weighted igraph graph of `graph` (weights floored at kMinTieWeight),
// its vertices renumbered in breadth-first order so that persons seen
// together lie close in memory: the algorithms then miss the cache far less
// on a network of a million persons, whose ids say nothing of who meets whom.
struct LocalGraph {
  IgraphGraph igraph;
  std::vector<int64_t> igraph_of_vertex;  // CoPresenceGraph vertex → igraph vertex
  // A value per igraph vertex, as a value per CoPresenceGraph vertex.
  template <typename T>
  std::vector<T> ByVertex(const std::vector<T>& by_igraph) const {
    std::vector<T> values(by_igraph.size());
    for (size_t vertex = 0; vertex < values.size(); ++vertex) {
      values[vertex] = by_igraph[static_cast<size_t>(igraph_of_vertex[vertex])];
    }
    return values;
  }
};
Result<LocalGraph> ToIgraph(const CoPresenceGraph& graph);

// REQUIRES: ValidateMeasureOptions(options).ok()
Result<NetworkMeasures> ComputeMeasures(const CoPresenceGraph& graph, const MeasureOptions& options);

// The stated error bound for k pivots in a component of n persons:
// n/(n−1)·sqrt(ln(2n/δ)/(2k)) on the normalised scale.
double PivotErrorBound(int64_t persons, int64_t pivots, double error_probability);

}  // namespace trygnet::network
