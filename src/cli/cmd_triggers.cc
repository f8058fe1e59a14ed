// `trygnet triggers run`: runs the partnership's trigger rules as of a date
// and prints what they created. Safe to repeat: a fact is acted on once.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/app.h"
#include "cli/exit_codes.h"
#include "cli/local_audit.h"
#include "cli/open_store.h"
#include "cli/partnership_source.h"
#include "triggers/trigger_engine.h"

namespace trygnet::cli {
namespace {

struct TriggerOptions {
  std::string db;
  std::string key_file;
  std::string partnership;
  std::string as_of;
  bool json = false;
};

void PrintRun(const triggers::TriggerRun& run, const Partnership& partnership) {
  std::cout << "Udløsende regler for " << partnership.name << " pr. " << run.as_of.ToString() << "\n"
            << "  fakta set: " << run.facts_seen << ", allerede behandlet: " << run.already_acted
            << ", ikke omfattet (alder/målgruppe): " << run.not_applicable << "\n"
            << "  registreringer fjernet automatisk (over maksimal periode): " << run.removed.size() << "\n"
            << "  oprettet nu: " << run.created.size() << "\n";
  for (const triggers::AutoRemoval& removal : run.removed) {
    std::cout << "\n  [registrering " << removal.registration_id << "] person " << removal.person_id
              << " fjernet pr. " << removal.removed_on.ToString() << "; opgaver om sletning af kopi: "
              << removal.tasks.size() << "\n";
    for (const triggers::CopyRemovalTask& task : removal.tasks) {
      std::cout << "    tiltag " << task.id << ": " << task.unit_id << ", frist " << task.due_on.ToString() << "\n";
    }
  }
  for (const triggers::Firing& firing : run.created) {
    const TriggerRule* rule = partnership.FindTrigger(firing.rule_id);
    std::cout << "\n  [" << firing.rule_id << "] " << (rule ? rule->name : "") << "\n    person " << firing.person_id
              << " — " << firing.fact_key << "\n";
    if (firing.case_id) {
      std::cout << "    sag " << *firing.case_id << (firing.case_opened ? " (oprettet)" : " (eksisterende)") << "\n";
    }
    for (const triggers::CreatedMeasure& measure : firing.measures) {
      const MeasureType* type = partnership.FindMeasureType(measure.measure_type_id);
      std::cout << "    tiltag " << measure.id << ": " << (type ? type->name : measure.measure_type_id) << " — "
                << measure.assigned_unit_id << ", frist " << measure.due_on.ToString() << "\n";
    }
  }
}

int RunTriggerCommand(const TriggerOptions& options) {
  SystemClock clock;
  auto as_of_option = DateOrToday(options.as_of, "as-of", clock);
  if (!as_of_option.ok()) return ReportError(as_of_option.error());
  const Date as_of = *as_of_option;
  auto opened = OpenStoredPartnership(options.db, options.key_file, options.partnership, clock);
  if (!opened.ok()) return ReportError(opened.error());
  SqliteStore& store = *opened->store;
  const Partnership& partnership = opened->partnership;
  triggers::TriggerActor actor{LocalUser(), "local-admin"};
  auto run = triggers::RunTriggers(store, partnership, as_of, actor, clock);
  if (!run.ok()) return ReportError(run.error());
  if (options.json) {
    nlohmann::json out = triggers::TriggerRunJson(*run);
    out["partnership"] = partnership.id;
    std::cout << out.dump(2) << "\n";
  } else {
    PrintRun(*run, partnership);
  }
  return kExitOk;
}

}  // namespace

void AddTriggerCommands(CLI::App& app, Action& action) {
  CLI::App* triggers = app.add_subcommand("triggers", "Udløsende regler (trigger rules)");
  triggers->require_subcommand(1);
  auto options = std::make_shared<TriggerOptions>();
  CLI::App* run = triggers->add_subcommand(
      "run", "Kør partnerskabets udløsende regler pr. en dato og opret sager og tiltag (run the trigger rules)");
  run->add_option("--db", options->db, "Database file")->required();
  run->add_option("--partnership", options->partnership, "Partnership id, e.g. norrebro-2017")->required();
  run->add_option("--as-of", options->as_of, "Run as of this date (YYYY-MM-DD; default: today)");
  run->add_flag("--json", options->json, "Print JSON: what was created, under \"created\"");
  run->add_option("--key-file", options->key_file, kKeyFileHelp);
  run->callback([&action, options] { action = [options] { return RunTriggerCommand(*options); }; });
}

}  // namespace trygnet::cli
