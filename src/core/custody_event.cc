#include "core/custody_event.h"

#include <array>

#include "core/enum_names.h"
#include "core/text_rules.h"

namespace trygnet {
namespace {
constexpr std::array<std::pair<CustodyKind, std::string_view>, 4> kKinds{{
    {CustodyKind::kArrested, "arrested"},
    {CustodyKind::kRemanded, "remanded"},
    {CustodyKind::kImprisoned, "imprisoned"},
    {CustodyKind::kReleased, "released"},
}};
}  // namespace

std::string_view CustodyKindName(CustodyKind kind) { return EnumName<CustodyKind>(kKinds, kind); }
Result<CustodyKind> ParseCustodyKind(std::string_view text, std::string_view field) {
  return ParseEnum<CustodyKind>(kKinds, text, field);
}

bool TakesIntoCustody(CustodyKind kind) { return kind != CustodyKind::kReleased; }

Status ValidateCustodyEvent(const CustodyEvent& event, Date today) {
  if (event.person_id <= 0) return InvalidArgument("person_id", "must name a person");
  if (event.partnership_id.empty()) return InvalidArgument("partnership_id", "is required");
  if (today < event.occurred_on) return InvalidArgument("occurred_on", "must not be in the future");
  TRY_STATUS(OptionalText("note", event.note));
  return OkStatus();
}

}  // namespace trygnet
