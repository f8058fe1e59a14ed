// A joint assessment (fælles vurdering) of a person in a case [p.9]: life
// situation, risk, criminal history and network, made by several units.
// Assessments are versioned: a revision is a new version, the old one stays.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/case_file.h"
#include "core/date.h"
#include "core/error.h"

namespace trygnet {

using AssessmentId = int64_t;

struct LifeSituation {
  std::string school;   // skole/uddannelse
  std::string job;      // beskæftigelse
  std::string housing;  // bolig
  std::string family;   // familie
};

struct Assessment {
  AssessmentId id = 0;
  CaseId case_id = 0;
  int version = 1;
  Date assessed_on;
  LifeSituation life_situation;
  std::vector<std::string> risk_factors;
  std::vector<std::string> protective_factors;
  std::string criminal_history;
  std::string network_summary;
  std::vector<std::string> participant_unit_ids;  // at least two distinct units: it is joint
  std::string recorded_by;
  Timestamp recorded_at;
};

Status ValidateAssessment(const Assessment& assessment);

}  // namespace trygnet
