// An undirected, weighted graph held by igraph (Debian libigraph 0.10), and
// the igraph algorithms the network measures use. This file and its .cc are
// the only ones that see <igraph.h>.
//
// Thread-safety: Debian builds igraph without thread-local state, so its
// error stack, handlers and random generator are process-wide. Every call
// into igraph — including construction and destruction — takes one process
// mutex; concurrent requests in `trygnet serve` therefore run their igraph
// steps one after another. PageRank is pinned to one OpenMP thread so that
// the same input gives the same figures.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/error.h"

namespace trygnet::network {

struct WeightedEdge {
  int64_t from = 0;  // vertex indexes, from != to
  int64_t to = 0;
  double weight = 1;  // > 0: tie strength (PageRank, Leiden, strength); betweenness uses 1/weight as length
};

struct Communities {
  std::vector<int64_t> membership;  // community of each vertex, 0..count-1
  int64_t count = 0;
  double modularity = 0;
};

struct Components {
  std::vector<int64_t> membership;  // component of each vertex
  std::vector<int64_t> sizes;       // by component
};

class IgraphGraph {
 public:
  // Fails with invalid_argument for a vertex outside [0, vertex_count), a
  // loop or a weight that is not positive and finite.
  static Result<IgraphGraph> Create(int64_t vertex_count, const std::vector<WeightedEdge>& edges);
  ~IgraphGraph();
  IgraphGraph(IgraphGraph&&) noexcept;
  IgraphGraph& operator=(IgraphGraph&&) noexcept;
  IgraphGraph(const IgraphGraph&) = delete;
  IgraphGraph& operator=(const IgraphGraph&) = delete;

  int64_t VertexCount() const;

  // Number of neighbours, and the sum of the weights of a vertex's edges.
  Result<std::vector<int64_t>> Degree() const;
  Result<std::vector<double>> Strength() const;
  // Weighted PageRank (PRPACK); sums to 1.
  Result<std::vector<double>> PageRank(double damping) const;
  Result<Components> ConnectedComponents() const;
  // Leiden maximising modularity (γ = `resolution`) on the weights; the same
  // seed and input give the same partition.
  Result<Communities> Leiden(uint64_t seed, double resolution) const;
  // Exact betweenness over unordered pairs (not normalised), with 1/weight as
  // each edge's length.
  Result<std::vector<double>> Betweenness() const;
  // ½·Σ_{s ∈ sources} δ_s(v) for every vertex: the pivots' share of the
  // betweenness (Brandes–Pich sampling scales it by n/k).
  Result<std::vector<double>> BetweennessFromSources(const std::vector<int64_t>& sources) const;

 private:
  struct State;
  explicit IgraphGraph(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace trygnet::network
