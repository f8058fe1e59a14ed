// A trigger rule (DESIGN.md J4): when a fact is recorded about a person, the
// partnership answers with measures by a deadline. The rules are data in the
// partnership definition ([[triggers]], docs/partnership-format.md); the C++
// knows only the kinds of fact and how to recognise them (src/triggers).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/case_file.h"
#include "core/custody_event.h"
#include "core/error.h"

namespace trygnet {

enum class TriggerFact {
  kSeenWithMember,  // observed together with a registered, active gang member [p.11]
  kCustody,         // a custody event of one of `custody_kinds` [p.12–13]
  kReviewDue,       // a registration whose review is due [p.8]
};
std::string_view TriggerFactName(TriggerFact fact);
Result<TriggerFact> ParseTriggerFact(std::string_view text, std::string_view field);

// One measure a rule creates.
struct TriggerMeasure {
  std::string measure_type_id;
  std::string unit_id;                // must be one of the measure type's units
  std::optional<int> deadline_days;  // from the fact's date; default: the type's
};

// The case a measure is documented in, opened when the person has none open.
struct TriggerCase {
  std::optional<CaseTrack> track;  // absent: under-18 SSP or over-18 SSP+ by age
  int level = 1;
  std::string unit_id;
};

struct TriggerRule {
  std::string id;
  std::string name;  // Danish
  std::string name_en;
  TriggerFact fact = TriggerFact::kSeenWithMember;
  std::optional<int> max_age;              // the person's age at the fact, inclusive (17: under 18)
  std::vector<CustodyKind> custody_kinds;  // kCustody only
  bool target_group_only = false;          // kCustody: only persons registered or with an open case
  int lookback_days = 30;                  // facts older than this on the run date are left alone
  int notice_days = 0;                     // kReviewDue: act this many days before the due date
  int repeat_after_days = 365;             // person facts: not again for a person within this many days
  std::optional<TriggerCase> open_case;
  std::vector<TriggerMeasure> measures;
};

inline constexpr int kMaxTriggerDays = 3650;

}  // namespace trygnet
