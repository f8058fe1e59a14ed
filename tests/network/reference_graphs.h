// Small graphs with known measures, as CoPresenceGraphs (persons 0..n-1,
// every tie of weight 1). Reference values in the tests come from NetworkX
// 2.8.8 (Debian) and igraph 0.10.2, which agree on them.
#pragma once

#include <algorithm>
#include <tuple>
#include <utility>
#include <vector>

#include "network/co_presence.h"

namespace trygnet::network::testing {

inline CoPresenceGraph GraphOf(int persons, std::vector<std::pair<uint32_t, uint32_t>> ties) {
  CoPresenceGraph graph;
  for (int person = 0; person < persons; ++person) graph.persons.push_back(person);
  for (auto [from, to] : ties) {
    CoPresenceLink link;
    link.from = std::min(from, to);
    link.to = std::max(from, to);
    link.count = 1;
    link.weight = 1;
    graph.links.push_back(link);
  }
  std::sort(graph.links.begin(), graph.links.end(),
            [](const CoPresenceLink& x, const CoPresenceLink& y) { return std::tie(x.from, x.to) < std::tie(y.from, y.to); });
  return graph;
}

inline CoPresenceGraph Path5() { return GraphOf(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}}); }
inline CoPresenceGraph Star5() { return GraphOf(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}}); }

// Two cliques of four joined by the bridge 3–4.
inline CoPresenceGraph TwoCliquesWithBridge() {
  return GraphOf(8, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3},
                     {4, 5}, {4, 6}, {4, 7}, {5, 6}, {5, 7}, {6, 7}, {3, 4}});
}

// Zachary's karate club (34 members, 78 ties), numbered as in NetworkX.
inline CoPresenceGraph KarateClub() {
  return GraphOf(34, {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}, {0, 7}, {0, 8}, {0, 10}, {0, 11}, {0, 12},
                      {0, 13}, {0, 17}, {0, 19}, {0, 21}, {0, 31}, {1, 2}, {1, 3}, {1, 7}, {1, 13}, {1, 17}, {1, 19},
                      {1, 21}, {1, 30}, {2, 3}, {2, 7}, {2, 8}, {2, 9}, {2, 13}, {2, 27}, {2, 28}, {2, 32}, {3, 7},
                      {3, 12}, {3, 13}, {4, 6}, {4, 10}, {5, 6}, {5, 10}, {5, 16}, {6, 16}, {8, 30}, {8, 32}, {8, 33},
                      {9, 33}, {13, 33}, {14, 32}, {14, 33}, {15, 32}, {15, 33}, {18, 32}, {18, 33}, {19, 33},
                      {20, 32}, {20, 33}, {22, 32}, {22, 33}, {23, 25}, {23, 27}, {23, 29}, {23, 32}, {23, 33},
                      {24, 25}, {24, 27}, {24, 31}, {25, 31}, {26, 29}, {26, 33}, {27, 33}, {28, 31}, {28, 33},
                      {29, 32}, {29, 33}, {30, 32}, {30, 33}, {31, 32}, {31, 33}, {32, 33}});
}

}  // namespace trygnet::network::testing
