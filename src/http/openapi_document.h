// The OpenAPI 3 document of the API (src/http/openapi.json, embedded at build time).
#pragma once

#include <string_view>

namespace trygnet::http {

std::string_view OpenApiDocument();

}  // namespace trygnet::http
