// Starting the real server on a loopback port over a database in a temporary
// directory, and a small HTTP client to talk to it like any other client.
#pragma once

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "auth/password.h"
#include "demo/generator.h"
#include "http/running_server.h"
#include "support/test_store.h"

namespace trygnet::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;

  nlohmann::json Json() const {
    auto parsed = nlohmann::json::parse(body, nullptr, false);
    EXPECT_FALSE(parsed.is_discarded()) << "not JSON: " << body;
    return parsed;
  }
  std::string ErrorCode() const { return Json()["error"].value("code", ""); }
};

// One keep-alive connection; sends what it is told, headers included.
class HttpClient {
 public:
  explicit HttpClient(uint16_t port) : port_(port), io_(std::make_unique<boost::asio::io_context>()) {}

  HttpResponse Send(const std::string& method, const std::string& target, const std::string& body = "",
                    const std::map<std::string, std::string>& headers = {}) {
    namespace beast = boost::beast;
    namespace bhttp = beast::http;
    Connect();
    bhttp::request<bhttp::string_body> request(bhttp::string_to_verb(method), target, 11);
    request.set(bhttp::field::host, "127.0.0.1");
    if (!body.empty()) request.set(bhttp::field::content_type, "application/json");
    for (const auto& [name, value] : headers) request.set(name, value);
    if (!cookie_.empty() && !headers.contains("Cookie")) request.set(bhttp::field::cookie, cookie_);
    if (!bearer_.empty() && !headers.contains("Authorization"))
      request.set(bhttp::field::authorization, "Bearer " + bearer_);
    request.body() = body;
    request.prepare_payload();
    bhttp::write(*stream_, request);
    return Read();
  }

  // Bytes as they are, for requests no well-behaved client would send.
  HttpResponse SendRaw(const std::string& bytes) {
    Connect();
    boost::asio::write(stream_->socket(), boost::asio::buffer(bytes));
    return Read();
  }

  HttpResponse Get(const std::string& target) { return Send("GET", target); }
  HttpResponse Post(const std::string& target, const nlohmann::json& body) {
    std::map<std::string, std::string> headers;
    if (!csrf_.empty()) headers["X-CSRF-Token"] = csrf_;
    return Send("POST", target, body.dump(), headers);
  }

  // Signs in through the API and keeps the session cookie and CSRF token.
  HttpResponse SignIn(const std::string& username, const std::string& password, const std::string& code = "") {
    nlohmann::json body = {{"username", username}, {"password", password}};
    if (!code.empty()) body["totp_code"] = code;
    HttpResponse response = Send("POST", "/api/v1/session", body.dump());
    if (response.status == 200) {
      std::string set_cookie = response.headers["set-cookie"];
      cookie_ = set_cookie.substr(0, set_cookie.find(';'));
      csrf_ = response.Json().value("csrf_token", "");
    }
    return response;
  }

  // Sends "Authorization: Bearer <token>" with every request from now on.
  void UseBearer(const std::string& token) { bearer_ = token; }
  const std::string& cookie() const { return cookie_; }
  const std::string& csrf() const { return csrf_; }
  void Forget() { cookie_.clear(), csrf_.clear(); }

 private:
  void Connect() {
    if (stream_ && stream_->socket().is_open()) return;
    stream_.emplace(*io_);
    stream_->connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port_));
  }

  HttpResponse Read() {
    namespace beast = boost::beast;
    namespace bhttp = beast::http;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 << 20);
    beast::error_code error;
    bhttp::read(*stream_, buffer_, parser, error);
    HttpResponse response;
    if (error) {
      ADD_FAILURE() << "reading the response failed: " << error.message();
      stream_.reset();
      return response;
    }
    auto& message = parser.get();
    response.status = static_cast<int>(message.result_int());
    for (const auto& field : message) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      response.headers[name] = std::string(field.value());
    }
    response.body = message.body();
    if (!message.keep_alive()) stream_.reset();
    return response;
  }

  uint16_t port_;
  std::unique_ptr<boost::asio::io_context> io_;  // held by pointer so clients can move
  std::optional<boost::beast::tcp_stream> stream_;
  boost::beast::flat_buffer buffer_;
  std::string cookie_;
  std::string csrf_;
  std::string bearer_;
};

// A database with the Nørrebro partnership (and, for demo servers, the demo
// data), served on a free loopback port with a clock the test controls.
class TestServer {
 public:
  static std::unique_ptr<TestServer> Start(bool demo, http::ServiceOptions service_options = {},
                                           size_t max_body_bytes = 1 << 20, bool daily_triggers = false) {
    auto server = std::unique_ptr<TestServer>(new TestServer());
    TestStore& data = server->data_;
    if (demo) {
      auto summary =
          demo::GenerateDemo(*data.store, data.clock, data.partnership, {}, [](std::string_view, int64_t, int64_t) {});
      EXPECT_TRUE(summary.ok()) << (summary.ok() ? "" : summary.error().ToString());
    }
    data.clock.Set(Noon(2019, 6, 3));  // within the partnership period, after all demo activity
    server->key_ = *ReadKeyFile(data.dir.File("test.key"));
    http::ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.max_body_bytes = max_body_bytes;
    options.shutdown_grace_seconds = 5;
    auto running =
        http::RunningServer::Start(data.dir.File("test.db"), *server->key_, data.clock, options, service_options,
                                   daily_triggers);
    EXPECT_TRUE(running.ok()) << (running.ok() ? "" : running.error().ToString());
    server->running_ = std::move(running).value();
    return server;
  }

  uint16_t port() const { return running_->port(); }
  HttpClient Client() const { return HttpClient(port()); }
  FixedClock& clock() { return data_.clock; }
  // The test's own connection to the database, for setting up and checking.
  SqliteStore& store() { return *data_.store; }
  std::string db_path() const { return data_.dir.File("test.db"); }
  const Partnership& partnership() const { return data_.partnership; }
  http::RunningServer& running() { return *running_; }

  // Adds a user with a password (and a TOTP secret when given).
  void AddUser(const std::string& username, const std::string& unit, std::vector<UserRole> roles,
               const std::string& password, const std::vector<uint8_t>& totp_secret = {}) {
    ASSERT_TRUE(store().AddUser(User{username, username, unit, std::move(roles), false}).ok());
    ASSERT_TRUE(store().SetPassword(username, *auth::HashPassword(password)).ok());
    if (!totp_secret.empty()) {
      ASSERT_TRUE(store().SetTotpSecret(username, totp_secret).ok());
    }
  }

 private:
  TestServer() : data_(Noon(2017, 1, 2)) {}
  TestStore data_;
  std::optional<MasterKey> key_;
  std::unique_ptr<http::RunningServer> running_;
};

}  // namespace trygnet::testing
