#include "demo/generator.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "analytics/indicators.h"
#include "auth/password.h"
#include "auth/sign_in.h"
#include "demo/names.h"
#include "support/test_store.h"

namespace trygnet::demo {
namespace {

using testing::Day;
using testing::TestStore;

struct GeneratedDemo {
  explicit GeneratedDemo(uint64_t seed) : db(Timestamp::StartOf(Day(2015, 1, 1))) {
    auto generated = GenerateDemo(*db.store, db.clock, db.partnership, {seed, Scale::kCity},
                                  [](std::string_view, int64_t, int64_t) {});
    EXPECT_TRUE(generated.ok()) << generated.error().ToString();
    if (generated.ok()) summary = *generated;
  }
  TestStore db;
  DemoSummary summary;
};

// Generation takes a few seconds, so each data set is made on first use and
// shared by the tests of one process (ctest runs each test in its own).
class DemoGeneratorTest : public ::testing::Test {
 protected:
  static GeneratedDemo& First() { return Lazy(first_, 7); }
  static GeneratedDemo& SameSeed() { return Lazy(same_seed_, 7); }
  static GeneratedDemo& OtherSeed() { return Lazy(other_seed_, 8); }
  static void TearDownTestSuite() {
    first_.reset();
    same_seed_.reset();
    other_seed_.reset();
  }

