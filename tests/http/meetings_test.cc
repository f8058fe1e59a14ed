// Meetings through the API [p.9, p.13–14]: decisions that change an area's
// geographic focus from their date (and the area's history), the meetings
// due against the cadences, and bad input.
#include <gtest/gtest.h>

#include "demo_server.h"

namespace trygnet::testing {
namespace {

class MeetingsApiTest : public DemoServerTest {
 protected:
  static nlohmann::json Strategic(const std::string& held_on, nlohmann::json decisions) {
    return {{"meeting_type_id", "strategic-steering-group"},
            {"held_on", held_on},
            {"attending_unit_ids", {"sikker-by", "eas", "ssp"}},
            {"minutes", "Referat (syntetisk)."},
            {"decisions", std::move(decisions)}};
  }
  static nlohmann::json FocusDecision(const std::string& kind, const std::string& area, const std::string& on) {
    return {{"kind", kind}, {"text", "Beslutning om " + area}, {"area_id", area}, {"effective_on", on}};
  }
  static nlohmann::json Cadence(HttpClient& client, const std::string& type) {
    HttpResponse due = client.Get("/api/v1/meetings/due?as_of=2019-06-03");
    EXPECT_EQ(due.status, 200) << due.body;
    const nlohmann::json body = due.Json();
    for (const nlohmann::json& item : body["items"]) {
      if (item["meeting_type_id"] == type) return item;
    }
    ADD_FAILURE() << "no cadence for " << type;
    return {};
  }
};

TEST_F(MeetingsApiTest, AFocusDecisionTakesEffectOnItsDateAndShowsInTheAreasHistory) {
  HttpClient secretariat = SignedIn(*server_, "sikkerby-coordinator");
  // The demo's strategic steering group ended Lundtoftegade's focus from 2019; it comes back in July.
  HttpResponse held = secretariat.Post(
      "/api/v1/meetings",
      Strategic("2019-05-28", {FocusDecision("focus_area_add", "lundtoftegade", "2019-07-01"),
                               {{"kind", "general"}, {"text", "Status på indsatsen taget til efterretning."}}}));
  ASSERT_EQ(held.status, 201) << held.body;
  MeetingId meeting_id = held.Json()["id"].get<MeetingId>();

  HttpResponse focus = SignedIn(*server_, "boligsocial-partner").Get("/api/v1/areas/lundtoftegade/focus");
  ASSERT_EQ(focus.status, 200) << focus.body;
  const nlohmann::json body = focus.Json();
  EXPECT_EQ(body["in_focus_today"], false) << "the server's today is 2019-06-03, before the decision takes effect";
  ASSERT_EQ(body["periods"].size(), 2u) << body.dump();
  EXPECT_EQ(body["periods"][0]["from"], "2017-01-01");
  EXPECT_EQ(body["periods"][0]["to"], "2019-01-01");
  EXPECT_FALSE(body["periods"][0]["ended_by"].is_null());
  EXPECT_EQ(body["periods"][1]["from"], "2019-07-01");
  EXPECT_TRUE(body["periods"][1]["to"].is_null());
  EXPECT_EQ(body["periods"][1]["decision"], "Beslutning om lundtoftegade");
  ASSERT_EQ(body["decisions"].size(), 2u);
  EXPECT_EQ(body["decisions"][1]["meeting_id"], meeting_id);
  EXPECT_EQ(body["decisions"][1]["in_focus"], true);

  HttpResponse read = secretariat.Get("/api/v1/meetings/" + std::to_string(meeting_id));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json()["decisions"].size(), 2u);
}

TEST_F(MeetingsApiTest, OnlyTheMeetingTypeThatDecidesFocusMayChangeIt) {
  HttpClient secretariat = SignedIn(*server_, "sikkerby-coordinator");
  nlohmann::json operative = Strategic("2019-05-28", {FocusDecision("focus_area_end", "mjolnerparken", "2019-08-01")});
  operative["meeting_type_id"] = "operative-steering-group";
  HttpResponse refused = secretariat.Post("/api/v1/meetings", operative);
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.Json()["error"]["field"], "decisions[0].kind");
  auto changes = server_->store().FocusChanges("norrebro-2017", "mjolnerparken");
  ASSERT_TRUE(changes.ok());
  EXPECT_TRUE(changes->empty());
}

