#include "definition/partnership_loader.h"

#include <toml++/toml.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace trygnet {
namespace {

// Collects problems and remembers where each key path stands in the file,
// so that cross-reference errors found after parsing still get a line.
struct LoadContext {
  std::string file;
  std::vector<DefinitionProblem> problems;
  std::map<std::string, toml::source_position> positions;

  void Problem(const std::string& key, const std::string& message) {
    DefinitionProblem problem{file, 0, 0, key, message};
    // The nearest enclosing key that has a place in the file.
    for (std::string path = key; !path.empty();) {
      auto found = positions.find(path);
      if (found != positions.end()) {
        problem.line = static_cast<int>(found->second.line);
        problem.column = static_cast<int>(found->second.column);
        break;
      }
      size_t cut = path.find_last_of(".[");
      path = cut == std::string::npos ? "" : path.substr(0, cut);
    }
    problems.push_back(std::move(problem));
  }
};

std::string Join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

// A view of one TOML table at a key path. Each accessor marks its key as
// known; Finish() reports the keys nobody asked for (usually typos).
class TableReader {
 public:
  TableReader(LoadContext& ctx, const toml::table& table, std::string path)
      : ctx_(ctx), table_(table), path_(std::move(path)) {
    ctx_.positions.emplace(path_, table_.source().begin);
    for (auto&& [key, node] : table_) ctx_.positions.emplace(Join(path_, key.str()), node.source().begin);
  }

  std::string String(std::string_view key, bool required = true) {
    const toml::node* node = Get(key, required);
    if (!node) return {};
    if (auto value = node->value<std::string>()) return *value;
    ctx_.Problem(Join(path_, key), "must be a text string");
    return {};
  }

  std::optional<int> Int(std::string_view key, bool required = false) {
    const toml::node* node = Get(key, required);
    if (!node) return std::nullopt;
    if (node->is_integer()) {
      int64_t value = node->as_integer()->get();
      if (value >= -1000000 && value <= 1000000) return static_cast<int>(value);
      ctx_.Problem(Join(path_, key), "is out of range");
      return std::nullopt;
    }
    ctx_.Problem(Join(path_, key), "must be a whole number");
    return std::nullopt;
  }

  std::optional<bool> Bool(std::string_view key, bool required = false) {
    const toml::node* node = Get(key, required);
    if (!node) return std::nullopt;
    if (auto value = node->value<bool>()) return *value;
    ctx_.Problem(Join(path_, key), "must be true or false");
    return std::nullopt;
  }

  std::optional<double> Number(std::string_view key, bool required = true) {
    const toml::node* node = Get(key, required);
    if (!node) return std::nullopt;
    if (node->is_integer()) return static_cast<double>(node->as_integer()->get());
    if (node->is_floating_point()) return node->as_floating_point()->get();
    ctx_.Problem(Join(path_, key), "must be a number");
    return std::nullopt;
  }

  std::optional<Date> DateValue(std::string_view key, bool required = true) {
    const toml::node* node = Get(key, required);
    if (!node) return std::nullopt;
    if (const auto* date = node->as_date()) {
      const toml::date& value = date->get();
      auto parsed = Date::FromYmd(value.year, value.month, value.day, Join(path_, key));
      if (parsed.ok()) return *parsed;
      ctx_.Problem(Join(path_, key), parsed.error().message);
      return std::nullopt;
    }
    if (auto text = node->value<std::string>()) {
      auto parsed = Date::Parse(*text, Join(path_, key));
      if (parsed.ok()) return *parsed;
      ctx_.Problem(Join(path_, key), parsed.error().message);
      return std::nullopt;
    }
    ctx_.Problem(Join(path_, key), "must be a date (YYYY-MM-DD)");
    return std::nullopt;
  }

