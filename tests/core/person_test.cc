#include "core/person.h"

#include <gtest/gtest.h>

#include "core/core_test_support.h"

namespace trygnet {
namespace {

using testing::D;
using testing::IsError;

Person MikkelTestesen() {
  Person person;
  person.identity.given_name = "Mikkel";
  person.identity.family_name = "Testesen";
  person.identity.cpr = *CprNumber::Parse("010190-1238");
  person.identity.birth_date = D("1990-01-01");
  person.residence_area_id = "mjolnerparken";
  return person;
}

TEST(ValidatePerson, AcceptsAConsistentPerson) { EXPECT_TRUE(ValidatePerson(MikkelTestesen(), D("2017-06-01")).ok()); }

TEST(ValidatePerson, AcceptsAPersonWithoutCprNumber) {
  Person person = MikkelTestesen();
  person.identity.cpr.reset();
  person.identity.birth_date = D("1991-07-14");
  person.residence_area_id.clear();
  EXPECT_TRUE(ValidatePerson(person, D("2017-06-01")).ok());
}

TEST(ValidatePerson, RequiresNames) {
  Person no_given = MikkelTestesen();
  no_given.identity.given_name = " ";
  EXPECT_TRUE(IsError(ValidatePerson(no_given, D("2017-06-01")), ErrorCode::kInvalidArgument, "given_name"));
  Person no_family = MikkelTestesen();
  no_family.identity.family_name.clear();
  EXPECT_TRUE(IsError(ValidatePerson(no_family, D("2017-06-01")), ErrorCode::kInvalidArgument, "family_name"));
}

TEST(ValidatePerson, BirthDateMustMatchTheCprNumber) {
  Person person = MikkelTestesen();
  person.identity.birth_date = D("1990-01-02");
  auto status = ValidatePerson(person, D("2017-06-01"));
  ASSERT_TRUE(IsError(status, ErrorCode::kInvalidArgument, "birth_date"));
  EXPECT_NE(status.error().message.find("1990-01-01"), std::string::npos);
}

TEST(ValidatePerson, BirthDateMustNotBeInTheFuture) {
  Person person = MikkelTestesen();
  person.identity.cpr.reset();
  person.identity.birth_date = D("2017-06-02");
  EXPECT_TRUE(IsError(ValidatePerson(person, D("2017-06-01")), ErrorCode::kInvalidArgument, "birth_date"));
  person.identity.birth_date = D("2017-06-01");
  EXPECT_TRUE(ValidatePerson(person, D("2017-06-01")).ok());
}

TEST(ValidatePerson, ResidenceAreaMustBeAnIdentifier) {
  Person person = MikkelTestesen();
  person.residence_area_id = "Mjølnerparken";
  EXPECT_TRUE(IsError(ValidatePerson(person, D("2017-06-01")), ErrorCode::kInvalidArgument, "residence_area_id"));
}

TEST(Person, DerivesAgeAndFullName) {
  Person person = MikkelTestesen();
  person.identity.birth_date = D("2000-02-29");
  EXPECT_EQ(person.FullName(), "Mikkel Testesen");
  EXPECT_EQ(person.AgeAt(D("2018-02-28")), 17);
  EXPECT_TRUE(person.IsUnder18At(D("2018-02-28")));
  EXPECT_FALSE(person.IsUnder18At(D("2018-03-01")));
}

}  // namespace
}  // namespace trygnet
