// Everything `trygnet serve` runs, wired together: a store pool and an audit
// writer on the database, the partnerships loaded from it, the API service and
// the HTTP server. Tests start the same thing on a loopback port.
#pragma once

#include <memory>
#include <string>

#include "http/api_service.h"
#include "http/audit_writer.h"
#include "http/daily_triggers.h"
#include "http/server.h"
#include "http/store_pool.h"
#include "store/key_file.h"
#include "store/sqlite/sqlite_store.h"

namespace trygnet::http {

class RunningServer {
 public:
  // Opens the database (which must exist), loads its partnerships and starts
  // serving; with `daily_triggers`, also runs the trigger rules each day.
  // `clock` must outlive the server.
  static Result<std::unique_ptr<RunningServer>> Start(const std::string& db_path, const MasterKey& key,
                                                      const Clock& clock, ServerOptions server_options,
                                                      ServiceOptions service_options = {},
                                                      bool daily_triggers = false);
  ~RunningServer();

  uint16_t port() const { return server_->port(); }
  bool tls() const { return server_->tls(); }
  bool demo() const { return service_->demo(); }
  const std::vector<Partnership>& partnerships() { return service_->state().partnerships; }
  // Finishes requests in flight and their audit entries, then stops.
  void Shutdown();

 private:
  RunningServer() = default;
  std::string MetricsText();

  StatementTimer statement_timer_;
  std::unique_ptr<StorePool> stores_;
  std::unique_ptr<AuditWriter> audit_;
  std::unique_ptr<ApiService> service_;
  std::unique_ptr<HttpServer> server_;
  std::unique_ptr<DailyTriggers> triggers_;
};

}  // namespace trygnet::http
