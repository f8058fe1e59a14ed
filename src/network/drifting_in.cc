#include "network/drifting_in.h"

#include <algorithm>
#include <tuple>

namespace trygnet::network {
namespace {

int QuarterIndex(Date day) { return day.year() * 4 + (static_cast<int>(day.month()) - 1) / 3; }

std::string QuarterName(int index) { return std::to_string(index / 4) + "-K" + std::to_string(index % 4 + 1); }

std::vector<QuarterCount> Growth(const std::vector<MemberContact>& contacts, Date as_of) {
  std::vector<QuarterCount> growth;
  if (contacts.empty()) return growth;
  size_t met = 0;
  for (int quarter = QuarterIndex(contacts.front().first_seen.date()); quarter <= QuarterIndex(as_of); ++quarter) {
    while (met < contacts.size() && QuarterIndex(contacts[met].first_seen.date()) <= quarter) ++met;
    growth.push_back({QuarterName(quarter), static_cast<int64_t>(met)});
  }
  return growth;
}

}  // namespace

std::vector<DriftingIn> FindDriftingIn(const CoPresenceGraph& graph, const Adjacency& adjacency,
                                       const std::vector<bool>& young, const std::vector<bool>& member,
                                       Timestamp as_of) {
  const Timestamp recent_from = as_of.AddSeconds(-int64_t{kRecentDays} * 86400);
  std::vector<DriftingIn> found;
  for (uint32_t vertex = 0; vertex < graph.persons.size(); ++vertex) {
    if (!young[vertex]) continue;
    DriftingIn drift;
    drift.vertex = vertex;
    adjacency.ForEachTie(vertex, [&](uint32_t neighbour, const CoPresenceLink& link) {
      if (member[neighbour]) drift.contacts.push_back({neighbour, link.count, link.first_seen, link.last_seen});
    });
    if (drift.contacts.empty()) continue;
    std::sort(drift.contacts.begin(), drift.contacts.end(), [](const MemberContact& x, const MemberContact& y) {
      return std::tie(x.first_seen, x.member_vertex) < std::tie(y.first_seen, y.member_vertex);
    });
    for (const MemberContact& contact : drift.contacts) {
      if (contact.first_seen >= recent_from) ++drift.new_recently;
    }
    drift.growth = Growth(drift.contacts, as_of.date());
    found.push_back(std::move(drift));
  }
  std::sort(found.begin(), found.end(), [](const DriftingIn& x, const DriftingIn& y) {
    return std::make_tuple(y.new_recently, y.contacts.size(), x.vertex) <
           std::make_tuple(x.new_recently, x.contacts.size(), y.vertex);
  });
  return found;
}

}  // namespace trygnet::network
