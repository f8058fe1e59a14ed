// Each person's ties in a CoPresenceGraph, found without copying the links:
// the links are sorted by (from, to), so a vertex's ties as `from` are one
// run; its ties as `to` are found through one index sorted by `to`.
// Thread-safety: immutable after construction. REQUIRES: `graph` outlives it.
#pragma once

#include <cstdint>
#include <vector>

#include "network/co_presence.h"

namespace trygnet::network {

class Adjacency {
 public:
  explicit Adjacency(const CoPresenceGraph& graph);

  // Calls visit(neighbour_vertex, link) for every tie of `vertex`.
  template <typename Visit>
  void ForEachTie(uint32_t vertex, Visit&& visit) const {
    for (uint32_t idx = from_begin_[vertex]; idx < from_begin_[vertex + 1]; ++idx) {
      visit(graph_.links[idx].to, graph_.links[idx]);
    }
    for (uint32_t idx = to_begin_[vertex]; idx < to_begin_[vertex + 1]; ++idx) {
      const CoPresenceLink& link = graph_.links[by_to_[idx]];
      visit(link.from, link);
    }
  }

 private:
  const CoPresenceGraph& graph_;
  std::vector<uint32_t> from_begin_;  // vertex → first link with that `from`; size n + 1
  std::vector<uint32_t> to_begin_;    // vertex → first entry of by_to_ with that `to`
  std::vector<uint32_t> by_to_;       // link indexes ordered by `to`
};

}  // namespace trygnet::network
