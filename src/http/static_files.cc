#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include <nlohmann/json.hpp>

namespace trygnet::http {
namespace {

namespace fs = std::filesystem;

std::string ContentTypeOf(const fs::path& file) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},       {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},         {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},                   {".png", "image/png"},
      {".ico", "image/x-icon"},                    {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},       {".geojson", "application/geo+json"},
  };
  auto found = kTypes.find(file.extension().string());
  return found == kTypes.end() ? "application/octet-stream" : found->second;
}

bool IsApiPath(const std::string& path) {
  return path.rfind("/api/", 0) == 0 || path == "/api" || path == "/healthz" || path == "/metrics";
}

// "..": never a file of the UI, whatever follows (the files are looked up by
// name, so nothing outside them could be reached anyway).
bool HasDotSegment(const std::string& path) {
  return path.find("/../") != std::string::npos || (path.size() >= 3 && path.compare(path.size() - 3, 3, "/..") == 0);
}

bool HasExtension(const std::string& path) {
  const size_t slash = path.rfind('/');
  return path.find('.', slash == std::string::npos ? 0 : slash) != std::string::npos;
}

// "https://tiles.example.dk/{z}/{x}/{y}.png" → "https://tiles.example.dk".
Result<std::string> TileOrigin(const std::string& map_tiles) {
  if (map_tiles.find('@') != std::string::npos) return InvalidArgument("map-tiles", "must not contain @");
  const bool https = map_tiles.rfind("https://", 0) == 0;
  bool local = false;
  for (const char* host : {"http://127.0.0.1", "http://localhost"}) {
    const size_t length = std::string_view(host).size();
    // The exact host, then a port or the path: not http://localhost.example.dk.
    local = local || (map_tiles.rfind(host, 0) == 0 && map_tiles.size() > length &&
                      (map_tiles[length] == ':' || map_tiles[length] == '/'));
  }
  if (!https && !local) return InvalidArgument("map-tiles", "must be an https:// URL (http only for the local machine)");
  for (const char* part : {"{z}", "{x}", "{y}"}) {
    if (map_tiles.find(part) == std::string::npos) {
      return InvalidArgument("map-tiles", std::string("must contain ") + part + ", e.g. https://tiles.example.dk/{z}/{x}/{y}.png");
    }
  }
  if (map_tiles.find_first_of(" ;'\"") != std::string::npos) {
    return InvalidArgument("map-tiles", "must not contain spaces, quotes or semicolons");
  }
  const size_t host_start = map_tiles.find("//") + 2;
  const size_t path_start = map_tiles.find('/', host_start);
  const std::string origin = map_tiles.substr(0, path_start);
  if (origin.size() <= host_start || origin.find('{') != std::string::npos) {
    return InvalidArgument("map-tiles", "needs a fixed host, e.g. https://tiles.example.dk/{z}/{x}/{y}.png");
  }
  return origin;
}

}  // namespace

std::string WebContentSecurityPolicy(const std::string& tile_origin) {
  return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" +
         (tile_origin.empty() ? std::string() : " " + tile_origin) +
         "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
         "frame-ancestors 'none'";
}

Result<StaticFiles> StaticFiles::Load(const std::string& root, const std::string& map_tiles) {
  std::string tile_origin;
  if (!map_tiles.empty()) {
    TRY_ASSIGN(tile_origin, TileOrigin(map_tiles));
  }
  std::error_code error;
  if (!fs::is_regular_file(fs::path(root) / "index.html", error)) {
    return InvalidArgument("web", root + " holds no index.html: build the UI with scripts/build-web.sh");
  }
  StaticFiles files;
  for (auto entry = fs::recursive_directory_iterator(root, error); !error && entry != fs::recursive_directory_iterator();
       entry.increment(error)) {
    if (!entry->is_regular_file()) continue;
    std::ifstream in(entry->path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    if (!in) return InvalidArgument("web", "cannot read " + entry->path().string());
    const std::string url = "/" + fs::relative(entry->path(), root).generic_string();
    files.files_[url] = File{body.str(), ContentTypeOf(entry->path())};
  }
  if (error) return InvalidArgument("web", "cannot list " + root + ": " + error.message());
  nlohmann::json config = {{"map_tiles", map_tiles.empty() ? nlohmann::json(nullptr) : nlohmann::json(map_tiles)}};
  files.files_["/config.json"] = File{config.dump(), "application/json; charset=utf-8"};
  files.content_security_policy_ = WebContentSecurityPolicy(tile_origin);
  return files;
}

std::optional<ApiResponse> StaticFiles::Find(const std::string& method, const std::string& path) const {
  if ((method != "GET" && method != "HEAD") || IsApiPath(path) || HasDotSegment(path)) return std::nullopt;
  auto found = files_.find(path == "/" ? "/index.html" : path);
  const bool page = found == files_.end() || found->first == "/index.html";
  if (found == files_.end()) {
    if (HasExtension(path)) return std::nullopt;  // a missing asset: the API's 404
    found = files_.find("/index.html");
  }
  ApiResponse response;
  response.body = found->second.body;
  response.content_type = found->second.content_type;
  // Vite names assets by their content's hash: they may be kept for good.
  // The page itself must be asked for again, so a new build is seen.
  response.headers.emplace_back("Cache-Control", page || found->first.rfind("/assets/", 0) != 0
                                                     ? "no-cache"
                                                     : "public, max-age=31536000, immutable");
  response.headers.emplace_back("Content-Security-Policy", content_security_policy_);
  return response;
}

}  // namespace trygnet::http
