#include "policy/policy.h"

#include <gtest/gtest.h>

#include "definition/partnership_loader.h"

namespace trygnet::policy {
namespace {

const Partnership& Norrebro() {
  static const Partnership partnership = [] {
    PartnershipLoad load = LoadPartnershipFile(TRYGNET_SOURCE_DIR "/partnerships/norrebro-2017.toml");
    EXPECT_TRUE(load.ok());
    return *load.partnership;
  }();
  return partnership;
}

constexpr PersonId kPerson = 17;

Disclosure EasToSsp(std::vector<std::string> categories, std::string basis = "rpl-115",
                    std::string purpose = "crime_prevention", PersonId person = kPerson, std::string to = "ssp") {
  return Disclosure{1,
                    "norrebro-2017",
                    "eas",
                    std::move(to),
                    person,
                    std::move(categories),
                    std::move(basis),
                    std::move(purpose),
                    "eas-analyst",
                    Timestamp::FromUnixSeconds(1500000000)};
}

Resource PoliceData(DataCategory category, AgeGroup age = AgeGroup::kUnder18) {
  return Resource{category, kPerson, {"kbh-politi"}, age};
}

// One row of the authorization table: who, doing what to which data, with
// which disclosures on record, and what the policy must answer.
struct Case {
  const char* what;
  const char* unit;
  UserRole role;
  AccessAction action;
  Resource resource;
  std::vector<Disclosure> disclosures;
  bool allowed;
  Reason reason;
  const char* legal_basis = "";
};

std::vector<Case> Table() {
  using enum DataCategory;
  const AccessAction read = AccessAction::kRead, write = AccessAction::kWrite;
  return {
      {"police analyst reads a police registration",
       "eas",
       UserRole::kAnalyst,
       read,
       PoliceData(kRegistration),
       {},
       true,
       Reason::kOwnOrganisation},
      {"another police unit reads it too",
       "dks",
       UserRole::kCaseworker,
       read,
       PoliceData(kRegistration),
       {},
       true,
       Reason::kOwnOrganisation},
      {"police analyst records an observation",
       "eas",
       UserRole::kAnalyst,
       write,
       PoliceData(kObservation),
       {},
       true,
       Reason::kOwnOrganisation},
      {"SSP without a disclosure",
       "ssp",
       UserRole::kCaseworker,
       read,
       PoliceData(kRegistration),
       {},
       false,
       Reason::kNoDisclosure},
      {"SSP with a § 115 disclosure",
       "ssp",
       UserRole::kCaseworker,
       read,
       PoliceData(kRegistration),
       {EasToSsp({"registration"})},
       true,
       Reason::kDisclosure,
       "rpl-115"},
      {"disclosure for another purpose",
       "ssp",
       UserRole::kCaseworker,
       read,
       PoliceData(kRegistration),
       {EasToSsp({"registration"}, "rpl-115", "investigation")},
       false,
       Reason::kNoDisclosure},
      {"disclosure about another person",
       "ssp",
       UserRole::kCaseworker,
       read,
       PoliceData(kRegistration),
       {EasToSsp({"registration"}, "rpl-115", "crime_prevention", 99)},
       false,
       Reason::kNoDisclosure},
      {"disclosure to another unit",
       "ssp",
       UserRole::kCaseworker,
       read,
       PoliceData(kRegistration),
       {EasToSsp({"registration"}, "rpl-115", "crime_prevention", kPerson, "eki")},
       false,
       Reason::kNoDisclosure},
      {"disclosure of other data",
       "ssp",
       UserRole::kCaseworker,
       read,
       PoliceData(kObservation),
       {EasToSsp({"registration"})},
       false,
       Reason::kNoDisclosure},
      {"§ 115 a does not cover an under-18",
       "ssp",
       UserRole::kCaseworker,
       read,
       PoliceData(kRegistration),
       {EasToSsp({"registration"}, "rpl-115a")},
       false,
       Reason::kNoDisclosure},
      {"§ 115 a covers an over-18",
       "ssp",
       UserRole::kCaseworker,
       read,
       PoliceData(kRegistration, AgeGroup::kOver18),
       {EasToSsp({"registration"}, "rpl-115a")},
       true,
       Reason::kDisclosure,
       "rpl-115a"},
      {"an unknown legal basis covers nothing",
       "ssp",
       UserRole::kCaseworker,
       read,
       PoliceData(kRegistration),
       {EasToSsp({"registration"}, "rpl-999")},
       false,
       Reason::kNoDisclosure},
      {"a disclosure never lets the receiver change police data",
       "ssp",
       UserRole::kCaseworker,
       write,
       PoliceData(kCase),
       {EasToSsp({"case"})},
       false,
       Reason::kNotOwner},
      {"SSP writes its own case",
       "ssp",
       UserRole::kCaseworker,
       write,
       Resource{DataCategory::kCase, kPerson, {"kbh-kommune"}, AgeGroup::kUnder18},
       {},
       true,
       Reason::kOwnOrganisation},
      {"housing partner reads aggregates",
       "boligsocial",
       UserRole::kExternalPartner,
       read,
       Resource{DataCategory::kAggregate, std::nullopt, {}, AgeGroup::kOver18},
       {},
       true,
       Reason::kRoleGrants},
      {"housing partner asks for identity",
       "boligsocial",
       UserRole::kExternalPartner,
       read,
       PoliceData(kIdentity),
       {},
       false,
       Reason::kRoleNotPermitted},
      {"external unit with a caseworker role still gets no personal data",
       "boligsocial",
       UserRole::kCaseworker,
       read,
       PoliceData(kIdentity),
       {EasToSsp({"identity"}, "rpl-115", "crime_prevention", kPerson, "boligsocial")},
       false,
       Reason::kExternalAggregatesOnly},
      {"administrator has no personal data",
       "sikker-by",
       UserRole::kAdministrator,
       read,
       PoliceData(kRegistration),
       {},
       false,
       Reason::kRoleNotPermitted},
      {"administrator manages users",
       "sikker-by",
       UserRole::kAdministrator,
       write,
       Resource{DataCategory::kUserAdmin, std::nullopt, {}, AgeGroup::kOver18},
       {},
       true,
       Reason::kRoleGrants},
      {"auditor reads the audit log",
       "sikker-by",
       UserRole::kAuditor,
       read,
       Resource{DataCategory::kAudit, std::nullopt, {}, AgeGroup::kOver18},
       {},
       true,
       Reason::kRoleGrants},
      {"caseworker may not read the audit log",
       "ssp",
       UserRole::kCaseworker,
       read,
       Resource{DataCategory::kAudit, std::nullopt, {}, AgeGroup::kOver18},
       {},
       false,
       Reason::kRoleNotPermitted},
      {"a unit outside the partnership",
       "vesterbro-ssp",
       UserRole::kCaseworker,
       read,
       PoliceData(kRegistration),
       {},
       false,
       Reason::kUnknownUnit},
  };
}

TEST(Policy, AuthorizationTable) {
  for (const Case& row : Table()) {
    Subject subject{"someone", row.unit, {row.role}};
    Decision decision = May(Norrebro(), subject, row.action, row.resource, "crime_prevention", row.disclosures);
    EXPECT_EQ(decision.allowed, row.allowed) << row.what;
    EXPECT_EQ(ReasonName(decision.reason), ReasonName(row.reason)) << row.what;
    EXPECT_EQ(decision.legal_basis_id, row.legal_basis) << row.what;
    EXPECT_EQ(decision.explanation.empty(), decision.allowed) << row.what;
  }
}

TEST(Policy, ADisclosureOfAnotherPartnershipCountsForNothing) {
  Disclosure elsewhere = EasToSsp({"registration"});
  elsewhere.partnership_id = "amager-2019";
  Subject subject{"ssp-caseworker", "ssp", {UserRole::kCaseworker}};
  Decision decision = May(Norrebro(), subject, AccessAction::kRead, PoliceData(DataCategory::kRegistration),
                          "crime_prevention", {elsewhere});
  EXPECT_FALSE(decision.allowed);
  EXPECT_EQ(decision.reason, Reason::kNoDisclosure);
}

TEST(Policy, AnyOfSeveralRolesMayGrant) {
  Subject subject{"coordinator", "sikker-by", {UserRole::kSteeringMember, UserRole::kCoordinator}};
  Resource meeting{DataCategory::kMeeting, std::nullopt, {}, AgeGroup::kOver18};
  EXPECT_TRUE(May(Norrebro(), subject, AccessAction::kWrite, meeting, "administration", {}).allowed);
  subject.roles = {UserRole::kSteeringMember};
  EXPECT_FALSE(May(Norrebro(), subject, AccessAction::kWrite, meeting, "administration", {}).allowed);
}

TEST(LegalBasisPermits, ChecksEveryCondition) {
  const LegalBasis& rpl115 = Norrebro().legal_bases.front();
  ASSERT_EQ(rpl115.id, "rpl-115");
  EXPECT_TRUE(LegalBasisPermits(rpl115, UnitKind::kPolice, UnitKind::kMunicipal, "crime_prevention", AgeGroup::kUnder18,
                                DataCategory::kRegistration));
  EXPECT_FALSE(LegalBasisPermits(rpl115, UnitKind::kPolice, UnitKind::kExternal, "crime_prevention", AgeGroup::kUnder18,
                                 DataCategory::kRegistration));
  EXPECT_FALSE(LegalBasisPermits(rpl115, UnitKind::kExternal, UnitKind::kMunicipal, "crime_prevention",
                                 AgeGroup::kUnder18, DataCategory::kRegistration));
  EXPECT_FALSE(LegalBasisPermits(rpl115, UnitKind::kPolice, UnitKind::kMunicipal, "investigation", AgeGroup::kUnder18,
                                 DataCategory::kRegistration));
  EXPECT_FALSE(LegalBasisPermits(rpl115, UnitKind::kPolice, UnitKind::kMunicipal, "crime_prevention",
                                 AgeGroup::kUnder18, DataCategory::kDisclosure));
}

TEST(PolicyData, TheDefinitionRefusesPersonalDataForExternals) {
  Partnership partnership = Norrebro();
  partnership.legal_bases.front().to_kinds.push_back(UnitKind::kExternal);
  partnership.legal_bases.back().from_kinds.push_back(UnitKind::kExternal);
  for (RoleDefinition& role : partnership.roles) {
    if (role.role == UserRole::kExternalPartner) role.grants.push_back({AccessAction::kRead, DataCategory::kIdentity});
  }
  auto errors = ValidatePartnership(partnership);
  std::vector<std::string> fields;
  for (const Error& error : errors) fields.push_back(error.field);
  EXPECT_NE(std::find(fields.begin(), fields.end(), "legal_bases[0].to_kinds"), fields.end());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "legal_bases[1].from_kinds"), fields.end());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "roles[6].grants"), fields.end());
}

TEST(MayNameInNetwork, TheUninvolvedOnlyThroughADisclosure) {
  const Decision own{true, Reason::kOwnOrganisation, "", ""};
  const Decision disclosed{true, Reason::kDisclosure, "rpl-115", ""};
  const Decision denied{false, Reason::kNoDisclosure, "", ""};
  EXPECT_TRUE(MayNameInNetwork(own, /*registered=*/true, /*has_case=*/false));
  EXPECT_TRUE(MayNameInNetwork(own, false, true));
  EXPECT_FALSE(MayNameInNetwork(own, false, false));  // seen, but involved in nothing
  EXPECT_TRUE(MayNameInNetwork(disclosed, false, false));
  EXPECT_FALSE(MayNameInNetwork(denied, true, true));
}

}  // namespace
}  // namespace trygnet::policy
