#include "http/server.h"

#include <sys/resource.h>
#include <unistd.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

#include "http/api_error.h"
#include "http/request_target.h"
#include "http/static_files.h"

namespace trygnet::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;

namespace {

constexpr auto kIdleTimeout = std::chrono::seconds(60);  // an open connection with no request
constexpr auto kHandshakeTimeout = std::chrono::seconds(15);
constexpr uint32_t kHeaderLimit = 16 * 1024;
constexpr int kRequestThreadNice = 10;

class ConnectionBase {
 public:
  virtual ~ConnectionBase() = default;
  // Closes the connection unless a request is being answered (shutdown).
  virtual void CloseIfIdle() = 0;
};

std::string HeaderValue(const bhttp::request<bhttp::string_body>& request, std::string_view name) {
  auto found = request.find(beast::string_view(name.data(), name.size()));
  return found == request.end() ? std::string() : std::string(found->value());
}

bool BodyMayCarryJson(bhttp::verb method) {
  return method == bhttp::verb::post || method == bhttp::verb::put || method == bhttp::verb::patch;
}

// The request in the API's own terms, or the 4xx that refuses it.
Result<ApiRequest> ToApiRequest(const bhttp::request<bhttp::string_body>& request, ApiResponse& refusal) {
  ApiRequest api;
  api.method = std::string(request.method_string());
  auto target = ParseRequestTarget(std::string_view(request.target().data(), request.target().size()));
  if (!target.ok()) {
    refusal = ErrorResponse(target.error());
    return target.error();
  }
  api.path = std::move(target->path);
  api.query = std::move(target->query);
  api.body = request.body();
  api.content_type = HeaderValue(request, "Content-Type");
  api.cookie = HeaderValue(request, "Cookie");
  api.authorization = HeaderValue(request, "Authorization");
  api.csrf_token = HeaderValue(request, "X-CSRF-Token");
  api.purpose = HeaderValue(request, "X-Trygnet-Purpose");
  if (BodyMayCarryJson(request.method()) && !api.body.empty() && api.content_type.rfind("application/json", 0) != 0) {
    refusal = ErrorResponse(415, "unsupported_media_type", "send the body as application/json", "Content-Type");
    return InvalidArgument("Content-Type", "not JSON");
  }
  return api;
}

}  // namespace

struct HttpServer::Impl {
  Impl(ApiService& service_, AuditWriter& audit_, ServerOptions options_)
      : service(service_), audit(audit_), options(std::move(options_)), acceptor(ioc) {}

  ApiService& service;
  AuditWriter& audit;
  ServerOptions options;
  net::io_context ioc;
  std::optional<net::ssl::context> ssl;
  std::optional<StaticFiles> web;
  tcp::acceptor acceptor;
  std::vector<std::thread> threads;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
  std::atomic<int64_t> in_flight{0};
  std::atomic<bool> stopping{false};
  bool stopped = false;
  std::mutex connections_mutex;
  std::vector<std::weak_ptr<ConnectionBase>> connections;

  void Accept();
  void OnAccept(beast::error_code error, tcp::socket socket);
  size_t LiveConnections() {
    std::lock_guard lock(connections_mutex);
    std::erase_if(connections, [](const auto& connection) { return connection.expired(); });
    return connections.size();
  }
};

namespace {

template <typename Stream>
class Connection : public ConnectionBase, public std::enable_shared_from_this<Connection<Stream>> {
 public:
  template <typename... Args>
  Connection(HttpServer::Impl& server, tcp::socket socket, Args&... args)
      : server_(server), stream_(std::move(socket), args...), delay_(stream_.get_executor()) {}

  void Start() {
    net::dispatch(stream_.get_executor(), [self = this->shared_from_this()] {
      if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
        self->Read();
      } else {
        beast::get_lowest_layer(self->stream_).expires_after(kHandshakeTimeout);
        self->stream_.async_handshake(net::ssl::stream_base::server, [self](beast::error_code error) {
          if (error) return self->Close();
          self->Read();
        });
      }
    });
  }

  void CloseIfIdle() override {
    net::post(stream_.get_executor(), [self = this->shared_from_this()] {
      if (!self->busy_) beast::get_lowest_layer(self->stream_).cancel();
    });
  }

