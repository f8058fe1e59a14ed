// `trygnet meetings due`: each meeting type of the partnership against its
// cadence [p.9, p.13–14] — held this year, last held, next due, and whether
// it is on track. Meetings are not personal data, so nothing is audited.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/app.h"
#include "cli/exit_codes.h"
#include "cli/labels_da.h"
#include "cli/open_store.h"
#include "cli/partnership_source.h"
#include "core/meeting_cadence.h"
#include "http/json_encode.h"
#include "report/labels.h"

namespace trygnet::cli {
namespace {

struct MeetingsDueOptions {
  std::string db;
  std::string key_file;
  std::string partnership;
  std::string as_of;
  bool json = false;
};

// Overdue in capitals: it is what the reader must act on.
std::string DanishCadenceStatus(CadenceStatus status) {
  if (status == CadenceStatus::kOverdue) return "FORFALDEN";
  return std::string(report::Label(status, report::Language::kDanish));
}

std::string Cadence(const CadenceView& view) {
  if (view.min_per_year && view.max_per_year && *view.min_per_year != *view.max_per_year) {
    return std::to_string(*view.min_per_year) + "–" + std::to_string(*view.max_per_year);
  }
  if (view.min_per_year) return "mindst " + std::to_string(*view.min_per_year);
  if (view.max_per_year) return "højst " + std::to_string(*view.max_per_year);
  return "efter behov";
}

int RunMeetingsDue(const MeetingsDueOptions& options) {
  SystemClock clock;
  auto as_of_option = DateOrToday(options.as_of, "as-of", clock);
  if (!as_of_option.ok()) return ReportError(as_of_option.error());
  const Date as_of = *as_of_option;
  auto opened = OpenStoredPartnership(options.db, options.key_file, options.partnership, clock);
  if (!opened.ok()) return ReportError(opened.error());
  SqliteStore& store = *opened->store;
  const Partnership& partnership = opened->partnership;
  auto meetings = store.ListMeetings(partnership.id, Date::FromDays(0), as_of);
  if (!meetings.ok()) return ReportError(meetings.error());

  nlohmann::json items = nlohmann::json::array();
  if (!options.json) {
    std::cout << "Møder mod kadencen for " << partnership.name << " pr. " << as_of.ToString() << " (år "
              << as_of.year() << ")\n\n"
              << PadRight("Mødetype", 52) << PadRight("Holdt i år", 12) << PadRight("Kadence", 14)
              << PadRight("Senest", 12) << PadRight("Næste senest", 14) << "Status\n";
  }
  for (const CadenceView& view : MeetingCadences(partnership, *meetings, as_of)) {
    const MeetingType& type = *partnership.FindMeetingType(view.meeting_type_id);
    if (options.json) {
      items.push_back(http::CadenceJson(view, type));  // the same items as GET /api/v1/meetings/due
      continue;
    }
    std::cout << PadRight(type.name, 52) << PadRight(std::to_string(view.held_this_year), 12)
              << PadRight(Cadence(view), 14)
              << PadRight(view.last_held_on ? view.last_held_on->ToString() : "–", 12)
              << PadRight(view.next_due_on ? view.next_due_on->ToString() : "–", 14)
              << DanishCadenceStatus(view.status) << "\n";
  }
  if (options.json) {
    std::cout << nlohmann::json{{"partnership", partnership.id}, {"as_of", as_of.ToString()}, {"items", items}}.dump(2)
              << "\n";
  }
  return kExitOk;
}

}  // namespace

void AddMeetingCommands(CLI::App& app, Action& action) {
  CLI::App* meetings = app.add_subcommand("meetings", "Partnerskabets møder (the partnership's meetings)");
  meetings->require_subcommand(1);
  auto options = std::make_shared<MeetingsDueOptions>();
  CLI::App* due = meetings->add_subcommand(
      "due", "Vis hver mødetype mod kadencen: holdt i år, næste senest, status (meetings due against the cadences)");
  due->add_option("--db", options->db, "Database file")->required();
  due->add_option("--partnership", options->partnership, "Partnership id, e.g. norrebro-2017")->required();
  due->add_option("--as-of", options->as_of, "As of this date (YYYY-MM-DD; default: today)");
  due->add_flag("--json", options->json, "Print JSON: one item per meeting type under \"items\"");
  due->add_option("--key-file", options->key_file, kKeyFileHelp);
  due->callback([&action, options] { action = [options] { return RunMeetingsDue(*options); }; });
}

}  // namespace trygnet::cli
