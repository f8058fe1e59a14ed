// `trygnet partnership load|show`: store a definition file; show what a
// partnership consists of.
#include <iostream>

#include "cli/app.h"
#include "cli/exit_codes.h"
#include "cli/labels_da.h"
#include "cli/open_store.h"
#include "cli/partnership_source.h"

namespace trygnet::cli {
namespace {

struct PartnershipOptions {
  std::string db;
  std::string key_file;
  std::string file;
  std::string id;
};

int RunLoad(const PartnershipOptions& options) {
  auto load = ReadDefinitionFile(options.file);
  if (!load.ok()) return ReportError(load.error());
  SystemClock clock;
  auto store = OpenExistingStore(options.db, options.key_file, clock);
  if (!store.ok()) return ReportError(store.error());
  const Partnership& partnership = *load->partnership;
  Status saved = (*store)->SavePartnership(partnership, load->source_text);
  if (!saved.ok()) return ReportError(saved.error());
  std::cout << "Indlæste partnerskab " << partnership.id << ": " << partnership.name << " (" << partnership.units.size()
            << " enheder, " << partnership.initiatives.size() << " initiativer, " << partnership.areas.size()
            << " områder, " << partnership.indicators.size() << " målepunkter).\n";
  return kExitOk;
}

std::string YearRange(std::optional<int> min, std::optional<int> max) {
  if (!min && !max) return "efter behov";
  if (min && max && *min != *max) return std::to_string(*min) + "–" + std::to_string(*max) + " gange årligt";
  if (min && !max) return "mindst " + std::to_string(*min) + " gange årligt";
  return std::to_string(min.value_or(max.value_or(0))) + " gange årligt";
}

void Show(const Partnership& partnership) {
  std::cout << partnership.name << " (" << partnership.id << ")\n"
            << "Periode: " << partnership.period_from.ToString() << " – " << partnership.period_to.ToString() << "\n";
  if (!partnership.source.empty()) std::cout << "Kilde: " << partnership.source << "\n";
  std::cout << "\nParter og enheder:\n";
  for (const Organisation& organisation : partnership.organisations) {
    std::cout << "  " << organisation.name << " [" << DanishLabel(organisation.kind) << "]\n";
    for (const Unit& unit : partnership.units) {
      if (unit.organisation_id == organisation.id) std::cout << "    - " << unit.name << " (" << unit.id << ")\n";
    }
  }
  for (const Track& track : partnership.tracks) {
    std::cout << "\n" << track.name << ":\n";
    for (const Initiative& initiative : partnership.initiatives) {
      if (initiative.track_id != track.id) continue;
      std::cout << "  " << initiative.number << ". " << initiative.name;
      if (initiative.seed_page > 0) std::cout << " (s. " << initiative.seed_page << ")";
      std::cout << "\n";
      for (const ActivityGoal& goal : initiative.activity_goals) {
        std::cout << "       mål: " << goal.description << "\n";
      }
    }
  }
  std::cout << "\nMøder:\n";
  for (const MeetingType& type : partnership.meeting_types) {
    std::cout << "  " << type.name << ": " << YearRange(type.min_per_year, type.max_per_year) << "\n";
  }
  std::cout << "\nOmråder:\n";
  for (const Area& area : partnership.areas) {
    std::cout << "  " << (area.parent_id.empty() ? "" : "  ") << area.name << " (" << area.id << ")"
              << (area.kind == AreaKind::kFocusArea ? " — fokusområde" : "") << "\n";
  }
  std::cout << "\nMålepunkter:\n";
  for (const IndicatorDefinition& indicator : partnership.indicators) {
    std::cout << "  " << indicator.id << ": " << indicator.name;
    if (indicator.baseline) {
      std::cout << " — baseline " << FormatNumber(indicator.baseline->value, true) << " ("
                << indicator.baseline->date.ToString() << ", " << indicator.baseline->source << ")";
    }
    std::cout << "\n";
  }
  std::cout << "\nRegistrering: mindst " << partnership.registration_policy.min_criteria << " kriterier; revurdering "
            << partnership.registration_policy.review_months << " mdr. efter nyeste kriterium; højst "
            << partnership.registration_policy.max_months << " mdr.\n";
  std::cout << "Statusrapport hvert år i " << DanishMonth(partnership.reporting.month) << " til:";
  for (const std::string& recipient : partnership.reporting.recipients) std::cout << "\n  - " << recipient;
  std::cout << "\n";
}

int RunShow(const PartnershipOptions& options) {
  if (!options.file.empty()) {
    auto load = ReadDefinitionFile(options.file);
    if (!load.ok()) return ReportError(load.error());
    Show(*load->partnership);
    return kExitOk;
  }
  if (options.db.empty() || options.id.empty()) {
    return ReportError(InvalidArgument("partnership", "give --file FILE, or --db FILE with --partnership ID"));
  }
  SystemClock clock;
  auto store = OpenExistingStore(options.db, options.key_file, clock);
  if (!store.ok()) return ReportError(store.error());
  auto partnership = LoadStoredPartnership(**store, options.id);
  if (!partnership.ok()) return ReportError(partnership.error());
  Show(*partnership);
  return kExitOk;
}

}  // namespace

void AddPartnershipCommands(CLI::App& app, Action& action) {
  CLI::App* group = app.add_subcommand(
      "partnership", "Indlæs eller vis en partnerskabsdefinition (load or show a partnership definition)");
  group->require_subcommand(1);

  auto load = std::make_shared<PartnershipOptions>();
  CLI::App* load_command = group->add_subcommand(
      "load", "Kontrollér en definitionsfil og gem den i databasen (validate and store a definition)");
  load_command->add_option("file", load->file, "Definition file (TOML), e.g. partnerships/norrebro-2017.toml")
      ->required();
  load_command->add_option("--db", load->db, "Database file")->required();
  load_command->add_option("--key-file", load->key_file, kKeyFileHelp);
  load_command->callback([&action, load] { action = [load] { return RunLoad(*load); }; });

  auto show = std::make_shared<PartnershipOptions>();
  CLI::App* show_command =
      group->add_subcommand("show", "Vis et partnerskab fra en fil eller en database (show a partnership)");
  show_command->add_option("--file", show->file, "Definition file to show (validated first)");
  show_command->add_option("--db", show->db, "Database file");
  show_command->add_option("--partnership", show->id, "Partnership id in the database, e.g. norrebro-2017");
  show_command->add_option("--key-file", show->key_file, kKeyFileHelp);
  show_command->callback([&action, show] { action = [show] { return RunShow(*show); }; });
}

}  // namespace trygnet::cli
