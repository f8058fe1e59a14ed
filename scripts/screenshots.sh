#!/usr/bin/env bash
# Screenshots of the browser UI's main pages into docs/screenshots/, taken in
# headless Chromium against `trygnet serve` on a fresh demo database.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (after `make build`)
set -euo pipefail
build_dir="$(realpath -m "${1:-build}")"
cd "$(dirname "$0")/../web"
TRYGNET_BINARY="$build_dir/trygnet" TRYGNET_WEB="$build_dir/web" node scripts/screenshots.mjs
