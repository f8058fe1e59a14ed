// `trygnet network`: who is seen with whom, and who matters in it [p.8–9,
// p.12], as of a date. Local administration with the key: every run states
// its purpose, which the audit log keeps with one entry per person shown;
// persons without a registration or a case are shown by pseudonym.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/app.h"
#include "cli/exit_codes.h"
#include "cli/labels_da.h"
#include "cli/local_audit.h"
#include "cli/open_store.h"
#include "cli/partnership_source.h"
#include "network/network_analysis.h"
#include "network/network_json.h"
#include "network/person_labels.h"

namespace trygnet::cli {
namespace {

struct NetworkOptions {
  std::string db;
  std::string key_file;
  std::string partnership;
  std::string as_of;
  std::string known_at;
  std::string from;
  std::vector<std::string> areas;
  std::string purpose;
  std::string lang = "da";
  network::NetworkRequest request;
  bool json = false;
};

// A sampled betweenness whose stated bound is this wide (on a 0–1 scale)
// cannot rank persons; the text output says so.
constexpr double kIndicativeBound = 0.5;

class Text {
 public:
  explicit Text(bool danish) : danish_(danish) {}
  const char* Tr(const char* da, const char* en) const { return danish_ ? da : en; }
  std::string Number(double value, int decimals) const {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (danish_) {
      for (char& c : text) c = c == '.' ? ',' : c;
    }
    return text;
  }

