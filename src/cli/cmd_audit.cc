// `trygnet audit verify|query`: prove the audit log untouched; find entries.
#include <iostream>
#include <nlohmann/json.hpp>

#include "audit/audit_json.h"
#include "cli/app.h"
#include "cli/exit_codes.h"
#include "cli/labels_da.h"
#include "cli/open_store.h"

namespace trygnet::cli {
namespace {

struct AuditOptions {
  std::string db;
  std::string key_file;
  int64_t person_id = 0;
  std::string user;
  std::string unit;
  std::string from;
  std::string to;
  int64_t limit = 100;
  bool json = false;
};

int RunVerify(const AuditOptions& options) {
  SystemClock clock;
  auto store = OpenExistingStore(options.db, options.key_file, clock);
  if (!store.ok()) return ReportError(store.error());
  audit::ChainVerifier verifier;
  Status scanned = (*store)->ScanAudit([&](const audit::AuditEntry& entry) { return verifier.Next(entry); });
  if (scanned.ok()) {
    auto anchor = (*store)->AuditAnchor();
    scanned = anchor.ok() ? verifier.Finish(*anchor) : Status(anchor.error());
  }
  if (!scanned.ok()) {
    std::cerr << "Revisionsloggen er BRUDT (the audit log is broken).\n";
    return ReportError(scanned.error());
  }
  std::cout << "Revisionsloggen er intakt: " << verifier.count() << " poster (audit log intact: " << verifier.count()
            << " entries).\n";
  return kExitOk;
}

int RunQuery(const AuditOptions& options) {
  AuditQuery query;
  if (options.person_id != 0) query.person_id = options.person_id;
  query.user = options.user;
  query.unit = options.unit;
  query.limit = options.limit;
  if (!options.from.empty()) {
    auto from = Date::Parse(options.from, "from");
    if (!from.ok()) return ReportError(from.error());
    query.from = Timestamp::StartOf(*from);
  }
  if (!options.to.empty()) {
    auto to = Date::Parse(options.to, "to");
    if (!to.ok()) return ReportError(to.error());
    query.to = EndOfDay(*to);
  }
  SystemClock clock;
  auto store = OpenExistingStore(options.db, options.key_file, clock);
  if (!store.ok()) return ReportError(store.error());
  auto entries = (*store)->QueryAudit(query);
  if (!entries.ok()) return ReportError(entries.error());
  if (options.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const audit::AuditEntry& entry : *entries) list.push_back(audit::AuditEntryJson(entry));
    std::cout << list.dump(2) << "\n";
    return kExitOk;
  }
  std::cout << PadRight("nr.", 8) << PadRight("tidspunkt", 22) << PadRight("bruger", 24) << PadRight("enhed", 14)
            << PadRight("handling", 10) << PadRight("ressource", 18) << PadRight("formål", 22) << "udfald\n";
  for (const audit::AuditEntry& entry : *entries) {
    const audit::AuditRecord& record = entry.record;
    std::cout << PadRight(std::to_string(entry.sequence), 8) << PadRight(record.at.ToString(), 22)
              << PadRight(record.user, 24) << PadRight(record.unit, 14) << PadRight(record.action, 10)
              << PadRight(record.resource, 18) << PadRight(record.purpose, 22) << audit::OutcomeName(record.outcome)
              << (record.reason.empty() ? "" : " (" + record.reason + ")") << "\n";
  }
  return kExitOk;
}

}  // namespace

void AddAuditCommands(CLI::App& app, Action& action) {
  CLI::App* group = app.add_subcommand("audit", "Revisionslog: kontrollér eller søg (verify or search the audit log)");
  group->require_subcommand(1);

  auto verify = std::make_shared<AuditOptions>();
  CLI::App* verify_command = group->add_subcommand(
      "verify", "Kontrollér logkæden (check the hash chain: exit 0 with the count, 1 naming the first broken entry)");
  verify_command->add_option("--db", verify->db, "Database file")->required();
  verify_command->add_option("--key-file", verify->key_file, kKeyFileHelp);
  verify_command->callback([&action, verify] { action = [verify] { return RunVerify(*verify); }; });

  auto query = std::make_shared<AuditOptions>();
  CLI::App* query_command =
      group->add_subcommand("query", "Vis logposter, ældste først (list audit entries, oldest first)");
  query_command->add_option("--db", query->db, "Database file")->required();
  query_command->add_option("--person", query->person_id, "Only entries about this person id");
  query_command->add_option("--user", query->user, "Only entries by this user");
  query_command->add_option("--unit", query->unit, "Only entries by users of this unit");
  query_command->add_option("--from", query->from, "From this date (YYYY-MM-DD, inclusive)");
  query_command->add_option("--to", query->to, "To this date (YYYY-MM-DD, inclusive)");
  query_command->add_option("--limit", query->limit, "At most this many (1–100000)")->capture_default_str();
  query_command->add_flag("--json", query->json, "Print JSON");
  query_command->add_option("--key-file", query->key_file, kKeyFileHelp);
  query_command->callback([&action, query] { action = [query] { return RunQuery(*query); }; });
}

}  // namespace trygnet::cli
