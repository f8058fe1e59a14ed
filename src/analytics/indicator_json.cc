#include "analytics/indicator_json.h"

namespace trygnet {

nlohmann::json IndicatorJson(const IndicatorValue& value) {
  const IndicatorDefinition& definition = *value.definition;
  nlohmann::json item = {{"id", definition.id},
                         {"name", definition.name},
                         {"name_en", definition.name_en},
                         {"unit", IndicatorUnitName(definition.unit)},
                         {"computation", definition.computation},
                         {"value", value.value ? nlohmann::json(*value.value) : nlohmann::json(nullptr)},
                         {"period_from", value.period_from.ToString()},
                         {"period_to", value.period_to.ToString()},
                         {"explanation", value.explanation}};
  if (!definition.area_id.empty()) item["area"] = definition.area_id;
  if (definition.baseline) {
    item["baseline"] = {{"value", definition.baseline->value},
                        {"date", definition.baseline->date.ToString()},
                        {"source", definition.baseline->source},
                        {"note", definition.baseline->note}};
  }
  return item;
}

}  // namespace trygnet
