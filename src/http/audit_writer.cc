#include "http/audit_writer.h"

#include <chrono>

namespace trygnet::http {

AuditWriter::AuditWriter(std::unique_ptr<Store> store) : store_(std::move(store)) {
  thread_ = std::thread([this] { Run(); });
}

AuditWriter::~AuditWriter() { Stop(); }

void AuditWriter::Submit(std::vector<audit::AuditRecord> records, Done done) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      queue_.push_back({std::move(records), std::move(done)});
      wake_.notify_one();
      return;
    }
  }
  done(Unavailable("the server is shutting down"));
}

void AuditWriter::SetDispatcher(Dispatcher dispatch) {
  std::lock_guard lock(mutex_);
  dispatch_ = std::move(dispatch);
}

void AuditWriter::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_.notify_one();
  }
  if (thread_.joinable()) thread_.join();
}

void AuditWriter::Run() {
  while (true) {
    std::vector<Pending> batch;
    Dispatcher dispatch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to write
      batch.swap(queue_);
      dispatch = dispatch_;
    }
    std::vector<audit::AuditRecord> records;
    for (Pending& pending : batch) {
      for (audit::AuditRecord& record : pending.records) records.push_back(std::move(record));
    }
    auto started = std::chrono::steady_clock::now();
    Status written = store_->AppendAuditBatch(records);
    commit_nanoseconds_ +=
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - started).count();
    if (written.ok()) {
      commits_ += 1;
      entries_ += static_cast<int64_t>(records.size());
    }
    auto finish = [batch = std::make_shared<std::vector<Pending>>(std::move(batch)), written] {
      for (Pending& pending : *batch) pending.done(written);
    };
    dispatch ? dispatch(std::move(finish)) : finish();
  }
}

}  // namespace trygnet::http
