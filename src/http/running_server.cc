#include "http/running_server.h"

#include "definition/partnership_loader.h"

namespace trygnet::http {
namespace {

// The partnerships as stored; a stored definition that no longer loads is damaged data.
Result<std::vector<Partnership>> LoadPartnerships(Store& store) {
  TRY_ASSIGN(std::vector<StoredPartnership> listed, store.ListPartnerships());
  std::vector<Partnership> partnerships;
  for (const StoredPartnership& entry : listed) {
    TRY_ASSIGN(StoredPartnership stored, store.GetPartnership(entry.id));
    PartnershipLoad load = LoadPartnershipText(stored.definition, "partnership " + entry.id);
    if (!load.ok())
      return DataLoss("the stored definition of " + entry.id + " does not load: " + load.problems[0].ToString());
    partnerships.push_back(std::move(*load.partnership));
  }
  return partnerships;
}

}  // namespace

Result<std::unique_ptr<RunningServer>> RunningServer::Start(const std::string& db_path, const MasterKey& key,
                                                            const Clock& clock, ServerOptions server_options,
                                                            ServiceOptions service_options, bool daily_triggers) {
  std::unique_ptr<RunningServer> running(new RunningServer());
  SqliteOpenOptions open_options;
  open_options.statement_timer = &running->statement_timer_;
  auto open = [db_path, key, &clock, open_options]() -> Result<std::unique_ptr<Store>> {
    TRY_ASSIGN(auto store, SqliteStore::Open(db_path, key, clock, open_options));
    return std::unique_ptr<Store>(std::move(store));
  };
  TRY_ASSIGN(std::unique_ptr<Store> first, open());
  TRY_ASSIGN(bool demo, first->IsDemo());
  TRY_ASSIGN(std::vector<Partnership> partnerships, LoadPartnerships(*first));
  running->audit_ = std::make_unique<AuditWriter>(std::move(first));
  running->stores_ = std::make_unique<StorePool>(open);
  running->service_ =
      std::make_unique<ApiService>(*running->stores_, clock, std::move(partnerships), demo, service_options);
  RunningServer* raw = running.get();
  running->service_->state().metrics_text = [raw] { return raw->MetricsText(); };
  TRY_ASSIGN(running->server_, HttpServer::Start(*running->service_, *running->audit_, std::move(server_options)));
  if (daily_triggers) {
    running->triggers_ = std::make_unique<DailyTriggers>(open, running->service_->state().partnerships, clock);
  }
  return running;
}

RunningServer::~RunningServer() { Shutdown(); }

void RunningServer::Shutdown() {
  if (triggers_) triggers_->Stop();
  if (server_) server_->Shutdown();
  if (audit_) audit_->Stop();
}

std::string RunningServer::MetricsText() {
  Metrics::Extra extra;
  extra.db_nanoseconds = statement_timer_.nanoseconds.load();
  extra.db_statements = statement_timer_.statements.load();
  extra.audit_commits = audit_->commits();
  extra.audit_entries = audit_->entries();
  extra.audit_commit_nanoseconds = audit_->commit_nanoseconds();
  extra.in_flight = server_ ? server_->in_flight() : 0;
  extra.sessions = static_cast<int64_t>(service_->state().sessions.Count());
  if (triggers_) {
    extra.trigger_runs = triggers_->runs();
    extra.trigger_firings = triggers_->created();
  }
  return service_->metrics().Render(extra);
}

}  // namespace trygnet::http
