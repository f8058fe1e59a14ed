#include "store/key_file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "store/store_fixture.h"

namespace trygnet {
namespace {

using testing::IsError;
using testing::IsOk;
using testing::TempDir;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Writes `content` to a new file with mode 0600.
void WriteKeyFile(const std::string& path, const std::string& content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::write(fd, content.data(), content.size()), static_cast<ssize_t>(content.size()));
  ::close(fd);
  ASSERT_EQ(::chmod(path.c_str(), 0600), 0);
}

TEST(KeyFile, CreateWritesSixtyFourHexDigitsWithMode0600) {
  TempDir dir;
  std::string path = dir.File("trygnet.key");
  auto created = CreateKeyFile(path);
  ASSERT_TRUE(IsOk(created));

  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  std::string content = ReadAll(path);
  ASSERT_EQ(content.size(), 65u);
  EXPECT_EQ(content.back(), '\n');
  EXPECT_EQ(content.find_first_not_of("0123456789abcdef"), 64u);
}

TEST(KeyFile, ReadReturnsTheCreatedKey) {
  TempDir dir;
  std::string path = dir.File("trygnet.key");
  auto created = CreateKeyFile(path);
  ASSERT_TRUE(IsOk(created));
  auto read = ReadKeyFile(path);
  ASSERT_TRUE(IsOk(read));
  EXPECT_EQ(read->bytes(), created->bytes());
}

TEST(KeyFile, TwoCreatedKeysDiffer) {
  TempDir dir;
  auto first = CreateKeyFile(dir.File("a.key"));
  auto second = CreateKeyFile(dir.File("b.key"));
  ASSERT_TRUE(IsOk(first));
  ASSERT_TRUE(IsOk(second));
  EXPECT_NE(first->bytes(), second->bytes());
}

TEST(KeyFile, CreateRefusesToOverwrite) {
  TempDir dir;
  std::string path = dir.File("trygnet.key");
  ASSERT_TRUE(IsOk(CreateKeyFile(path)));
  std::string before = ReadAll(path);
  EXPECT_TRUE(IsError(CreateKeyFile(path), ErrorCode::kConflict));
  EXPECT_EQ(ReadAll(path), before);
}

TEST(KeyFile, CreateInAMissingDirectoryIsUnavailable) {
  TempDir dir;
  EXPECT_TRUE(IsError(CreateKeyFile(dir.File("no-such-dir/trygnet.key")), ErrorCode::kUnavailable));
}

TEST(KeyFile, ReadRefusesAFileGroupMayRead) {
  TempDir dir;
  std::string path = dir.File("trygnet.key");
  ASSERT_TRUE(IsOk(CreateKeyFile(path)));
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  auto read = ReadKeyFile(path);
  ASSERT_TRUE(IsError(read, ErrorCode::kPermissionDenied));
  EXPECT_NE(read.error().message.find("0640"), std::string::npos) << read.error().message;
}

TEST(KeyFile, ReadRefusesAFileOthersMayRead) {
  TempDir dir;
  std::string path = dir.File("trygnet.key");
  ASSERT_TRUE(IsOk(CreateKeyFile(path)));
  ASSERT_EQ(::chmod(path.c_str(), 0604), 0);
  EXPECT_TRUE(IsError(ReadKeyFile(path), ErrorCode::kPermissionDenied));
  ASSERT_EQ(::chmod(path.c_str(), 0620), 0);  // group may write
  EXPECT_TRUE(IsError(ReadKeyFile(path), ErrorCode::kPermissionDenied));
  ASSERT_EQ(::chmod(path.c_str(), 0400), 0);  // owner read-only is fine
  EXPECT_TRUE(IsOk(ReadKeyFile(path)));
}

TEST(KeyFile, ReadRefusesAFileOwnedBySomeoneElse) {
  TempDir dir;
  std::string path = dir.File("foreign.key");
  ASSERT_TRUE(IsOk(CreateKeyFile(path)));
  uid_t other = ::geteuid() == 0 ? 65534 : 0;
  if (::chown(path.c_str(), other, static_cast<gid_t>(-1)) != 0) GTEST_SKIP() << "cannot change owner here";
  EXPECT_TRUE(IsError(ReadKeyFile(path), ErrorCode::kPermissionDenied));
}

TEST(KeyFile, ReadRefusesBadContent) {
  TempDir dir;
  std::string path = dir.File("bad.key");
  const std::string hex64(64, 'a');
  for (const std::string& content :
       {std::string("not a key\n"), std::string(""), std::string(63, 'a') + "\n", std::string(66, 'a') + "\n",
        std::string(64, 'g') + "\n", hex64.substr(0, 32) + " " + hex64.substr(0, 31) + "\n"}) {
    WriteKeyFile(path, content);
    EXPECT_TRUE(IsError(ReadKeyFile(path), ErrorCode::kInvalidArgument)) << "content: " << content;
  }
}

TEST(KeyFile, ReadAcceptsAKeyWithOrWithoutNewline) {
  TempDir dir;
  std::string path = dir.File("hand.key");
  std::string hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  WriteKeyFile(path, hex);
  auto read = ReadKeyFile(path);
  ASSERT_TRUE(IsOk(read));
  EXPECT_EQ(read->bytes()[0], 0x00);
  EXPECT_EQ(read->bytes()[1], 0x11);
  EXPECT_EQ(read->bytes()[15], 0xff);
  WriteKeyFile(path, hex + "\r\n");
  auto with_newline = ReadKeyFile(path);
  ASSERT_TRUE(IsOk(with_newline));
  EXPECT_EQ(with_newline->bytes(), read->bytes());
}

TEST(KeyFile, ReadOfAMissingFileIsUnavailable) {
  TempDir dir;
  EXPECT_TRUE(IsError(ReadKeyFile(dir.File("missing.key")), ErrorCode::kUnavailable));
}

TEST(KeyFile, ReadOfADirectoryIsUnavailable) {
  TempDir dir;
  std::string path = dir.File("a-directory");
  ASSERT_EQ(::mkdir(path.c_str(), 0700), 0);
  EXPECT_TRUE(IsError(ReadKeyFile(path), ErrorCode::kUnavailable));
}

}  // namespace
}  // namespace trygnet
