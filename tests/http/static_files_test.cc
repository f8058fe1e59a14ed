#include "http/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace trygnet::testing {
namespace {

namespace fs = std::filesystem;
using http::StaticFiles;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("trygnet-static-" + std::to_string(::getpid()));
    fs::create_directories(root_ / "assets");
    Write("index.html", "<!doctype html><title>Trygnet</title>");
    Write("assets/index-abc123.js", "console.log(1)");
    Write("favicon.svg", "<svg/>");
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const std::string& name, const std::string& text) { std::ofstream(root_ / name) << text; }
  static std::string Header(const http::ApiResponse& response, const std::string& name) {
    for (const auto& [key, value] : response.headers) {
      if (key == name) return value;
    }
    return "";
  }
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesTheFilesWithTheirTypes) {
  auto files = StaticFiles::Load(root_.string());
  ASSERT_TRUE(files.ok()) << files.error().ToString();
  EXPECT_EQ(files->file_count(), 4u);  // and the made /config.json
  auto page = files->Find("GET", "/");
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->body, "<!doctype html><title>Trygnet</title>");
  EXPECT_EQ(page->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(Header(*page, "Cache-Control"), "no-cache");
  EXPECT_NE(Header(*page, "Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  auto script = files->Find("HEAD", "/assets/index-abc123.js");
  ASSERT_TRUE(script.has_value());
  EXPECT_EQ(script->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(Header(*script, "Cache-Control"), "public, max-age=31536000, immutable");
  auto icon = files->Find("GET", "/favicon.svg");
  ASSERT_TRUE(icon.has_value());
  EXPECT_EQ(Header(*icon, "Cache-Control"), "no-cache");  // not content-hashed
}

TEST_F(StaticFilesTest, RoutesOfTheUiGetThePage) {
  auto files = StaticFiles::Load(root_.string());
  ASSERT_TRUE(files.ok());
  auto route = files->Find("GET", "/persons/17");
  ASSERT_TRUE(route.has_value());
  EXPECT_EQ(route->content_type, "text/html; charset=utf-8");
}

TEST_F(StaticFilesTest, LeavesTheApiAndMissingAssetsToTheApi) {
  auto files = StaticFiles::Load(root_.string());
  ASSERT_TRUE(files.ok());
  for (const char* path : {"/api/v1/session", "/api", "/healthz", "/metrics", "/assets/missing.js",
                           "/../index.html.bak", "/assets/../../etc/passwd"}) {
    EXPECT_FALSE(files->Find("GET", path).has_value()) << path;
  }
  EXPECT_FALSE(files->Find("POST", "/").has_value());
  EXPECT_FALSE(files->Find("DELETE", "/persons/17").has_value());
}

TEST_F(StaticFilesTest, ADirectoryWithoutTheBuiltUiIsNamed) {
  fs::remove(root_ / "index.html");
  auto files = StaticFiles::Load(root_.string());
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.error().field, "web");
  EXPECT_NE(files.error().message.find("scripts/build-web.sh"), std::string::npos);
  EXPECT_FALSE(StaticFiles::Load((root_ / "nowhere").string()).ok());
}

TEST_F(StaticFilesTest, TheConfigurationNamesTheTileServerAndThePolicyAllowsIt) {
  auto plain = StaticFiles::Load(root_.string());
  ASSERT_TRUE(plain.ok());
  auto config = plain->Find("GET", "/config.json");
  ASSERT_TRUE(config.has_value());
  EXPECT_EQ(config->body, R"({"map_tiles":null})");
  EXPECT_NE(Header(*config, "Content-Security-Policy").find("img-src 'self' data:;"), std::string::npos);

  auto tiled = StaticFiles::Load(root_.string(), "https://tiles.example.dk/osm/{z}/{x}/{y}.png");
  ASSERT_TRUE(tiled.ok()) << tiled.error().ToString();
  auto page = tiled->Find("GET", "/");
  ASSERT_TRUE(page.has_value());
  EXPECT_NE(Header(*page, "Content-Security-Policy").find("img-src 'self' data: https://tiles.example.dk;"),
            std::string::npos);
  EXPECT_EQ(tiled->Find("GET", "/config.json")->body,
            R"({"map_tiles":"https://tiles.example.dk/osm/{z}/{x}/{y}.png"})");
}

TEST_F(StaticFilesTest, ABadTileServerIsNamed) {
  for (const char* bad : {"http://tiles.example.dk/{z}/{x}/{y}.png", "https://tiles.example.dk/{z}/{x}.png",
                          "https://tiles.example.dk/{z}/{x}/{y}.png; script-src *", "https://{s}/{z}/{x}/{y}.png",
                          "tiles.example.dk/{z}/{x}/{y}", "http://localhost.evil.example/{z}/{x}/{y}.png",
                          "https://user@tiles.example.dk/{z}/{x}/{y}.png"}) {
    auto files = StaticFiles::Load(root_.string(), bad);
    ASSERT_FALSE(files.ok()) << bad;
    EXPECT_EQ(files.error().field, "map-tiles") << bad;
  }
  EXPECT_TRUE(StaticFiles::Load(root_.string(), "http://127.0.0.1:8081/{z}/{x}/{y}.png").ok());
}

}  // namespace
}  // namespace trygnet::testing
