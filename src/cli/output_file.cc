#include "cli/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace trygnet::cli {
namespace {

Error WriteError(const std::string& path, int error_number) {
  return Unavailable("cannot write " + path + ": " + std::strerror(error_number));
}

}  // namespace

Status WriteFileAtomically(const std::string& path, std::string_view bytes) {
  if (path.empty()) return InvalidArgument("output", "must name a file");
  std::string pattern = path + ".partial-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return WriteError(path, errno);
  const std::string temporary(name.data());
  auto fail = [&](int error_number) -> Status {
    ::close(fd);
    ::unlink(temporary.c_str());
    return WriteError(path, error_number);
  };
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t step = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (step < 0) {
      if (errno == EINTR) continue;
      return fail(errno);
    }
    written += static_cast<size_t>(step);
  }
  // mkstemp makes the file private (0600); a report is shared like any file the user writes.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  if (::fchmod(fd, 0666 & ~mask) != 0 || ::fsync(fd) != 0) return fail(errno);
  if (::close(fd) != 0) {
    ::unlink(temporary.c_str());
    return WriteError(path, errno);
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error_number = errno;
    ::unlink(temporary.c_str());
    return WriteError(path, error_number);
  }
  return OkStatus();
}

}  // namespace trygnet::cli
