// The HTTP(S) server: Boost.Beast on Asio, one io_context run by a thread per
// core. Requests are parsed with size limits, answered by the ApiService;
// answers that carry audit entries are sent only after the AuditWriter has
// made those durable. Shutdown stops accepting, lets requests in flight
// finish (including their audit entries), then stops.
// Thread-safety: Start/Shutdown/Wait from one controlling thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/error.h"
#include "http/api_service.h"
#include "http/audit_writer.h"

namespace trygnet::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;             // 0: any free port (tests)
  int threads = 0;                  // 0: one per core
  size_t max_body_bytes = 1 << 20;  // larger bodies get 413
  std::string tls_cert_file;        // both set: HTTPS only
  std::string tls_key_file;
  int shutdown_grace_seconds = 30;  // how long Shutdown waits for requests in flight
  std::string web_root;             // set: the browser UI's built files (StaticFiles) beside the API
  std::string map_tiles;            // the map's tile server URL template; empty: no background tiles
};

class HttpServer {
 public:
  // Binds and starts serving. Fails with unavailable (address in use,
  // unreadable certificate) or invalid_argument (bad host).
  static Result<std::unique_ptr<HttpServer>> Start(ApiService& service, AuditWriter& audit, ServerOptions options);
  ~HttpServer();  // shuts down if still running

  uint16_t port() const;
  bool tls() const;
  int64_t in_flight() const;
  // Graceful: see the file comment. Safe to call more than once.
  void Shutdown();

  struct Impl;

 private:
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace trygnet::http
