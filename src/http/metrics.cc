#include "http/metrics.h"

#include <cstdio>
#include <sstream>

namespace trygnet::http {
namespace {

std::string Seconds(int64_t nanoseconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6f", static_cast<double>(nanoseconds) / 1e9);
  return text;
}

}  // namespace

Metrics::Metrics(std::vector<std::string> routes) : routes_(std::move(routes)), counters_(routes_.size() + 1) {
  routes_.push_back("unmatched");
}

void Metrics::Record(size_t route_index, int status, double seconds) {
  if (route_index >= counters_.size()) route_index = unmatched_index();
  int status_class = status / 100 - 1;
  if (status_class < 0 || status_class >= kStatusClasses) status_class = kStatusClasses - 1;
  counters_[route_index].by_class[status_class].fetch_add(1, std::memory_order_relaxed);
  size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  buckets_[bucket].fetch_add(1, std::memory_order_relaxed);
  latency_sum_nanoseconds_.fetch_add(static_cast<int64_t>(seconds * 1e9), std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
}

std::string Metrics::Render(const Extra& extra) const {
  std::ostringstream out;
  out << "# HELP trygnet_http_requests_total HTTP requests answered, by route and status class.\n"
      << "# TYPE trygnet_http_requests_total counter\n";
  for (size_t route = 0; route < routes_.size(); ++route) {
    for (int status_class = 0; status_class < kStatusClasses; ++status_class) {
      int64_t value = counters_[route].by_class[status_class].load(std::memory_order_relaxed);
      if (value == 0) continue;
      out << "trygnet_http_requests_total{route=\"" << routes_[route] << "\",status=\"" << status_class + 1 << "xx\"} "
          << value << "\n";
    }
  }
  out << "# HELP trygnet_http_request_duration_seconds Time from a request read to its response written.\n"
      << "# TYPE trygnet_http_request_duration_seconds histogram\n";
  int64_t cumulative = 0;
  for (size_t bucket = 0; bucket < kBuckets.size(); ++bucket) {
    cumulative += buckets_[bucket].load(std::memory_order_relaxed);
    out << "trygnet_http_request_duration_seconds_bucket{le=\"" << kBuckets[bucket] << "\"} " << cumulative << "\n";
  }
  cumulative += buckets_[kBuckets.size()].load(std::memory_order_relaxed);
  out << "trygnet_http_request_duration_seconds_bucket{le=\"+Inf\"} " << cumulative << "\n"
      << "trygnet_http_request_duration_seconds_sum " << Seconds(latency_sum_nanoseconds_.load()) << "\n"
      << "trygnet_http_request_duration_seconds_count " << count_.load() << "\n";
  out << "# HELP trygnet_db_seconds_total Time spent running SQL statements.\n"
      << "# TYPE trygnet_db_seconds_total counter\n"
      << "trygnet_db_seconds_total " << Seconds(extra.db_nanoseconds) << "\n"
      << "# HELP trygnet_db_statements_total SQL statements run.\n"
      << "# TYPE trygnet_db_statements_total counter\n"
      << "trygnet_db_statements_total " << extra.db_statements << "\n"
      << "# HELP trygnet_audit_commits_total Group commits of audit entries.\n"
      << "# TYPE trygnet_audit_commits_total counter\n"
      << "trygnet_audit_commits_total " << extra.audit_commits << "\n"
      << "# HELP trygnet_audit_entries_total Audit entries written by group commit.\n"
      << "# TYPE trygnet_audit_entries_total counter\n"
      << "trygnet_audit_entries_total " << extra.audit_entries << "\n"
      << "# HELP trygnet_audit_commit_seconds_total Time spent in audit group commits (including fsync).\n"
      << "# TYPE trygnet_audit_commit_seconds_total counter\n"
      << "trygnet_audit_commit_seconds_total " << Seconds(extra.audit_commit_nanoseconds) << "\n"
      << "# HELP trygnet_sessions Signed-in browser sessions.\n"
      << "# TYPE trygnet_sessions gauge\n"
      << "trygnet_sessions " << extra.sessions << "\n"
      << "# HELP trygnet_trigger_runs_total Daily runs of a partnership's trigger rules.\n"
      << "# TYPE trygnet_trigger_runs_total counter\n"
      << "trygnet_trigger_runs_total " << extra.trigger_runs << "\n"
      << "# HELP trygnet_trigger_firings_total Facts the daily runs acted on (cases and measures created).\n"
      << "# TYPE trygnet_trigger_firings_total counter\n"
      << "trygnet_trigger_firings_total " << extra.trigger_firings << "\n"
      << "# HELP trygnet_http_requests_in_flight Requests being handled now.\n"
      << "# TYPE trygnet_http_requests_in_flight gauge\n"
      << "trygnet_http_requests_in_flight " << extra.in_flight << "\n";
  return out.str();
}

}  // namespace trygnet::http
