// The network service on a small store built in code: the period, as-of and
// as-known-at filters, registered groups and brokers, a young person
// drifting in, explanations, pseudonyms for the uninvolved, bad requests.
#include "network/network_analysis.h"

#include <gtest/gtest.h>

#include "network/network_json.h"
#include "network/person_labels.h"
#include "store/store_fixture.h"

namespace trygnet::network {
namespace {

using trygnet::testing::D;
using trygnet::testing::T;

class NetworkAnalysisTest : public trygnet::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    LoadNorrebro();
    auto load = LoadPartnershipFile(TRYGNET_SOURCE_DIR "/partnerships/norrebro-2017.toml");
    partnership_ = *load.partnership;
    ravens_ = AddGroup("Ravnene");
    wolves_ = AddGroup("Ulvene");
    member_a_ = AddPerson(MakePerson("Adam", "Ravnsen", "010190-1238"));
    member_b_ = AddPerson(MakePerson("Bo", "Ravnsen", "020290-1237"));
    member_c_ = AddPerson(MakePerson("Carl", "Ulvsen", "030390-1236"));
    young_ = AddPerson(MakePerson("Yusuf", "Testesen", "120302-4011"));
    passer_by_ = AddPerson(MakePerson("Ulla", "Forbi", "040485-1234"));
    with_case_ = AddPerson(MakePerson("Emma", "Prøvesen", "050501-4022"));
    Register(member_a_, ravens_);
    Register(member_b_, ravens_);
    Register(member_c_, wolves_);
    CaseFile case_file;
    case_file.person_id = with_case_;
    case_file.partnership_id = "norrebro-2017";
    case_file.track = CaseTrack::kUnder18Ssp;
    case_file.level = 1;
    case_file.owning_unit_id = "ssp";
    case_file.opened_on = D("2017-05-01");
    case_file.opened_by = "ssp-caseworker";
    ASSERT_TRUE(store_->AddCase(case_file).ok());

    Add(Seen("2017-09-10T20:00:00Z", "mjolnerparken", {member_a_, member_b_, young_}));
    Add(Seen("2018-03-01T21:00:00Z", "lundtoftegade", {member_c_, young_}));
    Add(Seen("2018-03-02T18:00:00Z", "blaagaards-plads", {member_a_, passer_by_}));
    Add(Seen("2018-05-01T20:00:00Z", "den-roede-plads", {member_c_}));
    Add(Seen("2018-05-01T20:10:00Z", "den-roede-plads", {young_, with_case_}));  // ten minutes later, same place
    Add(Seen("2018-07-15T20:00:00Z", "mjolnerparken", {member_a_, with_case_}));  // after the as-of date
    Observation late = Seen("2018-06-01T20:00:00Z", "mjolnerparken", {member_b_, passer_by_});
    late.recorded_at = T("2018-10-01T09:00:00Z");  // recorded after the date the tests ask "as known at"
    Add(late);
  }

  void Register(PersonId person_id, GroupId group_id) {
    ASSERT_TRUE(store_->AddRegistration(MemberRegistration(person_id, group_id), trygnet::testing::kNorrebroPolicy).ok());
  }

  static Observation Seen(const char* at, const char* area, std::vector<PersonId> persons) {
    Observation observation;
    observation.observed_at = T(at);
    observation.area_id = area;
    observation.source = "patrol_stop";
    observation.person_ids = std::move(persons);
    observation.recorded_by = "lokalpoliti-betjent";
    observation.recorded_at = observation.observed_at.AddSeconds(3600);
    return observation;
  }

  void Add(const Observation& observation) { ASSERT_TRUE(store_->AddObservations({observation}).ok()); }

  NetworkRequest Request() const {
    NetworkRequest request;
    request.as_of = D("2018-06-30");
    request.known_at = T("2018-07-01T00:00:00Z");
    return request;
  }

  NetworkResult Analyse(const NetworkRequest& request) {
    auto result = AnalyseNetwork(*store_, partnership_, request);
    EXPECT_TRUE(result.ok()) << result.error().ToString();
    return result.ok() ? *result : NetworkResult{};
  }

  Partnership partnership_;
  GroupId ravens_ = 0, wolves_ = 0;
  PersonId member_a_ = 0, member_b_ = 0, member_c_ = 0, young_ = 0, passer_by_ = 0, with_case_ = 0;
};

