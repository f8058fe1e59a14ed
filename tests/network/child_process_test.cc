#include "network/child_process.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>

namespace trygnet::network {
namespace {

TEST(ChildProcess, SendsItsBytesBack) {
  const std::string large(300000, 'x');  // more than a pipe holds: the child waits for the parent to read
  auto child = ChildProcess::Start([&]() -> Result<std::string> { return "ok:" + large; });
  ASSERT_TRUE(child.ok());
  auto bytes = child->Finish();
  ASSERT_TRUE(bytes.ok()) << bytes.error().ToString();
  EXPECT_EQ(*bytes, "ok:" + large);
}

TEST(ChildProcess, PassesAnErrorOn) {
  auto child = ChildProcess::Start([]() -> Result<std::string> { return Unavailable("out of memory"); });
  ASSERT_TRUE(child.ok());
  auto bytes = child->Finish();
  ASSERT_FALSE(bytes.ok());
  EXPECT_NE(bytes.error().message.find("out of memory"), std::string::npos);
}

TEST(ChildProcess, ACrashIsAnErrorNotAHang) {
  auto child = ChildProcess::Start([]() -> Result<std::string> { std::abort(); });
  ASSERT_TRUE(child.ok());
  auto bytes = child->Finish();
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.error().code, ErrorCode::kInternal);
  EXPECT_NE(bytes.error().message.find("signal"), std::string::npos);
}

TEST(ChildProcess, OneNeverCollectedIsStopped) {
  auto child = ChildProcess::Start([]() -> Result<std::string> {
    while (true) ::pause();
  });
  ASSERT_TRUE(child.ok());
  // Leaving the scope kills and reaps it; the test would hang otherwise.
}

}  // namespace
}  // namespace trygnet::network
