// `trygnet person list|show`: local administration of the person register.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/app.h"
#include "cli/exit_codes.h"
#include "cli/labels_da.h"
#include "cli/local_audit.h"
#include "cli/open_store.h"

namespace trygnet::cli {
namespace {

struct PersonOptions {
  std::string db;
  std::string key_file;
  std::string area;
  int64_t limit = 50;
  int64_t offset = 0;
  int64_t id = 0;
  bool json = false;
  bool show_cpr = false;  // CPR numbers are masked unless asked for
};

nlohmann::json PersonJson(const Person& person, Date today, bool show_cpr) {
  return {
      {"id", person.id},
      {"given_name", person.identity.given_name},
      {"family_name", person.identity.family_name},
      {"birth_date", person.identity.birth_date.ToString()},
      {"age", person.AgeAt(today)},
      {"cpr", person.identity.cpr ? nlohmann::json(ShownCpr(*person.identity.cpr, show_cpr)) : nlohmann::json(nullptr)},
      {"residence_area_id", person.residence_area_id}};
}

int RunList(const PersonOptions& options) {
  SystemClock clock;
  auto store = OpenExistingStore(options.db, options.key_file, clock);
  if (!store.ok()) return ReportError(store.error());
  auto persons = (*store)->ListPersons({options.area, options.offset, options.limit});
  if (!persons.ok()) return ReportError(persons.error());
  std::vector<PersonId> shown;
  for (const Person& person : *persons) shown.push_back(person.id);
  Status audited = AuditLocalReads(**store, clock, shown);
  if (!audited.ok()) return ReportError(audited.error());
  Date today = clock.Now().date();
  if (options.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const Person& person : *persons) list.push_back(PersonJson(person, today, options.show_cpr));
    std::cout << list.dump(2) << "\n";
    return kExitOk;
  }
  std::printf("%8s  %s  %-10s  %5s  %s\n", "id", PadRight("navn", 28).c_str(), "født", "alder", "område");
  for (const Person& person : *persons) {
    std::printf("%8lld  %s  %-10s  %5d  %s\n", static_cast<long long>(person.id),
                PadRight(person.FullName(), 28).c_str(), person.identity.birth_date.ToString().c_str(),
                person.AgeAt(today), person.residence_area_id.c_str());
  }
  std::fflush(stdout);
  return kExitOk;
}

int RunShow(const PersonOptions& options) {
  SystemClock clock;
  auto store = OpenExistingStore(options.db, options.key_file, clock);
  if (!store.ok()) return ReportError(store.error());
  Store& db = **store;
  auto person = db.GetPerson(options.id);
  if (!person.ok()) return ReportError(person.error());
  Timestamp now = clock.Now();
  auto registrations = db.RegistrationsForPerson(options.id, now);
  auto cases = db.CasesForPerson(options.id);
  auto measures = db.MeasuresForPerson(options.id);
  auto disclosures = db.DisclosuresForPerson(options.id);
  auto observations = db.ObservationsForPerson(options.id, 20);
  if (!registrations.ok()) return ReportError(registrations.error());
  if (!cases.ok()) return ReportError(cases.error());
  if (!measures.ok()) return ReportError(measures.error());
  if (!disclosures.ok()) return ReportError(disclosures.error());
  if (!observations.ok()) return ReportError(observations.error());
  Status audited = AuditLocalReads(db, clock, {options.id});
  if (!audited.ok()) return ReportError(audited.error());
  if (options.json) {
    nlohmann::json out = PersonJson(*person, now.date(), options.show_cpr);
    out["registrations"] = nlohmann::json::array();
    for (const Registration& item : *registrations) {
      out["registrations"].push_back(
          {{"id", item.id},
           {"version", item.version},
           {"role", RegistrationRoleName(item.role)},
           {"group_id", item.group_id ? nlohmann::json(*item.group_id) : nlohmann::json(nullptr)},
           {"valid_from", item.valid_from.ToString()},
           {"valid_to", item.valid_to ? nlohmann::json(item.valid_to->ToString()) : nlohmann::json(nullptr)},
           {"validated", item.IsValidated()},
           {"removal_reason",
            item.removal_reason ? nlohmann::json(RemovalReasonName(*item.removal_reason)) : nlohmann::json(nullptr)},
           {"review_due", item.review_due.ToString()}});
    }
    out["cases"] = cases->size();
    out["measures"] = measures->size();
    out["disclosures"] = disclosures->size();
    out["recent_observations"] = observations->size();
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  const Person& p = *person;
  std::cout << p.FullName() << " (id " << p.id << ")\n"
            << "  CPR-nr.: " << (p.identity.cpr ? ShownCpr(*p.identity.cpr, options.show_cpr) : "ukendt") << "\n"
            << "  Født: " << p.identity.birth_date.ToString() << " (alder " << p.AgeAt(now.date()) << ")\n"
            << "  Område: " << (p.residence_area_id.empty() ? "ukendt" : p.residence_area_id) << "\n"
            << "Registreringer (" << registrations->size() << "):\n";
  for (const Registration& item : *registrations) {
    std::cout << "  #" << item.id << " " << DanishLabel(item.role) << " fra " << item.valid_from.ToString()
              << (item.valid_to ? " til " + item.valid_to->ToString() : "")
              << (item.IsValidated() ? ", valideret " + item.validated_on->ToString() : ", afventer validering")
              << ", revurdering " << item.review_due.ToString()
              << (item.removal_reason ? ", fjernet: " + std::string(DanishLabel(*item.removal_reason)) : "") << "\n";
  }
  std::cout << "Sager: " << cases->size() << ", tiltag: " << measures->size()
            << ", videregivelser: " << disclosures->size()
            << ", seneste observationer (højst 20): " << observations->size() << "\n";
  return kExitOk;
}

}  // namespace

void AddPersonCommands(CLI::App& app, Action& action) {
  CLI::App* group =
      app.add_subcommand("person", "Vis personer — lokal administration, logges (list or show persons; audited)");
  group->require_subcommand(1);

  auto list = std::make_shared<PersonOptions>();
  CLI::App* list_command = group->add_subcommand("list", "Vis en liste over personer (list persons)");
  list_command->add_option("--db", list->db, "Database file")->required();
  list_command->add_option("--area", list->area, "Only persons residing in this area id");
  list_command->add_option("--limit", list->limit, "At most this many (1–10000)")->capture_default_str();
  list_command->add_option("--offset", list->offset, "Skip this many")->capture_default_str();
  list_command->add_flag("--json", list->json, "Print JSON");
  list_command->add_flag("--show-cpr", list->show_cpr, "Show full CPR numbers (masked as DDMMYY-xxxx by default)");
  list_command->add_option("--key-file", list->key_file, kKeyFileHelp);
  list_command->callback([&action, list] { action = [list] { return RunList(*list); }; });

  auto show = std::make_shared<PersonOptions>();
  CLI::App* show_command =
      group->add_subcommand("show", "Vis én person med registreringer og sagsarbejde (show one person)");
  show_command->add_option("id", show->id, "Person id")->required();
  show_command->add_option("--db", show->db, "Database file")->required();
  show_command->add_flag("--json", show->json, "Print JSON");
  show_command->add_flag("--show-cpr", show->show_cpr, "Show the full CPR number (masked as DDMMYY-xxxx by default)");
  show_command->add_option("--key-file", show->key_file, kKeyFileHelp);
  show_command->callback([&action, show] { action = [show] { return RunShow(*show); }; });
}

}  // namespace trygnet::cli
