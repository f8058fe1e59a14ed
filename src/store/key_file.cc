#include "store/key_file.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace trygnet {
namespace {

// sodium_init is idempotent and thread-safe; call it before any use.
bool EnsureSodium() { return sodium_init() >= 0; }

}  // namespace

MasterKey::~MasterKey() { sodium_memzero(bytes_.data(), bytes_.size()); }

std::array<uint8_t, 32> DeriveSubkey(const MasterKey& master, Subkey purpose) {
  static constexpr char kContext[crypto_kdf_CONTEXTBYTES + 1] = "trygnet1";
  std::array<uint8_t, 32> subkey{};
  EnsureSodium();
  crypto_kdf_derive_from_key(subkey.data(), subkey.size(), static_cast<uint64_t>(purpose), kContext,
                             master.bytes().data());
  return subkey;
}

Result<MasterKey> ReadKeyFile(const std::string& path) {
  if (!EnsureSodium()) return Internal("libsodium could not be initialised");
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Unavailable("cannot open key file " + path + ": " + std::strerror(errno));
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return Unavailable("key file " + path + " is not a regular file");
  }
  if (info.st_uid != ::geteuid()) {
    ::close(fd);
    return PermissionDenied("key file " + path +
                            " belongs to another user; it must be owned by the user running trygnet");
  }
  if ((info.st_mode & 077) != 0) {
    ::close(fd);
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
    return PermissionDenied("key file " + path + " has mode " + mode +
                            "; group and others must have no access (run: chmod 600 " + path + ")");
  }
  char buffer[2 * kMasterKeyBytes + 4] = {};
  ssize_t length = ::read(fd, buffer, sizeof buffer);
  ::close(fd);
  if (length < 0) return Unavailable("cannot read key file " + path);
  size_t hex_length = static_cast<size_t>(length);
  while (hex_length > 0 && (buffer[hex_length - 1] == '\n' || buffer[hex_length - 1] == '\r')) --hex_length;
  std::array<uint8_t, kMasterKeyBytes> bytes{};
  size_t decoded = 0;
  if (hex_length != 2 * kMasterKeyBytes ||
      sodium_hex2bin(bytes.data(), bytes.size(), buffer, hex_length, nullptr, &decoded, nullptr) != 0 ||
      decoded != kMasterKeyBytes) {
    sodium_memzero(buffer, sizeof buffer);
    return InvalidArgument("key-file", "key file " + path + " must hold exactly 64 hexadecimal digits");
  }
  sodium_memzero(buffer, sizeof buffer);
  MasterKey key(bytes);
  sodium_memzero(bytes.data(), bytes.size());
  return key;
}

Result<MasterKey> CreateKeyFile(const std::string& path) {
  if (!EnsureSodium()) return Internal("libsodium could not be initialised");
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return Conflict("key file " + path + " already exists; refusing to overwrite a key");
    return Unavailable("cannot create key file " + path + ": " + std::strerror(errno));
  }
  std::array<uint8_t, kMasterKeyBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  char hex[2 * kMasterKeyBytes + 1];
  sodium_bin2hex(hex, sizeof hex, bytes.data(), bytes.size());
  std::string content = std::string(hex) + "\n";
  sodium_memzero(hex, sizeof hex);
  bool written =
      ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) && ::fsync(fd) == 0;
  sodium_memzero(content.data(), content.size());
  ::close(fd);
  if (!written) {
    ::unlink(path.c_str());
    return Unavailable("cannot write key file " + path);
  }
  MasterKey key(bytes);
  sodium_memzero(bytes.data(), bytes.size());
  return key;
}

}  // namespace trygnet
