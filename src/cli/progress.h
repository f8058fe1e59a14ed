// Progress for long work, shown on stderr only when it is a terminal (so
// logs and pipes stay clean).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace trygnet::cli {

class TerminalProgress {
 public:
  TerminalProgress();
  ~TerminalProgress();  // ends the line if one is open
  void Update(std::string_view stage, int64_t done, int64_t total);

 private:
  bool enabled_;
  bool line_open_ = false;
  std::string stage_;
  std::chrono::steady_clock::time_point stage_started_;
  std::chrono::steady_clock::time_point last_drawn_;
};

}  // namespace trygnet::cli
