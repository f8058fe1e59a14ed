#include "network/pivot_sampling.h"

#include <algorithm>

#include "network/split_mix64.h"

namespace trygnet::network {
namespace {

// k distinct members of `vertices`, uniformly (a partial Fisher–Yates shuffle).
std::vector<int64_t> DrawPivots(std::vector<int64_t> vertices, int64_t count, SplitMix64& random) {
  const size_t k = std::min<size_t>(static_cast<size_t>(count), vertices.size());
  for (size_t idx = 0; idx < k; ++idx) {
    std::swap(vertices[idx], vertices[idx + random.Below(vertices.size() - idx)]);
  }
  vertices.resize(k);
  return vertices;
}

}  // namespace

std::vector<SamplingPlan> PlanSampling(const Components& components, const MeasureOptions& options) {
  std::vector<std::vector<int64_t>> members(components.sizes.size());
  for (size_t vertex = 0; vertex < components.membership.size(); ++vertex) {
    const auto component = static_cast<size_t>(components.membership[vertex]);
    if (components.sizes[component] > options.exact_limit) members[component].push_back(static_cast<int64_t>(vertex));
  }
  std::vector<SamplingPlan> plans;
  for (size_t component = 0; component < members.size(); ++component) {
    if (members[component].empty()) continue;
    SplitMix64 random(options.seed ^ (0xA5A5A5A5ULL * (component + 1)));
    std::vector<int64_t> pivots = DrawPivots(members[component], options.pivots, random);
    plans.push_back({static_cast<int64_t>(component), std::move(members[component]), std::move(pivots)});
  }
  return plans;
}

Result<std::vector<PivotShare>> RunPivots(const LocalGraph& local, const std::vector<SamplingPlan>& plans,
                                          const std::vector<std::vector<int64_t>>& pivots_of_plan,
                                          double budget_seconds, Clock::time_point measures_began, bool must_run) {
  constexpr size_t kMaxBatch = 8;  // pivots per igraph call, at most
  const auto sampling_from = Clock::now();
  auto seconds_since = [](Clock::time_point from) {
    return std::chrono::duration<double>(Clock::now() - from).count();
  };
  int64_t run = 0;  // pivots run in every plan so far: what one costs
  auto next_batch = [&](size_t used_in_plan) -> size_t {
    if (budget_seconds <= 0) return kMaxBatch;
    const double left = budget_seconds - seconds_since(measures_began);
    if (used_in_plan == 0 && must_run) return 1;  // every sampled component gets an estimate
    if (run == 0) return left > 0 ? 1 : 0;
    const double affordable = left / (seconds_since(sampling_from) / static_cast<double>(run));
    return affordable < 1 ? 0 : std::min(kMaxBatch, static_cast<size_t>(affordable));
  };
  std::vector<PivotShare> shares;
  for (size_t plan_idx = 0; plan_idx < plans.size(); ++plan_idx) {
    const SamplingPlan& plan = plans[plan_idx];
    const std::vector<int64_t>& pivots = pivots_of_plan[plan_idx];
    PivotShare share;
    share.sums.assign(plan.members.size(), 0.0);
    size_t used = 0;
    while (used < pivots.size()) {
      const size_t batch = next_batch(used);
      if (batch == 0) break;
      const size_t end = std::min(pivots.size(), used + batch);
      std::vector<int64_t> sources;
      for (size_t idx = used; idx < end; ++idx) {
        sources.push_back(local.igraph_of_vertex[static_cast<size_t>(pivots[idx])]);
      }
      TRY_ASSIGN(std::vector<double> part, local.igraph.BetweennessFromSources(sources));
      for (size_t idx = 0; idx < plan.members.size(); ++idx) {
        share.sums[idx] += part[static_cast<size_t>(local.igraph_of_vertex[static_cast<size_t>(plan.members[idx])])];
      }
      run += static_cast<int64_t>(end - used);
      used = end;
    }
    share.used = static_cast<int64_t>(used);
    shares.push_back(std::move(share));
  }
  return shares;
}

void FinishSampling(const std::vector<SamplingPlan>& plans, const std::vector<std::vector<PivotShare>>& lanes,
                    const MeasureOptions& options, NetworkMeasures& measures) {
  for (size_t plan_idx = 0; plan_idx < plans.size(); ++plan_idx) {
    const SamplingPlan& plan = plans[plan_idx];
    int64_t used = 0;
    std::vector<double> sums(plan.members.size(), 0.0);
    for (const std::vector<PivotShare>& lane : lanes) {
      used += lane[plan_idx].used;
      for (size_t idx = 0; idx < sums.size(); ++idx) sums[idx] += lane[plan_idx].sums[idx];
    }
    const auto size = static_cast<int64_t>(plan.members.size());
    const double scale = used > 0 ? static_cast<double>(size) / static_cast<double>(used) : 0;
    for (size_t idx = 0; idx < plan.members.size(); ++idx) {
      measures.persons[static_cast<size_t>(plan.members[idx])].betweenness = sums[idx] * scale;
    }
    measures.betweenness.push_back(
        {plan.component, size, false, used, PivotErrorBound(size, used, options.error_probability)});
  }
}

}  // namespace trygnet::network
