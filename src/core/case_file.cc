#include "core/case_file.h"

#include <array>

#include "core/enum_names.h"
#include "core/text_rules.h"

namespace trygnet {
namespace {
constexpr std::array<std::pair<CaseTrack, std::string_view>, 4> kTracks{{
    {CaseTrack::kUnder18Ssp, "under18_ssp"},
    {CaseTrack::kOver18SspPlus, "over18_ssp_plus"},
    {CaseTrack::kExit, "exit"},
    {CaseTrack::kInvestigation, "investigation"},
}};
constexpr std::array<std::pair<CaseFlag, std::string_view>, 2> kFlags{{
    {CaseFlag::kLeadingMember, "leading_member"},
    {CaseFlag::kExitMotivated, "exit_motivated"},
}};
}  // namespace

std::string_view CaseTrackName(CaseTrack track) { return EnumName<CaseTrack>(kTracks, track); }
Result<CaseTrack> ParseCaseTrack(std::string_view text, std::string_view field) {
  return ParseEnum<CaseTrack>(kTracks, text, field);
}

std::string_view CaseFlagName(CaseFlag flag) { return EnumName<CaseFlag>(kFlags, flag); }
Result<CaseFlag> ParseCaseFlag(std::string_view text, std::string_view field) {
  return ParseEnum<CaseFlag>(kFlags, text, field);
}

void SetFlag(TargetGroupFlags& flags, CaseFlag flag, bool value) {
  switch (flag) {
    case CaseFlag::kLeadingMember:
      flags.leading_member = value;
      return;
    case CaseFlag::kExitMotivated:
      flags.exit_motivated = value;
      return;
  }
}

Status ValidateCaseFlagChange(const CaseFlagChange& change) {
  if (change.case_id <= 0) return InvalidArgument("case_id", "must name a stored case");
  TRY_STATUS(RequireText("reason", change.reason, kMaxTextLength));
  TRY_STATUS(RequireIdentifier("set_by", change.set_by));
  return RequireIdentifier("set_by_unit_id", change.set_by_unit_id);
}

Status ValidateCase(const CaseFile& case_file, int age_at_opening) {
  if (case_file.person_id <= 0) return InvalidArgument("person_id", "must name a stored person");
  TRY_STATUS(RequireIdentifier("partnership_id", case_file.partnership_id));
  TRY_STATUS(RequireIdentifier("owning_unit_id", case_file.owning_unit_id));
  // A user, or "rule:<trigger id>" when a trigger rule opened it.
  std::string_view opener = case_file.opened_by;
  if (opener.starts_with(kOpenedByRulePrefix)) opener.remove_prefix(kOpenedByRulePrefix.size());
  TRY_STATUS(RequireIdentifier("opened_by", opener));
  if (case_file.level < kMinCaseLevel || case_file.level > kMaxCaseLevel) {
    return InvalidArgument("level", "must be between 1 and 3 (enkeltsag level)");
  }
  if (case_file.track == CaseTrack::kUnder18Ssp && age_at_opening >= 18) {
    return InvalidArgument("track", "under18_ssp is for persons under 18 when the case opens (age " +
                                        std::to_string(age_at_opening) + ")");
  }
  if (case_file.track == CaseTrack::kOver18SspPlus && age_at_opening < 18) {
    return InvalidArgument("track", "over18_ssp_plus is for persons 18 or older when the case opens (age " +
                                        std::to_string(age_at_opening) + ")");
  }
  if (case_file.closed_on) {
    if (*case_file.closed_on < case_file.opened_on) return InvalidArgument("closed_on", "is before the case opened");
    TRY_STATUS(RequireText("close_reason", case_file.close_reason, kMaxTextLength));
  }
  return OkStatus();
}

}  // namespace trygnet
