// The co-presence network and its measures (issue 8 goals: at least 50×
// faster than NetworkX end to end; the national-scale network — 10,000,000
// observations of 1,000,000 persons — built and analysed in under 60 s on
// 2 cores). Observations come from bench/network_synthetic.h; the options
// are the product's: a 30-minute window, a 180-day half-life, the whole five
// years as the period, MeasureOptions defaults except where stated.
//
//   BM_NetworkCity       10,000 persons / 100,000 observations, the whole
//                        pipeline (build + ComputeMeasures, exact betweenness
//                        up to 2,000 persons, 100 pivots in larger components).
//   BM_NetworkXBaseline  the same observations and measures with NetworkX
//                        (bench/network_nx.py under Debian's /usr/bin/python3),
//                        in the same run; ratios NetworkX ÷ C++ in total and
//                        per measure. Its wall time is the Python process.
//   BM_NetworkNational   1,000,000 persons / 10,000,000 observations streamed
//                        into the builder; betweenness with a 15 s budget.
//                        Only with TRYGNET_BENCH_NETWORK_NATIONAL=1 (minutes,
//                        several GB); TRYGNET_BENCH_NETWORK_STEPS=1 adds the
//                        time of each igraph step (run again, separately).
//
// Counters: *_s are seconds; peak_rss_mb is the process's peak resident set
// (getrusage ru_maxrss), so run one benchmark per process for a clean figure
// (--benchmark_filter).
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "network_synthetic.h"
#include "network/adjacency.h"
#include "network/co_presence.h"
#include "network/drifting_in.h"
#include "network/groups.h"
#include "network/measures.h"

