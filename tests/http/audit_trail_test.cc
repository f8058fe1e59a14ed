// Each read of personal data over HTTP leaves exactly one audit entry, with
// who, which unit, what, why and under which legal basis; the entry is
// durable before the answer; the chain stays intact and detects tampering.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "audit/chain_verifier.h"
#include "demo_server.h"

namespace trygnet::testing {
namespace {

class AuditTrailTest : public DemoServerTest {
 protected:
  static int64_t Count() { return server_->store().AuditAnchor()->count; }
  static audit::AuditEntry Last() {
    AuditQuery query;
    query.limit = 100000;
    query.from = server_->clock().Now().AddSeconds(-1);
    auto entries = server_->store().QueryAudit(query);
    return entries->back();
  }
  static Status VerifyChain() {
    audit::ChainVerifier verifier;
    TRY_STATUS(server_->store().ScanAudit([&](const audit::AuditEntry& entry) { return verifier.Next(entry); }));
    TRY_ASSIGN(audit::ChainAnchor anchor, server_->store().AuditAnchor());
    return verifier.Finish(anchor);
  }
};

TEST_F(AuditTrailTest, AnAllowedReadLeavesOneEntryWrittenBeforeTheAnswer) {
  HttpClient client = SignedIn(*server_, "eas-analyst");
  int64_t before = Count();
  HttpResponse response = client.Get("/api/v1/persons/" + std::to_string(persons_.police_only));
  ASSERT_EQ(response.status, 200);
  // Counted right after the answer arrived: the entry was already committed.
  EXPECT_EQ(Count(), before + 1);
  audit::AuditRecord record = Last().record;
  EXPECT_EQ(record.user, "eas-analyst");
  EXPECT_EQ(record.unit, "eas");
  EXPECT_EQ(record.action, "read");
  EXPECT_EQ(record.resource, "person/" + std::to_string(persons_.police_only));
  EXPECT_EQ(record.person_id, persons_.police_only);
  EXPECT_EQ(record.purpose, "crime_prevention");
  EXPECT_EQ(record.outcome, audit::Outcome::kAllowed);
}

TEST_F(AuditTrailTest, AReadThroughADisclosureNamesTheLegalBasis) {
  HttpClient client = SignedIn(*server_, "eki-caseworker");
  HttpResponse response = client.Get("/api/v1/persons/" + std::to_string(persons_.arrested) + "/registrations");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(Last().record.legal_basis, "rpl-115a");
}

TEST_F(AuditTrailTest, ADenialLeavesOneEntryWithItsReason) {
  HttpClient client = SignedIn(*server_, "ssp-caseworker");
  int64_t before = Count();
  HttpResponse response = client.Get("/api/v1/persons/" + std::to_string(persons_.police_only));
  ASSERT_EQ(response.status, 403);
  EXPECT_EQ(response.Json()["error"]["reason"], "no_disclosure");
  EXPECT_EQ(Count(), before + 1);
  EXPECT_EQ(Last().record.outcome, audit::Outcome::kDenied);
  EXPECT_EQ(Last().record.reason, "no_disclosure");
}

TEST_F(AuditTrailTest, AListLeavesOneEntryPerPersonShown) {
  HttpClient client = SignedIn(*server_, "eas-analyst");
  int64_t before = Count();
  HttpResponse response = client.Get("/api/v1/persons?limit=7");
  ASSERT_EQ(response.status, 200);
  size_t shown = response.Json()["items"].size();
  EXPECT_EQ(shown, 7u);
  EXPECT_EQ(Count(), before + static_cast<int64_t>(shown));
}

TEST_F(AuditTrailTest, AggregatesAndHealthLeaveNoEntry) {
  HttpClient client = SignedIn(*server_, "boligsocial-partner");
  int64_t before = Count();
  EXPECT_EQ(client.Get("/api/v1/indicators?as_of=2017-03-31").status, 200);
  EXPECT_EQ(client.Get("/healthz").status, 200);
  EXPECT_EQ(Count(), before);
}

TEST_F(AuditTrailTest, AWriteAndItsEntryCommitTogether) {
  HttpClient client = SignedIn(*server_, "eas-analyst");
  int64_t before = Count();
  HttpResponse created = client.Post("/api/v1/persons", {{"given_name", "Freja"},
                                                         {"family_name", "Eksempelsen"},
                                                         {"birth_date", "2003-09-09"},
                                                         {"residence_area_id", "mjolnerparken"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(Count(), before + 1);
  EXPECT_EQ(Last().record.action, "create");
  EXPECT_EQ(Last().record.person_id, created.Json()["id"].get<int64_t>());
  // A refused write leaves no person and no "create" entry.
  int64_t persons = *server_->store().CountPersons();
  HttpResponse refused = client.Post("/api/v1/persons", {{"given_name", "Freja"},
                                                         {"family_name", "Eksempelsen"},
                                                         {"birth_date", "2003-09-09"},
                                                         {"residence_area_id", "atlantis"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(*server_->store().CountPersons(), persons);
  EXPECT_EQ(Count(), before + 1);
}

TEST_F(AuditTrailTest, ManyConcurrentReadersAllGetTheirEntries) {
  int64_t before = Count();
  constexpr int kClients = 8, kReads = 25;
  std::vector<std::thread> threads;
  std::atomic<int> answered{0};
  for (int c = 0; c < kClients; ++c) {
    threads.emplace_back([&] {
      HttpClient client = SignedIn(*server_, "dks-officer");
      for (int i = 0; i < kReads; ++i) {
        if (client.Get("/api/v1/persons/" + std::to_string(1 + i)).status == 200) ++answered;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(answered, kClients * kReads);
  // Each sign-in is one entry too.
  EXPECT_EQ(Count(), before + kClients * kReads + kClients);
  EXPECT_TRUE(VerifyChain().ok());
}

TEST_F(AuditTrailTest, TamperingWithAnEntryIsDetected) {
  HttpClient client = SignedIn(*server_, "eas-analyst");
  ASSERT_EQ(client.Get("/api/v1/persons/3").status, 200);
  ASSERT_TRUE(VerifyChain().ok());
  audit::AuditEntry entry = Last();
  // Someone with access to the file rewrites who read a person, then puts it back.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(server_->db_path().c_str(), &db), SQLITE_OK);
  auto set_user = [&](const std::string& user) {
    std::string sql =
        "UPDATE audit_log SET user_name = '" + user + "' WHERE sequence = " + std::to_string(entry.sequence);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  };
  set_user("en-anden");
  Status verified = VerifyChain();
  set_user(entry.record.user);
  sqlite3_close(db);
  ASSERT_FALSE(verified.ok());
  EXPECT_NE(verified.error().message.find(std::to_string(entry.sequence)), std::string::npos)
      << verified.error().message;
  EXPECT_TRUE(VerifyChain().ok());
}

}  // namespace
}  // namespace trygnet::testing