  std::vector<std::string> StringList(std::string_view key, bool required = false) {
    std::vector<std::string> values;
    const toml::node* node = Get(key, required);
    if (!node) return values;
    const toml::array* array = node->as_array();
    if (!array) {
      ctx_.Problem(Join(path_, key), "must be a list of text strings");
      return values;
    }
    for (size_t idx = 0; idx < array->size(); ++idx) {
      if (auto value = (*array)[idx].value<std::string>()) {
        values.push_back(*value);
      } else {
        ctx_.Problem(Join(path_, key) + "[" + std::to_string(idx) + "]", "must be a text string");
      }
    }
    return values;
  }

  // A nested table, e.g. `period = { from = ..., to = ... }`.
  std::optional<TableReader> Table(std::string_view key, bool required = true) {
    const toml::node* node = Get(key, required);
    if (!node) return std::nullopt;
    if (const toml::table* table = node->as_table()) return TableReader(ctx_, *table, Join(path_, key));
    ctx_.Problem(Join(path_, key), "must be a table");
    return std::nullopt;
  }

  // An array of tables, e.g. `[[units]]`.
  std::vector<TableReader> Tables(std::string_view key, bool required = false) {
    std::vector<TableReader> readers;
    const toml::node* node = Get(key, required);
    if (!node) return readers;
    const toml::array* array = node->as_array();
    if (!array) {
      ctx_.Problem(Join(path_, key), "must be a list of tables ([[" + std::string(key) + "]])");
      return readers;
    }
    for (size_t idx = 0; idx < array->size(); ++idx) {
      std::string item_path = Join(path_, key) + "[" + std::to_string(idx) + "]";
      if (const toml::table* table = (*array)[idx].as_table()) {
        readers.emplace_back(ctx_, *table, item_path);
      } else {
        ctx_.Problem(item_path, "must be a table");
      }
    }
    return readers;
  }

  // An array of [lon, lat] pairs.
  std::vector<GeoPoint> Points(std::string_view key) {
    std::vector<GeoPoint> points;
    const toml::node* node = Get(key, true);
    if (!node) return points;
    const toml::array* array = node->as_array();
    if (!array) {
      ctx_.Problem(Join(path_, key), "must be a list of [longitude, latitude] pairs");
      return points;
    }
    for (size_t idx = 0; idx < array->size(); ++idx) {
      const toml::array* pair = (*array)[idx].as_array();
      auto number = [&](size_t at) -> std::optional<double> {
        if (!pair || pair->size() != 2) return std::nullopt;
        return (*pair)[at].value<double>();
      };
      auto lon = number(0), lat = number(1);
      if (!lon || !lat) {
        ctx_.Problem(Join(path_, key) + "[" + std::to_string(idx) + "]", "must be a [longitude, latitude] pair");
        continue;
      }
      points.push_back({*lon, *lat});
    }
    return points;
  }

  const std::string& path() const { return path_; }
  LoadContext& context() { return ctx_; }

  void Finish() {
    for (auto&& [key, node] : table_) {
      if (!used_.count(std::string(key.str()))) {
        ctx_.Problem(Join(path_, key.str()), "unknown key (check the spelling against docs/partnership-format.md)");
      }
    }
  }

 private:
  const toml::node* Get(std::string_view key, bool required) {
    used_.insert(std::string(key));
    const toml::node* node = table_.get(key);
    if (!node && required) ctx_.Problem(Join(path_, key), "is required");
    return node;
  }

