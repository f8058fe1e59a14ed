// The areas for the map (GET /api/v1/areas): GeoJSON outlines, focus on the
// day, counts for aggregate readers with small counts hidden, and bad input.
#include <gtest/gtest.h>

#include "demo_server.h"

namespace trygnet::testing {
namespace {

class AreasApiTest : public DemoServerTest {
 protected:
  static const nlohmann::json* Feature(const nlohmann::json& body, const std::string& id) {
    for (const nlohmann::json& feature : body["features"]) {
      if (feature["id"] == id) return &feature;
    }
    return nullptr;
  }
};

TEST_F(AreasApiTest, EveryAreaIsAFeatureWithAClosedOutlineAndItsFocus) {
  HttpResponse response = SignedIn(*server_, "boligsocial-partner").Get("/api/v1/areas?as_of=2017-06-30");
  ASSERT_EQ(response.status, 200) << response.body;
  const nlohmann::json body = response.Json();
  EXPECT_EQ(body["type"], "FeatureCollection");
  EXPECT_EQ(body["from"], "2017-04-02");  // 90 days up to as_of
  const nlohmann::json* mjolnerparken = Feature(body, "mjolnerparken");
  ASSERT_NE(mjolnerparken, nullptr);
  EXPECT_EQ((*mjolnerparken)["properties"]["kind"], "focus_area");
  EXPECT_EQ((*mjolnerparken)["properties"]["parent_id"], "ydre-norrebro");
  EXPECT_TRUE((*mjolnerparken)["properties"]["in_focus"].get<bool>());  // the plan's focus from 2017
  const nlohmann::json& ring = (*mjolnerparken)["geometry"]["coordinates"][0];
  ASSERT_GE(ring.size(), 4u);
  EXPECT_EQ(ring.front(), ring.back());
  EXPECT_GT(ring.front()[0].get<double>(), 12.0);  // lon, lat: Copenhagen
  EXPECT_GT(ring.front()[1].get<double>(), 55.0);
}

TEST_F(AreasApiTest, CountsAreGivenToAggregateReadersWithSmallCountsHidden) {
  HttpResponse response = SignedIn(*server_, "eas-analyst").Get("/api/v1/areas?as_of=2018-06-30&from=2018-04-01");
  ASSERT_EQ(response.status, 200) << response.body;
  const nlohmann::json body = response.Json();
  EXPECT_TRUE(body["with_counts"].get<bool>());
  int64_t observations = 0;
  for (const nlohmann::json& feature : body["features"]) {
    const nlohmann::json& count = feature["properties"]["observations"];
    if (count["under_5"].get<bool>()) {
      EXPECT_TRUE(count["count"].is_null());
    } else {
      EXPECT_TRUE(count["count"].get<int64_t>() == 0 || count["count"].get<int64_t>() >= 5);
      observations += count["count"].get<int64_t>();
    }
    EXPECT_TRUE(feature["properties"].contains("incidents"));
  }
  EXPECT_GT(observations, 0);
}

TEST_F(AreasApiTest, CountsAreForWholeQuartersOnlySoPeriodsCannotBeSubtracted) {
  HttpClient analyst = SignedIn(*server_, "eas-analyst");
  for (const char* target : {"/api/v1/areas?as_of=2018-06-29&from=2018-04-01", "/api/v1/areas?as_of=2018-06-30&from=2018-04-02",
                             "/api/v1/areas?as_of=2018-06-30&from=2018-01-01", "/api/v1/areas?as_of=2018-06-30"}) {
    HttpResponse response = analyst.Get(target);
    ASSERT_EQ(response.status, 200) << target;
    const nlohmann::json body = response.Json();
    EXPECT_FALSE(body["with_counts"].get<bool>()) << target;
    EXPECT_TRUE(body["counts_note"].is_string()) << target;
    EXPECT_FALSE(body["features"][0]["properties"].contains("observations")) << target;
  }
  EXPECT_TRUE(analyst.Get("/api/v1/areas?as_of=2017-12-31&from=2017-10-01").Json()["with_counts"].get<bool>());
}

TEST_F(AreasApiTest, BadPeriodsNameTheField) {
  HttpClient analyst = SignedIn(*server_, "eas-analyst");
  for (const char* target : {"/api/v1/areas?as_of=2018-06-30&from=2018-07-01", "/api/v1/areas?as_of=2018-06-30&from=2017-01-01",
                             "/api/v1/areas?from=2018-02-30"}) {
    HttpResponse response = analyst.Get(target);
    EXPECT_EQ(response.status, 400) << target;
    EXPECT_EQ(response.Json()["error"]["field"], "from") << target;
  }
  EXPECT_EQ(analyst.Get("/api/v1/areas?colour=red").Json()["error"]["field"], "colour");
}

TEST_F(AreasApiTest, AnAuditorWithoutMeetingAccessIsRefused) {
  HttpResponse response = SignedIn(*server_, "auditor").Get("/api/v1/areas");
  EXPECT_EQ(response.status, 403);
}

}  // namespace
}  // namespace trygnet::testing
