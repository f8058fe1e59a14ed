// Observations and bulk loading (src/store/sqlite/sqlite_store_observations.cc).
#include <gtest/gtest.h>

#include <algorithm>

#include "store/sqlite/sqlite_store.h"
#include "store/store_fixture.h"

namespace trygnet {
namespace {

using testing::IsError;
using testing::IsOk;
using testing::StoreTest;
using testing::T;

class ObservationsTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    LoadNorrebro();
    mikkel_ = AddPerson(MakePerson("Mikkel", "Testesen", "010190-1238", "mjolnerparken"));
    sofie_ = AddPerson(MakePerson("Sofie", "Prøvesen", "020292-4002", "lundtoftegade"));
  }

  size_t SeenCount(PersonId person_id) {
    auto seen = store_->ObservationsForPerson(person_id, 100);
    EXPECT_TRUE(IsOk(seen));
    return seen.ok() ? seen->size() : 0;
  }

  PersonId mikkel_ = 0;
  PersonId sofie_ = 0;
};

Observation SeenTogether(std::vector<PersonId> persons, std::string area = "mjolnerparken") {
  Observation observation;
  observation.observed_at = T("2017-03-30T21:00:00Z");
  observation.area_id = std::move(area);
  observation.position = GeoPoint{12.538, 55.699};
  observation.source = "patrol_stop";
  observation.person_ids = std::move(persons);
  observation.recorded_by = "lokalpoliti-betjent";
  observation.recorded_at = T("2017-03-31T08:00:00Z");
  return observation;
}

TEST_F(ObservationsTest, AddsObservationsInBulk) {
  auto ids = store_->AddObservations(
      {SeenTogether({mikkel_, sofie_}), SeenTogether({mikkel_}, ""), SeenTogether({sofie_}, "lundtoftegade")});
  ASSERT_TRUE(IsOk(ids));
  ASSERT_EQ(ids->size(), 3u);
  EXPECT_EQ(*store_->CountObservations(), 3);

  auto for_mikkel = store_->ObservationsForPerson(mikkel_, 10);
  ASSERT_TRUE(IsOk(for_mikkel));
  ASSERT_EQ(for_mikkel->size(), 2u);
  const Observation& together = (*for_mikkel)[0].id == (*ids)[0] ? (*for_mikkel)[0] : (*for_mikkel)[1];
  EXPECT_EQ(together.person_ids.size(), 2u);
  EXPECT_EQ(together.area_id, "mjolnerparken");
  ASSERT_TRUE(together.position.has_value());
  EXPECT_DOUBLE_EQ(together.position->lat, 55.699);
  EXPECT_EQ(together.observed_at, T("2017-03-30T21:00:00Z"));
  EXPECT_EQ(together.source, "patrol_stop");
  auto limited = store_->ObservationsForPerson(mikkel_, 1);
  ASSERT_TRUE(IsOk(limited));
  EXPECT_EQ(limited->size(), 1u);
  EXPECT_TRUE(IsError(store_->ObservationsForPerson(mikkel_, 0), ErrorCode::kInvalidArgument, "limit"));
}

TEST_F(ObservationsTest, AScanVisitsThePeriodAsKnownAtAndStopsOnAnError) {
  Observation late = SeenTogether({sofie_}, "lundtoftegade");
  late.recorded_at = T("2017-06-01T08:00:00Z");  // entered two months after the sighting
  Observation earlier = SeenTogether({mikkel_});
  earlier.observed_at = T("2017-02-01T21:00:00Z");
  earlier.recorded_at = T("2017-02-02T08:00:00Z");
  auto ids = store_->AddObservations({SeenTogether({mikkel_, sofie_}), late, earlier});
  ASSERT_TRUE(IsOk(ids));
  // A month is read through the time index, a year straight through the table: the same rows.
  auto scan = [&](Timestamp known_at, Timestamp from = T("2017-03-01T00:00:00Z"),
                  Timestamp to = T("2017-03-31T23:59:59Z")) {
    std::vector<ObservationId> seen;
    EXPECT_TRUE(IsOk(store_->ScanObservations(from, to, known_at, [&](const Observation& observation) -> Status {
      seen.push_back(observation.id);
      return OkStatus();
    })));
    std::sort(seen.begin(), seen.end());  // in no particular order
    return seen;
  };
  EXPECT_EQ(scan(T("2017-04-01T00:00:00Z")), (std::vector<ObservationId>{(*ids)[0]}));
  EXPECT_EQ(scan(T("2017-07-01T00:00:00Z")), (std::vector<ObservationId>{(*ids)[0], (*ids)[1]}));
  const Timestamp year_from = T("2017-01-01T00:00:00Z"), year_to = T("2017-12-31T23:59:59Z");
  EXPECT_EQ(scan(T("2017-04-01T00:00:00Z"), year_from, year_to),
            (std::vector<ObservationId>{(*ids)[0], (*ids)[2]}));
  EXPECT_EQ(scan(T("2017-07-01T00:00:00Z"), year_from, year_to),
            (std::vector<ObservationId>{(*ids)[0], (*ids)[1], (*ids)[2]}));
  int visited = 0;
  Status stopped = store_->ScanObservations(T("2017-01-01T00:00:00Z"), T("2017-12-31T00:00:00Z"),
                                            T("2018-01-01T00:00:00Z"), [&](const Observation&) -> Status {
                                              ++visited;
                                              return Unavailable("stop");
                                            });
  EXPECT_TRUE(IsError(stopped, ErrorCode::kUnavailable, ""));
  EXPECT_EQ(visited, 1);
}