namespace trygnet {
namespace {

using SteadyClock = std::chrono::steady_clock;

double SecondsSince(SteadyClock::time_point started) {
  return std::chrono::duration<double>(SteadyClock::now() - started).count();
}

double PeakRssMb(int who = RUSAGE_SELF) {
  rusage usage{};
  getrusage(who, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

constexpr bench::SyntheticOptions kCity{10000, 100000, 42};
constexpr bench::SyntheticOptions kNational{1000000, 10000000, 42};

network::CoPresenceOptions ProductOptions() {
  network::CoPresenceOptions options;
  options.from = Timestamp::FromUnixSeconds(bench::kSyntheticFrom);
  options.to = Timestamp::FromUnixSeconds(bench::kSyntheticTo);
  options.window_seconds = 30 * 60;
  options.half_life_days = 180;
  return options;
}

// As `trygnet network` runs: two processes (the second core takes Leiden and
// half the pivots; see src/network/child_process.h).
network::MeasureOptions ProductMeasureOptions(int processes = 2) {
  network::MeasureOptions options;
  options.exact_limit = 2000;
  options.pivots = 100;
  options.processes = processes;
  return options;
}

const std::vector<Observation>& CityObservations() {
  static const std::vector<Observation> observations = [] {
    std::vector<Observation> made;
    bench::GenerateObservations(kCity, [&](const Observation& observation) { made.push_back(observation); });
    return made;
  }();
  return observations;
}

// Registered groups, brokers and under-18s drifting in (groups.cc,
// drifting_in.cc) over the synthetic register: the measures the network
// service adds to ComputeMeasures'. Returns the seconds taken.
double AnalyseRegister(benchmark::State& state, const network::CoPresenceGraph& graph,
                       const bench::SyntheticRegister& register_of) {
  const auto started = SteadyClock::now();
  std::vector<std::vector<GroupId>> groups_of_vertex(graph.persons.size());
  std::vector<bool> young(graph.persons.size()), member(graph.persons.size());
  for (size_t vertex = 0; vertex < graph.persons.size(); ++vertex) {
    const auto index = static_cast<size_t>((graph.persons[vertex] - 1000) / 7);  // bench::SyntheticPersonId
    groups_of_vertex[vertex] = register_of.groups_of_person[index];
    member[vertex] = !groups_of_vertex[vertex].empty();
    young[vertex] = register_of.under_18[index];
  }
  const network::Adjacency adjacency(graph);
  const network::GroupAnalysis groups = network::AnalyseGroups(graph, adjacency, groups_of_vertex);
  const std::vector<network::DriftingIn> drifting = network::FindDriftingIn(
      graph, adjacency, young, member, Timestamp::FromUnixSeconds(bench::kSyntheticTo));
  state.counters["groups"] = static_cast<double>(groups.groups.size());
  state.counters["brokers"] = static_cast<double>(groups.brokers.size());
  state.counters["drifting_in"] = static_cast<double>(drifting.size());
  return SecondsSince(started);
}

// The network's size and the betweenness plan as counters.
void CountNetwork(benchmark::State& state, const network::CoPresenceGraph& graph,
                  const network::NetworkMeasures& measures) {
  int64_t pivots = 0, sampled = 0, exact_persons = 0, giant = 0;
  double error_bound = 0;
  for (const network::BetweennessPlan& plan : measures.betweenness) {
    giant = std::max(giant, plan.persons);
    if (plan.exact) {
      exact_persons += plan.persons;
    } else {
      ++sampled;
      pivots += plan.pivots;
      error_bound = std::max(error_bound, plan.error_bound);
    }
  }
  state.counters["observations"] = static_cast<double>(graph.observations_used);
  state.counters["persons"] = static_cast<double>(graph.persons.size());
  state.counters["ties"] = static_cast<double>(graph.links.size());
  state.counters["components"] = static_cast<double>(measures.components);
  state.counters["largest_component"] = static_cast<double>(giant);
  state.counters["exact_persons"] = static_cast<double>(exact_persons);
  state.counters["sampled_components"] = static_cast<double>(sampled);
  state.counters["pivots"] = static_cast<double>(pivots);
  state.counters["error_bound"] = error_bound;  // largest over sampled components, δ = 0.05, normalised scale
  state.counters["communities"] = static_cast<double>(measures.communities.size());
  state.counters["modularity"] = measures.modularity;
}

// The igraph steps of ComputeMeasures, each timed on its own (the library
// runs them inside one call). Betweenness is what remains of ComputeMeasures'
// time: it also holds participation and the community sums (a few per cent).
struct StepSeconds {
  double to_igraph = 0, degree_strength = 0, pagerank = 0, components = 0, communities = 0;
};

Result<StepSeconds> TimeSteps(const network::CoPresenceGraph& graph, const network::MeasureOptions& options) {
  StepSeconds seconds;
  auto started = SteadyClock::now();
  TRY_ASSIGN(network::LocalGraph local, network::ToIgraph(graph));
  const network::IgraphGraph& igraph = local.igraph;
  seconds.to_igraph = SecondsSince(started);
  started = SteadyClock::now();
  TRY_ASSIGN(std::vector<int64_t> degree, igraph.Degree());
  TRY_ASSIGN(std::vector<double> strength, igraph.Strength());
  seconds.degree_strength = SecondsSince(started);
  started = SteadyClock::now();
  TRY_ASSIGN(std::vector<double> pagerank, igraph.PageRank(options.damping));
  seconds.pagerank = SecondsSince(started);
  started = SteadyClock::now();
  TRY_ASSIGN(network::Components components, igraph.ConnectedComponents());
  seconds.components = SecondsSince(started);
  started = SteadyClock::now();
  TRY_ASSIGN(network::Communities communities, igraph.Leiden(options.seed, options.resolution));
  seconds.communities = SecondsSince(started);
  benchmark::DoNotOptimize(degree);
  benchmark::DoNotOptimize(strength);
  benchmark::DoNotOptimize(pagerank);
  benchmark::DoNotOptimize(components);
  benchmark::DoNotOptimize(communities);
  return seconds;
}

// `one_process_seconds`: ComputeMeasures in one process, whose time the
// steps add up to; betweenness (with participation) is the rest of it.
void CountSteps(benchmark::State& state, const StepSeconds& steps, double one_process_seconds) {
  state.counters["to_igraph_s"] = steps.to_igraph;
  state.counters["degree_strength_s"] = steps.degree_strength;
  state.counters["pagerank_s"] = steps.pagerank;
  state.counters["components_s"] = steps.components;
  state.counters["communities_s"] = steps.communities;
  if (one_process_seconds > 0) {
    state.counters["betweenness_s"] = one_process_seconds - steps.to_igraph - steps.degree_strength -
                                      steps.pagerank - steps.components - steps.communities;
  }
}

// Arg: the processes (1 or 2).
void BM_NetworkCity(benchmark::State& state) {
  const std::vector<Observation>& observations = CityObservations();
  const network::MeasureOptions measure_options = ProductMeasureOptions(static_cast<int>(state.range(0)));
  const bench::SyntheticRegister register_of = bench::MakeRegister(kCity);
  double build_seconds = 0, measures_seconds = 0, groups_seconds = 0;
  for (auto _ : state) {
    auto started = SteadyClock::now();
    network::CoPresenceBuilder builder(ProductOptions());
    for (const Observation& observation : observations) builder.Add(observation);
    const network::CoPresenceGraph graph = builder.BuildGraph();
    build_seconds = SecondsSince(started);
    started = SteadyClock::now();
    auto measures = network::ComputeMeasures(graph, measure_options);
    measures_seconds = SecondsSince(started);
    if (!measures.ok()) {
      state.SkipWithError(measures.error().ToString().c_str());
      break;
    }
    groups_seconds = AnalyseRegister(state, graph, register_of);
    CountNetwork(state, graph, *measures);
  }
  state.counters["build_s"] = build_seconds;
  state.counters["measures_s"] = measures_seconds;
  state.counters["groups_s"] = groups_seconds;
  state.counters["total_s"] = build_seconds + measures_seconds + groups_seconds;
  state.counters["peak_rss_mb"] = PeakRssMb();
}

// The NetworkX baseline. A fair comparison does the same work on both sides:
// the same observations (written as TSV), the same network (the script
// follows CoPresenceBuilder's rule; persons and ties must agree exactly or
// the benchmark fails), and the same measures with the same betweenness plan
// — exact in components of up to 2,000 persons and, in larger ones, the same
// 100 pivots: the script repeats measures.cc's SplitMix64 draw over the
// component's vertices (components numbered by lowest vertex, as igraph
// does). That the pivots really are the same is checked, not assumed: the
// script compares every person's figures with the C++ ones
// (diff_betweenness is 0 when they are; if the library ever draws
// differently, only that check moves, the work stays k pivots on each side).
// Differences that remain: NetworkX 2.8.8 has no Leiden, so communities are
// its Louvain; PageRank runs with tol = 1e-12 so that its values agree with
// PRPACK's (its default leaves errors of several per cent). Reading the TSV
// is not counted (the C++ side starts from observations in memory too).
void BM_NetworkXBaseline(benchmark::State& state) {
  const std::string script = std::string(TRYGNET_SOURCE_DIR) + "/bench/network_nx.py";
  if (std::system("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") != 0) {
    state.SkipWithError(
        "/usr/bin/python3 cannot import networkx: install Debian's python3-networkx (apt-get install "
        "python3-networkx)");
    for (auto _ : state) {
    }
    return;
  }
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "trygnet-network-bench";
  std::filesystem::create_directories(dir);
  const std::string observations_path = (dir / "city-observations.tsv").string();
  const std::string values_path = (dir / "city-cpp-values.tsv").string();
  const std::string register_path = (dir / "city-register.tsv").string();
  const bench::SyntheticRegister register_of = bench::MakeRegister(kCity);
  {
    std::ofstream out(register_path);
    for (size_t index = 0; index < register_of.under_18.size(); ++index) {
      out << bench::SyntheticPersonId(static_cast<int64_t>(index)) << '\t';
      const std::vector<GroupId>& groups = register_of.groups_of_person[index];
      for (size_t idx = 0; idx < groups.size(); ++idx) out << (idx ? "," : "") << groups[idx];
      out << '\t' << (register_of.under_18[index] ? 1 : 0) << '\n';
    }
  }
  {
    std::ofstream out(observations_path);
    for (const Observation& observation : CityObservations()) {
      out << observation.id << '\t' << observation.observed_at.unix_seconds() << '\t' << observation.area_id << '\t';
      for (size_t idx = 0; idx < observation.person_ids.size(); ++idx) {
        out << (idx ? "," : "") << observation.person_ids[idx];
      }
      out << '\n';
    }
  }
  const network::CoPresenceOptions options = ProductOptions();
  const network::MeasureOptions measure_options = ProductMeasureOptions();
  double build_seconds = 0, measures_seconds = 0, groups_seconds = 0, one_process_seconds = 0;
  StepSeconds steps;
  int64_t persons = 0, ties = 0;
  std::string output;
  int exit_status = 0;
  for (auto _ : state) {
    state.PauseTiming();  // the C++ side; the benchmark's own time is the Python process
    auto started = SteadyClock::now();
    network::CoPresenceBuilder builder(options);
    for (const Observation& observation : CityObservations()) builder.Add(observation);
    const network::CoPresenceGraph graph = builder.BuildGraph();
    build_seconds = SecondsSince(started);
    started = SteadyClock::now();
    auto measures = network::ComputeMeasures(graph, measure_options);
    measures_seconds = SecondsSince(started);
    // The same on one core, for the ratio without the worker process.
    started = SteadyClock::now();
    auto alone = network::ComputeMeasures(graph, ProductMeasureOptions(1));
    one_process_seconds = SecondsSince(started);
    auto timed = TimeSteps(graph, measure_options);
    if (!measures.ok() || !timed.ok() || !alone.ok()) {
      state.SkipWithError(
          (!measures.ok() ? measures.error() : !alone.ok() ? alone.error() : timed.error()).ToString().c_str());
      break;
    }
    steps = *timed;
    groups_seconds = AnalyseRegister(state, graph, register_of);
    persons = static_cast<int64_t>(graph.persons.size());
    ties = static_cast<int64_t>(graph.links.size());
    CountNetwork(state, graph, *measures);
    {
      std::FILE* values = std::fopen(values_path.c_str(), "w");
      for (size_t vertex = 0; vertex < graph.persons.size(); ++vertex) {
        const network::PersonMeasures& person = measures->persons[vertex];
        std::fprintf(values, "%lld\t%lld\t%.17g\t%.17g\t%.17g\n", static_cast<long long>(graph.persons[vertex]),
                     static_cast<long long>(person.degree), person.strength, person.pagerank, person.betweenness);
      }
      std::fclose(values);
    }
    const std::string command =
        "/usr/bin/python3 " + script + " " + observations_path + " --from " + std::to_string(bench::kSyntheticFrom) +
        " --to " + std::to_string(bench::kSyntheticTo) + " --window " + std::to_string(options.window_seconds) +
        " --half-life-days " + std::to_string(options.half_life_days) + " --exact-limit " +
        std::to_string(measure_options.exact_limit) + " --pivots " + std::to_string(measure_options.pivots) +
        " --seed " + std::to_string(measure_options.seed) + " --values " + values_path + " --register " +
        register_path;
    state.ResumeTiming();
    std::FILE* python = popen(command.c_str(), "r");
    if (!python) {
      state.SkipWithError("cannot start /usr/bin/python3");
      break;
    }
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, python)) output += buffer;
    exit_status = pclose(python);
  }
  if (state.error_occurred()) return;
  const size_t json_start = output.rfind("\n{") == std::string::npos ? output.find('{') : output.rfind("\n{") + 1;
  if (exit_status != 0 || json_start == std::string::npos) {
    state.SkipWithError(("network_nx.py failed (status " + std::to_string(exit_status) + "): " + output).c_str());
    return;
  }
  const nlohmann::json nx = nlohmann::json::parse(output.substr(json_start), nullptr, false);
  if (nx.is_discarded() || !nx.contains("total_s")) {
    state.SkipWithError(("network_nx.py printed no timings: " + output).c_str());
    return;
  }
  if (nx["persons"].get<int64_t>() != persons || nx["ties"].get<int64_t>() != ties) {
    state.SkipWithError(("NetworkX built another network: " + std::to_string(nx["persons"].get<int64_t>()) +
                         " persons and " + std::to_string(nx["ties"].get<int64_t>()) + " ties; C++ " +
                         std::to_string(persons) + " and " + std::to_string(ties))
                            .c_str());
    return;
  }
  const double cpp_total = build_seconds + measures_seconds + groups_seconds;
  // Per measure, one process against NetworkX's one: the worker process overlaps steps.
  const double cpp_betweenness = one_process_seconds - steps.to_igraph - steps.degree_strength - steps.pagerank -
                                 steps.components - steps.communities;
  state.counters["build_s"] = build_seconds;
  state.counters["measures_s"] = measures_seconds;
  state.counters["groups_s"] = groups_seconds;
  state.counters["total_s"] = cpp_total;
  CountSteps(state, steps, one_process_seconds);
  state.counters["nx_seconds"] = nx["total_s"].get<double>();
  state.counters["nx_read_s"] = nx["read_s"].get<double>();
  state.counters["nx_build_s"] = nx["build_s"].get<double>();
  state.counters["nx_degree_strength_s"] = nx["degree_strength_s"].get<double>();
  state.counters["nx_pagerank_s"] = nx["pagerank_s"].get<double>();
  state.counters["nx_components_s"] = nx["components_s"].get<double>();
  state.counters["nx_communities_s"] = nx["communities_s"].get<double>();
  state.counters["nx_participation_s"] = nx["participation_s"].get<double>();
  state.counters["nx_betweenness_s"] = nx["betweenness_s"].get<double>();
  state.counters["nx_communities"] = nx["communities"].get<double>();
  state.counters["nx_modularity"] = nx["modularity"].get<double>();
  state.counters["nx_pivots"] = nx["pivots"].get<double>();
  state.counters["ratio"] = nx["total_s"].get<double>() / cpp_total;
  state.counters["total_one_process_s"] = build_seconds + one_process_seconds + groups_seconds;
  state.counters["ratio_one_process"] =
      nx["total_s"].get<double>() / (build_seconds + one_process_seconds + groups_seconds);
  // The C++ build counts making the igraph graph too (NetworkX's build ends with its graph).
  state.counters["ratio_build"] = nx["build_s"].get<double>() / (build_seconds + steps.to_igraph);
  state.counters["ratio_degree_strength"] = nx["degree_strength_s"].get<double>() / steps.degree_strength;
  state.counters["ratio_pagerank"] = nx["pagerank_s"].get<double>() / steps.pagerank;
  state.counters["ratio_communities"] = nx["communities_s"].get<double>() / steps.communities;
  state.counters["nx_groups_s"] = nx["groups_s"].get<double>();
  state.counters["ratio_groups"] = nx["groups_s"].get<double>() / groups_seconds;
  if (nx["brokers"].get<double>() != state.counters["brokers"] ||
      nx["drifting_in"].get<double>() != state.counters["drifting_in"]) {
    state.SkipWithError("NetworkX found other brokers or under-18s drifting in than C++");
    return;
  }
  // Conservative: the C++ remainder also holds participation, which NetworkX times apart.
  state.counters["ratio_betweenness"] = nx["betweenness_s"].get<double>() / cpp_betweenness;
  if (nx.contains("agreement")) {
    const nlohmann::json& agreement = nx["agreement"];
    state.counters["diff_degree"] = agreement["degree_max_abs"].get<double>();
    state.counters["diff_strength"] = agreement["strength_max_rel"].get<double>();
    state.counters["diff_pagerank"] = agreement["pagerank_max_rel"].get<double>();
    state.counters["diff_betweenness"] = agreement["betweenness_max_rel"].get<double>();
  }
  state.counters["peak_rss_mb"] = PeakRssMb();
  state.counters["nx_peak_rss_mb"] = PeakRssMb(RUSAGE_CHILDREN);
}

void BM_NetworkNational(benchmark::State& state) {
  const char* enabled = std::getenv("TRYGNET_BENCH_NETWORK_NATIONAL");
  if (!enabled || std::string(enabled) != "1") {
    state.SkipWithError(
        "set TRYGNET_BENCH_NETWORK_NATIONAL=1 to run the national scale (1,000,000 persons, 10,000,000 "
        "observations; minutes and several GB)");
    for (auto _ : state) {
    }
    return;
  }
  const char* steps_wanted = std::getenv("TRYGNET_BENCH_NETWORK_STEPS");
  network::MeasureOptions measure_options = ProductMeasureOptions();
  measure_options.budget_seconds = 15;  // the giant component's sampled betweenness
  const bench::SyntheticRegister register_of = bench::MakeRegister(kNational);
  double generate_seconds = 0, add_seconds = 0, build_seconds = 0, measures_seconds = 0, groups_seconds = 0,
         build_rss = 0;
  for (auto _ : state) {
    // The generator alone, for reference: the add step below includes it.
    state.PauseTiming();
    auto started = SteadyClock::now();
    int64_t generated = 0;
    bench::GenerateObservations(kNational, [&](const Observation& observation) {
      generated += static_cast<int64_t>(observation.person_ids.size());
    });
    benchmark::DoNotOptimize(generated);
    generate_seconds = SecondsSince(started);
    state.ResumeTiming();

    started = SteadyClock::now();
    network::CoPresenceBuilder builder(ProductOptions());
    bench::GenerateObservations(kNational, [&](const Observation& observation) { builder.Add(observation); });
    add_seconds = SecondsSince(started);
    started = SteadyClock::now();
    const network::CoPresenceGraph graph = builder.BuildGraph();
    build_seconds = SecondsSince(started);
    build_rss = PeakRssMb();
    started = SteadyClock::now();
    auto measures = network::ComputeMeasures(graph, measure_options);
    measures_seconds = SecondsSince(started);
    if (!measures.ok()) {
      state.SkipWithError(measures.error().ToString().c_str());
      break;
    }
    groups_seconds = AnalyseRegister(state, graph, register_of);
    CountNetwork(state, graph, *measures);
    if (steps_wanted && std::string(steps_wanted) == "1") {
      state.PauseTiming();
      auto timed = TimeSteps(graph, measure_options);
      if (!timed.ok()) {
        state.SkipWithError(timed.error().ToString().c_str());
        break;
      }
      CountSteps(state, *timed, 0);  // the run above used two processes: no remainder to attribute
      state.ResumeTiming();
    }
  }
  state.counters["generate_s"] = generate_seconds;
  state.counters["add_s"] = add_seconds;  // generator + CoPresenceBuilder::Add (stands in for the store scan)
  state.counters["build_s"] = build_seconds;
  state.counters["measures_s"] = measures_seconds;
  state.counters["groups_s"] = groups_seconds;
  state.counters["total_s"] = add_seconds + build_seconds + measures_seconds + groups_seconds;
  state.counters["total_without_generator_s"] =
      add_seconds - generate_seconds + build_seconds + measures_seconds + groups_seconds;
  state.counters["budget_s"] = measure_options.budget_seconds;
  state.counters["peak_rss_build_mb"] = build_rss;
  state.counters["peak_rss_mb"] = PeakRssMb();
}

BENCHMARK(BM_NetworkCity)->Arg(1)->Arg(2)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_NetworkXBaseline)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_NetworkNational)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace
}  // namespace trygnet

BENCHMARK_MAIN();
