// Counters for /metrics in the Prometheus text format: requests by route and
// status class, a latency histogram, and time spent in the database and in
// audit commits.
// Thread-safety: Record may be called from any thread (atomics only).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace trygnet::http {

class Metrics {
 public:
  // `routes` are the route names (the index passed to Record); one more slot
  // counts requests that matched no route.
  explicit Metrics(std::vector<std::string> routes);

  void Record(size_t route_index, int status, double seconds);
  size_t unmatched_index() const { return routes_.size() - 1; }

  struct Extra {  // values read elsewhere at scrape time
    int64_t db_nanoseconds = 0;
    int64_t db_statements = 0;
    int64_t audit_commits = 0;
    int64_t audit_entries = 0;
    int64_t audit_commit_nanoseconds = 0;
    int64_t sessions = 0;
    int64_t in_flight = 0;
    int64_t trigger_runs = 0;
    int64_t trigger_firings = 0;
  };
  std::string Render(const Extra& extra) const;

  // Upper bounds of the latency buckets, in seconds.
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

 private:
  static constexpr int kStatusClasses = 5;  // 1xx … 5xx
  struct RouteCounters {
    std::array<std::atomic<int64_t>, kStatusClasses> by_class{};
  };
  std::vector<std::string> routes_;
  std::vector<RouteCounters> counters_;
  std::array<std::atomic<int64_t>, kBuckets.size() + 1> buckets_{};  // last: +Inf
  std::atomic<int64_t> latency_sum_nanoseconds_{0};
  std::atomic<int64_t> count_{0};
};

}  // namespace trygnet::http
