// Group commit of audit entries (DESIGN.md §3.2): request threads hand over
// the entries of a read and are called back once they are durable; one
// writer thread appends everything waiting in one transaction, so many
// reads share one fsync. A read is answered only from the callback.
// Thread-safety: Submit may be called from any thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "audit/audit_entry.h"
#include "store/store.h"

namespace trygnet::http {

class AuditWriter {
 public:
  using Done = std::function<void(Status)>;
  // Runs the callbacks of one commit, e.g. on a request thread (one wake-up
  // per commit instead of one per read). The default runs them at once.
  using Dispatcher = std::function<void(std::function<void()>)>;

  // Takes its own store (connection); starts the writer thread.
  explicit AuditWriter(std::unique_ptr<Store> store);
  // Sets (or, with {}, clears) where callbacks run; the HTTP server sets its io_context.
  void SetDispatcher(Dispatcher dispatch);
  ~AuditWriter();  // drains what was submitted, then stops
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  // Appends `records` (in order, together) and then calls `done` on the
  // writer thread with the outcome. After Stop, `done` gets unavailable.
  void Submit(std::vector<audit::AuditRecord> records, Done done);
  // Writes everything submitted so far, then ends the thread.
  void Stop();

  int64_t commits() const { return commits_.load(); }
  int64_t entries() const { return entries_.load(); }
  int64_t commit_nanoseconds() const { return commit_nanoseconds_.load(); }

 private:
  struct Pending {
    std::vector<audit::AuditRecord> records;
    Done done;
  };
  void Run();

  std::unique_ptr<Store> store_;
  Dispatcher dispatch_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<Pending> queue_;
  bool stopping_ = false;
  std::atomic<int64_t> commits_{0};
  std::atomic<int64_t> entries_{0};
  std::atomic<int64_t> commit_nanoseconds_{0};
  std::thread thread_;
};

}  // namespace trygnet::http