  LoadContext& ctx_;
  const toml::table& table_;
  std::string path_;
  std::set<std::string> used_;
};

// Turns a value parse into a problem at `key` (for enums and the like).
template <typename T>
T OrProblem(LoadContext& ctx, const std::string& key, Result<T> result, T fallback) {
  if (result.ok()) return std::move(result).value();
  ctx.Problem(key, result.error().message);
  return fallback;
}

void ReadPartnershipHeader(TableReader& root, Partnership& partnership) {
  auto header = root.Table("partnership");
  if (!header) return;
  partnership.id = header->String("id");
  partnership.name = header->String("name");
  partnership.name_en = header->String("name_en");
  partnership.source = header->String("source", false);
  if (auto period = header->Table("period")) {
    partnership.period_from = period->DateValue("from").value_or(Date());
    partnership.period_to = period->DateValue("to").value_or(Date());
    period->Finish();
  }
  header->Finish();
}

void ReadRegistrationPolicy(TableReader& root, RegistrationPolicy& policy) {
  auto table = root.Table("registration");
  if (!table) return;
  policy.min_criteria = table->Int("min_criteria", true).value_or(policy.min_criteria);
  policy.review_months = table->Int("review_months", true).value_or(policy.review_months);
  policy.max_months = table->Int("max_months", true).value_or(policy.max_months);
  policy.copy_removal_measure_type = table->String("copy_removal_measure", false);
  table->Finish();
}

void ReadOrganisationsAndUnits(TableReader& root, Partnership& partnership) {
  for (TableReader& table : root.Tables("organisations", true)) {
    Organisation organisation;
    organisation.id = table.String("id");
    organisation.name = table.String("name");
    organisation.kind = OrProblem(table.context(), table.path() + ".kind", ParseUnitKind(table.String("kind"), "kind"),
                                  UnitKind::kExternal);
    table.Finish();
    partnership.organisations.push_back(std::move(organisation));
  }
  for (TableReader& table : root.Tables("units", true)) {
    Unit unit;
    unit.id = table.String("id");
    unit.organisation_id = table.String("organisation");
    unit.parent_id = table.String("parent", false);
    unit.name = table.String("name");
    unit.name_en = table.String("name_en");
    unit.description = table.String("description", false);
    table.Finish();
    partnership.units.push_back(std::move(unit));
  }
}

void ReadActivities(TableReader& root, Partnership& partnership) {
  for (TableReader& table : root.Tables("tracks", true)) {
    Track track{table.String("id"), table.String("name"), table.String("name_en")};
    table.Finish();
    partnership.tracks.push_back(std::move(track));
  }
  for (TableReader& table : root.Tables("initiatives", true)) {
    Initiative initiative;
    initiative.id = table.String("id");
    initiative.track_id = table.String("track");
    initiative.number = table.Int("number", true).value_or(0);
    initiative.name = table.String("name");
    initiative.name_en = table.String("name_en");
    initiative.responsible_unit_ids = table.StringList("responsible", true);
    initiative.seed_page = table.Int("seed_page").value_or(0);
    for (TableReader& goal_table : table.Tables("activity_goals")) {
      ActivityGoal goal;
      goal.description = goal_table.String("description");
      goal.meeting_type_id = goal_table.String("meeting_type", false);
      goal.measure_type_id = goal_table.String("measure_type", false);
      goal.min_per_year = goal_table.Int("min_per_year");
      goal.max_per_year = goal_table.Int("max_per_year");
      goal_table.Finish();
      initiative.activity_goals.push_back(std::move(goal));
    }
    table.Finish();
    partnership.initiatives.push_back(std::move(initiative));
  }
  for (TableReader& table : root.Tables("measure_types", true)) {
    MeasureType type;
    type.id = table.String("id");
    type.name = table.String("name");
    type.name_en = table.String("name_en");
    type.initiative_id = table.String("initiative", false);
    type.unit_ids = table.StringList("units", true);
    type.default_deadline_days = table.Int("deadline_days").value_or(type.default_deadline_days);
    table.Finish();
    partnership.measure_types.push_back(std::move(type));
  }
  for (TableReader& table : root.Tables("meeting_types", true)) {
    MeetingType type;
    type.id = table.String("id");
    type.name = table.String("name");
    type.name_en = table.String("name_en");
    type.min_per_year = table.Int("min_per_year");
    type.max_per_year = table.Int("max_per_year");
    type.unit_ids = table.StringList("units");
    type.decides_focus = table.Bool("decides_focus").value_or(false);
    table.Finish();
    partnership.meeting_types.push_back(std::move(type));
  }
}

void ReadAreas(TableReader& root, Partnership& partnership) {
  for (TableReader& table : root.Tables("areas", true)) {
    Area area;
    area.id = table.String("id");
    area.name = table.String("name");
    area.kind = OrProblem(table.context(), table.path() + ".kind", ParseAreaKind(table.String("kind"), "kind"),
                          AreaKind::kOther);
    area.parent_id = table.String("parent", false);
    area.outline = table.Points("outline");
    for (TableReader& focus_table : table.Tables("focus")) {
      FocusPeriod period;
      period.from = focus_table.DateValue("from").value_or(Date());
      period.to = focus_table.DateValue("to", false);
      period.decision = focus_table.String("decision");
      focus_table.Finish();
      area.focus.push_back(std::move(period));
    }
    table.Finish();
    partnership.areas.push_back(std::move(area));
  }
}

void ReadIndicators(TableReader& root, Partnership& partnership) {
  for (TableReader& table : root.Tables("indicators", true)) {
    IndicatorDefinition indicator;
    indicator.id = table.String("id");
    indicator.name = table.String("name");
    indicator.name_en = table.String("name_en");
    indicator.unit = OrProblem(table.context(), table.path() + ".unit",
                               ParseIndicatorUnit(table.String("unit"), "unit"), IndicatorUnit::kCount);
    indicator.computation = table.String("computation");
    indicator.area_id = table.String("area", false);
    indicator.meeting_type_id = table.String("meeting_type", false);
    indicator.measure_type_id = table.String("measure_type", false);
    if (auto baseline_table = table.Table("baseline", false)) {
      Baseline baseline;
      baseline.value = baseline_table->Number("value").value_or(0);
      baseline.date = baseline_table->DateValue("date").value_or(Date());
      baseline.source = baseline_table->String("source");
      baseline.note = baseline_table->String("note", false);
      baseline_table->Finish();
      indicator.baseline = std::move(baseline);
    }
    table.Finish();
    partnership.indicators.push_back(std::move(indicator));
  }
}

// A list of enum names, each parsed with `parse`; unknown names are problems.
template <typename E, typename Parse>
std::vector<E> EnumList(TableReader& table, std::string_view key, Parse parse, bool required = true) {
  std::vector<E> values;
  std::vector<std::string> names = table.StringList(key, required);
  for (size_t idx = 0; idx < names.size(); ++idx) {
    std::string field = table.path() + "." + std::string(key) + "[" + std::to_string(idx) + "]";
    auto parsed = parse(names[idx], field);
    if (parsed.ok()) {
      values.push_back(*parsed);
    } else {
      table.context().Problem(field, parsed.error().message);
    }
  }
  return values;
}

void ReadAccessRules(TableReader& root, Partnership& partnership) {
  for (TableReader& table : root.Tables("legal_bases", true)) {
    LegalBasis basis;
    basis.id = table.String("id");
    basis.name = table.String("name");
    basis.description = table.String("description", false);
    basis.from_kinds = EnumList<UnitKind>(table, "from_kinds", ParseUnitKind);
    basis.to_kinds = EnumList<UnitKind>(table, "to_kinds", ParseUnitKind);
    basis.purposes = table.StringList("purposes", true);
    basis.age_groups = EnumList<AgeGroup>(table, "age_groups", ParseAgeGroup);
    basis.data_categories = EnumList<DataCategory>(table, "data_categories", ParseDataCategory);
    table.Finish();
    partnership.legal_bases.push_back(std::move(basis));
  }
  for (TableReader& table : root.Tables("roles", true)) {
    RoleDefinition role;
    role.role =
        OrProblem(table.context(), table.path() + ".id", ParseUserRole(table.String("id"), "id"), UserRole::kAnalyst);
    role.name = table.String("name");
    role.name_en = table.String("name_en");
    role.grants = EnumList<Grant>(table, "grants", ParseGrant);
    table.Finish();
    partnership.roles.push_back(std::move(role));
  }
}

void ReadTriggers(TableReader& root, Partnership& partnership) {
  for (TableReader& table : root.Tables("triggers")) {
    TriggerRule rule;
    rule.id = table.String("id");
    rule.name = table.String("name");
    rule.name_en = table.String("name_en");
    rule.fact = OrProblem(table.context(), table.path() + ".fact", ParseTriggerFact(table.String("fact"), "fact"),
                          TriggerFact::kSeenWithMember);
    rule.max_age = table.Int("max_age");
    rule.custody_kinds = EnumList<CustodyKind>(table, "custody_kinds", ParseCustodyKind, /*required=*/false);
    rule.target_group_only = table.Bool("target_group_only").value_or(false);
    rule.lookback_days = table.Int("lookback_days").value_or(rule.lookback_days);
    rule.notice_days = table.Int("notice_days").value_or(rule.notice_days);
    rule.repeat_after_days = table.Int("repeat_after_days").value_or(rule.repeat_after_days);
    if (auto case_table = table.Table("case", false)) {
      TriggerCase open_case;
      std::string track = case_table->String("track", false);
      if (!track.empty() && track != "by_age") {
        auto parsed = ParseCaseTrack(track, case_table->path() + ".track");
        if (parsed.ok()) {
          open_case.track = *parsed;
        } else {
          table.context().Problem(case_table->path() + ".track", parsed.error().message);
        }
      }
      open_case.level = case_table->Int("level").value_or(open_case.level);
      open_case.unit_id = case_table->String("unit");
      case_table->Finish();
      rule.open_case = std::move(open_case);
    }
    for (TableReader& measure_table : table.Tables("measures", true)) {
      TriggerMeasure measure;
      measure.measure_type_id = measure_table.String("type");
      measure.unit_id = measure_table.String("unit");
      measure.deadline_days = measure_table.Int("deadline_days");
      measure_table.Finish();
      rule.measures.push_back(std::move(measure));
    }
    table.Finish();
    partnership.triggers.push_back(std::move(rule));
  }
}

void ReadReporting(TableReader& root, Partnership& partnership) {
  if (auto table = root.Table("reporting")) {
    partnership.reporting.month = table->Int("month", true).value_or(0);
    partnership.reporting.recipients = table->StringList("recipients", true);
    partnership.reporting.responsible_unit_ids = table->StringList("responsible", true);
    table->Finish();
  }
}

}  // namespace

