// Computes a partnership's indicators as of a date and as known at an
// instant (DESIGN.md §3.5: a report regenerated later gives the same
// figures). How each indicator is counted lives here and only here.
// Thread-safety: uses the given Store, which belongs to one thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/partnership.h"
#include "store/store.h"

namespace trygnet {

struct IndicatorValue {
  const IndicatorDefinition* definition = nullptr;  // points into the partnership
  std::optional<double> value;                      // absent when nothing can be computed yet
  Date period_from;                                 // the counting period (as_of alone for stock figures)
  Date period_to;
  std::string explanation;  // what was counted, in English for logs and JSON
};

// Computes every indicator of `partnership` at `point`.
Result<std::vector<IndicatorValue>> ComputeIndicators(Store& store, const Partnership& partnership,
                                                      const BitemporalPoint& point);

// Computes one indicator of `partnership` at `point`.
Result<IndicatorValue> ComputeIndicator(Store& store, const Partnership& partnership,
                                        const IndicatorDefinition& definition, const BitemporalPoint& point);

// Persons with a validated gang-role registration of the partnership in effect on the date.
Result<int64_t> CountRegisteredActiveMembers(Store& store, const std::string& partnership_id,
                                             const BitemporalPoint& point);

}  // namespace trygnet
