#include "core/area.h"

#include <array>

#include "core/enum_names.h"
#include "core/text_rules.h"

namespace trygnet {
namespace {
constexpr std::array<std::pair<AreaKind, std::string_view>, 3> kAreaKinds{{
    {AreaKind::kDistrict, "district"},
    {AreaKind::kFocusArea, "focus_area"},
    {AreaKind::kOther, "other"},
}};
}  // namespace

std::string_view AreaKindName(AreaKind kind) { return EnumName<AreaKind>(kAreaKinds, kind); }
Result<AreaKind> ParseAreaKind(std::string_view text, std::string_view field) {
  return ParseEnum<AreaKind>(kAreaKinds, text, field);
}

bool Area::InFocusOn(Date on) const {
  for (const FocusPeriod& period : focus) {
    if (period.from <= on && (!period.to || on < *period.to)) return true;
  }
  return false;
}

Status ValidateArea(const Area& area) {
  TRY_STATUS(RequireIdentifier("id", area.id));
  TRY_STATUS(RequireText("name", area.name));
  if (!area.parent_id.empty()) {
    TRY_STATUS(RequireIdentifier("parent", area.parent_id));
    if (area.parent_id == area.id) return InvalidArgument("parent", "an area cannot be its own parent");
  }
  if (area.outline.size() < 3) {
    return InvalidArgument("outline", "needs at least three points (lon, lat)");
  }
  for (size_t point_idx = 0; point_idx < area.outline.size(); ++point_idx) {
    const GeoPoint& point = area.outline[point_idx];
    if (!(point.lon >= -180 && point.lon <= 180 && point.lat >= -90 && point.lat <= 90)) {
      return InvalidArgument("outline[" + std::to_string(point_idx) + "]",
                             "is not a longitude/latitude pair in degrees");
    }
  }
  for (size_t period_idx = 0; period_idx < area.focus.size(); ++period_idx) {
    const FocusPeriod& period = area.focus[period_idx];
    std::string field = "focus[" + std::to_string(period_idx) + "]";
    if (period.to && *period.to <= period.from) {
      return InvalidArgument(field + ".to", "must be after 'from'");
    }
    TRY_STATUS(RequireText(field + ".decision", period.decision, kMaxTextLength));
    if (period_idx > 0) {
      const FocusPeriod& before = area.focus[period_idx - 1];
      if (!before.to || *before.to > period.from) {
        return InvalidArgument(field + ".from", "overlaps the previous focus period");
      }
    }
  }
  return OkStatus();
}

}  // namespace trygnet