TEST_F(ObservationsTest, AnUnknownPersonLeavesNothingStored) {
  auto ids = store_->AddObservations({SeenTogether({mikkel_}), SeenTogether({sofie_}), SeenTogether({mikkel_, 999})});
  EXPECT_TRUE(IsError(ids, ErrorCode::kInvalidArgument, "observations[2].person_ids"));
  EXPECT_EQ(*store_->CountObservations(), 0);
  auto for_mikkel = store_->ObservationsForPerson(mikkel_, 10);
  ASSERT_TRUE(IsOk(for_mikkel));
  EXPECT_TRUE(for_mikkel->empty());
}

TEST_F(ObservationsTest, AnUnknownAreaLeavesNothingStored) {
  auto ids = store_->AddObservations({SeenTogether({mikkel_}), SeenTogether({sofie_}, "vesterbro")});
  EXPECT_TRUE(IsError(ids, ErrorCode::kInvalidArgument, "observations[1].area_id"));
  EXPECT_EQ(*store_->CountObservations(), 0);
}

TEST_F(ObservationsTest, AnInvalidObservationIsRejectedBeforeStoring) {
  Observation repeated = SeenTogether({mikkel_, mikkel_});
  auto ids = store_->AddObservations({SeenTogether({sofie_}), repeated});
  EXPECT_TRUE(IsError(ids, ErrorCode::kInvalidArgument, "observations[1].person_ids"));
  EXPECT_EQ(*store_->CountObservations(), 0);
}

TEST_F(ObservationsTest, ABulkLoadBuildsThePersonLinksAtItsEnd) {
  ASSERT_TRUE(IsOk(store_->AddObservations({SeenTogether({mikkel_})})));  // before: linked at once
  ASSERT_TRUE(IsOk(store_->BeginBulkLoad()));
  ASSERT_TRUE(IsOk(store_->AddObservations({SeenTogether({mikkel_, sofie_}), SeenTogether({sofie_})})));
  EXPECT_EQ(SeenCount(mikkel_), 1u);  // the new links are not there yet
  ASSERT_TRUE(IsOk(store_->EndBulkLoad()));
  EXPECT_EQ(SeenCount(mikkel_), 2u);
  EXPECT_EQ(SeenCount(sofie_), 2u);
  EXPECT_EQ(*store_->CountObservations(), 3);
}

TEST_F(ObservationsTest, ABulkLoadStillRefusesUnknownPersons) {
  ASSERT_TRUE(IsOk(store_->BeginBulkLoad()));
  auto ids = store_->AddObservations({SeenTogether({sofie_}), SeenTogether({mikkel_, 4242})});
  EXPECT_TRUE(IsError(ids, ErrorCode::kInvalidArgument, "observations[1].person_ids"));
  ASSERT_TRUE(IsOk(store_->EndBulkLoad()));
  EXPECT_EQ(*store_->CountObservations(), 0);
}

TEST_F(ObservationsTest, BulkLoadsDoNotNest) {
  EXPECT_TRUE(IsError(store_->EndBulkLoad(), ErrorCode::kFailedPrecondition));
  ASSERT_TRUE(IsOk(store_->BeginBulkLoad()));
  EXPECT_TRUE(IsError(store_->BeginBulkLoad(), ErrorCode::kFailedPrecondition));
  EXPECT_TRUE(IsOk(store_->EndBulkLoad()));
}

TEST_F(ObservationsTest, ABulkLoadRunningElsewhereIsLeftAlone) {
  ASSERT_TRUE(IsOk(store_->BeginBulkLoad()));
  ASSERT_TRUE(IsOk(store_->AddObservations({SeenTogether({mikkel_, sofie_})})));
  // Another open of the same database, e.g. `trygnet indicators` during a national demo.
  auto other = SqliteStore::Open(DatabasePath(), *key_, clock_);
  ASSERT_TRUE(IsOk(other));
  EXPECT_TRUE(IsError((*other)->BeginBulkLoad(), ErrorCode::kFailedPrecondition));
  other->reset();
  // The load goes on undisturbed and ends normally.
  ASSERT_TRUE(IsOk(store_->AddObservations({SeenTogether({sofie_})})));
  ASSERT_TRUE(IsOk(store_->EndBulkLoad()));
  EXPECT_EQ(SeenCount(sofie_), 2u);
}

TEST_F(ObservationsTest, AnInterruptedBulkLoadIsFinishedOnTheNextOpen) {
  ASSERT_TRUE(IsOk(store_->BeginBulkLoad()));
  ASSERT_TRUE(IsOk(store_->AddObservations({SeenTogether({mikkel_, sofie_})})));
  Reopen();  // as after a crash: the bulk load was never ended
  EXPECT_EQ(SeenCount(mikkel_), 1u);
  EXPECT_EQ(SeenCount(sofie_), 1u);
  EXPECT_TRUE(IsError(store_->EndBulkLoad(), ErrorCode::kFailedPrecondition));  // nothing left open
}

}  // namespace
}  // namespace trygnet

namespace trygnet {
namespace {

TEST_F(ObservationsTest, RecordHoldersNameWhoKeepsSomethingAboutAPerson) {
  auto before = store_->RecordHoldersOfPerson(mikkel_);
  ASSERT_TRUE(IsOk(before));
  EXPECT_FALSE(before->observed);
  EXPECT_FALSE(before->registered);
  EXPECT_TRUE(before->case_unit_ids.empty());
  ASSERT_TRUE(IsOk(store_->AddObservations({SeenTogether({mikkel_, sofie_})})));
  EXPECT_TRUE(store_->RecordHoldersOfPerson(mikkel_)->observed);
  EXPECT_TRUE(IsError(store_->RecordHoldersOfPerson(999999), ErrorCode::kNotFound));
}

}  // namespace
}  // namespace trygnet
