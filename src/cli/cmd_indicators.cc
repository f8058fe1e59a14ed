// `trygnet indicators`: a partnership's indicators as of a date, as known at a date.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "analytics/indicator_json.h"
#include "analytics/indicators.h"
#include "cli/app.h"
#include "cli/exit_codes.h"
#include "cli/labels_da.h"
#include "cli/open_store.h"
#include "cli/partnership_source.h"

namespace trygnet::cli {
namespace {

struct IndicatorOptions {
  std::string db;
  std::string key_file;
  std::string partnership;
  std::string as_of;
  std::string known_at;
  std::string lang = "da";
  bool json = false;
};

int RunIndicators(const IndicatorOptions& options) {
  if (options.lang != "da" && options.lang != "en") return ReportError(InvalidArgument("lang", "must be da or en"));
  auto as_of = Date::Parse(options.as_of, "as-of");
  if (!as_of.ok()) return ReportError(as_of.error());
  SystemClock clock;
  Timestamp known_at = clock.Now();
  if (!options.known_at.empty()) {
    auto parsed = Date::Parse(options.known_at, "known-at");
    if (!parsed.ok()) return ReportError(parsed.error());
    known_at = EndOfDay(*parsed);
  }
  auto opened = OpenStoredPartnership(options.db, options.key_file, options.partnership, clock);
  if (!opened.ok()) return ReportError(opened.error());
  SqliteStore& store = *opened->store;
  const Partnership& partnership = opened->partnership;
  auto values = ComputeIndicators(store, partnership, {*as_of, known_at});
  if (!values.ok()) return ReportError(values.error());

  auto demo = store.IsDemo();
  if (!demo.ok()) return ReportError(demo.error());
  if (options.json) {
    nlohmann::json out = {{"partnership", partnership.id},
                          {"demo", *demo},
                          {"as_of", as_of->ToString()},
                          {"known_at", known_at.ToString()},
                          {"indicators", nlohmann::json::array()}};
    for (const IndicatorValue& value : *values) out["indicators"].push_back(IndicatorJson(value));
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  bool danish = options.lang == "da";
  std::cout << (danish ? "Målepunkter for " : "Indicators for ") << partnership.name << "\n"
            << (danish ? "pr. " : "as of ") << as_of->ToString();
  if (options.known_at.empty()) {
    std::cout << (danish ? ", som kendt nu" : ", as known now");
  } else {
    std::cout << (danish ? ", som registreret ved udgangen af " : ", as recorded by the end of ") << options.known_at
              << " (UTC)";
  }
  std::cout << (*demo ? (danish ? " — DEMO, syntetiske data" : " — DEMO, synthetic data") : "") << "\n\n";
  for (const IndicatorValue& value : *values) {
    const IndicatorDefinition& definition = *value.definition;
    std::cout << "  " << (danish ? definition.name : definition.name_en) << "\n    [" << definition.id << "] ";
    if (value.value) {
      std::cout << (danish ? "værdi " : "value ") << FormatNumber(*value.value, danish);
      if (value.period_from != value.period_to) {
        std::cout << " (" << value.period_from.ToString() << " – " << value.period_to.ToString() << ")";
      }
    } else {
      std::cout << (danish ? "ingen data endnu" : "no data yet");
    }
    if (definition.baseline) {
      std::cout << "; baseline " << FormatNumber(definition.baseline->value, danish) << " ("
                << definition.baseline->date.ToString() << ", " << definition.baseline->source << ")";
    }
    std::cout << "\n";
  }
  return kExitOk;
}

}  // namespace

void AddIndicatorsCommand(CLI::App& app, Action& action) {
  auto options = std::make_shared<IndicatorOptions>();
  CLI::App* command = app.add_subcommand(
      "indicators", "Beregn partnerskabets målepunkter pr. en dato (compute indicators as of a date)");
  command->add_option("--db", options->db, "Database file")->required();
  command->add_option("--partnership", options->partnership, "Partnership id, e.g. norrebro-2017")->required();
  command->add_option("--as-of", options->as_of, "The date the figures describe (YYYY-MM-DD)")->required();
  command->add_option("--known-at", options->known_at,
                      "Count only what was recorded by the end of this date (YYYY-MM-DD; default: now)");
  command->add_option("--lang", options->lang, "da (Danish, default) or en")->capture_default_str();
  command->add_flag("--json", options->json, "Print JSON instead of a table");
  command->add_option("--key-file", options->key_file, kKeyFileHelp);
  command->callback([&action, options] { action = [options] { return RunIndicators(*options); }; });
}

}  // namespace trygnet::cli
