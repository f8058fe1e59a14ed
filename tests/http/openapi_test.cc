// The OpenAPI document names exactly the routes the server has.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "http/openapi_document.h"
#include "http/router.h"

namespace trygnet::http {
namespace {

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

TEST(OpenApiTest, DocumentIsOpenApi3) {
  auto document = nlohmann::json::parse(OpenApiDocument(), nullptr, false);
  ASSERT_FALSE(document.is_discarded());
  EXPECT_TRUE(document["openapi"].get<std::string>().starts_with("3."));
  EXPECT_TRUE(document.contains("components"));
}

TEST(OpenApiTest, EveryRouteIsDocumentedAndNothingElse) {
  auto document = nlohmann::json::parse(OpenApiDocument());
  std::set<std::string> routes, documented;
  for (const Route& route : AllRoutes()) routes.insert(Lower(route.method) + " " + route.pattern);
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      if (method == "parameters") continue;
      documented.insert(method + " " + path);
      EXPECT_TRUE(operation.contains("operationId")) << method << " " << path;
      EXPECT_TRUE(operation.contains("responses")) << method << " " << path;
    }
  }
  for (const std::string& route : routes) EXPECT_TRUE(documented.contains(route)) << "undocumented: " << route;
  for (const std::string& entry : documented) EXPECT_TRUE(routes.contains(entry)) << "no such route: " << entry;
}

TEST(OpenApiTest, RoutesAreUnique) {
  std::set<std::string> seen;
  for (const Route& route : AllRoutes()) EXPECT_TRUE(seen.insert(route.Name()).second) << route.Name();
}

}  // namespace
}  // namespace trygnet::http