TEST_F(NetworkAnalysisTest, CountsOnlyWhatWasSeenByTheDateAndRecordedByTheInstant) {
  const NetworkResult result = Analyse(Request());
  EXPECT_EQ(result.observations, 5);  // not the July sighting, not the one recorded in October
  EXPECT_EQ(result.persons, 6);
  // a–b, a–y, b–y, c–y, a–passer-by, and at den røde plads c–y again, c–case, y–case
  EXPECT_EQ(result.ties, 7);
  EXPECT_EQ(result.from, D("2017-06-30"));

  NetworkRequest known_later = Request();
  known_later.known_at = T("2018-12-01T00:00:00Z");
  EXPECT_EQ(Analyse(known_later).observations, 6);
  NetworkRequest without_window = Request();
  without_window.window_minutes = 0;
  EXPECT_EQ(Analyse(without_window).ties, 6);  // c and the two seen ten minutes later are no longer together
}

TEST_F(NetworkAnalysisTest, AnAreaLimitsTheNetworkToItsObservations) {
  NetworkRequest request = Request();
  request.area_ids = {"ydre-norrebro"};  // its sub-areas: mjølnerparken, lundtoftegade, den røde plads
  const NetworkResult result = Analyse(request);
  EXPECT_EQ(result.observations, 4);
  request.area_ids = {"blaagaards-plads"};
  EXPECT_EQ(Analyse(request).observations, 1);
}

TEST_F(NetworkAnalysisTest, AYoungPersonSeenWithMembersOfTwoGroupsIsDriftingInAndABroker) {
  const NetworkResult result = Analyse(Request());
  // Both under-18s were seen with members; the one who met more, and more lately, comes first.
  ASSERT_EQ(result.drifting_in.size(), 2u);
  EXPECT_EQ(result.drifting_in[1].person_id, with_case_);
  EXPECT_EQ(result.drifting_in[1].members, (std::vector<PersonId>{member_c_}));
  const DriftResult& drift = result.drifting_in[0];
  EXPECT_EQ(drift.person_id, young_);
  EXPECT_EQ(drift.members, (std::vector<PersonId>{member_a_, member_b_, member_c_}));
  EXPECT_EQ(drift.drift.new_recently, 1);  // c, first seen in March 2018
  ASSERT_EQ(drift.drift.growth.size(), 4u);
  EXPECT_EQ(drift.drift.growth[0].quarter, "2017-K3");
  EXPECT_EQ(drift.drift.growth[0].members, 2);
  EXPECT_EQ(drift.drift.growth[2].quarter, "2018-K1");
  EXPECT_EQ(drift.drift.growth[2].members, 3);

  ASSERT_FALSE(result.brokers.empty());
  EXPECT_EQ(result.brokers[0].person_id, young_);
  ASSERT_EQ(result.brokers[0].broker.groups.size(), 2u);
  ASSERT_EQ(result.groups.size(), 2u);
  EXPECT_EQ(result.groups[0].name, "Ravnene");
  EXPECT_EQ(result.groups[0].summary.members_in_network, 2);
}

TEST_F(NetworkAnalysisTest, EveryShownPersonComesWithTheTiesAndObservationsBehindTheFigures) {
  const NetworkResult result = Analyse(Request());
  ASSERT_TRUE(result.shown.contains(young_));
  const PersonResult& young = result.shown.at(young_);
  EXPECT_EQ(young.measures.degree, 4);  // a, b, c, the person with a case
  EXPECT_EQ(young.ties_total, 4);
  ASSERT_FALSE(young.ties.empty());
  for (const CoPresenceEdge& tie : young.ties) {
    EXPECT_TRUE(tie.a == young_ || tie.b == young_);
    EXPECT_FALSE(tie.observation_ids.empty());
  }
  // c and y: once together, once ten minutes apart at one place.
  auto with_c = std::find_if(young.ties.begin(), young.ties.end(),
                             [&](const CoPresenceEdge& tie) { return tie.a == member_c_ || tie.b == member_c_; });
  ASSERT_NE(with_c, young.ties.end());
  EXPECT_EQ(with_c->count, 2);
  EXPECT_EQ(with_c->observation_ids.size(), 3u);
}

