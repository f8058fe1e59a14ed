#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

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

}  // namespace

Result<StaticFiles> StaticFiles::Load(const std::string& root) {
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
  response.headers.emplace_back("Content-Security-Policy", kWebContentSecurityPolicy);
  return response;
}

}  // namespace trygnet::http
