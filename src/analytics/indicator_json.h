// The JSON form of a computed indicator, shared by `trygnet indicators --json`
// and GET /api/v1/indicators.
#pragma once

#include <nlohmann/json.hpp>

#include "analytics/indicators.h"

namespace trygnet {

nlohmann::json IndicatorJson(const IndicatorValue& value);

}  // namespace trygnet
