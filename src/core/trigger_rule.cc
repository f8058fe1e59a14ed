#include "core/trigger_rule.h"

#include <array>

#include "core/enum_names.h"

namespace trygnet {
namespace {
constexpr std::array<std::pair<TriggerFact, std::string_view>, 3> kFacts{{
    {TriggerFact::kSeenWithMember, "seen_with_member"},
    {TriggerFact::kCustody, "custody"},
    {TriggerFact::kReviewDue, "review_due"},
}};
}  // namespace

std::string_view TriggerFactName(TriggerFact fact) { return EnumName<TriggerFact>(kFacts, fact); }
Result<TriggerFact> ParseTriggerFact(std::string_view text, std::string_view field) {
  return ParseEnum<TriggerFact>(kFacts, text, field);
}

}  // namespace trygnet
