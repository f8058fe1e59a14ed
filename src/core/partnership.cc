#include "core/partnership.h"

#include <array>
#include <set>

#include "core/enum_names.h"
#include "core/text_rules.h"

namespace trygnet {
namespace {

constexpr std::array<std::pair<UnitKind, std::string_view>, 4> kUnitKinds{{
    {UnitKind::kPolice, "police"},
    {UnitKind::kMunicipal, "municipal"},
    {UnitKind::kPrisonService, "prison_service"},
    {UnitKind::kExternal, "external"},
}};

template <typename T>
const T* FindById(const std::vector<T>& items, std::string_view id) {
  for (const T& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

// Collects errors with their key paths instead of stopping at the first.
class Problems {
 public:
  explicit Problems(std::vector<Error>& sink) : sink_(sink) {}
  void Check(const std::string& prefix, const Status& status) {
    if (status.ok()) return;
    Error error = status.error();
    error.field = error.field.empty() ? prefix : (prefix.empty() ? error.field : prefix + "." + error.field);
    sink_.push_back(std::move(error));
  }
  void Add(std::string field, std::string message) {
    sink_.push_back(InvalidArgument(std::move(field), std::move(message)));
  }

 private:
  std::vector<Error>& sink_;
};

std::string At(std::string_view list, size_t idx) { return std::string(list) + "[" + std::to_string(idx) + "]"; }

template <typename T>
void CheckUniqueIds(Problems& problems, std::string_view list, const std::vector<T>& items) {
  std::set<std::string> seen;
  for (size_t idx = 0; idx < items.size(); ++idx) {
    problems.Check(At(list, idx), RequireIdentifier("id", items[idx].id));
    if (!seen.insert(items[idx].id).second)
      problems.Add(At(list, idx) + ".id", "duplicate id \"" + items[idx].id + "\"");
  }
}

// Reports items whose chain of parents leads back to themselves.
template <typename T>
void CheckParentCycles(Problems& problems, std::string_view list, const std::vector<T>& items) {
  for (size_t idx = 0; idx < items.size(); ++idx) {
    std::string parent = items[idx].parent_id;
    for (size_t steps = 0; !parent.empty() && steps <= items.size(); ++steps) {
      if (parent == items[idx].id) {
        problems.Add(At(list, idx) + ".parent", "the chain of parents leads back to \"" + items[idx].id + "\"");
        break;
      }
      const T* next = FindById(items, parent);
      parent = next ? next->parent_id : "";
    }
  }
}

void CheckYearRange(Problems& problems, const std::string& field, std::optional<int> min, std::optional<int> max) {
  if (min && *min < 0) problems.Add(field + ".min_per_year", "must be zero or more");
  if (max && *max < 1) problems.Add(field + ".max_per_year", "must be at least 1");
  if (min && max && *min > *max) problems.Add(field + ".max_per_year", "must not be below min_per_year");
}

void CheckDays(Problems& problems, const std::string& field, int days, int min) {
  if (days < min || days > kMaxTriggerDays) {
    problems.Add(field, "must be between " + std::to_string(min) + " and " + std::to_string(kMaxTriggerDays));
  }
}

void CheckTriggerRule(Problems& problems, const Partnership& partnership, const std::string& field,
                      const TriggerRule& rule) {
  problems.Check(field, RequireText("name", rule.name));
  problems.Check(field, RequireText("name_en", rule.name_en));
  if (rule.max_age && (*rule.max_age < 0 || *rule.max_age > 120)) problems.Add(field + ".max_age", "must be 0–120");
  if ((rule.fact == TriggerFact::kCustody) == rule.custody_kinds.empty()) {
    problems.Add(field + ".custody_kinds", rule.fact == TriggerFact::kCustody
                                               ? "name at least one kind of custody event"
                                               : "belongs only to rules on the \"custody\" fact");
  }
  CheckDays(problems, field + ".lookback_days", rule.lookback_days, 1);
  CheckDays(problems, field + ".notice_days", rule.notice_days, 0);
  CheckDays(problems, field + ".repeat_after_days", rule.repeat_after_days, 1);
  if (rule.open_case) {
    if (rule.open_case->level < kMinCaseLevel || rule.open_case->level > kMaxCaseLevel) {
      problems.Add(field + ".case.level", "must be 1–3");
    }
    if (!partnership.FindUnit(rule.open_case->unit_id)) {
      problems.Add(field + ".case.unit", "unknown unit \"" + rule.open_case->unit_id + "\"");
    }
  }
  if (rule.measures.empty()) problems.Add(field + ".measures", "name at least one measure to create");
  for (size_t idx = 0; idx < rule.measures.size(); ++idx) {
    const TriggerMeasure& measure = rule.measures[idx];
    std::string measure_field = At(field + ".measures", idx);
    const MeasureType* type = FindById(partnership.measure_types, measure.measure_type_id);
    if (!type) {
      problems.Add(measure_field + ".type", "unknown measure type \"" + measure.measure_type_id + "\"");
      continue;
    }
    bool unit_allowed = false;
    for (const std::string& unit_id : type->unit_ids) unit_allowed = unit_allowed || unit_id == measure.unit_id;
    if (!unit_allowed) {
      problems.Add(measure_field + ".unit",
                   "unit \"" + measure.unit_id + "\" is not one of the units of measure type \"" + type->id + "\"");
    }
    if (measure.deadline_days) CheckDays(problems, measure_field + ".deadline_days", *measure.deadline_days, 1);
  }
}

}  // namespace

std::string_view UnitKindName(UnitKind kind) { return EnumName<UnitKind>(kUnitKinds, kind); }
Result<UnitKind> ParseUnitKind(std::string_view text, std::string_view field) {
  return ParseEnum<UnitKind>(kUnitKinds, text, field);
}

const Unit* Partnership::FindUnit(std::string_view unit_id) const { return FindById(units, unit_id); }
const Organisation* Partnership::FindOrganisation(std::string_view organisation_id) const {
  return FindById(organisations, organisation_id);
}
const Area* Partnership::FindArea(std::string_view area_id) const { return FindById(areas, area_id); }
const IndicatorDefinition* Partnership::FindIndicator(std::string_view indicator_id) const {
  return FindById(indicators, indicator_id);
}
const MeetingType* Partnership::FindMeetingType(std::string_view meeting_type_id) const {
  return FindById(meeting_types, meeting_type_id);
}
const MeasureType* Partnership::FindMeasureType(std::string_view measure_type_id) const {
  return FindById(measure_types, measure_type_id);
}
const TriggerRule* Partnership::FindTrigger(std::string_view trigger_id) const {
  return FindById(triggers, trigger_id);
}
UnitKind Partnership::KindOfUnit(std::string_view unit_id) const {
  return FindOrganisation(FindUnit(unit_id)->organisation_id)->kind;
}

std::vector<Error> ValidatePartnership(const Partnership& partnership) {
  std::vector<Error> errors;
  Problems problems(errors);
  problems.Check("partnership", RequireIdentifier("id", partnership.id));
  problems.Check("partnership", RequireText("name", partnership.name));
  problems.Check("partnership", RequireText("name_en", partnership.name_en));
  if (partnership.period_to < partnership.period_from) {
    problems.Add("partnership.period.to", "must not be before period.from");
  }
  problems.Check("registration", ValidateRegistrationPolicy(partnership.registration_policy));
  const std::string& copy_removal = partnership.registration_policy.copy_removal_measure_type;
  if (!copy_removal.empty() && !FindById(partnership.measure_types, copy_removal)) {
    problems.Add("registration.copy_removal_measure", "unknown measure type \"" + copy_removal + "\"");
  }

  CheckUniqueIds(problems, "organisations", partnership.organisations);
  for (size_t idx = 0; idx < partnership.organisations.size(); ++idx) {
    problems.Check(At("organisations", idx), RequireText("name", partnership.organisations[idx].name));
  }

  CheckUniqueIds(problems, "units", partnership.units);
  auto check_unit_refs = [&](const std::string& field, const std::vector<std::string>& unit_ids, bool required) {
    if (required && unit_ids.empty()) problems.Add(field, "name at least one unit");
    for (size_t ref_idx = 0; ref_idx < unit_ids.size(); ++ref_idx) {
      if (!partnership.FindUnit(unit_ids[ref_idx])) {
        problems.Add(At(field, ref_idx), "unknown unit \"" + unit_ids[ref_idx] + "\"");
      }
    }
  };
  for (size_t idx = 0; idx < partnership.units.size(); ++idx) {
    const Unit& unit = partnership.units[idx];
    std::string field = At("units", idx);
    problems.Check(field, RequireText("name", unit.name));
    problems.Check(field, RequireText("name_en", unit.name_en));
    if (!partnership.FindOrganisation(unit.organisation_id)) {
      problems.Add(field + ".organisation", "unknown organisation \"" + unit.organisation_id + "\"");
    }
    if (!unit.parent_id.empty() && (!partnership.FindUnit(unit.parent_id) || unit.parent_id == unit.id)) {
      problems.Add(field + ".parent", "must name another unit of the partnership");
    }
  }

  CheckParentCycles(problems, "units", partnership.units);

  CheckUniqueIds(problems, "tracks", partnership.tracks);
  for (size_t idx = 0; idx < partnership.tracks.size(); ++idx) {
    problems.Check(At("tracks", idx), RequireText("name", partnership.tracks[idx].name));
    problems.Check(At("tracks", idx), RequireText("name_en", partnership.tracks[idx].name_en));
  }
  CheckUniqueIds(problems, "initiatives", partnership.initiatives);
  for (size_t idx = 0; idx < partnership.initiatives.size(); ++idx) {
    const Initiative& initiative = partnership.initiatives[idx];
    std::string field = At("initiatives", idx);
    problems.Check(field, RequireText("name", initiative.name));
    problems.Check(field, RequireText("name_en", initiative.name_en));
    if (!FindById(partnership.tracks, initiative.track_id)) {
      problems.Add(field + ".track", "unknown track \"" + initiative.track_id + "\"");
    }
    check_unit_refs(field + ".responsible", initiative.responsible_unit_ids, true);
    for (size_t goal_idx = 0; goal_idx < initiative.activity_goals.size(); ++goal_idx) {
      const ActivityGoal& goal = initiative.activity_goals[goal_idx];
      std::string goal_field = At(field + ".activity_goals", goal_idx);
      problems.Check(goal_field, RequireText("description", goal.description, kMaxTextLength));
      CheckYearRange(problems, goal_field, goal.min_per_year, goal.max_per_year);
      if (goal.meeting_type_id.empty() == goal.measure_type_id.empty()) {
        problems.Add(goal_field, "name exactly one of meeting_type or measure_type to count");
      } else if (!goal.meeting_type_id.empty() && !partnership.FindMeetingType(goal.meeting_type_id)) {
        problems.Add(goal_field + ".meeting_type", "unknown meeting type \"" + goal.meeting_type_id + "\"");
      } else if (!goal.measure_type_id.empty() && !partnership.FindMeasureType(goal.measure_type_id)) {
        problems.Add(goal_field + ".measure_type", "unknown measure type \"" + goal.measure_type_id + "\"");
      }
    }
  }

  CheckUniqueIds(problems, "measure_types", partnership.measure_types);
  for (size_t idx = 0; idx < partnership.measure_types.size(); ++idx) {
    const MeasureType& type = partnership.measure_types[idx];
    std::string field = At("measure_types", idx);
    problems.Check(field, RequireText("name", type.name));
    problems.Check(field, RequireText("name_en", type.name_en));
    if (!type.initiative_id.empty() && !FindById(partnership.initiatives, type.initiative_id)) {
      problems.Add(field + ".initiative", "unknown initiative \"" + type.initiative_id + "\"");
    }
    check_unit_refs(field + ".units", type.unit_ids, true);
    if (type.default_deadline_days < 1 || type.default_deadline_days > 365) {
      problems.Add(field + ".deadline_days", "must be between 1 and 365");
    }
  }

  CheckUniqueIds(problems, "meeting_types", partnership.meeting_types);
  for (size_t idx = 0; idx < partnership.meeting_types.size(); ++idx) {
    const MeetingType& type = partnership.meeting_types[idx];
    std::string field = At("meeting_types", idx);
    problems.Check(field, RequireText("name", type.name));
    problems.Check(field, RequireText("name_en", type.name_en));
    CheckYearRange(problems, field, type.min_per_year, type.max_per_year);
    check_unit_refs(field + ".units", type.unit_ids, false);
  }

  CheckUniqueIds(problems, "areas", partnership.areas);
  for (size_t idx = 0; idx < partnership.areas.size(); ++idx) {
    const Area& area = partnership.areas[idx];
    std::string field = At("areas", idx);
    problems.Check(field, ValidateArea(area));
    if (!area.parent_id.empty() && !partnership.FindArea(area.parent_id)) {
      problems.Add(field + ".parent", "unknown area \"" + area.parent_id + "\"");
    }
  }

  CheckParentCycles(problems, "areas", partnership.areas);

  CheckUniqueIds(problems, "indicators", partnership.indicators);
  for (size_t idx = 0; idx < partnership.indicators.size(); ++idx) {
    const IndicatorDefinition& indicator = partnership.indicators[idx];
    std::string field = At("indicators", idx);
    problems.Check(field, ValidateIndicatorDefinition(indicator));
    if (!indicator.area_id.empty() && !partnership.FindArea(indicator.area_id)) {
      problems.Add(field + ".area", "unknown area \"" + indicator.area_id + "\"");
    }
    if (!indicator.meeting_type_id.empty() && !partnership.FindMeetingType(indicator.meeting_type_id)) {
      problems.Add(field + ".meeting_type", "unknown meeting type \"" + indicator.meeting_type_id + "\"");
    }
    if (!indicator.measure_type_id.empty() && !partnership.FindMeasureType(indicator.measure_type_id)) {
      problems.Add(field + ".measure_type", "unknown measure type \"" + indicator.measure_type_id + "\"");
    }
  }

  CheckUniqueIds(problems, "legal_bases", partnership.legal_bases);
  for (size_t idx = 0; idx < partnership.legal_bases.size(); ++idx) {
    const LegalBasis& basis = partnership.legal_bases[idx];
    std::string field = At("legal_bases", idx);
    problems.Check(field, RequireText("name", basis.name));
    if (basis.from_kinds.empty()) problems.Add(field + ".from_kinds", "name at least one kind of organisation");
    if (basis.to_kinds.empty()) problems.Add(field + ".to_kinds", "name at least one kind of organisation");
    if (basis.purposes.empty()) problems.Add(field + ".purposes", "name at least one purpose");
    if (basis.age_groups.empty()) problems.Add(field + ".age_groups", "name at least one age group");
    if (basis.data_categories.empty()) problems.Add(field + ".data_categories", "name at least one kind of data");
    // Personal data is never exchanged with external actors, either way [p.4 note 2].
    for (UnitKind kind : basis.to_kinds) {
      if (kind == UnitKind::kExternal) {
        problems.Add(field + ".to_kinds", "personal data is never disclosed to external actors");
      }
    }
    for (UnitKind kind : basis.from_kinds) {
      if (kind == UnitKind::kExternal) {
        problems.Add(field + ".from_kinds", "personal data is never exchanged with external actors");
      }
    }
    for (size_t purpose_idx = 0; purpose_idx < basis.purposes.size(); ++purpose_idx) {
      problems.Check(field,
                     RequireIdentifier("purposes[" + std::to_string(purpose_idx) + "]", basis.purposes[purpose_idx]));
    }
    for (DataCategory category : basis.data_categories) {
      if (!IsPersonalData(category)) {
        problems.Add(field + ".data_categories", "\"" + std::string(DataCategoryName(category)) +
                                                     "\" is not personal data; no legal basis is needed for it");
      }
    }
  }
  std::set<UserRole> defined_roles;
  for (size_t idx = 0; idx < partnership.roles.size(); ++idx) {
    const RoleDefinition& role = partnership.roles[idx];
    std::string field = At("roles", idx);
    problems.Check(field, RequireText("name", role.name));
    problems.Check(field, RequireText("name_en", role.name_en));
    if (!defined_roles.insert(role.role).second) problems.Add(field + ".id", "the role is defined twice");
    if (role.role == UserRole::kExternalPartner) {
      for (const Grant& grant : role.grants) {
        if (IsPersonalData(grant.category)) {
          problems.Add(field + ".grants", "external partners see aggregates only, never personal data [p.4 note 2]");
          break;
        }
      }
    }
  }

  CheckUniqueIds(problems, "triggers", partnership.triggers);
  for (size_t idx = 0; idx < partnership.triggers.size(); ++idx) {
    CheckTriggerRule(problems, partnership, At("triggers", idx), partnership.triggers[idx]);
  }

  if (partnership.reporting.month < 1 || partnership.reporting.month > 12) {
    problems.Add("reporting.month", "must be a month number 1–12");
  }
  if (partnership.reporting.recipients.empty()) problems.Add("reporting.recipients", "name at least one recipient");
  check_unit_refs("reporting.responsible", partnership.reporting.responsible_unit_ids, true);
  return errors;
}

}  // namespace trygnet
