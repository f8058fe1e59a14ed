// `trygnet report`: the partnership's status report for a period [p.16], as
// PDF, HTML or XLSX, written atomically to a file. Figures are as recorded
// at --known-at (default: now), so the same command gives the same report
// after later corrections. The report holds aggregates only; its making is
// audited as one "report" entry.
#include <chrono>
#include <iomanip>
#include <iostream>

#include "cli/app.h"
#include "cli/exit_codes.h"
#include "cli/local_audit.h"
#include "cli/open_store.h"
#include "cli/output_file.h"
#include "cli/partnership_source.h"
#include "report/build_report.h"
#include "report/render.h"

namespace trygnet::cli {
namespace {

struct ReportOptions {
  std::string db;
  std::string key_file;
  std::string partnership;
  std::string period;
  std::string format;
  std::string output;
  std::string lang = "da";
  std::string edition = "internal";
  std::string known_at;
};

// A bare date means the end of that day; a full instant is taken as given.
Result<Timestamp> ParseKnownAt(const std::string& text, const Clock& clock) {
  if (text.empty()) return clock.Now();
  if (text.size() == 10) {
    TRY_ASSIGN(Date day, Date::Parse(text, "known-at"));
    return EndOfDay(day);
  }
  return Timestamp::Parse(text, "known-at");
}

// --format, or else the output file's extension.
Result<report::Format> ChooseFormat(const ReportOptions& options) {
  if (!options.format.empty()) return report::ParseFormat(options.format, "format");
  const size_t dot = options.output.rfind('.');
  if (dot != std::string::npos) {
    auto from_extension = report::ParseFormat(options.output.substr(dot + 1), "format");
    if (from_extension.ok()) return from_extension;
  }
  return InvalidArgument("format", "is required when the output file does not end in .pdf, .html or .xlsx");
}

int RunReport(const ReportOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  SystemClock clock;
  report::ReportRequest request;
  auto period = ParseReportPeriod(options.period, "period");
  if (!period.ok()) return ReportError(period.error());
  request.period = *period;
  auto format = ChooseFormat(options);
  if (!format.ok()) return ReportError(format.error());
  auto language = report::ParseLanguage(options.lang, "lang");
  if (!language.ok()) return ReportError(language.error());
  request.language = *language;
  auto edition = report::ParseEdition(options.edition, "edition");
  if (!edition.ok()) return ReportError(edition.error());
  request.edition = *edition;
  auto known_at = ParseKnownAt(options.known_at, clock);
  if (!known_at.ok()) return ReportError(known_at.error());
  request.known_at = *known_at;

  auto opened = OpenStoredPartnership(options.db, options.key_file, options.partnership, clock);
  if (!opened.ok()) return ReportError(opened.error());
  SqliteStore& store = *opened->store;
  auto built = report::BuildReport(store, opened->partnership, request);
  if (!built.ok()) return ReportError(built.error());
  auto bytes = report::Render(*built, *format);
  if (!bytes.ok()) return ReportError(bytes.error());
  Status audited = AuditLocalChange(store, clock, "report",
                                    "report/" + opened->partnership.id + "/" + ReportPeriodText(request.period) + "/" +
                                        std::string(report::EditionName(request.edition)));
  if (!audited.ok()) return ReportError(audited.error());
  Status written = WriteFileAtomically(options.output, *bytes);
  if (!written.ok()) return ReportError(written.error());

  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const bool danish = request.language == report::Language::kDanish;
  std::cout << (danish ? "Skrev statusrapport (" : "Wrote the status report (") << report::FormatName(*format)
            << ", " << (danish ? (request.edition == report::Edition::kExternal ? "ekstern" : "intern")
                               : report::EditionName(request.edition))
            << (danish ? " udgave, " : " edition, ") << bytes->size() << " bytes) "
            << (danish ? "til " : "to ") << options.output << (danish ? " på " : " in ") << std::fixed
            << std::setprecision(2) << seconds << " s\n"
            << (danish ? "Tal som registreret pr. " : "Figures as recorded at ") << request.known_at.ToString()
            << "\n";
  return kExitOk;
}

}  // namespace

void AddReportCommand(CLI::App& app, Action& action) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* command = app.add_subcommand(
      "report", "Lav statusrapporten for en periode som PDF, HTML eller XLSX (the status report for a period)");
  command->add_option("--db", options->db, "Database file")->required();
  command->add_option("--partnership", options->partnership, "Partnership id, e.g. norrebro-2017")->required();
  command->add_option("--period", options->period, "The period, both days included: 2017-08-01..2018-06-30")
      ->required();
  command->add_option("-o,--output", options->output, "The file to write (replaced only when complete)")->required();
  command->add_option("--format", options->format, "pdf, html or xlsx (default: from the output file's extension)");
  command->add_option("--lang", options->lang, "da (Danish, default) or en")->capture_default_str();
  command->add_option("--edition", options->edition,
                      "internal (default) or external: for housing partners, aggregates only, counts under 5 "
                      "suppressed, no register section")
      ->capture_default_str();
  command->add_option("--known-at", options->known_at,
                      "Figures as recorded by this date (end of day) or instant (YYYY-MM-DDTHH:MM:SSZ); default: now. "
                      "The same value gives the same report later.");
  command->add_option("--key-file", options->key_file, kKeyFileHelp);
  command->callback([&action, options] { action = [options] { return RunReport(*options); }; });
}

}  // namespace trygnet::cli
