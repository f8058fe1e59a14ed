// `trygnet serve` as an operator runs it: starts on a demo database, prints
// where it listens and the demo sign-in, answers, and on SIGTERM finishes
// what it is doing and exits 0. Bad options are usage errors.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "support/temp_dir.h"

namespace trygnet {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

// One plain HTTP/1.1 request with "Connection: close"; returns the whole answer.
std::string HttpGet(int port, const std::string& target) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return "";
  }
  std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  (void)::write(fd, request.data(), request.size());
  std::string answer;
  char buffer[4096];
  ssize_t got = 0;
  while ((got = ::read(fd, buffer, sizeof buffer)) > 0) answer.append(buffer, static_cast<size_t>(got));
  ::close(fd);
  return answer;
}

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("demo.db");
    std::string command = std::string(TRYGNET_BINARY) + " demo --db " + db_ + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0);
  }
  // Starts `trygnet serve` with `args`; returns its pid and fills port_ from what it prints.
  pid_t Start(const std::string& args) {
    pid_t pid = ::fork();
    if (pid == 0) {
      std::string out = dir_.File("serve.out");
      std::string command = std::string("exec ") + TRYGNET_BINARY + " serve --db " + db_ + " " + args + " >" + out +
                            " 2>" + dir_.File("serve.err");
      ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::regex address(R"(kører på https?://127\.0\.0\.1:(\d+)/)");
    for (int waited = 0; waited < 200; ++waited) {
      std::smatch match;
      std::string printed = ReadFile(dir_.File("serve.out"));
      if (std::regex_search(printed, match, address)) {
        port_ = std::stoi(match[1]);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return pid;
  }
  int Stop(pid_t pid) {
    ::kill(pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  testing::TempDir dir_;
  std::string db_;
  int port_ = 0;
};

TEST_F(ServeTest, StartsAnswersAndStopsCleanlyOnSigterm) {
  pid_t pid = Start("--listen 127.0.0.1:0");
  ASSERT_NE(port_, 0) << ReadFile(dir_.File("serve.out")) << ReadFile(dir_.File("serve.err"));
  std::string printed = ReadFile(dir_.File("serve.out"));
  EXPECT_NE(printed.find("trygnet-demo-2017"), std::string::npos) << printed;
  EXPECT_NE(ReadFile(dir_.File("serve.err")).find("DEMO"), std::string::npos);
  std::string health = HttpGet(port_, "/healthz");
  EXPECT_NE(health.find("200 OK"), std::string::npos) << health;
  EXPECT_NE(health.find("\"status\":\"ok\""), std::string::npos) << health;
  std::string metrics = HttpGet(port_, "/metrics");
  EXPECT_NE(metrics.find("trygnet_http_requests_total{route=\"GET /healthz\",status=\"2xx\"} 1"), std::string::npos)
      << metrics;
  EXPECT_EQ(Stop(pid), 0);
  EXPECT_NE(ReadFile(dir_.File("serve.out")).find("Stoppet."), std::string::npos);
  EXPECT_EQ(HttpGet(port_, "/healthz"), "") << "nothing listens after the stop";
  std::string verify = std::string(TRYGNET_BINARY) + " audit verify --db " + db_ + " >/dev/null 2>&1";
  EXPECT_EQ(std::system(verify.c_str()), 0);
}

TEST_F(ServeTest, BadOptionsAreUsageErrors) {
  auto run = [&](const std::string& args) {
    std::string command =
        std::string(TRYGNET_BINARY) + " serve --db " + db_ + " " + args + " >/dev/null 2>" + dir_.File("bad.err");
    int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  EXPECT_EQ(run("--listen nowhere"), 2);
  EXPECT_NE(ReadFile(dir_.File("bad.err")).find("listen"), std::string::npos);
  EXPECT_EQ(run("--listen 127.0.0.1:99999"), 2);
  EXPECT_EQ(run("--listen 999.1.1.1:8080"), 2);
  EXPECT_EQ(run("--listen 127.0.0.1:0 --tls-cert " + dir_.File("missing.pem")), 2);
  EXPECT_NE(ReadFile(dir_.File("bad.err")).find("tls"), std::string::npos);
  EXPECT_EQ(
      run("--listen 127.0.0.1:0 --tls-cert " + dir_.File("missing.pem") + " --tls-key " + dir_.File("missing.key")), 1);
  EXPECT_NE(ReadFile(dir_.File("bad.err")).find("TLS"), std::string::npos);
  EXPECT_EQ(run("--threads 1000"), 2);
}

TEST_F(ServeTest, ServesHttpsWithACertificate) {
  std::string cert = dir_.File("cert.pem"), key = dir_.File("key.pem");
  std::string make_cert = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout " + key +
                          " -out " + cert + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(make_cert.c_str()), 0) << "needs the openssl command";
  pid_t pid = Start("--listen 127.0.0.1:0 --tls-cert " + cert + " --tls-key " + key);
  ASSERT_NE(port_, 0) << ReadFile(dir_.File("serve.err"));
  EXPECT_NE(ReadFile(dir_.File("serve.out")).find("https://"), std::string::npos);
  std::string answer_file = dir_.File("tls.out");
  std::string client =
      "printf 'GET /healthz HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n' | "
      "timeout 10 openssl s_client -quiet -connect 127.0.0.1:" +
      std::to_string(port_) + " >" + answer_file + " 2>/dev/null";
  (void)std::system(client.c_str());
  std::string answer = ReadFile(answer_file);
  EXPECT_NE(answer.find("200 OK"), std::string::npos) << answer;
  EXPECT_NE(answer.find("Strict-Transport-Security"), std::string::npos) << answer;
  EXPECT_EQ(Stop(pid), 0);
}

}  // namespace
}  // namespace trygnet
