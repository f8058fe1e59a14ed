// One demo server shared by the tests of a suite (generating the demo data
// takes seconds), with demo persons chosen for what the tests need.
#pragma once

#include "http_test_support.h"

namespace trygnet::testing {

struct DemoPersons {
  PersonId police_only = 0;  // registered; no case, no disclosure: police data only
  PersonId arrested = 0;     // registered, a case owned by a municipal unit, disclosed to EKI under § 115 a
  GroupId group = 0;
};

inline DemoPersons FindDemoPersons(Store& store) {
  DemoPersons found;
  for (PersonId id = 1; id <= 2000 && (!found.police_only || !found.arrested); ++id) {
    auto holders = store.RecordHoldersOfPerson(id);
    auto disclosures = store.DisclosuresForPerson(id);
    if (!holders.ok() || !disclosures.ok() || !holders->registered) continue;
    if (!found.police_only && holders->case_unit_ids.empty() && disclosures->empty()) found.police_only = id;
    bool to_eki = false;
    for (const Disclosure& disclosure : *disclosures) to_eki |= disclosure.to_unit_id == "eki";
    if (!found.arrested && to_eki && !holders->case_unit_ids.empty()) found.arrested = id;
  }
  auto groups = store.ListGroups();
  if (groups.ok() && !groups->empty()) found.group = groups->front().id;
  EXPECT_NE(found.police_only, 0);
  EXPECT_NE(found.arrested, 0);
  return found;
}

// A demo user's signed-in client (demo password, no second factor in a demo database).
inline HttpClient SignedIn(const TestServer& server, const std::string& username) {
  HttpClient client = server.Client();
  HttpResponse response = client.SignIn(username, std::string(auth::kDemoPassword));
  EXPECT_EQ(response.status, 200) << username << ": " << response.body;
  return client;
}

// A test suite sharing one demo server and its chosen persons.
class DemoServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = TestServer::Start(/*demo=*/true).release();
    persons_ = FindDemoPersons(server_->store());
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  inline static TestServer* server_ = nullptr;
  inline static DemoPersons persons_;
};

}  // namespace trygnet::testing
