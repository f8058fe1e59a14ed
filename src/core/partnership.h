// A partnership (partnerskab) as data: parties, units, tracks, initiatives,
// the catalogue of measure types, meeting cadences, areas, indicators, the
// register's rules and the reporting rule. Loaded from a definition file
// (partnerships/*.toml); a new partnership is a new file, never new C++.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/area.h"
#include "core/date.h"
#include "core/error.h"
#include "core/indicator.h"
#include "core/registration.h"
#include "core/trigger_rule.h"

namespace trygnet {

// The kind of an organisation drives policy (DESIGN.md §2).
enum class UnitKind { kPolice, kMunicipal, kPrisonService, kExternal };
std::string_view UnitKindName(UnitKind kind);
Result<UnitKind> ParseUnitKind(std::string_view text, std::string_view field);

struct Organisation {
  std::string id;
  std::string name;
  UnitKind kind = UnitKind::kMunicipal;
};

struct Unit {
  std::string id;
  std::string organisation_id;
  std::string parent_id;  // e.g. the Exit unit sits under EAS
  std::string name;
  std::string name_en;
  std::string description;
};

struct Track {
  std::string id;
  std::string name;
  std::string name_en;
};

// An activity goal: a yearly target on how often something happens [p.13–16].
struct ActivityGoal {
  std::string description;
  std::string meeting_type_id;  // counted from meetings of this type, or
  std::string measure_type_id;  // counted from completed measures of this type
  std::optional<int> min_per_year;
  std::optional<int> max_per_year;
};

struct Initiative {
  std::string id;
  std::string track_id;
  int number = 0;  // its number within the track in the plan
  std::string name;
  std::string name_en;
  std::vector<std::string> responsible_unit_ids;
  int seed_page = 0;
  std::vector<ActivityGoal> activity_goals;
};

// A kind of measure that can be assigned to a person: an initiative's
// concrete step or an existing activity of the parties [p.10–11].
struct MeasureType {
  std::string id;
  std::string name;
  std::string name_en;
  std::string initiative_id;  // empty for existing activities
  std::vector<std::string> unit_ids;
  int default_deadline_days = 30;
};

struct MeetingType {
  std::string id;
  std::string name;
  std::string name_en;
  std::optional<int> min_per_year;  // absent: held as needed
  std::optional<int> max_per_year;
  std::vector<std::string> unit_ids;
  bool decides_focus = false;  // its decisions may change the geographic focus [p.9]
};

// A legal basis for disclosing personal data between organisations, with the
// rules of when it applies [p.4 note 2, p.9, p.11].
struct LegalBasis {
  std::string id;    // e.g. "rpl-115"
  std::string name;  // e.g. "Retsplejelovens § 115"
  std::string description;
  std::vector<UnitKind> from_kinds;           // who may disclose
  std::vector<UnitKind> to_kinds;             // to whom
  std::vector<std::string> purposes;          // for which purposes
  std::vector<AgeGroup> age_groups;           // about persons of which age group
  std::vector<DataCategory> data_categories;  // which kinds of data
};

// What a user role may do (DESIGN.md §2 User; the policy layer applies it).
struct RoleDefinition {
  UserRole role = UserRole::kAnalyst;
  std::string name;  // Danish
  std::string name_en;
  std::vector<Grant> grants;
};

struct ReportingRule {
  int month = 8;                        // the status report is due every August [p.16]
  std::vector<std::string> recipients;  // SSP board, Sikker By steering group, ...
  std::vector<std::string> responsible_unit_ids;
};

struct Partnership {
  std::string id;
  std::string name;
  std::string name_en;
  Date period_from;
  Date period_to;  // inclusive
  std::string source;
  std::vector<Organisation> organisations;
  std::vector<Unit> units;
  std::vector<Track> tracks;
  std::vector<Initiative> initiatives;
  std::vector<MeasureType> measure_types;
  std::vector<MeetingType> meeting_types;
  std::vector<Area> areas;
  std::vector<IndicatorDefinition> indicators;
  std::vector<LegalBasis> legal_bases;
  std::vector<RoleDefinition> roles;
  std::vector<TriggerRule> triggers;
  RegistrationPolicy registration_policy;
  ReportingRule reporting;

  const Unit* FindUnit(std::string_view unit_id) const;
  const Organisation* FindOrganisation(std::string_view organisation_id) const;
  const Area* FindArea(std::string_view area_id) const;
  const IndicatorDefinition* FindIndicator(std::string_view indicator_id) const;
  const MeetingType* FindMeetingType(std::string_view meeting_type_id) const;
  const MeasureType* FindMeasureType(std::string_view measure_type_id) const;
  const TriggerRule* FindTrigger(std::string_view trigger_id) const;
  // The kind of the organisation a unit belongs to. REQUIRES: FindUnit(unit_id)
  UnitKind KindOfUnit(std::string_view unit_id) const;
};

// Checks the whole definition and returns every problem found (empty when
// valid). Each error's `field` is the key path, e.g. "units[3].organisation".
std::vector<Error> ValidatePartnership(const Partnership& partnership);

}  // namespace trygnet