 private:
  bool danish_;
};

std::string Shown(PersonId person_id, const std::map<PersonId, network::PersonLabel>& labels) {
  auto found = labels.find(person_id);
  if (found == labels.end()) return "?";
  return found->second.named ? found->second.text + " (" + std::to_string(person_id) + ")" : found->second.text;
}

void PrintTopList(const char* title, const std::vector<PersonId>& persons, const network::NetworkResult& result,
                  const std::map<PersonId, network::PersonLabel>& labels, const Text& text) {
  std::cout << "\n" << title << "\n";
  if (persons.empty()) std::cout << "  " << text.Tr("(ingen)", "(none)") << "\n";
  int rank = 0;
  for (PersonId person_id : persons) {
    const network::PersonResult& person = result.shown.at(person_id);
    const network::PersonMeasures& m = person.measures;
    std::cout << "  " << PadRight(std::to_string(++rank) + ".", 4) << PadRight(Shown(person_id, labels), 34)
              << "PageRank " << text.Number(m.pagerank, 4) << "  " << text.Tr("grad ", "degree ") << m.degree << "  "
              << text.Tr("vægtet ", "weighted ") << text.Number(m.strength, 1) << "  betweenness "
              << text.Number(m.betweenness_normalised, 3) << "  " << text.Tr("fællesskab ", "community ")
              << m.community << "\n";
    if (!person.ties.empty()) {
      const network::CoPresenceEdge& tie = person.ties.front();
      std::cout << "      " << text.Tr("stærkeste bånd: ", "strongest tie: ")
                << Shown(tie.a == person_id ? tie.b : tie.a, labels) << ", " << tie.count
                << text.Tr(" gange, senest ", " times, last ") << tie.last_seen.date().ToString()
                << text.Tr(" (observation ", " (observation ") << tie.observation_ids.front() << ")\n";
    }
  }
}

void PrintText(const network::NetworkResult& result, const std::map<PersonId, network::PersonLabel>& labels,
               const NetworkOptions& options, const Partnership& partnership, bool demo) {
  const Text text(options.lang == "da");
  const network::NetworkRequest& request = result.request;
  std::cout << text.Tr("Netværksanalyse for ", "Network analysis for ") << partnership.name << "\n"
            << text.Tr("pr. ", "as of ") << request.as_of.ToString() << text.Tr(" (observationer fra ", " (observations from ")
            << result.from.ToString() << ")" << (options.known_at.empty() ? text.Tr(", som kendt nu", ", as known now") : "")
            << (demo ? text.Tr(" — DEMO, syntetiske data", " — DEMO, synthetic data") : "") << "\n"
            << text.Tr("Formål: ", "Purpose: ") << options.purpose << "\n"
            << text.Tr("Indikatorer til fagligt skøn; netværksmål ændrer ingen persons status.",
                       "Indicators for professional judgement; network measures change no one's status.")
            << "\n\n";
  std::cout << text.Tr("Observationer ", "Observations ") << result.observations << text.Tr(" · personer ", " · persons ")
            << result.persons << text.Tr(" · bånd ", " · ties ") << result.ties
            << text.Tr(" · sammenhængende dele ", " · components ") << result.components
            << text.Tr(" · modularitet ", " · modularity ") << text.Number(result.modularity, 3) << "\n";
  const bool one = result.exact_components == 1;
  std::cout << "Betweenness: " << text.Tr("eksakt i ", "exact in ") << result.exact_components
            << (one ? text.Tr(" mindre del", " smaller component") : text.Tr(" mindre dele", " smaller components"));
  bool indicative = false;
  for (const network::BetweennessPlan& plan : result.betweenness) {
    if (plan.exact) continue;
    indicative |= plan.error_bound >= kIndicativeBound;
    std::cout << text.Tr("; stikprøve i en del med ", "; sampled in a component of ") << plan.persons
              << text.Tr(" personer: ", " persons: ") << plan.pivots << text.Tr(" kildepersoner, fejlgrænse ±", " pivots, error bound ±")
              << text.Number(plan.error_bound, 3) << text.Tr(" (normaliseret) med ", " (normalised) with ")
              << text.Number(100 * (1 - request.measures.error_probability), 0) << text.Tr(" % sikkerhed", " % confidence");
  }
  std::cout << "\n";
  if (indicative) {
    std::cout << text.Tr("Fejlgrænsen er for stor til at rangordne efter betweenness: tallene er kun vejledende. "
                         "Brug flere kildepersoner (--pivots, --budget) eller et mindre område eller tidsrum.",
                         "The error bound is too wide to rank by betweenness: the figures are indicative only. "
                         "Use more pivots (--pivots, --budget) or a smaller area or period.")
              << "\n";
  }
  PrintTopList(text.Tr("Mest centrale (PageRank)", "Most central (PageRank)"), result.by_pagerank, result, labels, text);
  PrintTopList(text.Tr("Forbinder flest (betweenness)", "Connect the most (betweenness)"), result.by_betweenness, result,
               labels, text);
  std::cout << "\n" << text.Tr("Mæglere mellem grupper", "Brokers between groups") << "\n";
  if (result.brokers.empty()) std::cout << "  " << text.Tr("(ingen)", "(none)") << "\n";
  for (const network::BrokerResult& broker : result.brokers) {
    std::cout << "  " << PadRight(Shown(broker.person_id, labels), 34) << text.Tr("spredning ", "spread ")
              << text.Number(broker.broker.spread, 2) << ":";
    for (const network::BrokerLink& link : broker.broker.groups) {
      std::string name = std::to_string(link.group_id);
      for (const network::GroupResult& group : result.groups) {
        if (group.summary.group_id == link.group_id && !group.name.empty()) name = group.name;
      }
      std::cout << " " << name << " (" << link.members_met << text.Tr(" medl.)", " members)");
    }
    std::cout << "\n";
  }
  std::cout << "\n"
            << text.Tr("Unge under 18 set med registrerede medlemmer", "Under-18s seen with registered members") << "\n";
  if (result.drifting_in.empty()) std::cout << "  " << text.Tr("(ingen)", "(none)") << "\n";
  for (const network::DriftResult& drift : result.drifting_in) {
    std::cout << "  " << PadRight(Shown(drift.person_id, labels), 34) << drift.drift.contacts.size()
              << text.Tr(" medlemmer, heraf ", " members, ") << drift.drift.new_recently
              << text.Tr(" nye de seneste 180 dage;", " new in the last 180 days;");
    for (const network::QuarterCount& quarter : drift.drift.growth) {
      std::cout << " " << quarter.quarter << ":" << quarter.members;
    }
    std::cout << "\n";
  }
  std::cout << "\n"
            << text.Tr("Hvert tal forklares af båndene og observationerne bag det: brug --json.",
                       "Every figure is explained by the ties and observations behind it: use --json.")
            << "\n";
}

int RunNetwork(NetworkOptions options) {
  if (options.lang != "da" && options.lang != "en") return ReportError(InvalidArgument("lang", "must be da or en"));
  if (options.purpose.empty()) {
    return ReportError(InvalidArgument("purpose", "is required: state why the network is analysed"));
  }
  auto as_of = Date::Parse(options.as_of, "as-of");
  if (!as_of.ok()) return ReportError(as_of.error());
  options.request.as_of = *as_of;
  SystemClock clock;
  options.request.known_at = clock.Now();
  if (!options.known_at.empty()) {
    auto parsed = Date::Parse(options.known_at, "known-at");
    if (!parsed.ok()) return ReportError(parsed.error());
    options.request.known_at = EndOfDay(*parsed);
  }
  if (!options.from.empty()) {
    auto from = Date::Parse(options.from, "from");
    if (!from.ok()) return ReportError(from.error());
    options.request.from = *from;
  }
  options.request.area_ids = options.areas;
  auto opened = OpenStoredPartnership(options.db, options.key_file, options.partnership, clock);
  if (!opened.ok()) return ReportError(opened.error());
  SqliteStore& store = *opened->store;
  if (Status valid = network::ValidateNetworkRequest(options.request, opened->partnership); !valid.ok()) {
    return ReportError(valid.error());
  }
  if (!options.json) std::cerr << "Analyserer netværket …\n";
  auto result = network::AnalyseNetwork(store, opened->partnership, options.request);
  if (!result.ok()) return ReportError(result.error());
  // Local administration holds the key: identity may be read, and the
  // network rule still keeps the uninvolved under pseudonyms.
  const policy::Decision local{true, policy::Reason::kOwnOrganisation, "", ""};
  auto labels = network::LabelPersons(store, *result, [&](PersonId) -> Result<policy::Decision> { return local; });
  if (!labels.ok()) return ReportError(labels.error());
  Status audited = AuditLocalAnalysis(store, clock, options.purpose,
                                      "network/" + opened->partnership.id + "/" + as_of->ToString(),
                                      network::PersonsIn(*result));
  if (!audited.ok()) return ReportError(audited.error());
  auto demo = store.IsDemo();
  if (!demo.ok()) return ReportError(demo.error());
  if (options.json) {
    nlohmann::json out = network::NetworkJson(*result, *labels);
    out["partnership"] = opened->partnership.id;
    out["demo"] = *demo;
    out["purpose"] = options.purpose;
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  PrintText(*result, *labels, options, opened->partnership, *demo);
  return kExitOk;
}

}  // namespace

void AddNetworkCommand(CLI::App& app, Action& action) {
  auto options = std::make_shared<NetworkOptions>();
  CLI::App* command = app.add_subcommand(
      "network", "Netværksanalyse: hvem ses med hvem, og hvem er centrale (co-presence network and its measures)");
  command->add_option("--db", options->db, "Database file")->required();
  command->add_option("--partnership", options->partnership, "Partnership id, e.g. norrebro-2017")->required();
  command->add_option("--as-of", options->as_of, "The network as it stood at the end of this date (YYYY-MM-DD)")
      ->required();
  command->add_option("--purpose", options->purpose,
                      "Why the network is analysed (kept in the audit log), e.g. crime_prevention")
      ->required();
  command->add_option("--from", options->from, "First day of observations (default: one year before --as-of)");
  command->add_option("--known-at", options->known_at,
                      "Use only observations recorded by the end of this date (YYYY-MM-DD; default: now)");
  command->add_option("--area", options->areas, "Only observations in this area and its sub-areas (repeatable)");
  command->add_option("--window", options->request.window_minutes,
                      "Minutes within which sightings at one place count as together (0–10080)")
      ->capture_default_str();
  command->add_option("--radius", options->request.radius_metres,
                      "Metres within which positioned sightings count as one place (0: the area)")
      ->capture_default_str();
  command->add_option("--half-life", options->request.half_life_days, "Days after which a sighting weighs half")
      ->capture_default_str();
  command->add_option("--top", options->request.top, "Persons in each list (1–500)")->capture_default_str();
  command->add_option("--seed", options->request.measures.seed, "Seed for communities and sampling")
      ->capture_default_str();
  command->add_option("--exact-limit", options->request.measures.exact_limit,
                      "Exact betweenness in parts of the network up to this many persons")
      ->capture_default_str();
  command->add_option("--pivots", options->request.measures.pivots,
                      "Sampled persons for betweenness in larger parts")
      ->capture_default_str();
  command->add_option("--budget", options->request.measures.budget_seconds,
                      "Seconds sampling may take (0: no limit; the pivots used and the error bound are shown)")
      ->capture_default_str();
  command->add_option("--resolution", options->request.measures.resolution, "Community resolution (0.1–10)")
      ->capture_default_str();
  options->request.measures.processes = 2;  // the command runs alone: a worker process may use the second core
  command->add_option("--processes", options->request.measures.processes,
                      "1, or 2 to run communities and half the betweenness sampling in a second process")
      ->capture_default_str();
  command->add_option("--lang", options->lang, "da (Danish, default) or en")->capture_default_str();
  command->add_flag("--json", options->json, "Print JSON, with every figure's ties and observations");
  command->add_option("--key-file", options->key_file, kKeyFileHelp);
  command->callback([&action, options] { action = [options] { return RunNetwork(*options); }; });
}

}  // namespace trygnet::cli