TEST_F(MeetingsApiTest, ADecisionThatDoesNotFitTheHistoryIsRefusedWithTheWholeMeeting) {
  HttpClient secretariat = SignedIn(*server_, "sikkerby-coordinator");
  auto before = server_->store().ListMeetings("norrebro-2017", *Date::FromYmd(2019, 5, 30), *Date::FromYmd(2019, 5, 30));
  ASSERT_TRUE(before.ok());
  HttpResponse twice = secretariat.Post(
      "/api/v1/meetings", Strategic("2019-05-30", {FocusDecision("focus_area_end", "den-roede-plads", "2019-09-01"),
                                                   FocusDecision("focus_area_end", "den-roede-plads", "2019-10-01")}));
  EXPECT_EQ(twice.status, 400) << twice.body;
  EXPECT_EQ(twice.Json()["error"]["field"], "decisions[1]");
  HttpResponse already = secretariat.Post(
      "/api/v1/meetings", Strategic("2019-05-30", {FocusDecision("focus_area_add", "den-roede-plads", "2019-09-01")}));
  EXPECT_EQ(already.status, 400) << "it is a focus area already: " << already.body;
  EXPECT_EQ(already.Json()["error"]["field"], "decisions[0]");
  auto after = server_->store().ListMeetings("norrebro-2017", *Date::FromYmd(2019, 5, 30), *Date::FromYmd(2019, 5, 30));
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->size(), before->size()) << "no meeting was recorded";
  EXPECT_TRUE(server_->store().FocusChanges("norrebro-2017", "den-roede-plads")->empty());
}

TEST_F(MeetingsApiTest, BadMeetingInputIsNamed) {
  HttpClient secretariat = SignedIn(*server_, "sikkerby-coordinator");
  struct Bad {
    nlohmann::json body;
    std::string field;
  };
  nlohmann::json future = Strategic("2019-12-01", nlohmann::json::array());
  nlohmann::json unknown_unit = Strategic("2019-05-01", nlohmann::json::array());
  unknown_unit["attending_unit_ids"] = {"eas", "byraadet"};
  const std::vector<Bad> bad = {
      {future, "held_on"},
      {unknown_unit, "attending_unit_ids[1]"},
      {Strategic("2019-05-01", {FocusDecision("focus_area_add", "amager", "2019-06-01")}), "decisions[0].area_id"},
      {Strategic("2019-05-01", {FocusDecision("focus_area_add", "lundtoftegade", "2019-04-01")}),
       "decisions[0].effective_on"},
      {Strategic("2019-05-01", {{{"kind", "focus_area_add"}, {"text", "x"}, {"area_id", "lundtoftegade"}}}),
       "decisions[0].effective_on"},
      {Strategic("2019-05-01", {{{"kind", "vote"}, {"text", "x"}}}), "decisions.kind"},
  };
  for (const Bad& item : bad) {
    HttpResponse response = secretariat.Post("/api/v1/meetings", item.body);
    EXPECT_EQ(response.status, 400) << item.body.dump() << ": " << response.body;
    EXPECT_EQ(response.Json()["error"].value("field", ""), item.field) << response.body;
  }
  EXPECT_EQ(secretariat.Get("/api/v1/meetings/due?as_of=2019-13-01").status, 400);
  EXPECT_EQ(secretariat.Get("/api/v1/meetings/due?notice_days=-1").status, 400);
  EXPECT_EQ(secretariat.Get("/api/v1/meetings?meeting_type_id=picnic").status, 400);
  EXPECT_EQ(secretariat.Get("/api/v1/meetings/999999").status, 404);
  EXPECT_EQ(secretariat.Get("/api/v1/areas/amager/focus").status, 404);
}

TEST_F(MeetingsApiTest, MeetingsDueFollowTheCadencesAndCountANewMeeting) {
  HttpClient secretariat = SignedIn(*server_, "sikkerby-coordinator");
  nlohmann::json before = Cadence(secretariat, "operative-steering-group");
  EXPECT_EQ(before["min_per_year"], 4);
  EXPECT_EQ(before["year"], 2019);
  EXPECT_EQ(Cadence(secretariat, "safety-dialogue")["status"], "as_needed");

  nlohmann::json operative = Strategic("2019-06-02", nlohmann::json::array());
  operative["meeting_type_id"] = "operative-steering-group";
  ASSERT_EQ(secretariat.Post("/api/v1/meetings", operative).status, 201);
  nlohmann::json after = Cadence(secretariat, "operative-steering-group");
  EXPECT_EQ(after["held_this_year"], before["held_this_year"].get<int>() + 1);
  EXPECT_EQ(after["last_held_on"], "2019-06-02");
  const std::set<std::string> statuses = {"as_needed", "on_track", "due_soon", "overdue", "above_maximum"};
  EXPECT_TRUE(statuses.contains(after["status"].get<std::string>())) << after.dump();

  HttpResponse listed = secretariat.Get("/api/v1/meetings?meeting_type_id=operative-steering-group&from=2019-01-01");
  ASSERT_EQ(listed.status, 200) << listed.body;
  const nlohmann::json items = listed.Json()["items"];
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items[0]["held_on"], "2019-06-02") << "newest first";
  for (const nlohmann::json& item : items) EXPECT_EQ(item["meeting_type_id"], "operative-steering-group");
}

}  // namespace
}  // namespace trygnet::testing