 private:
  static GeneratedDemo& Lazy(std::unique_ptr<GeneratedDemo>& demo, uint64_t seed) {
    if (!demo) demo = std::make_unique<GeneratedDemo>(seed);
    return *demo;
  }
  static std::unique_ptr<GeneratedDemo> first_;
  static std::unique_ptr<GeneratedDemo> same_seed_;
  static std::unique_ptr<GeneratedDemo> other_seed_;
};
std::unique_ptr<GeneratedDemo> DemoGeneratorTest::first_;
std::unique_ptr<GeneratedDemo> DemoGeneratorTest::same_seed_;
std::unique_ptr<GeneratedDemo> DemoGeneratorTest::other_seed_;

TEST_F(DemoGeneratorTest, ExactlyTheBaselineIsActiveOnTheBaselineDate) {
  Timestamp now = Timestamp::StartOf(Day(2026, 1, 1));
  for (GeneratedDemo* demo : {&First(), &OtherSeed()}) {
    EXPECT_EQ(*CountRegisteredActiveMembers(*demo->db.store, "norrebro-2017", {BaselineDate(), now}),
              kBaselineActiveMembers);
  }
}

TEST_F(DemoGeneratorTest, LateRecordedRemovalsShowInTheBitemporalCount) {
  auto known_then =
      CountRegisteredActiveMembers(*First().db.store, "norrebro-2017", {BaselineDate(), EndOfDay(Day(2017, 4, 10))});
  EXPECT_EQ(*known_then, kBaselineActiveMembers + 3);
}

TEST_F(DemoGeneratorTest, RegisterChangesOverTime) {
  Timestamp now = Timestamp::StartOf(Day(2026, 1, 1));
  auto early = CountRegisteredActiveMembers(*First().db.store, "norrebro-2017", {Day(2015, 6, 30), now});
  auto late = CountRegisteredActiveMembers(*First().db.store, "norrebro-2017", {Day(2019, 6, 30), now});
  EXPECT_GT(*early, 0);
  EXPECT_NE(*early, kBaselineActiveMembers);
  EXPECT_NE(*late, kBaselineActiveMembers);
}

TEST_F(DemoGeneratorTest, SameSeedGivesSameData) {
  EXPECT_EQ(First().summary.persons, SameSeed().summary.persons);
  EXPECT_EQ(First().summary.registrations, SameSeed().summary.registrations);
  EXPECT_EQ(First().summary.cases, SameSeed().summary.cases);
  EXPECT_EQ(First().summary.measures, SameSeed().summary.measures);
  auto a = First().db.store->ListPersons({"", 0, 10000});
  auto b = SameSeed().db.store->ListPersons({"", 0, 10000});
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->size(), b->size());
  for (size_t person_idx = 0; person_idx < a->size(); ++person_idx) {
    EXPECT_EQ((*a)[person_idx].FullName(), (*b)[person_idx].FullName());
    EXPECT_EQ((*a)[person_idx].identity.cpr, (*b)[person_idx].identity.cpr);
    EXPECT_EQ((*a)[person_idx].residence_area_id, (*b)[person_idx].residence_area_id);
  }
  auto observations_a = First().db.store->ObservationsForPerson(1, 50);
  auto observations_b = SameSeed().db.store->ObservationsForPerson(1, 50);
  ASSERT_EQ(observations_a->size(), observations_b->size());
  for (size_t obs_idx = 0; obs_idx < observations_a->size(); ++obs_idx) {
    EXPECT_EQ((*observations_a)[obs_idx].observed_at, (*observations_b)[obs_idx].observed_at);
    EXPECT_EQ((*observations_a)[obs_idx].person_ids.size(), (*observations_b)[obs_idx].person_ids.size());
  }
}

TEST_F(DemoGeneratorTest, OtherSeedGivesOtherPeople) {
  auto a = First().db.store->ListPersons({"", 0, 50});
  auto b = OtherSeed().db.store->ListPersons({"", 0, 50});
  int same = 0;
  for (size_t person_idx = 0; person_idx < a->size(); ++person_idx) {
    same += (*a)[person_idx].identity.cpr == (*b)[person_idx].identity.cpr ? 1 : 0;
  }
  EXPECT_LT(same, 5);
}

TEST_F(DemoGeneratorTest, CprNumbersAreFictional) {
  auto persons = First().db.store->ListPersons({"", 0, 10000});
  ASSERT_TRUE(persons.ok());
  for (const Person& person : *persons) {
    ASSERT_TRUE(person.identity.cpr.has_value());
    // Valid format and date, but never a number issued to a real person born before 2007.
    EXPECT_FALSE(person.identity.cpr->PassesModulus11()) << person.identity.cpr->Formatted();
    EXPECT_LT(person.identity.birth_date, Day(2007, 1, 1));
    EXPECT_EQ(person.identity.cpr->birth_date(), person.identity.birth_date);
  }
}

TEST_F(DemoGeneratorTest, MarksTheDatabaseAsDemoAndFillsEveryKind) {
  EXPECT_TRUE(*First().db.store->IsDemo());
  const DemoSummary& summary = First().summary;
  EXPECT_EQ(summary.observations, SizeOf(Scale::kCity).observations);
  EXPECT_EQ(*First().db.store->CountObservations(), summary.observations);
  EXPECT_EQ(*First().db.store->CountPersons(), summary.persons);
  EXPECT_GT(summary.cases, 100);
  EXPECT_GT(summary.measures, summary.cases);
  EXPECT_GT(summary.incidents, 0);
  EXPECT_GT(summary.meetings, 20);
  EXPECT_GT(summary.disclosures, 0);
  EXPECT_EQ(summary.groups, 6);
  auto users = First().db.store->ListUsers();
  EXPECT_EQ(static_cast<int64_t>(users->size()), summary.users);
  // Every demo account opens with the documented demo password.
  for (const User& user : *users) {
    auto credentials = First().db.store->GetCredentials(user.username);
    ASSERT_TRUE(credentials.ok()) << user.username;
    EXPECT_TRUE(auth::VerifyPassword(credentials->password_hash, auth::kDemoPassword)) << user.username;
  }
}

// The partnership plan names the real groups of its time; no demo group name
// or alias may occur in it as a word. (The real names are deliberately not
// written in this repository, not even in a test.)
TEST_F(DemoGeneratorTest, GroupNamesAreFictional) {
  auto groups = First().db.store->ListGroups();
  ASSERT_TRUE(groups.ok());
  std::ifstream seed(std::string(TRYGNET_SOURCE_DIR) + "/../shared/seed/udmoentningsplan-2017.txt");
  if (!seed) GTEST_SKIP() << "the partnership plan (shared/seed) is not beside the repository";
  std::stringstream text;
  text << seed.rdbuf();
  std::string plan = " " + text.str() + " ";
  for (char& c : plan) {
    if (c == '(' || c == ')' || c == ',' || c == '.' || c == '\n' || c == '-') c = ' ';
  }
  for (const Group& group : *groups) {
    EXPECT_EQ(plan.find(" " + group.name + " "), std::string::npos) << group.name;
    for (const std::string& alias : group.aliases) {
      EXPECT_EQ(plan.find(" " + alias + " "), std::string::npos) << alias;
    }
  }
  // Lineage is kept: a split and a rename.
  int with_lineage = 0;
  for (const Group& group : *groups) with_lineage += group.lineage.empty() ? 0 : 1;
  EXPECT_EQ(with_lineage, 2);
}

TEST(DemoGenerator, RefusesANonEmptyStore) {
  TestStore db(Timestamp::StartOf(Day(2015, 1, 1)));
  Person person;
  person.identity = {"Hans", "Testesen", std::nullopt, Day(1990, 1, 1)};
  ASSERT_TRUE(db.store->AddPerson(person).ok());
  auto generated = GenerateDemo(*db.store, db.clock, db.partnership, {}, [](std::string_view, int64_t, int64_t) {});
  ASSERT_FALSE(generated.ok());
  EXPECT_EQ(generated.error().code, ErrorCode::kFailedPrecondition);
}

TEST(DemoRandom, IsDeterministicAndBounded) {
  Random a(42), b(42);
  for (int draw = 0; draw < 1000; ++draw) {
    int64_t value = a.Between(3, 9);
    EXPECT_EQ(value, b.Between(3, 9));
    EXPECT_GE(value, 3);
    EXPECT_LE(value, 9);
  }
  EXPECT_EQ(Random(1).Next(), Random(1).Next());
  EXPECT_NE(Random(1).Next(), Random(2).Next());
}

}  // namespace
}  // namespace trygnet::demo
