#include "http/session_vocabulary.h"

#include <algorithm>
#include <set>
#include <string>

namespace trygnet::http {
namespace {

nlohmann::json Label(const std::string& id, const std::string& name, const std::string& name_en) {
  return {{"id", id}, {"name", name}, {"name_en", name_en}};
}

std::set<std::string> GrantsOf(const Partnership& partnership, const User& user) {
  std::set<std::string> grants;
  for (const RoleDefinition& role : partnership.roles) {
    if (std::find(user.roles.begin(), user.roles.end(), role.role) == user.roles.end()) continue;
    for (const Grant& grant : role.grants) {
      grants.insert(std::string(AccessActionName(grant.action)) + ":" + std::string(DataCategoryName(grant.category)));
    }
  }
  return grants;
}

}  // namespace

nlohmann::json SessionVocabulary(const Partnership* partnership, const User& user) {
  nlohmann::json vocabulary = {{"unit", nullptr},
                               {"units", nlohmann::json::array()},
                               {"areas", nlohmann::json::array()},
                               {"measure_types", nlohmann::json::array()},
                               {"partnership_period", nullptr},
                               {"purposes", nlohmann::json::array()},
                               {"grants", nlohmann::json::array()}};
  if (!partnership) return vocabulary;
  if (const Unit* unit = partnership->FindUnit(user.unit_id)) {
    vocabulary["unit"] = Label(unit->id, unit->name, unit->name_en);
  }
  for (const Unit& unit : partnership->units) vocabulary["units"].push_back(Label(unit.id, unit.name, unit.name_en));
  for (const Area& area : partnership->areas) {
    vocabulary["areas"].push_back(
        {{"id", area.id},
         {"name", area.name},
         {"kind", AreaKindName(area.kind)},
         {"parent_id", area.parent_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(area.parent_id)}});
  }
  for (const MeasureType& type : partnership->measure_types) {
    nlohmann::json item = Label(type.id, type.name, type.name_en);
    item["unit_ids"] = type.unit_ids;  // the units that carry it out
    vocabulary["measure_types"].push_back(std::move(item));
  }
  vocabulary["partnership_period"] = {{"from", partnership->period_from.ToString()},
                                      {"to", partnership->period_to.ToString()}};
  std::set<std::string> purposes;
  for (const LegalBasis& basis : partnership->legal_bases) purposes.insert(basis.purposes.begin(), basis.purposes.end());
  vocabulary["purposes"] = purposes;
  vocabulary["grants"] = GrantsOf(*partnership, user);
  return vocabulary;
}

}  // namespace trygnet::http
