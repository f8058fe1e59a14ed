#!/usr/bin/env bash
# Builds the browser UI (web/: TypeScript, React, Vite) into BUILD_DIR/web,
# which `trygnet serve` serves. npm ci runs only when package-lock.json has
# changed since the last install; nothing is fetched from a CDN at run time.
# Usage: scripts/build-web.sh [BUILD_DIR]   (default: build)
set -euo pipefail
build_dir="$(realpath -m "${1:-build}")"
cd "$(dirname "$0")/../web"
stamp=node_modules/.trygnet-package-lock.json
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "build-web: npm ci"
  npm ci --ignore-scripts --no-audit --no-fund
  cp package-lock.json "$stamp"
fi
TRYGNET_WEB_OUT="$build_dir/web" npm run --silent build
echo "build-web: the UI is in $build_dir/web"