TEST_F(NetworkAnalysisTest, TheUninvolvedAppearUnderAStablePseudonym) {
  const NetworkResult result = Analyse(Request());
  const policy::Decision allowed{true, policy::Reason::kOwnOrganisation, "", ""};
  auto labels = LabelPersons(*store_, result, [&](PersonId) -> Result<policy::Decision> { return allowed; });
  ASSERT_TRUE(labels.ok());
  ASSERT_TRUE(labels->contains(member_a_));
  EXPECT_TRUE(labels->at(member_a_).named);
  EXPECT_EQ(labels->at(member_a_).text, "Adam Ravnsen");
  EXPECT_TRUE(labels->at(with_case_).named);  // a case gives the reader a purpose
  ASSERT_TRUE(labels->contains(young_));
  EXPECT_FALSE(labels->at(young_).named);  // no registration, no case
  EXPECT_EQ(labels->at(young_).text.rfind("P-", 0), 0u);
  EXPECT_EQ(labels->at(young_).text.size(), 18u);
  EXPECT_EQ(labels->at(young_).text, store_->PersonPseudonym(young_));
  EXPECT_NE(store_->PersonPseudonym(young_), store_->PersonPseudonym(passer_by_));

  // The JSON never carries a pseudonymous person's id or name.
  const nlohmann::json out = NetworkJson(result, *labels);
  const std::string text = out.dump();
  EXPECT_EQ(text.find("Yusuf"), std::string::npos);
  EXPECT_NE(text.find(labels->at(young_).text), std::string::npos);
  for (const nlohmann::json& person : out["persons"]) {
    if (person.contains("pseudonym")) {
      EXPECT_FALSE(person.contains("id"));
      EXPECT_FALSE(person.contains("registered"));
    }
  }
  // Someone whose identity the reader may not read is never named.
  const policy::Decision denied{false, policy::Reason::kNoDisclosure, "", ""};
  auto hidden = LabelPersons(*store_, result, [&](PersonId) -> Result<policy::Decision> { return denied; });
  ASSERT_TRUE(hidden.ok());
  EXPECT_FALSE(hidden->at(member_a_).named);
}

TEST_F(NetworkAnalysisTest, OnePersonsNetworkListsEveryTie) {
  auto result = AnalysePersonNetwork(*store_, partnership_, Request(), member_a_);
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  ASSERT_EQ(result->shown.size(), 1u);
  EXPECT_EQ(result->shown.at(member_a_).ties_total, 3);  // b, y, the passer-by
  EXPECT_EQ(result->shown.at(member_a_).ties.size(), 3u);
  auto unseen = AnalysePersonNetwork(*store_, partnership_, Request(), 999);
  ASSERT_FALSE(unseen.ok());
  EXPECT_EQ(unseen.error().code, ErrorCode::kNotFound);
}

TEST_F(NetworkAnalysisTest, TheSameRequestGivesTheSameResult) {
  const nlohmann::json first = NetworkJson(Analyse(Request()), {});
  nlohmann::json second = NetworkJson(Analyse(Request()), {});
  for (nlohmann::json* out : {const_cast<nlohmann::json*>(&first), &second}) {
    (*out)["network"].erase("seconds_build");
    (*out)["network"].erase("seconds_measures");
  }
  EXPECT_EQ(first, second);
}

TEST_F(NetworkAnalysisTest, BadRequestsNameTheField) {
  auto error_field = [&](const NetworkRequest& request) {
    auto result = AnalyseNetwork(*store_, partnership_, request);
    return result.ok() ? std::string("(ok)") : result.error().field;
  };
  NetworkRequest request = Request();
  request.top = 0;
  EXPECT_EQ(error_field(request), "top");
  request = Request();
  request.area_ids = {"atlantis"};
  EXPECT_EQ(error_field(request), "area");
  request = Request();
  request.from = D("2018-07-01");
  EXPECT_EQ(error_field(request), "from");
  request = Request();
  request.from = D("2005-01-01");
  EXPECT_EQ(error_field(request), "from");
  request = Request();
  request.window_minutes = -1;
  EXPECT_EQ(error_field(request), "window");
  request = Request();
  request.half_life_days = 0;
  EXPECT_EQ(error_field(request), "half_life");
  request = Request();
  request.measures.pivots = 0;
  EXPECT_EQ(error_field(request), "pivots");
}

}  // namespace
}  // namespace trygnet::network
