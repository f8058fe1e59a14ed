#include "core/disclosure.h"

#include <gtest/gtest.h>

#include "core/core_test_support.h"

namespace trygnet {
namespace {

using testing::IsError;
using testing::T;

Disclosure PoliceToSsp() {
  Disclosure disclosure;
  disclosure.partnership_id = "norrebro-2017";
  disclosure.from_unit_id = "eas";
  disclosure.to_unit_id = "ssp";
  disclosure.person_id = 4;
  disclosure.data_categories = {"registration", "observation"};
  disclosure.legal_basis_id = "rpl-115";
  disclosure.purpose = "crime_prevention";
  disclosure.disclosed_by = "eas-analyst";
  disclosure.disclosed_at = T("2017-05-02T09:00:00Z");
  return disclosure;
}

TEST(ValidateDisclosure, AcceptsADisclosureUnderALegalBasis) { EXPECT_TRUE(ValidateDisclosure(PoliceToSsp()).ok()); }

TEST(ValidateDisclosure, MustCrossToAnotherUnit) {
  Disclosure disclosure = PoliceToSsp();
  disclosure.to_unit_id = "eas";
  EXPECT_TRUE(IsError(ValidateDisclosure(disclosure), ErrorCode::kInvalidArgument, "to_unit_id"));
}

TEST(ValidateDisclosure, NeedsADataCategory) {
  Disclosure disclosure = PoliceToSsp();
  disclosure.data_categories.clear();
  EXPECT_TRUE(IsError(ValidateDisclosure(disclosure), ErrorCode::kInvalidArgument, "data_categories"));
  disclosure.data_categories = {"registration", "Criminal History"};
  EXPECT_TRUE(IsError(ValidateDisclosure(disclosure), ErrorCode::kInvalidArgument, "data_categories[1]"));
  disclosure.data_categories = {"aggregate"};  // not personal data: nothing to disclose
  EXPECT_TRUE(IsError(ValidateDisclosure(disclosure), ErrorCode::kInvalidArgument, "data_categories[0]"));
}

TEST(ValidateDisclosure, NeedsPersonBasisPurposeAndDiscloser) {
  Disclosure disclosure = PoliceToSsp();
  disclosure.person_id = 0;
  EXPECT_TRUE(IsError(ValidateDisclosure(disclosure), ErrorCode::kInvalidArgument, "person_id"));
  disclosure = PoliceToSsp();
  disclosure.legal_basis_id = "";
  EXPECT_TRUE(IsError(ValidateDisclosure(disclosure), ErrorCode::kInvalidArgument, "legal_basis_id"));
  disclosure = PoliceToSsp();
  disclosure.purpose = "";
  EXPECT_TRUE(IsError(ValidateDisclosure(disclosure), ErrorCode::kInvalidArgument, "purpose"));
  disclosure = PoliceToSsp();
  disclosure.disclosed_by = "";
  EXPECT_TRUE(IsError(ValidateDisclosure(disclosure), ErrorCode::kInvalidArgument, "disclosed_by"));
  disclosure = PoliceToSsp();
  disclosure.from_unit_id = "";
  EXPECT_TRUE(IsError(ValidateDisclosure(disclosure), ErrorCode::kInvalidArgument, "from_unit_id"));
}

}  // namespace
}  // namespace trygnet
