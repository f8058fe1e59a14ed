#include "network/child_process.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace trygnet::network {
namespace {

constexpr char kOk = 'K';
constexpr char kFailed = 'E';

bool WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    const ssize_t written = ::write(fd, data, size);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    data += written;
    size -= static_cast<size_t>(written);
  }
  return true;
}

}  // namespace

Result<ChildProcess> ChildProcess::Start(std::function<Result<std::string>()> work) {
  int fds[2];
  if (::pipe(fds) != 0) return Unavailable(std::string("cannot make a pipe: ") + std::strerror(errno));
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return Unavailable(std::string("cannot start a process: ") + std::strerror(errno));
  }
  if (pid == 0) {  // the child: compute, send, leave without destructors or atexit handlers
    ::close(fds[0]);
    Result<std::string> result = work();
    const char status = result.ok() ? kOk : kFailed;
    const std::string& payload = result.ok() ? *result : result.error().message;
    const bool sent = WriteAll(fds[1], &status, 1) && WriteAll(fds[1], payload.data(), payload.size());
    ::_exit(sent ? 0 : 1);
  }
  ::close(fds[1]);
  return ChildProcess(pid, fds[0]);
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept : pid_(other.pid_), read_fd_(other.read_fd_) {
  other.pid_ = -1;
  other.read_fd_ = -1;
}

ChildProcess::~ChildProcess() {
  if (read_fd_ >= 0) ::close(read_fd_);
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

Result<std::string> ChildProcess::Finish() {
  std::string bytes;
  char buffer[1 << 16];
  while (true) {
    const ssize_t got = ::read(read_fd_, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    bytes.append(buffer, static_cast<size_t>(got));
  }
  ::close(read_fd_);
  read_fd_ = -1;
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  if (WIFSIGNALED(status)) return Internal("a worker process ended with signal " + std::to_string(WTERMSIG(status)));
  if (bytes.empty() || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Internal("a worker process ended without its result");
  }
  if (bytes[0] == kFailed) return Internal("a worker process failed: " + bytes.substr(1));
  return bytes.substr(1);
}

}  // namespace trygnet::network
