#include "network/co_presence.h"

#include <gtest/gtest.h>

namespace trygnet::network {
namespace {

Timestamp At(int day, int hour, int minute = 0) {
  return Timestamp::StartOf(*Date::FromYmd(2018, 3, day)).AddSeconds(hour * 3600 + minute * 60);
}

Observation Seen(ObservationId id, Timestamp at, const char* area, std::vector<PersonId> persons,
                 std::optional<GeoPoint> position = std::nullopt) {
  Observation observation;
  observation.id = id;
  observation.observed_at = at;
  observation.area_id = area;
  observation.position = position;
  observation.person_ids = std::move(persons);
  return observation;
}

CoPresenceOptions Options(int64_t window_seconds = 0) {
  CoPresenceOptions options;
  options.from = At(1, 0);
  options.to = At(31, 0);
  options.window_seconds = window_seconds;
  return options;
}

const CoPresenceEdge* EdgeOf(const CoPresenceNetwork& network, PersonId a, PersonId b) {
  for (const CoPresenceEdge& edge : network.edges) {
    if (edge.a == std::min(a, b) && edge.b == std::max(a, b)) return &edge;
  }
  return nullptr;
}

TEST(CoPresence, PersonsInOneObservationArePairedOnce) {
  const auto network = BuildCoPresence({Seen(1, At(2, 20), "mjolnerparken", {1, 2, 3})}, Options());
  EXPECT_EQ(network.persons, (std::vector<PersonId>{1, 2, 3}));
  ASSERT_EQ(network.edges.size(), 3u);  // 1–2, 1–3, 2–3
  EXPECT_EQ(network.edges[0].a, 1);
  EXPECT_EQ(network.edges[0].b, 2);
  EXPECT_EQ(network.edges[0].count, 1);
  EXPECT_EQ(network.edges[0].observation_ids, (std::vector<ObservationId>{1}));
}

TEST(CoPresence, TheWindowJoinsSightingsAtOnePlaceOnly) {
  const std::vector<Observation> observations = {
      Seen(1, At(2, 20, 0), "mjolnerparken", {1}),
      Seen(2, At(2, 20, 10), "mjolnerparken", {2}),    // 10 min later, same place
      Seen(3, At(2, 20, 5), "lundtoftegade", {3}),     // another place
      Seen(4, At(2, 21, 0), "mjolnerparken", {4}),     // 60 min after 1
  };
  const auto narrow = BuildCoPresence(observations, Options(15 * 60));
  EXPECT_NE(EdgeOf(narrow, 1, 2), nullptr);
  EXPECT_EQ(EdgeOf(narrow, 1, 3), nullptr);
  EXPECT_EQ(EdgeOf(narrow, 1, 4), nullptr);
  EXPECT_EQ(narrow.edges.size(), 1u);
  const auto wide = BuildCoPresence(observations, Options(60 * 60));
  EXPECT_NE(EdgeOf(wide, 1, 4), nullptr);
  EXPECT_NE(EdgeOf(wide, 2, 4), nullptr);
  EXPECT_EQ(EdgeOf(wide, 3, 4), nullptr);
  EXPECT_EQ(BuildCoPresence(observations, Options(0)).edges.size(), 0u);
}

TEST(CoPresence, ARadiusSeparatesDistantSightingsInOneArea) {
  const GeoPoint here{12.5450, 55.6990};
  const GeoPoint near{12.5455, 55.6992};  // about 40 m away
  const GeoPoint far{12.5600, 55.7050};   // over a kilometre away
  CoPresenceOptions options = Options(30 * 60);
  options.radius_metres = 100;
  const auto network = BuildCoPresence({Seen(1, At(2, 20), "mjolnerparken", {1}, here),
                                        Seen(2, At(2, 20, 5), "mjolnerparken", {2}, near),
                                        Seen(3, At(2, 20, 6), "mjolnerparken", {3}, far)},
                                       options);
  EXPECT_NE(EdgeOf(network, 1, 2), nullptr);
  EXPECT_EQ(EdgeOf(network, 1, 3), nullptr);
  EXPECT_NEAR(DistanceMetres(here, near), 40, 10);
}

TEST(CoPresence, CountsFrequencyAndWeighsRecency) {
  CoPresenceOptions options = Options();
  options.half_life_days = 10;
  const auto network = BuildCoPresence({Seen(1, At(31, 0), "mjolnerparken", {1, 2}),   // now: weight 1
                                        Seen(2, At(21, 0), "mjolnerparken", {1, 2}),   // 10 days: 0.5
                                        Seen(3, At(11, 0), "mjolnerparken", {2, 1})},  // 20 days: 0.25
                                       options);
  const CoPresenceEdge* edge = EdgeOf(network, 1, 2);
  ASSERT_NE(edge, nullptr);
  EXPECT_EQ(edge->count, 3);
  EXPECT_NEAR(edge->weight, 1.75, 1e-9);
  EXPECT_EQ(edge->first_seen, At(11, 0));
  EXPECT_EQ(edge->last_seen, At(31, 0));
  EXPECT_EQ(edge->observation_ids, (std::vector<ObservationId>{3, 2, 1}));
}

TEST(CoPresence, APairNamedTwiceInOneEventCountsOnce) {
  const auto network = BuildCoPresence(
      {Seen(1, At(2, 20), "mjolnerparken", {1, 2}), Seen(2, At(2, 20, 1), "mjolnerparken", {1, 2})}, Options(600));
  // Each observation is an event (2), and the pair of observations is one more.
  EXPECT_EQ(EdgeOf(network, 1, 2)->count, 3);
}

TEST(CoPresence, ThePeriodAndTheAreasFilterTheObservations) {
  const std::vector<Observation> observations = {Seen(1, At(2, 20), "mjolnerparken", {1, 2}),
                                                 Seen(2, At(2, 20), "lundtoftegade", {3, 4})};
  CoPresenceOptions options = Options();
  options.area_ids = {"lundtoftegade"};
  auto network = BuildCoPresence(observations, options);
  EXPECT_EQ(network.persons, (std::vector<PersonId>{3, 4}));
  EXPECT_EQ(network.observations_used, 1);
  options.area_ids.clear();
  options.to = At(2, 19);  // before both
  network = BuildCoPresence(observations, options);
  EXPECT_TRUE(network.edges.empty());
}

TEST(CoPresence, OnlyTheNewestObservationsExplainAnEdge) {
  std::vector<Observation> observations;
  for (int id = 1; id <= 8; ++id) observations.push_back(Seen(id, At(id, 12), "mjolnerparken", {7, 9}));
  const auto network = BuildCoPresence(observations, Options());
  EXPECT_EQ(EdgeOf(network, 7, 9)->count, 8);
  EXPECT_EQ(EdgeOf(network, 7, 9)->observation_ids, (std::vector<ObservationId>{8, 7, 6, 5, 4}));
}

TEST(CoPresence, AtABusyPlaceASightingJoinsOnlyItsNearestLaterSightings) {
  std::vector<Observation> observations;
  const int busy = static_cast<int>(kMaxWindowPartners) + 10;
  for (int minute = 0; minute < busy; ++minute) {  // one person a minute, all within the window
    observations.push_back(Seen(minute + 1, At(2, 20, minute), "den-roede-plads", {minute + 1}));
  }
  const auto network = BuildCoPresence(observations, Options(60 * 60));
  EXPECT_NE(EdgeOf(network, 1, 1 + kMaxWindowPartners), nullptr);   // the 16th after it
  EXPECT_EQ(EdgeOf(network, 1, 2 + kMaxWindowPartners), nullptr);   // the 17th is not joined
  EXPECT_NE(EdgeOf(network, 10, 10 + kMaxWindowPartners), nullptr);
  // Every sighting has at most kMaxWindowPartners later partners: linear, not quadratic.
  EXPECT_LE(network.edges.size(), static_cast<size_t>(busy) * kMaxWindowPartners);
}

TEST(CoPresence, BadOptionsNameTheOption) {
  CoPresenceOptions options = Options();
  options.window_seconds = -1;
  EXPECT_EQ(ValidateCoPresenceOptions(options).error().field, "window");
  options = Options();
  options.radius_metres = 10000;
  EXPECT_EQ(ValidateCoPresenceOptions(options).error().field, "radius");
  options = Options();
  options.half_life_days = 0;
  EXPECT_EQ(ValidateCoPresenceOptions(options).error().field, "half_life");
  options = Options();
  options.from = At(31, 1);
  EXPECT_EQ(ValidateCoPresenceOptions(options).error().field, "from");
  EXPECT_TRUE(ValidateCoPresenceOptions(Options(3600)).ok());
}

}  // namespace
}  // namespace trygnet::network
