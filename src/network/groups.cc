#include "network/groups.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace trygnet::network {

GroupAnalysis AnalyseGroups(const CoPresenceGraph& graph, const Adjacency& adjacency,
                            const std::vector<std::vector<GroupId>>& groups_of_vertex) {
  std::map<GroupId, GroupSummary> summaries;
  std::map<GroupId, std::map<GroupId, double>> between;
  for (uint32_t vertex = 0; vertex < graph.persons.size(); ++vertex) {
    for (GroupId group_id : groups_of_vertex[vertex]) {
      summaries[group_id].group_id = group_id;
      ++summaries[group_id].members_in_network;
    }
  }
  for (const CoPresenceLink& link : graph.links) {
    const auto& one = groups_of_vertex[link.from];
    const auto& other = groups_of_vertex[link.to];
    for (GroupId group_id : one) {
      if (std::find(other.begin(), other.end(), group_id) != other.end()) {
        summaries[group_id].internal_weight += link.weight;
      } else {
        summaries[group_id].external_weight += link.weight;
      }
    }
    for (GroupId group_id : other) {
      if (std::find(one.begin(), one.end(), group_id) == one.end()) summaries[group_id].external_weight += link.weight;
    }
    for (GroupId from : one) {
      for (GroupId to : other) {
        if (from == to) continue;
        between[from][to] += link.weight;
        between[to][from] += link.weight;
      }
    }
  }
  GroupAnalysis analysis;
  for (auto& [group_id, summary] : summaries) {
    for (auto [other, weight] : between[group_id]) summary.other_groups.push_back({other, weight});
    std::sort(summary.other_groups.begin(), summary.other_groups.end(),
              [](const GroupTie& x, const GroupTie& y) { return std::tie(y.weight, x.group_id) < std::tie(x.weight, y.group_id); });
    analysis.groups.push_back(std::move(summary));
  }

  // Brokers: a person whose ties reach members of two or more groups.
  std::map<GroupId, BrokerLink> reach;
  for (uint32_t vertex = 0; vertex < graph.persons.size(); ++vertex) {
    reach.clear();
    for (GroupId group_id : groups_of_vertex[vertex]) reach[group_id].group_id = group_id;
    adjacency.ForEachTie(vertex, [&](uint32_t neighbour, const CoPresenceLink& link) {
      for (GroupId group_id : groups_of_vertex[neighbour]) {
        BrokerLink& reached = reach[group_id];
        reached.group_id = group_id;
        ++reached.members_met;
        reached.weight += link.weight;
      }
    });
    if (reach.size() < 2) continue;
    Broker broker;
    broker.vertex = vertex;
    double total = 0;
    for (auto& [group_id, reached] : reach) {
      broker.groups.push_back(reached);
      total += reached.weight;
    }
    double concentration = 0;
    for (const BrokerLink& reached : broker.groups) {
      if (total > 0) concentration += (reached.weight / total) * (reached.weight / total);
    }
    broker.spread = total > 0 ? std::max(0.0, 1 - concentration) : 0;
    std::sort(broker.groups.begin(), broker.groups.end(), [](const BrokerLink& x, const BrokerLink& y) {
      return std::tie(y.weight, x.group_id) < std::tie(x.weight, y.group_id);
    });
    analysis.brokers.push_back(std::move(broker));
  }
  std::sort(analysis.brokers.begin(), analysis.brokers.end(), [](const Broker& x, const Broker& y) {
    return std::make_tuple(y.groups.size(), y.spread, x.vertex) < std::make_tuple(x.groups.size(), x.spread, y.vertex);
  });
  return analysis;
}

}  // namespace trygnet::network
