// The registered groups in the co-presence network, and the brokers between
// them [p.8–9: "personer med betydelig indflydelse"]: persons with ties to
// members of two or more groups. Membership is the register's, as of the
// analysis date; nothing here changes it.
// Thread-safety: pure over its arguments.
#pragma once

#include <cstdint>
#include <vector>

#include "core/group.h"
#include "network/adjacency.h"
#include "network/co_presence.h"

namespace trygnet::network {

struct GroupTie {
  GroupId group_id = 0;
  double weight = 0;
};

struct GroupSummary {
  GroupId group_id = 0;
  int64_t members_in_network = 0;
  double internal_weight = 0;        // ties between the group's members
  double external_weight = 0;        // ties from members to anyone outside the group
  std::vector<GroupTie> other_groups; // ties from members to other groups' members, strongest first
};

struct BrokerLink {
  GroupId group_id = 0;
  int64_t members_met = 0;
  double weight = 0;
};

struct Broker {
  uint32_t vertex = 0;
  std::vector<BrokerLink> groups;  // strongest first; the broker's own group included
  double spread = 0;               // 1 − Σ_g (w_g / Σw)²: 0 = one group only
};

struct GroupAnalysis {
  std::vector<GroupSummary> groups;  // by group id
  std::vector<Broker> brokers;       // most groups first, then widest spread
};

// `groups_of_vertex[v]`: the groups v is a registered member of (most have none).
GroupAnalysis AnalyseGroups(const CoPresenceGraph& graph, const Adjacency& adjacency,
                            const std::vector<std::vector<GroupId>>& groups_of_vertex);

}  // namespace trygnet::network
