// Shared set-up for the store tests: a fresh temporary directory with a key
// file and an SQLite database, a fixed clock, the Nørrebro partnership and a
// few fictional persons and groups built in code.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/core_test_support.h"
#include "definition/partnership_loader.h"
#include "store/key_file.h"
#include "store/sqlite/sqlite_store.h"
#include "support/temp_dir.h"

namespace trygnet::testing {

inline const RegistrationPolicy kNorrebroPolicy{2, 12, 36, ""};

class StoreTest : public ::testing::Test {
 protected:
  StoreTest() : clock_(T("2017-06-01T10:00:00Z")) {}

  void SetUp() override {
    auto key = CreateKeyFile(KeyPath());
    ASSERT_TRUE(IsOk(key));
    key_.emplace(*key);
    Reopen(/*create=*/true);
  }

  std::string KeyPath() const { return dir_.File("trygnet.key"); }
  std::string DatabasePath() const { return dir_.File("trygnet.db"); }

  void Reopen(bool create = false) {
    store_.reset();
    auto opened = SqliteStore::Open(DatabasePath(), *key_, clock_, SqliteOpenOptions{create});
    ASSERT_TRUE(IsOk(opened));
    store_ = std::move(opened).value();
  }

  // Loads partnerships/norrebro-2017.toml through the definition loader.
  void LoadNorrebro() {
    PartnershipLoad load = LoadPartnershipFile(TRYGNET_SOURCE_DIR "/partnerships/norrebro-2017.toml");
    ASSERT_TRUE(load.ok()) << load.problems.front().ToString();
    ASSERT_TRUE(IsOk(store_->SavePartnership(*load.partnership, load.source_text)));
  }

  static Person MakePerson(std::string given, std::string family, std::string_view cpr, std::string area = "") {
    Person person;
    person.identity.given_name = std::move(given);
    person.identity.family_name = std::move(family);
    auto parsed = CprNumber::Parse(cpr);
    EXPECT_TRUE(parsed.ok()) << cpr;
    if (parsed.ok()) {
      person.identity.cpr = *parsed;
      person.identity.birth_date = parsed->birth_date();
    }
    person.residence_area_id = std::move(area);
    return person;
  }

  PersonId AddPerson(const Person& person) {
    auto id = store_->AddPerson(person);
    EXPECT_TRUE(IsOk(id));
    return id.ok() ? *id : 0;
  }

  GroupId AddGroup(std::string name) {
    Group group;
    group.name = std::move(name);
    auto id = store_->AddGroup(group);
    EXPECT_TRUE(IsOk(id));
    return id.ok() ? *id : 0;
  }

  // A validated member registration, valid from 2017-03-01, for the Nørrebro partnership.
  static Registration MemberRegistration(PersonId person_id, GroupId group_id) {
    Registration registration;
    registration.partnership_id = "norrebro-2017";
    registration.person_id = person_id;
    registration.group_id = group_id;
    registration.role = RegistrationRole::kMember;
    registration.criteria = {{"intelligence", "EAS-2017-0012", D("2017-02-01")},
                             {"seen_with_members", "Rapport 17-0456", D("2017-02-20")}};
    registration.justification = "Set sammen med kendte medlemmer ved to kontroller.";
    registration.registering_officer = "eas-officer-a";
    registration.validating_officer = "eas-officer-b";
    registration.validated_on = D("2017-03-05");
    registration.valid_from = D("2017-03-01");
    return registration;
  }

  TempDir dir_;
  FixedClock clock_;
  std::optional<MasterKey> key_;
  std::unique_ptr<SqliteStore> store_;
};

}  // namespace trygnet::testing
