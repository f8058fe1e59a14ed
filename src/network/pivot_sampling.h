// Brandes–Pich sampling of betweenness in the large components: the plan
// (which pivots, drawn with our own seeded generator), running a share of
// the pivots under a time budget in one process, and the estimate with its
// stated error bound from every process's shares. The igraph work is
// BetweennessFromSources (igraph_graph.h).
// Thread-safety: pure over its arguments (igraph calls are serialised).
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

#include "network/measures.h"

namespace trygnet::network {

struct SamplingPlan {
  int64_t component = 0;
  std::vector<int64_t> members;  // vertices, ascending
  std::vector<int64_t> pivots;   // vertices, in the order drawn
};

// One plan per component larger than options.exact_limit, with
// options.pivots pivots drawn uniformly without replacement (seeded by
// options.seed and the component: the same seed, the same pivots).
std::vector<SamplingPlan> PlanSampling(const Components& components, const MeasureOptions& options);

// What one process's pivots gave: how many ran, and per member (by index
// in the plan's members) the sum of their shares.
struct PivotShare {
  int64_t used = 0;
  std::vector<double> sums;
};

using Clock = std::chrono::steady_clock;

// Runs `pivots_of_plan[i]` for plans[i], in batches. With a budget (seconds
// from `measures_began`), the first pivot of a plan runs alone to learn what
// one costs — always in the lane that `must_run`, in the other only while the
// budget lasts; each later batch is as large as the rest of the budget
// allows, and sampling stops before a pivot that would overrun it.
Result<std::vector<PivotShare>> RunPivots(const LocalGraph& local, const std::vector<SamplingPlan>& plans,
                                          const std::vector<std::vector<int64_t>>& pivots_of_plan,
                                          double budget_seconds, Clock::time_point measures_began, bool must_run);

// Every lane's shares summed and scaled by n/k into measures.persons[].betweenness,
// with a BetweennessPlan (pivots used, error bound) per sampled component.
void FinishSampling(const std::vector<SamplingPlan>& plans, const std::vector<std::vector<PivotShare>>& lanes,
                    const MeasureOptions& options, NetworkMeasures& measures);

}  // namespace trygnet::network
