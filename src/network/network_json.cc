#include "network/network_json.h"

namespace trygnet::network {
namespace {

using nlohmann::json;

// Results are read by professionals who weigh them; the wording is fixed here
// so every client carries it [issue 8: no automated decisions].
constexpr const char* kNoticeDa =
    "Indikatorer til fagligt skøn. Netværksmål ændrer ingen persons status og er ikke en afgørelse.";
constexpr const char* kNoticeEn = "Indicators for professional judgement. Network measures change no one's status "
                                  "and are not a decision.";

json PersonRef(PersonId person_id, const std::map<PersonId, PersonLabel>& labels) {
  auto found = labels.find(person_id);
  if (found == labels.end()) return {{"pseudonym", nullptr}};
  if (found->second.named) return {{"id", person_id}, {"name", found->second.text}};
  return {{"pseudonym", found->second.text}};
}

double Rounded(double value, double scale) { return std::round(value * scale) / scale; }

json MeasuresJson(const PersonMeasures& measures) {
  return {{"degree", measures.degree},
          {"strength", Rounded(measures.strength, 1e6)},
          {"pagerank", measures.pagerank},
          {"betweenness", Rounded(measures.betweenness, 1e6)},
          {"betweenness_normalised", measures.betweenness_normalised},
          {"component", measures.component},
          {"community", measures.community},
          {"participation", Rounded(measures.participation, 1e6)}};
}

json TieJson(PersonId person_id, const CoPresenceEdge& tie, const std::map<PersonId, PersonLabel>& labels) {
  return {{"with", PersonRef(tie.a == person_id ? tie.b : tie.a, labels)},
          {"count", tie.count},
          {"weight", Rounded(tie.weight, 1e6)},
          {"first_seen", tie.first_seen.ToString()},
          {"last_seen", tie.last_seen.ToString()},
          {"observation_ids", tie.observation_ids}};
}

json PersonJson(const PersonResult& person, const PersonFacts& facts, const std::map<PersonId, PersonLabel>& labels) {
  json item = PersonRef(person.person_id, labels);
  const bool named = labels.contains(person.person_id) && labels.at(person.person_id).named;
  item["under_18"] = facts.under_18;
  if (named) {  // register facts only beside a name the reader may see
    item["registered"] = facts.registered;
    item["has_case"] = facts.has_case;
    item["group_ids"] = facts.group_ids;
  }
  item["measures"] = MeasuresJson(person.measures);
  item["ties_total"] = person.ties_total;
  json ties = json::array();
  for (const CoPresenceEdge& tie : person.ties) ties.push_back(TieJson(person.person_id, tie, labels));
  item["ties"] = std::move(ties);
  return item;
}

json RefList(const std::vector<PersonId>& persons, const std::map<PersonId, PersonLabel>& labels) {
  json list = json::array();
  for (PersonId person_id : persons) list.push_back(PersonRef(person_id, labels));
  return list;
}

json BetweennessJson(const NetworkResult& result) {
  json plans = json::array();
  for (const BetweennessPlan& plan : result.betweenness) {
    json item = {{"component", plan.component}, {"persons", plan.persons}, {"method", plan.exact ? "exact" : "sampled"}};
    if (!plan.exact) {
      item["pivots"] = plan.pivots;
      item["error_bound"] = plan.error_bound;
      item["confidence"] = 1 - result.request.measures.error_probability;
    }
    plans.push_back(std::move(item));
  }
  return {{"exact_below", result.request.measures.exact_limit + 1},
          {"exact_components", result.exact_components},
          {"components", plans}};
}

}  // namespace

std::vector<PersonId> PersonsIn(const NetworkResult& result) {
  std::vector<PersonId> persons;
  for (const auto& [person_id, facts] : result.facts) persons.push_back(person_id);
  return persons;
}

json NetworkJson(const NetworkResult& result, const std::map<PersonId, PersonLabel>& labels) {
  const NetworkRequest& request = result.request;
  json out;
  out["notice"] = {{"da", kNoticeDa}, {"en", kNoticeEn}};
  out["request"] = {{"as_of", request.as_of.ToString()},
                    {"known_at", request.known_at.ToString()},
                    {"from", result.from.ToString()},
                    {"areas", request.area_ids},
                    {"window_minutes", request.window_minutes},
                    {"radius_metres", request.radius_metres},
                    {"half_life_days", request.half_life_days},
                    {"seed", request.measures.seed},
                    {"resolution", request.measures.resolution},
                    {"top", request.top}};
  out["network"] = {{"observations", result.observations},
                    {"persons", result.persons},
                    {"ties", result.ties},
                    {"components", result.components},
                    {"modularity", result.modularity},
                    {"seconds_build", Rounded(result.seconds_build, 1e3)},
                    {"seconds_measures", Rounded(result.seconds_measures, 1e3)}};
  out["betweenness"] = BetweennessJson(result);
  out["top"] = {{"pagerank", RefList(result.by_pagerank, labels)},
                {"betweenness", RefList(result.by_betweenness, labels)},
                {"strength", RefList(result.by_strength, labels)}};
  json communities = json::array();
  for (const CommunitySummary& community : result.largest_communities) {
    communities.push_back({{"community", community.id},
                           {"persons", community.persons},
                           {"internal_weight", Rounded(community.internal_weight, 1e6)},
                           {"external_weight", Rounded(community.external_weight, 1e6)}});
  }
  out["communities"] = std::move(communities);
  json groups = json::array();
  for (const GroupResult& group : result.groups) {
    json others = json::array();
    for (const GroupTie& tie : group.summary.other_groups) {
      others.push_back({{"group_id", tie.group_id}, {"weight", Rounded(tie.weight, 1e6)}});
    }
    groups.push_back({{"group_id", group.summary.group_id},
                      {"name", group.name},
                      {"members_in_network", group.summary.members_in_network},
                      {"internal_weight", Rounded(group.summary.internal_weight, 1e6)},
                      {"external_weight", Rounded(group.summary.external_weight, 1e6)},
                      {"other_groups", std::move(others)},
                      {"central_members", RefList(group.central_members, labels)}});
  }
  out["groups"] = std::move(groups);
  json brokers = json::array();
  for (const BrokerResult& broker : result.brokers) {
    json reached = json::array();
    for (const BrokerLink& link : broker.broker.groups) {
      reached.push_back({{"group_id", link.group_id}, {"members_met", link.members_met},
                         {"weight", Rounded(link.weight, 1e6)}});
    }
    brokers.push_back({{"person", PersonRef(broker.person_id, labels)},
                       {"spread", Rounded(broker.broker.spread, 1e6)},
                       {"groups", std::move(reached)}});
  }
  out["brokers"] = std::move(brokers);
  json drifting = json::array();
  for (const DriftResult& drift : result.drifting_in) {
    json contacts = json::array();
    for (size_t idx = 0; idx < drift.drift.contacts.size(); ++idx) {
      const MemberContact& contact = drift.drift.contacts[idx];
      contacts.push_back({{"member", PersonRef(drift.members[idx], labels)},
                          {"count", contact.count},
                          {"first_seen", contact.first_seen.ToString()},
                          {"last_seen", contact.last_seen.ToString()}});
    }
    json growth = json::array();
    for (const QuarterCount& quarter : drift.drift.growth) {
      growth.push_back({{"quarter", quarter.quarter}, {"members", quarter.members}});
    }
    drifting.push_back({{"person", PersonRef(drift.person_id, labels)},
                        {"members_met", drift.drift.contacts.size()},
                        {"new_recently", drift.drift.new_recently},
                        {"recent_days", kRecentDays},
                        {"contacts", std::move(contacts)},
                        {"growth", std::move(growth)}});
  }
  out["drifting_in"] = std::move(drifting);
  json persons = json::array();
  for (const auto& [person_id, person] : result.shown) {
    persons.push_back(PersonJson(person, result.facts.at(person_id), labels));
  }
  out["persons"] = std::move(persons);
  return out;
}

}  // namespace trygnet::network
