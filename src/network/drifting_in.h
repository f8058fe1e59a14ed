// Young people who begin to move with gang members [p.12: "unge, der
// begynder at bevæge sig i kredse med bandemedlemmer"]: for each person under
// 18, the registered members they have been seen with, and how that number
// grew quarter by quarter. An indicator for professionals to look at, not a
// finding: nothing here changes a person's status.
// Thread-safety: pure over its arguments.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "network/adjacency.h"
#include "network/co_presence.h"

namespace trygnet::network {

struct MemberContact {
  uint32_t member_vertex = 0;
  int64_t count = 0;
  Timestamp first_seen;
  Timestamp last_seen;
};

struct QuarterCount {
  std::string quarter;  // "2018-K3" (kvartal)
  int64_t members = 0;  // distinct members met by the quarter's end
};

struct DriftingIn {
  uint32_t vertex = 0;
  std::vector<MemberContact> contacts;  // first met first
  int64_t new_recently = 0;             // members first met within the recent window before as of
  std::vector<QuarterCount> growth;     // from the first contact's quarter to the as-of quarter
};

inline constexpr int kRecentDays = 180;

// Every vertex with `young[v]` and at least one tie to a vertex with
// `member[u]`; most new members recently first, then most members, then vertex.
std::vector<DriftingIn> FindDriftingIn(const CoPresenceGraph& graph, const Adjacency& adjacency,
                                       const std::vector<bool>& young, const std::vector<bool>& member,
                                       Timestamp as_of);

}  // namespace trygnet::network
