// `trygnet serve`: the HTTP API on a database until SIGTERM or Ctrl-C.
#include <signal.h>

#include <filesystem>
#include <iostream>

#include "auth/sign_in.h"
#include "cli/app.h"
#include "cli/exit_codes.h"
#include "cli/open_store.h"
#include "http/running_server.h"

namespace trygnet::cli {
namespace {

struct ServeOptions {
  std::string db;
  std::string key_file;
  std::string listen = "127.0.0.1:8080";
  std::string tls_cert;
  std::string tls_key;
  int threads = 0;
  size_t max_body_bytes = 1 << 20;
  bool no_triggers = false;
  std::string web;  // empty: the built UI beside the binary (build/web), if it is there
  bool no_web = false;
  std::string map_tiles;  // empty: the map has no background tiles
};

// The built UI next to the executable: scripts/build-web.sh puts it in build/web.
std::string WebBesideBinary() {
  std::error_code error;
  const std::filesystem::path binary = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return "";
  const std::filesystem::path web = binary.parent_path() / "web";
  return std::filesystem::is_regular_file(web / "index.html", error) ? web.string() : "";
}

Result<std::pair<std::string, uint16_t>> ParseListen(const std::string& listen) {
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return InvalidArgument("listen", "write it as ADDRESS:PORT, e.g. 127.0.0.1:8080");
  }
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  std::string port_text = listen.substr(colon + 1);
  if (port_text.empty() || port_text.size() > 5 || port_text.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(port_text) > 65535) {
    return InvalidArgument("listen", "the port must be a number from 0 to 65535");
  }
  return std::pair<std::string, uint16_t>{host, static_cast<uint16_t>(std::stoi(port_text))};
}

int RunServe(const ServeOptions& options) {
  auto listen = ParseListen(options.listen);
  if (!listen.ok()) return ReportError(listen.error());
  // Signals are taken by this thread only (sigwait below); the server's threads inherit the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  SystemClock clock;
  auto checked = OpenExistingStore(options.db, options.key_file, clock);  // clear errors, demo banner
  if (!checked.ok()) return ReportError(checked.error());
  checked->reset();
  auto key = ReadKeyFile(ResolveKeyFile(options.db, options.key_file));
  if (!key.ok()) return ReportError(key.error());
  http::ServerOptions server_options;
  server_options.host = listen->first;
  server_options.port = listen->second;
  server_options.threads = options.threads;
  server_options.max_body_bytes = options.max_body_bytes;
  server_options.tls_cert_file = options.tls_cert;
  server_options.tls_key_file = options.tls_key;
  if (!options.no_web) server_options.web_root = options.web.empty() ? WebBesideBinary() : options.web;
  server_options.map_tiles = options.map_tiles;
  auto running = http::RunningServer::Start(options.db, *key, clock, server_options, {}, !options.no_triggers);
  if (!running.ok()) return ReportError(running.error());
  const char* scheme = (*running)->tls() ? "https" : "http";
  std::string host = listen->first.find(':') != std::string::npos ? "[" + listen->first + "]" : listen->first;
  std::cout << "Trygnet kører på " << scheme << "://" << host << ":" << (*running)->port()
            << "/  (API: /api/v1, dokumentation: /api/v1/openapi.json)\n";
  if (server_options.web_root.empty()) {
    std::cout << "Ingen brugerflade: " << (options.no_web ? "--no-web" : "byg den med scripts/build-web.sh")
              << " (no browser UI; only the API)\n";
  } else {
    std::cout << "Brugerflade (browser UI): " << server_options.web_root << "\n";
  }
  if ((*running)->demo()) {
    std::cout << "Demo-login: brugernavn fx eas-analyst, ssp-caseworker, sikkerby-coordinator, boligsocial-partner, "
                 "auditor eller admin; adgangskode "
              << auth::kDemoPassword << " (kun i en demodatabase; ingen engangskode)\n";
  }
  bool loopback = listen->first == "127.0.0.1" || listen->first == "::1" || listen->first == "localhost";
  if (!loopback && !(*running)->tls()) {
    std::cerr << "ADVARSEL: lytter på " << listen->first
              << " uden TLS. Browsere sender ikke login-cookien (Secure) over HTTP, og data sendes ukrypteret; "
                 "brug --tls-cert og --tls-key (warning: no TLS on a non-loopback address).\n";
  }
  std::cout << "Stop med Ctrl-C eller SIGTERM.\n" << std::flush;
  int received = 0;
  sigwait(&signals, &received);
  std::cout << "Lukker ned: afslutter igangværende forespørgsler …\n" << std::flush;
  (*running)->Shutdown();
  std::cout << "Stoppet.\n";
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, Action& action) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* command = app.add_subcommand(
      "serve", "Start HTTP-API'et på en database (start the HTTP API); stop med SIGTERM eller Ctrl-C");
  command->add_option("--db", options->db, "Databasefil (database file)")->required();
  command->add_option("--key-file", options->key_file, kKeyFileHelp);
  command->add_option("--listen", options->listen, "Adresse og port (address and port)")->capture_default_str();
  command->add_option("--tls-cert", options->tls_cert, "TLS-certifikat i PEM (certificate chain); kræver --tls-key");
  command->add_option("--tls-key", options->tls_key, "TLS-nøgle i PEM (private key); kræver --tls-cert");
  command->add_option("--threads", options->threads, "Arbejdstråde; 0 = én pr. kerne (worker threads)")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  command
      ->add_option("--max-body-bytes", options->max_body_bytes,
                   "Største tilladte request-body i bytes (larger bodies get 413)")
      ->check(CLI::Range(size_t{1024}, size_t{64} << 20))
      ->capture_default_str();
  command->add_option("--web", options->web,
                      "Mappe med den byggede brugerflade (built browser UI); standard: web/ ved siden af programmet");
  command->add_flag("--no-web", options->no_web, "Server kun API'et, ingen brugerflade (API only)");
  command->add_option("--map-tiles", options->map_tiles,
                      "Tileserver til kortets baggrund, fx https://tiles.example.dk/{z}/{x}/{y}.png; uden: kun "
                      "områdernes omrids (map background tiles; without: outlines only)");
  command->add_flag("--no-triggers", options->no_triggers,
                    "Kør ikke de udløsende regler dagligt (do not run the trigger rules each day)");
  command->callback([options, &action] { action = [options] { return RunServe(*options); }; });
}

}  // namespace trygnet::cli
