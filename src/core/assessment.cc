#include "core/assessment.h"

#include <algorithm>

#include "core/text_rules.h"

namespace trygnet {

Status ValidateAssessment(const Assessment& assessment) {
  if (assessment.case_id <= 0) return InvalidArgument("case_id", "must name a stored case");
  if (assessment.version < 1) return InvalidArgument("version", "must be 1 or higher");
  TRY_STATUS(OptionalText("life_situation.school", assessment.life_situation.school));
  TRY_STATUS(OptionalText("life_situation.job", assessment.life_situation.job));
  TRY_STATUS(OptionalText("life_situation.housing", assessment.life_situation.housing));
  TRY_STATUS(OptionalText("life_situation.family", assessment.life_situation.family));
  for (size_t idx = 0; idx < assessment.risk_factors.size(); ++idx) {
    TRY_STATUS(RequireText("risk_factors[" + std::to_string(idx) + "]", assessment.risk_factors[idx]));
  }
  for (size_t idx = 0; idx < assessment.protective_factors.size(); ++idx) {
    TRY_STATUS(RequireText("protective_factors[" + std::to_string(idx) + "]", assessment.protective_factors[idx]));
  }
  TRY_STATUS(OptionalText("criminal_history", assessment.criminal_history));
  TRY_STATUS(OptionalText("network_summary", assessment.network_summary));
  std::vector<std::string> units = assessment.participant_unit_ids;
  for (size_t idx = 0; idx < units.size(); ++idx) {
    TRY_STATUS(RequireIdentifier("participant_unit_ids[" + std::to_string(idx) + "]", units[idx]));
  }
  std::sort(units.begin(), units.end());
  units.erase(std::unique(units.begin(), units.end()), units.end());
  if (units.size() < 2) {
    return InvalidArgument("participant_unit_ids", "a joint assessment needs participants from at least two units");
  }
  TRY_STATUS(RequireIdentifier("recorded_by", assessment.recorded_by));
  return OkStatus();
}

}  // namespace trygnet
