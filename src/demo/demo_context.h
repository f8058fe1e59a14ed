// Shared state of one demo generation run, used by generator.cc (persons,
// groups, register) and activity.cc (observations and the partnership's work).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "demo/generator.h"
#include "demo/names.h"

namespace trygnet::demo {

struct DemoPerson {
  PersonId id = 0;
  Date birth_date;
  std::string area_id;
};

// A registered person's place in the network.
struct RegisteredMember {
  PersonId person_id = 0;
  size_t group_index = 0;
  Date valid_from;
  std::optional<Date> valid_to;
  RegistrationRole role = RegistrationRole::kMember;
};

struct DemoContext {
  Store& store;
  FixedClock& clock;
  const Partnership& partnership;
  Random random;
  const ProgressFn& progress;
  DemoSummary summary;

  std::vector<GroupId> group_ids;
  std::vector<std::vector<std::string>> group_home_areas;
  std::vector<RegisteredMember> members;    // gang-role registrations
  std::vector<DemoPerson> at_risk;          // at risk / victim
  std::vector<DemoPerson> youths;           // under 18 in 2017–2018, drifting in
  std::vector<PersonId> brokers;            // members seen with two groups
  std::map<PersonId, size_t> second_group;  // broker → their other group
  std::vector<DemoPerson> background;       // everyone else known to the system
  std::map<PersonId, DemoPerson> person_by_id;

  void At(Date day, int hour = 10) { clock.Set(Timestamp::StartOf(day).AddSeconds(hour * 3600)); }
};

// activity.cc
Status GenerateObservations(DemoContext& ctx, int64_t count);
Status GenerateCaseWork(DemoContext& ctx);
Status GenerateMeetings(DemoContext& ctx);
Status GenerateIncidents(DemoContext& ctx);

// statistics.cc
Status GenerateStatistics(DemoContext& ctx);
// Narratives of the 2017/18 status report (narratives.cc).
Status GenerateNarratives(DemoContext& ctx);

}  // namespace trygnet::demo
