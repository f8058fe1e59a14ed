#include "network/measures.h"

#include <gtest/gtest.h>

#include <cmath>

#include "network/reference_graphs.h"

namespace trygnet::network {
namespace {

using testing::GraphOf;

NetworkMeasures Measure(const CoPresenceGraph& graph, MeasureOptions options = {}) {
  auto measures = ComputeMeasures(graph, options);
  EXPECT_TRUE(measures.ok()) << measures.error().ToString();
  return measures.ok() ? *measures : NetworkMeasures{};
}

std::vector<double> BetweennessOf(const NetworkMeasures& measures) {
  std::vector<double> values;
  for (const PersonMeasures& person : measures.persons) values.push_back(person.betweenness);
  return values;
}

TEST(Measures, PathStarAndBridgeHaveTheirKnownBetweenness) {
  EXPECT_EQ(BetweennessOf(Measure(testing::Path5())), (std::vector<double>{0, 3, 4, 3, 0}));
  EXPECT_EQ(BetweennessOf(Measure(testing::Star5())), (std::vector<double>{6, 0, 0, 0, 0}));
  const NetworkMeasures bridge = Measure(testing::TwoCliquesWithBridge());
  EXPECT_EQ(BetweennessOf(bridge), (std::vector<double>{0, 0, 0, 12, 12, 0, 0, 0}));
  EXPECT_NEAR(bridge.persons[3].betweenness_normalised, 12.0 / 21, 1e-12);
  EXPECT_NEAR(Measure(testing::Path5()).persons[2].betweenness_normalised, 4.0 / 6, 1e-12);
  ASSERT_EQ(bridge.betweenness.size(), 1u);
  EXPECT_TRUE(bridge.betweenness[0].exact);
}

TEST(Measures, DegreeAndStrengthCountTiesAndTheirWeights) {
  CoPresenceGraph graph = testing::Star5();
  graph.links[0].weight = 2.5;  // 0–1
  const NetworkMeasures measures = Measure(graph);
  EXPECT_EQ(measures.persons[0].degree, 4);
  EXPECT_EQ(measures.persons[1].degree, 1);
  EXPECT_DOUBLE_EQ(measures.persons[0].strength, 5.5);
  EXPECT_DOUBLE_EQ(measures.persons[1].strength, 2.5);
}

TEST(Measures, KarateClubMatchesNetworkX) {
  const NetworkMeasures measures = Measure(testing::KarateClub());
  const std::vector<std::pair<int, double>> betweenness = {
      {0, 231.071429}, {33, 160.551587}, {32, 76.690476}, {2, 75.850794}, {31, 73.009524}};
  for (auto [person, value] : betweenness) EXPECT_NEAR(measures.persons[person].betweenness, value, 1e-6) << person;
  EXPECT_NEAR(measures.persons[0].betweenness_normalised, 0.437635, 1e-6);
  const std::vector<std::pair<int, double>> pagerank = {
      {33, 0.100919}, {0, 0.096997}, {32, 0.071693}, {2, 0.057079}, {1, 0.052877}};
  for (auto [person, value] : pagerank) EXPECT_NEAR(measures.persons[person].pagerank, value, 1e-6) << person;
  double total = 0;
  for (const PersonMeasures& person : measures.persons) total += person.pagerank;
  EXPECT_NEAR(total, 1.0, 1e-9);
}

TEST(Measures, LeidenFindsTheKarateClubsFourCommunities) {
  const NetworkMeasures measures = Measure(testing::KarateClub());
  // The optimum modularity is 0.419790 with four communities (GLPK's exact
  // optimum agrees); labels depend on the seed, so they are not compared.
  EXPECT_EQ(measures.communities.size(), 4u);
  EXPECT_GE(measures.modularity, 0.4188);
  EXPECT_LE(measures.modularity, 0.41980);
  int64_t persons = 0;
  for (const CommunitySummary& community : measures.communities) persons += community.persons;
  EXPECT_EQ(persons, 34);
}

TEST(Measures, TheBridgeSplitsTwoCommunitiesAndItsEndsParticipateInBoth) {
  const NetworkMeasures measures = Measure(testing::TwoCliquesWithBridge());
  ASSERT_EQ(measures.communities.size(), 2u);
  EXPECT_EQ(measures.persons[0].community, measures.persons[3].community);
  EXPECT_NE(measures.persons[3].community, measures.persons[4].community);
  // 3 has three ties inside and one across: 1 − (3/4)² − (1/4)² = 0.375.
  EXPECT_NEAR(measures.persons[3].participation, 0.375, 1e-12);
  EXPECT_EQ(measures.persons[0].participation, 0);
  const CommunitySummary& community = measures.communities[static_cast<size_t>(measures.persons[0].community)];
  EXPECT_EQ(community.internal_weight, 6);
  EXPECT_EQ(community.external_weight, 1);
}

TEST(Measures, TheSameSeedGivesTheSameFigures) {
  MeasureOptions options;
  options.seed = 42;
  options.exact_limit = 3;  // karate is sampled
  options.pivots = 10;
  const NetworkMeasures first = Measure(testing::KarateClub(), options);
  const NetworkMeasures second = Measure(testing::KarateClub(), options);
  for (size_t person = 0; person < first.persons.size(); ++person) {
    EXPECT_EQ(first.persons[person].community, second.persons[person].community);
    EXPECT_EQ(first.persons[person].betweenness, second.persons[person].betweenness);
    EXPECT_EQ(first.persons[person].pagerank, second.persons[person].pagerank);
  }
  options.seed = 43;
  const NetworkMeasures other = Measure(testing::KarateClub(), options);
  EXPECT_NE(BetweennessOf(first), BetweennessOf(other));  // other pivots
}

TEST(Measures, SamplingEveryPersonAsPivotIsExact) {
  MeasureOptions options;
  options.exact_limit = 3;
  options.pivots = 34;
  const NetworkMeasures measures = Measure(testing::KarateClub(), options);
  ASSERT_EQ(measures.betweenness.size(), 1u);
  EXPECT_FALSE(measures.betweenness[0].exact);
  EXPECT_EQ(measures.betweenness[0].pivots, 34);
  EXPECT_NEAR(measures.persons[0].betweenness, 231.071429, 1e-6);
}

TEST(Measures, SampledBetweennessIsUnbiasedAndStatesItsBound) {
  MeasureOptions options;
  options.exact_limit = 3;
  options.pivots = 8;
  double mean = 0;
  constexpr int kRuns = 300;
  for (int run = 0; run < kRuns; ++run) {
    options.seed = static_cast<uint64_t>(run);
    mean += Measure(testing::KarateClub(), options).persons[0].betweenness / kRuns;
  }
  EXPECT_NEAR(mean, 231.071429, 231.071429 * 0.05);
  const NetworkMeasures one = Measure(testing::KarateClub(), options);
  EXPECT_EQ(one.betweenness[0].pivots, 8);
  EXPECT_NEAR(one.betweenness[0].error_bound, PivotErrorBound(34, 8, 0.05), 1e-15);
  // 34/33 · sqrt(ln(2·34/0.05) / 16)
  EXPECT_NEAR(PivotErrorBound(34, 8, 0.05), 34.0 / 33 * std::sqrt(std::log(68 / 0.05) / 16), 1e-12);
}

TEST(Measures, ABudgetStopsSamplingAndTheStatedBoundFollowsThePivotsUsed) {
  std::vector<std::pair<uint32_t, uint32_t>> ring;
  for (uint32_t person = 0; person < 3000; ++person) ring.push_back({person, (person + 1) % 3000});
  MeasureOptions options;
  options.exact_limit = 3;
  options.pivots = 50;
  options.budget_seconds = 1e-6;  // spent by the first pivot, which always runs
  const NetworkMeasures measures = Measure(GraphOf(3000, ring), options);
  ASSERT_EQ(measures.betweenness.size(), 1u);
  EXPECT_EQ(measures.betweenness[0].pivots, 1);
  EXPECT_DOUBLE_EQ(measures.betweenness[0].error_bound, PivotErrorBound(3000, 1, 0.05));
  options.budget_seconds = 0;  // no budget: every pivot asked for
  EXPECT_EQ(Measure(GraphOf(3000, ring), options).betweenness[0].pivots, 50);
}

TEST(Measures, ASecondProcessGivesTheSameFigures) {
  MeasureOptions options;
  options.exact_limit = 10;  // karate is sampled: half its pivots run in the worker
  options.pivots = 20;
  options.seed = 5;
  const NetworkMeasures alone = Measure(testing::KarateClub(), options);
  options.processes = 2;
  const NetworkMeasures shared = Measure(testing::KarateClub(), options);
  ASSERT_EQ(shared.betweenness.size(), 1u);
  EXPECT_EQ(shared.betweenness[0].pivots, 20);
  EXPECT_EQ(shared.modularity, alone.modularity);
  for (size_t person = 0; person < alone.persons.size(); ++person) {
    EXPECT_EQ(shared.persons[person].community, alone.persons[person].community);
    EXPECT_NEAR(shared.persons[person].betweenness, alone.persons[person].betweenness,
                1e-9 * (1 + alone.persons[person].betweenness));
    EXPECT_EQ(shared.persons[person].pagerank, alone.persons[person].pagerank);
  }
  options.processes = 3;
  EXPECT_EQ(ValidateMeasureOptions(options).error().field, "processes");
}

TEST(Measures, PersonsWithoutTiesAndAnEmptyNetworkGiveZeros) {
  const NetworkMeasures alone = Measure(GraphOf(3, {}));
  EXPECT_EQ(alone.persons.size(), 3u);
  EXPECT_EQ(alone.communities.size(), 3u);
  EXPECT_EQ(alone.persons[0].degree, 0);
  EXPECT_NEAR(alone.persons[0].pagerank, 1.0 / 3, 1e-9);
  EXPECT_TRUE(alone.betweenness.empty());
  EXPECT_TRUE(Measure(GraphOf(0, {})).persons.empty());
}

TEST(Measures, BadOptionsNameTheOption) {
  MeasureOptions options;
  options.pivots = 0;
  EXPECT_EQ(ValidateMeasureOptions(options).error().field, "pivots");
  options = {};
  options.resolution = 0;
  EXPECT_EQ(ValidateMeasureOptions(options).error().field, "resolution");
  options = {};
  options.exact_limit = 2;
  EXPECT_EQ(ValidateMeasureOptions(options).error().field, "exact_limit");
  options = {};
  options.budget_seconds = -1;
  EXPECT_EQ(ValidateMeasureOptions(options).error().field, "budget");
  EXPECT_TRUE(ValidateMeasureOptions({}).ok());
}

TEST(IgraphGraph, BadEdgesAreRefusedNamingTheEdge) {
  auto outside = IgraphGraph::Create(2, {{0, 2, 1}});
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().field, "edges[0]");
  auto loop = IgraphGraph::Create(2, {{0, 1, 1}, {1, 1, 1}});
  ASSERT_FALSE(loop.ok());
  EXPECT_EQ(loop.error().field, "edges[1]");
  auto weightless = IgraphGraph::Create(2, {{0, 1, 0}});
  ASSERT_FALSE(weightless.ok());
  auto graph = IgraphGraph::Create(3, {{0, 1, 1}});
  ASSERT_TRUE(graph.ok());
  auto sources = graph->BetweennessFromSources({5});
  ASSERT_FALSE(sources.ok());
  EXPECT_EQ(sources.error().field, "sources");
}

}  // namespace
}  // namespace trygnet::network