 private:
  void Read() {
    busy_ = false;
    if (server_.stopping) return Close();
    parser_.emplace();
    parser_->body_limit(server_.options.max_body_bytes);
    parser_->header_limit(kHeaderLimit);
    beast::get_lowest_layer(stream_).expires_after(kIdleTimeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = this->shared_from_this()](beast::error_code error, size_t) { self->OnRead(error); });
  }

  void OnRead(beast::error_code error) {
    if (error == bhttp::error::end_of_stream || error == bhttp::error::partial_message) return Close();
    // Anything but a parse error means the connection broke or timed out: nobody to answer.
    if (error && error.category() != bhttp::make_error_code(bhttp::error::body_limit).category()) return Close();
    Begin();
    if (error) {
      keep_alive_ = false;  // after a malformed request the stream cannot be trusted
      if (error == bhttp::error::body_limit) {
        return Send(ErrorResponse(
            413, "payload_too_large",
            "the body is larger than " + std::to_string(server_.options.max_body_bytes) + " bytes", "body"));
      }
      if (error == bhttp::error::header_limit) {
        return Send(ErrorResponse(431, "headers_too_large", "the request headers are too large"));
      }
      return Send(ErrorResponse(400, "malformed_request", "the HTTP request is malformed: " + error.message()));
    }
    bhttp::request<bhttp::string_body> request = parser_->release();
    keep_alive_ = request.keep_alive();
    head_ = request.method() == bhttp::verb::head;
    ApiResponse refusal;
    Result<ApiRequest> api_request = ToApiRequest(request, refusal);
    if (!api_request.ok()) return Send(std::move(refusal));
    if (server_.web) {
      if (std::optional<ApiResponse> page = server_.web->Find(api_request->method, api_request->path)) {
        return Send(std::move(*page));
      }
    }
    auto reply = std::make_shared<Reply>();
    try {
      *reply = server_.service.Handle(*api_request, route_index_);
    } catch (const std::exception& failure) {
      std::cerr << "trygnet serve: unexpected failure: " << failure.what() << "\n";
      *reply = Reply(ErrorResponse(500, "internal", "an internal error occurred; it has been logged"));
    }
    if (reply->audit.empty()) return Deliver(reply);
    std::vector<audit::AuditRecord> records = std::move(reply->audit);
    // Keep the io_context alive while the entry is being written.
    server_.audit.Submit(std::move(records), [self = this->shared_from_this(), reply,
                                              work = net::make_work_guard(server_.ioc)](Status written) {
      net::post(self->stream_.get_executor(), [self, reply, written] {
        if (!written.ok()) {
          std::cerr << "trygnet serve: audit entry not written: " << written.error().ToString() << "\n";
          *reply = Reply(ErrorResponse(503, "audit_unavailable",
                                       "the access could not be written to the audit log, so nothing is shown; "
                                       "try again"));
        }
        self->Deliver(reply);
      });
    });
  }

  void Begin() {
    busy_ = true;
    ++server_.in_flight;
    started_ = std::chrono::steady_clock::now();
    route_index_ = server_.service.metrics().unmatched_index();
  }

  // Sends the reply, after its back-off delay if it has one.
  void Deliver(const std::shared_ptr<Reply>& reply) {
    if (reply->delay_ms <= 0) return Send(std::move(reply->response));
    delay_.expires_after(std::chrono::milliseconds(reply->delay_ms));
    delay_.async_wait(
        [self = this->shared_from_this(), reply](beast::error_code) { self->Send(std::move(reply->response)); });
  }

  void Send(ApiResponse api) {
    auto response = std::make_shared<bhttp::response<bhttp::string_body>>(static_cast<bhttp::status>(api.status), 11);
    response->set(bhttp::field::server, "trygnet");
    if (!api.content_type.empty()) response->set(bhttp::field::content_type, api.content_type);
    response->set(bhttp::field::cache_control, "no-store");
    response->set("X-Content-Type-Options", "nosniff");
    response->set("X-Frame-Options", "DENY");
    response->set("Referrer-Policy", "no-referrer");
    response->set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    if (server_.ssl) response->set("Strict-Transport-Security", "max-age=31536000");
    for (const auto& [name, value] : api.headers) {
      // The UI's files bring their own caching and policy; other headers (Set-Cookie) add up.
      if (name == "Cache-Control" || name == "Content-Security-Policy") {
        response->set(name, value);
      } else {
        response->insert(name, value);
      }
    }
    if (!head_) response->body() = std::move(api.body);
    response->keep_alive(keep_alive_ && !server_.stopping);
    response->prepare_payload();
    status_ = api.status;
    bhttp::async_write(stream_, *response,
                       [self = this->shared_from_this(), response](beast::error_code error, size_t) {
                         self->OnWrite(error, response->need_eof());
                       });
  }

  void OnWrite(beast::error_code error, bool close) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    server_.service.metrics().Record(route_index_, status_, seconds);
    --server_.in_flight;
    if (error || close) return Close();
    Read();
  }

  void Close() {
    busy_ = false;
    beast::error_code ignored;
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
      stream_.socket().close(ignored);
    } else {
      beast::get_lowest_layer(stream_).expires_after(kHandshakeTimeout);
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {
        beast::error_code ignored_too;
        beast::get_lowest_layer(self->stream_).socket().close(ignored_too);
      });
    }
  }

  HttpServer::Impl& server_;
  Stream stream_;
  net::steady_timer delay_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bool busy_ = false;
  bool keep_alive_ = false;
  bool head_ = false;
  int status_ = 0;
  size_t route_index_ = 0;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace

