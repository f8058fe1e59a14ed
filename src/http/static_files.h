// The browser UI's built files (web/, built into build/web by
// scripts/build-web.sh), served by `trygnet serve` beside the API. The files
// are read into memory at start: the built UI is a few hundred KB, a request
// can never name a file outside it, and a rebuild takes effect on restart.
//
// Paths under /api/, /healthz and /metrics are never static. A GET for a
// path that is not a file and has no extension gets index.html, so that the
// UI's own routes (/persons/17) survive a reload. /config.json is made here:
// the UI's settings from the server's options (the map's tile server).
// Thread-safety: immutable after Load.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/error.h"
#include "http/api_types.h"

namespace trygnet::http {

class StaticFiles {
 public:
  // Fails with invalid_argument naming `web` when `root` is not a directory
  // holding index.html, or a file in it cannot be read; naming `map-tiles`
  // when `map_tiles` is set but not an https URL template with {z}, {x} and
  // {y} (http only for the local machine). Empty `map_tiles`: the map draws
  // the areas without a background and fetches nothing from elsewhere.
  static Result<StaticFiles> Load(const std::string& root, const std::string& map_tiles = "");

  // The answer for a GET or HEAD of `path`, or nullopt when the API answers it.
  std::optional<ApiResponse> Find(const std::string& method, const std::string& path) const;

  size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::string body;
    std::string content_type;
  };
  std::map<std::string, File> files_;  // by URL path, "/index.html", "/assets/index-abc.js"
  std::string content_security_policy_;
};

// The Content-Security-Policy of the UI's pages: scripts, styles and data
// from this server only; images also from the tile server's origin, if one
// is configured (e.g. "https://tiles.example.dk").
std::string WebContentSecurityPolicy(const std::string& tile_origin);

}  // namespace trygnet::http
