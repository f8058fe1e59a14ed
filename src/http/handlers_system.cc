// /healthz, /metrics and the OpenAPI document: no sign-in, no personal data.
#include "http/handler_support.h"
#include "http/handlers.h"
#include "http/openapi_document.h"

namespace trygnet::http {

// Answers only after a store was leased (ApiService), so "ok" means the database opens.
Reply GetHealth(RequestContext& ctx) { return JsonResponse({{"status", "ok"}, {"demo", ctx.state.demo}}); }

Reply GetMetrics(RequestContext& ctx) {
  ApiResponse response;
  response.content_type = "text/plain; version=0.0.4; charset=utf-8";
  response.body = ctx.state.metrics_text ? ctx.state.metrics_text() : "";
  return response;
}

Reply GetOpenApi(RequestContext&) {
  ApiResponse response;
  response.body = std::string(OpenApiDocument());
  return response;
}

}  // namespace trygnet::http
