// Work in a forked child process, so that a second core can run igraph
// while this process runs it too (igraph, as Debian builds it, allows one
// caller per process). The child inherits the parent's memory (copy on
// write), runs one function, sends its bytes back through a pipe and exits
// without running destructors.
//
// REQUIRES: the calling process has no other thread that may hold a lock the
// child needs (the igraph mutex): use it from single-threaded callers — the
// command line and benchmarks — never inside `trygnet serve`.
#pragma once

#include <functional>
#include <string>
#include <sys/types.h>

#include "core/error.h"

namespace trygnet::network {

class ChildProcess {
 public:
  // Forks and runs `work` in the child. Fails with unavailable if no process
  // can be made.
  static Result<ChildProcess> Start(std::function<Result<std::string>()> work);
  ~ChildProcess();  // a child never collected is killed and reaped
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&&) = delete;
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Waits for the child: its bytes, or its error (internal if it crashed).
  Result<std::string> Finish();

 private:
  ChildProcess(pid_t pid, int read_fd) : pid_(pid), read_fd_(read_fd) {}
  pid_t pid_ = -1;
  int read_fd_ = -1;
};

}  // namespace trygnet::network
