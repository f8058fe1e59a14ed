#include "core/assessment.h"

#include <gtest/gtest.h>

#include "core/core_test_support.h"
#include "core/text_rules.h"

namespace trygnet {
namespace {

using testing::D;
using testing::IsError;

Assessment JointAssessment() {
  Assessment assessment;
  assessment.case_id = 12;
  assessment.assessed_on = D("2017-05-10");
  assessment.life_situation = {"9. klasse, højt fravær", "Ingen", "Bor hjemme", "Mor og to søskende"};
  assessment.risk_factors = {"Ses med ældre medlemmer af Gruppe Nordlys"};
  assessment.protective_factors = {"Spiller fodbold i lokal klub"};
  assessment.participant_unit_ids = {"ssp", "dks"};
  assessment.recorded_by = "ssp-caseworker";
  return assessment;
}

TEST(ValidateAssessment, AcceptsAJointAssessment) { EXPECT_TRUE(ValidateAssessment(JointAssessment()).ok()); }

TEST(ValidateAssessment, NeedsTwoDistinctUnits) {
  Assessment assessment = JointAssessment();
  assessment.participant_unit_ids = {"ssp"};
  EXPECT_TRUE(IsError(ValidateAssessment(assessment), ErrorCode::kInvalidArgument, "participant_unit_ids"));
  assessment.participant_unit_ids = {"ssp", "ssp"};
  EXPECT_TRUE(IsError(ValidateAssessment(assessment), ErrorCode::kInvalidArgument, "participant_unit_ids"));
  assessment.participant_unit_ids = {"ssp", "ssp", "eas"};
  EXPECT_TRUE(ValidateAssessment(assessment).ok());
}

TEST(ValidateAssessment, UnitsAreIdentifiers) {
  Assessment assessment = JointAssessment();
  assessment.participant_unit_ids = {"ssp", "Sikker By"};
  EXPECT_TRUE(IsError(ValidateAssessment(assessment), ErrorCode::kInvalidArgument, "participant_unit_ids[1]"));
}

TEST(ValidateAssessment, RequiresCaseVersionAndRecorder) {
  Assessment assessment = JointAssessment();
  assessment.case_id = 0;
  EXPECT_TRUE(IsError(ValidateAssessment(assessment), ErrorCode::kInvalidArgument, "case_id"));
  assessment = JointAssessment();
  assessment.version = 0;
  EXPECT_TRUE(IsError(ValidateAssessment(assessment), ErrorCode::kInvalidArgument, "version"));
  assessment = JointAssessment();
  assessment.recorded_by = "";
  EXPECT_TRUE(IsError(ValidateAssessment(assessment), ErrorCode::kInvalidArgument, "recorded_by"));
}

TEST(ValidateAssessment, ChecksTheTextFields) {
  Assessment assessment = JointAssessment();
  assessment.risk_factors.push_back("");
  EXPECT_TRUE(IsError(ValidateAssessment(assessment), ErrorCode::kInvalidArgument, "risk_factors[1]"));
  assessment = JointAssessment();
  assessment.protective_factors = {" "};
  EXPECT_TRUE(IsError(ValidateAssessment(assessment), ErrorCode::kInvalidArgument, "protective_factors[0]"));
  assessment = JointAssessment();
  assessment.life_situation.school = "\xC0\xAF";
  EXPECT_TRUE(IsError(ValidateAssessment(assessment), ErrorCode::kInvalidArgument, "life_situation.school"));
  assessment = JointAssessment();
  assessment.criminal_history = std::string(kMaxTextLength + 1, 'x');
  EXPECT_TRUE(IsError(ValidateAssessment(assessment), ErrorCode::kInvalidArgument, "criminal_history"));
}

}  // namespace
}  // namespace trygnet
