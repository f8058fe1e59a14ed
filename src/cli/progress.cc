#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace trygnet::cli {

TerminalProgress::TerminalProgress() : enabled_(::isatty(STDERR_FILENO) == 1) {}

TerminalProgress::~TerminalProgress() {
  if (line_open_) std::fputc('\n', stderr);
}

void TerminalProgress::Update(std::string_view stage, int64_t done, int64_t total) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (stage != stage_) {
    if (line_open_) std::fputc('\n', stderr);
    stage_ = std::string(stage);
    stage_started_ = now;
    last_drawn_ = {};
  }
  bool finished = done >= total;
  if (!finished && now - last_drawn_ < std::chrono::milliseconds(200)) return;
  last_drawn_ = now;
  double seconds = std::chrono::duration<double>(now - stage_started_).count();
  double percent = total > 0 ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 100.0;
  double eta = done > 0 ? seconds * static_cast<double>(total - done) / static_cast<double>(done) : 0;
  std::fprintf(stderr, "\r  %-14s %11lld / %-11lld %5.1f %%  %6.1f s  (ca. %.0f s tilbage)   ", stage_.c_str(),
               static_cast<long long>(done), static_cast<long long>(total), percent, seconds, eta);
  line_open_ = true;
  std::fflush(stderr);
}

}  // namespace trygnet::cli