std::string DefinitionProblem::ToString() const {
  std::ostringstream out;
  out << file;
  if (line > 0) out << ":" << line << ":" << column;
  out << ": " << (key.empty() ? "" : key + ": ") << message;
  return out.str();
}

PartnershipLoad LoadPartnershipText(std::string text, const std::string& file_name) {
  PartnershipLoad load;
  load.source_text = std::move(text);
  LoadContext ctx{file_name, {}, {}};
  toml::table document;
  try {
    document = toml::parse(load.source_text, file_name);
  } catch (const toml::parse_error& error) {
    DefinitionProblem problem{file_name, static_cast<int>(error.source().begin.line),
                              static_cast<int>(error.source().begin.column), "",
                              "not valid TOML: " + std::string(error.description())};
    load.problems.push_back(std::move(problem));
    return load;
  }
  Partnership partnership;
  TableReader root(ctx, document, "");
  ReadPartnershipHeader(root, partnership);
  ReadRegistrationPolicy(root, partnership.registration_policy);
  ReadOrganisationsAndUnits(root, partnership);
  ReadActivities(root, partnership);
  ReadAreas(root, partnership);
  ReadIndicators(root, partnership);
  ReadAccessRules(root, partnership);
  ReadTriggers(root, partnership);
  ReadReporting(root, partnership);
  root.Finish();

  // Cross-references and value rules, only once the shape is right.
  if (ctx.problems.empty()) {
    for (const Error& error : ValidatePartnership(partnership)) ctx.Problem(error.field, error.message);
  }
  load.problems = std::move(ctx.problems);
  if (load.problems.empty()) load.partnership = std::move(partnership);
  return load;
}

PartnershipLoad LoadPartnershipFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    PartnershipLoad load;
    load.problems.push_back({path, 0, 0, "", "cannot read the file"});
    return load;
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  return LoadPartnershipText(contents.str(), path);
}

}  // namespace trygnet
