// Builds a deterministic, plausible synthetic data set for a partnership
// (`trygnet demo`): fictional persons and groups, a gang register whose
// active count on 2017-03-31 is exactly the plan's baseline of 290,
// observations with network structure (group cores, brokers, youths drifting
// towards members), cases, measures, incidents, meetings and disclosures.
// The same seed gives the same data.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "core/date.h"
#include "core/partnership.h"
#include "store/store.h"

namespace trygnet::demo {

enum class Scale { kCity, kNational };

struct DemoOptions {
  uint64_t seed = 2017;
  Scale scale = Scale::kCity;
};

// The sizes a scale produces.
struct DemoSize {
  int64_t background_persons;
  int64_t observations;
};
DemoSize SizeOf(Scale scale);

// Registered and active on this date: the plan's baseline [p.8, p.15].
inline constexpr int kBaselineActiveMembers = 290;
Date BaselineDate();

struct DemoSummary {
  int64_t persons = 0;
  int64_t groups = 0;
  int64_t registrations = 0;
  int64_t observations = 0;
  int64_t cases = 0;
  int64_t measures = 0;
  int64_t incidents = 0;
  int64_t meetings = 0;
  int64_t disclosures = 0;
  int64_t users = 0;
};

// Called as work proceeds: a stage name, units done, units in the stage.
using ProgressFn = std::function<void(std::string_view stage, int64_t done, int64_t total)>;

// Writes the data set into an empty store that has `partnership` loaded.
// `clock` must be the clock the store was opened with: the generator moves
// it to each event's time so that "recorded at" is plausible and the
// bitemporal history is real. Fails with failed_precondition if the store
// already holds persons.
Result<DemoSummary> GenerateDemo(Store& store, FixedClock& clock, const Partnership& partnership,
                                 const DemoOptions& options, const ProgressFn& progress);

}  // namespace trygnet::demo
