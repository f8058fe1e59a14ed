#include "network/adjacency.h"

namespace trygnet::network {

Adjacency::Adjacency(const CoPresenceGraph& graph)
    : graph_(graph), from_begin_(graph.persons.size() + 1, 0), to_begin_(graph.persons.size() + 1, 0) {
  // Counting sort on both ends: O(n + m).
  for (const CoPresenceLink& link : graph.links) {
    ++from_begin_[link.from + 1];
    ++to_begin_[link.to + 1];
  }
  for (size_t vertex = 1; vertex < from_begin_.size(); ++vertex) {
    from_begin_[vertex] += from_begin_[vertex - 1];
    to_begin_[vertex] += to_begin_[vertex - 1];
  }
  by_to_.resize(graph.links.size());
  std::vector<uint32_t> next(to_begin_.begin(), to_begin_.end() - 1);
  for (uint32_t idx = 0; idx < graph.links.size(); ++idx) by_to_[next[graph.links[idx].to]++] = idx;
}

}  // namespace trygnet::network