void HttpServer::Impl::Accept() {
  acceptor.async_accept(net::make_strand(ioc),
                        [this](beast::error_code error, tcp::socket socket) { OnAccept(error, std::move(socket)); });
}

void HttpServer::Impl::OnAccept(beast::error_code error, tcp::socket socket) {
  if (stopping || !acceptor.is_open()) return;
  if (!error) {
    std::shared_ptr<ConnectionBase> connection;
    if (ssl) {
      auto tls = std::make_shared<Connection<beast::ssl_stream<beast::tcp_stream>>>(*this, std::move(socket), *ssl);
      tls->Start();
      connection = tls;
    } else {
      auto plain = std::make_shared<Connection<beast::tcp_stream>>(*this, std::move(socket));
      plain->Start();
      connection = plain;
    }
    std::lock_guard lock(connections_mutex);
    std::erase_if(connections, [](const auto& known) { return known.expired(); });
    connections.push_back(connection);
  }
  Accept();
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpServer::~HttpServer() { Shutdown(); }

Result<std::unique_ptr<HttpServer>> HttpServer::Start(ApiService& service, AuditWriter& audit, ServerOptions options) {
  auto impl = std::make_unique<Impl>(service, audit, std::move(options));
  const ServerOptions& opts = impl->options;
  if (opts.tls_cert_file.empty() != opts.tls_key_file.empty()) {
    return InvalidArgument("tls-cert", "give both --tls-cert and --tls-key, or neither");
  }
  if (!opts.web_root.empty()) {
    TRY_ASSIGN(StaticFiles web, StaticFiles::Load(opts.web_root, opts.map_tiles));
    impl->web.emplace(std::move(web));
  }
  if (!opts.tls_cert_file.empty()) {
    try {
      impl->ssl.emplace(net::ssl::context::tls_server);
      impl->ssl->set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                             net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 | net::ssl::context::no_tlsv1_1);
      impl->ssl->use_certificate_chain_file(opts.tls_cert_file);
      impl->ssl->use_private_key_file(opts.tls_key_file, net::ssl::context::pem);
    } catch (const std::exception& error) {
      return Unavailable("cannot use the TLS certificate or key: " + std::string(error.what()));
    }
  }
  beast::error_code error;
  net::ip::address address = net::ip::make_address(opts.host, error);
  if (error) return InvalidArgument("listen", "\"" + opts.host + "\" is not an IP address");
  tcp::endpoint endpoint(address, opts.port);
  impl->acceptor.open(endpoint.protocol(), error);
  if (!error) impl->acceptor.set_option(net::socket_base::reuse_address(true), error);
  if (!error) impl->acceptor.bind(endpoint, error);
  if (!error) impl->acceptor.listen(net::socket_base::max_listen_connections, error);
  if (error) {
    return Unavailable("cannot listen on " + opts.host + ":" + std::to_string(opts.port) + ": " + error.message());
  }
  impl->work.emplace(net::make_work_guard(impl->ioc));
  // The answers of one audit commit are sent from a request thread: one wake-up per commit.
  impl->audit.SetDispatcher(
      [raw = impl.get()](std::function<void()> finish) { net::post(raw->ioc, std::move(finish)); });
  impl->Accept();
  int threads = opts.threads > 0 ? opts.threads : std::max(1u, std::thread::hardware_concurrency());
  for (int i = 0; i < threads; ++i) {
    impl->threads.emplace_back([raw = impl.get()] {
      // Every audited answer waits for the audit writer's commit, so request
      // threads yield the CPU to it: a higher nice value (Linux sets it per thread).
      (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kRequestThreadNice);
      raw->ioc.run();
    });
  }
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

uint16_t HttpServer::port() const { return impl_->acceptor.local_endpoint().port(); }
bool HttpServer::tls() const { return impl_->ssl.has_value(); }
int64_t HttpServer::in_flight() const { return impl_->in_flight.load(); }

void HttpServer::Shutdown() {
  if (!impl_ || impl_->stopped) return;
  impl_->stopped = true;
  impl_->stopping = true;
  net::post(impl_->ioc, [impl = impl_.get()] {
    beast::error_code ignored;
    impl->acceptor.close(ignored);
  });
  {
    std::lock_guard lock(impl_->connections_mutex);
    for (const auto& known : impl_->connections) {
      if (auto connection = known.lock()) connection->CloseIfIdle();
    }
  }
  // Requests in flight finish (their audit entries included); then the connections go.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(impl_->options.shutdown_grace_seconds);
  while ((impl_->in_flight > 0 || impl_->LiveConnections() > 0) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  impl_->audit.SetDispatcher({});
  impl_->work.reset();
  impl_->ioc.stop();
  for (std::thread& thread : impl_->threads) thread.join();
}

}  // namespace trygnet::http
