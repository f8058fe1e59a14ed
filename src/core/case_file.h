// A case (sag / enkeltsag): one person within a partnership, on a track, at a
// level, owned by a unit, with the target-group flags of [p.7].
// (The file is case_file.h because `case` is a C++ keyword.)
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/error.h"
#include "core/person.h"

namespace trygnet {

using CaseId = int64_t;

enum class CaseTrack { kUnder18Ssp, kOver18SspPlus, kExit, kInvestigation };
std::string_view CaseTrackName(CaseTrack track);
Result<CaseTrack> ParseCaseTrack(std::string_view text, std::string_view field);

// Target groups for specific measures [p.7].
struct TargetGroupFlags {
  bool first_contact = false;  // first contact with known members, no earlier relation
  bool arrested_remanded_imprisoned = false;
  bool leading_member = false;  // set by a named user with a reason
  bool exit_motivated = false;  // set by a named user with a reason
};

struct CaseFile {
  CaseId id = 0;
  PersonId person_id = 0;
  std::string partnership_id;
  CaseTrack track = CaseTrack::kUnder18Ssp;
  int level = 1;  // enkeltsag level 1–3
  std::string owning_unit_id;
  TargetGroupFlags flags;
  Date opened_on;
  std::optional<Date> closed_on;
  std::string close_reason;
  std::string opened_by;
  Timestamp recorded_at;

  bool IsOpenOn(Date on) const { return opened_on <= on && (!closed_on || on < *closed_on); }
};

// The target-group flags that a named user sets with a reason [p.7]; the
// others are derived from recorded facts (the trigger rules).
enum class CaseFlag { kLeadingMember, kExitMotivated };
std::string_view CaseFlagName(CaseFlag flag);
Result<CaseFlag> ParseCaseFlag(std::string_view text, std::string_view field);
void SetFlag(TargetGroupFlags& flags, CaseFlag flag, bool value);

// One setting or clearing of a flag: who, when, why. Kept as history.
struct CaseFlagChange {
  int64_t id = 0;
  CaseId case_id = 0;
  CaseFlag flag = CaseFlag::kLeadingMember;
  bool value = true;
  std::string reason;
  Date set_on;
  std::string set_by;
  std::string set_by_unit_id;
  Timestamp recorded_at;
};

// A reason in words, a named user and unit.
Status ValidateCaseFlagChange(const CaseFlagChange& change);

inline constexpr std::string_view kOpenedByRulePrefix = "rule:";
inline constexpr int kMinCaseLevel = 1;
inline constexpr int kMaxCaseLevel = 3;

// Level in range, track fits the person's age when the case opens (the
// under-18 track only for under-18s, the SSP+ track only for adults), closing
// after opening and with a reason.
Status ValidateCase(const CaseFile& case_file, int age_at_opening);

}  // namespace trygnet
