#include "core/case_file.h"

#include <gtest/gtest.h>

#include "core/core_test_support.h"

namespace trygnet {
namespace {

using testing::D;
using testing::IsError;

CaseFile ConcernCase() {
  CaseFile case_file;
  case_file.person_id = 4;
  case_file.partnership_id = "norrebro-2017";
  case_file.track = CaseTrack::kUnder18Ssp;
  case_file.level = 1;
  case_file.owning_unit_id = "ssp";
  case_file.flags.first_contact = true;
  case_file.opened_on = D("2017-05-01");
  case_file.opened_by = "ssp-caseworker";
  return case_file;
}

TEST(ValidateCase, AcceptsAnUnder18Case) { EXPECT_TRUE(ValidateCase(ConcernCase(), 16).ok()); }

TEST(ValidateCase, Under18TrackOnlyForUnder18s) {
  EXPECT_TRUE(ValidateCase(ConcernCase(), 17).ok());
  auto status = ValidateCase(ConcernCase(), 18);
  ASSERT_TRUE(IsError(status, ErrorCode::kInvalidArgument, "track"));
  EXPECT_NE(status.error().message.find("age 18"), std::string::npos);
}

TEST(ValidateCase, SspPlusTrackOnlyForAdults) {
  CaseFile case_file = ConcernCase();
  case_file.track = CaseTrack::kOver18SspPlus;
  EXPECT_TRUE(IsError(ValidateCase(case_file, 17), ErrorCode::kInvalidArgument, "track"));
  EXPECT_TRUE(ValidateCase(case_file, 18).ok());
}

TEST(ValidateCase, ExitAndInvestigationTracksFitAnyAge) {
  CaseFile case_file = ConcernCase();
  for (CaseTrack track : {CaseTrack::kExit, CaseTrack::kInvestigation}) {
    case_file.track = track;
    EXPECT_TRUE(ValidateCase(case_file, 15).ok());
    EXPECT_TRUE(ValidateCase(case_file, 30).ok());
  }
}

TEST(ValidateCase, LevelIsOneToThree) {
  CaseFile case_file = ConcernCase();
  case_file.level = 0;
  EXPECT_TRUE(IsError(ValidateCase(case_file, 16), ErrorCode::kInvalidArgument, "level"));
  case_file.level = 4;
  EXPECT_TRUE(IsError(ValidateCase(case_file, 16), ErrorCode::kInvalidArgument, "level"));
  case_file.level = 3;
  EXPECT_TRUE(ValidateCase(case_file, 16).ok());
}

TEST(ValidateCase, RequiresPersonPartnershipUnitAndOpener) {
  CaseFile case_file = ConcernCase();
  case_file.person_id = 0;
  EXPECT_TRUE(IsError(ValidateCase(case_file, 16), ErrorCode::kInvalidArgument, "person_id"));
  case_file = ConcernCase();
  case_file.partnership_id = "";
  EXPECT_TRUE(IsError(ValidateCase(case_file, 16), ErrorCode::kInvalidArgument, "partnership_id"));
  case_file = ConcernCase();
  case_file.owning_unit_id = "SSP";
  EXPECT_TRUE(IsError(ValidateCase(case_file, 16), ErrorCode::kInvalidArgument, "owning_unit_id"));
  case_file = ConcernCase();
  case_file.opened_by = "";
  EXPECT_TRUE(IsError(ValidateCase(case_file, 16), ErrorCode::kInvalidArgument, "opened_by"));
}

TEST(ValidateCase, ClosingNeedsALaterDateAndAReason) {
  CaseFile case_file = ConcernCase();
  case_file.closed_on = D("2017-04-30");
  case_file.close_reason = "Afsluttet";
  EXPECT_TRUE(IsError(ValidateCase(case_file, 16), ErrorCode::kInvalidArgument, "closed_on"));
  case_file.closed_on = D("2017-08-01");
  case_file.close_reason = "";
  EXPECT_TRUE(IsError(ValidateCase(case_file, 16), ErrorCode::kInvalidArgument, "close_reason"));
  case_file.close_reason = "Bekymringssamtale gennemført";
  EXPECT_TRUE(ValidateCase(case_file, 16).ok());
}

TEST(CaseFile, IsOpenBetweenOpeningAndClosing) {
  CaseFile case_file = ConcernCase();
  case_file.closed_on = D("2017-08-01");
  EXPECT_FALSE(case_file.IsOpenOn(D("2017-04-30")));
  EXPECT_TRUE(case_file.IsOpenOn(D("2017-05-01")));
  EXPECT_TRUE(case_file.IsOpenOn(D("2017-07-31")));
  EXPECT_FALSE(case_file.IsOpenOn(D("2017-08-01")));
}

TEST(CaseTrack, RoundTripsItsNames) {
  for (CaseTrack track :
       {CaseTrack::kUnder18Ssp, CaseTrack::kOver18SspPlus, CaseTrack::kExit, CaseTrack::kInvestigation}) {
    EXPECT_EQ(*ParseCaseTrack(CaseTrackName(track), "track"), track);
  }
  EXPECT_TRUE(IsError(ParseCaseTrack("ssp", "track"), ErrorCode::kInvalidArgument, "track"));
}

}  // namespace
}  // namespace trygnet
