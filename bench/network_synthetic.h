// Synthetic observations for the network benchmark (issue 8): persons in
// areas of about 100, groups of about 10 whose members are seen together, and
// some mixing between groups and areas — the structure that gives the
// co-presence network its communities and brokers. Deterministic on every
// platform: our own SplitMix64 and multiply-shift, no std:: distributions
// (whose sequences are implementation-defined). Observations are streamed
// to a callback, so 10 million never sit in memory at once.
//
// Shape (per 100 persons one area, per 200 persons one group, 5 % of the
// persons are group members): 45 % local sightings of 1–4 persons of one
// area, 33 % a group's core (2–5 members) at the group's home area, 5 % a
// group member with 1–3 locals of another group's area, 17 % pairs or singles
// of one area; 10 % of all observations have no area. Times are uniform over
// 2015-01-01 to 2019-12-31. Person ids are sparse (1000 + 7·i), observation
// ids run from 1.
#pragma once

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/group.h"
#include "core/observation.h"
#include "network/split_mix64.h"

namespace trygnet::bench {

using network::SplitMix64;  // the library's generator (src/network/split_mix64.h)

inline constexpr int64_t kSyntheticFrom = 1420070400;  // 2015-01-01T00:00:00Z
inline constexpr int64_t kSyntheticTo = 1577836800;    // 2020-01-01T00:00:00Z (times lie before it)

struct SyntheticOptions {
  int64_t persons = 10000;
  int64_t observations = 100000;
  uint64_t seed = 42;
};

inline PersonId SyntheticPersonId(int64_t index) { return 1000 + 7 * index; }

// Who lives where and who belongs to which group: the first draws of the
// generator, so GenerateObservations and the register below agree.
struct SyntheticPopulation {
  uint64_t persons = 0;
  uint64_t areas = 0;
  uint64_t groups = 0;
  std::vector<std::vector<uint32_t>> in_area;
  std::vector<std::vector<uint32_t>> in_group;  // the registered members
  std::vector<uint32_t> group_area;
};

inline SyntheticPopulation MakePopulation(const SyntheticOptions& options, SplitMix64& random) {
  SyntheticPopulation population;
  population.persons = static_cast<uint64_t>(std::max<int64_t>(1, options.persons));
  population.areas = std::max<uint64_t>(1, population.persons / 100);
  population.groups = std::max<uint64_t>(1, population.persons / 200);
  population.in_area.resize(population.areas);
  population.in_group.resize(population.groups);
  population.group_area.resize(population.groups);
  for (uint64_t group = 0; group < population.groups; ++group) {
    population.group_area[group] = static_cast<uint32_t>(random.Below(population.areas));
  }
  for (uint64_t person = 0; person < population.persons; ++person) {
    population.in_area[random.Below(population.areas)].push_back(static_cast<uint32_t>(person));
    if (random.Below(20) == 0) {
      population.in_group[random.Below(population.groups)].push_back(static_cast<uint32_t>(person));
    }
  }
  return population;
}

// The register the measures read: each person's groups (as GroupId = group
// index + 1) and whether they are under 18 (one in six, by a hash of the index).
struct SyntheticRegister {
  std::vector<std::vector<GroupId>> groups_of_person;  // by person index
  std::vector<bool> under_18;                          // by person index
};

inline SyntheticRegister MakeRegister(const SyntheticOptions& options) {
  SplitMix64 random(options.seed);
  const SyntheticPopulation population = MakePopulation(options, random);
  SyntheticRegister made;
  made.groups_of_person.resize(population.persons);
  made.under_18.resize(population.persons);
  for (uint64_t group = 0; group < population.groups; ++group) {
    for (uint32_t person : population.in_group[group]) {
      made.groups_of_person[person].push_back(static_cast<GroupId>(group + 1));
    }
  }
  for (uint64_t person = 0; person < population.persons; ++person) {
    made.under_18[person] = SplitMix64(options.seed ^ (person * 0x2545F4914F6CDD1DULL)).Below(6) == 0;
  }
  return made;
}

// Calls emit(const Observation&) for each observation in id order. The
// Observation passed is reused between calls: copy what must be kept.
template <typename Emit>
void GenerateObservations(const SyntheticOptions& options, Emit&& emit) {
  SplitMix64 random(options.seed);
  const SyntheticPopulation population = MakePopulation(options, random);
  const uint64_t persons = population.persons, areas = population.areas, groups = population.groups;
  const auto& in_area = population.in_area;
  const auto& in_group = population.in_group;
  const auto& group_area = population.group_area;
  const auto span = static_cast<uint64_t>(kSyntheticTo - kSyntheticFrom);
  std::vector<uint32_t> who;
  auto draw = [&](const std::vector<uint32_t>& from, uint64_t count) {
    for (uint64_t idx = 0; idx < count && !from.empty(); ++idx) who.push_back(from[random.Below(from.size())]);
  };
  Observation observation;
  observation.source = "patrol_stop";
  observation.recorded_by = "bench";
  char area_name[24] = {'a'};
  for (int64_t id = 1; id <= options.observations; ++id) {
    who.clear();
    uint64_t area = random.Below(areas);
    const uint64_t kind = random.Below(100);
    if (kind < 45) {  // local
      draw(in_area[area], 1 + random.Below(4));
    } else if (kind < 78) {  // a group's core at its home area
      const uint64_t group = random.Below(groups);
      area = group_area[group];
      draw(in_group[group], 2 + random.Below(4));
    } else if (kind < 83) {  // a group member among the locals of another group's area
      draw(in_group[random.Below(groups)], 1);
      area = group_area[random.Below(groups)];
      draw(in_area[area], 1 + random.Below(3));
    } else {
      draw(in_area[area], 1 + random.Below(2));
    }
    if (who.empty()) draw(in_area[area], 1);
    if (who.empty()) who.push_back(static_cast<uint32_t>(random.Below(persons)));
    std::sort(who.begin(), who.end());
    who.erase(std::unique(who.begin(), who.end()), who.end());
    const int64_t at = kSyntheticFrom + static_cast<int64_t>(random.Below(span));
    observation.id = id;
    observation.observed_at = Timestamp::FromUnixSeconds(at);
    observation.recorded_at = observation.observed_at;
    if (random.Below(10) == 0) {
      observation.area_id.clear();
    } else {
      char* end = std::to_chars(area_name + 1, area_name + sizeof area_name, area).ptr;
      observation.area_id.assign(area_name, static_cast<size_t>(end - area_name));
    }
    observation.person_ids.clear();
    for (uint32_t person : who) observation.person_ids.push_back(SyntheticPersonId(person));
    emit(static_cast<const Observation&>(observation));
  }
}

}  // namespace trygnet::bench
