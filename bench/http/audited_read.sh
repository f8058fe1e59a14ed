#!/usr/bin/env bash
# Load test of the HTTP API with wrk (not a test: prints figures only).
# Starts `trygnet serve` on a fresh city-scale demo database and measures, in
# the same run and against the same server, 64 connections each:
#   1. GET /healthz                      — the baseline: HTTP, routing, no database work;
#   2. GET /api/v1/persons/{id}          — bearer token, policy decision, decrypted
#      identity, and an audit entry made durable (group commit) before the answer.
# Then checks that every answered profile read left its audit entry and that the
# chain verifies. Usage: bench/http/audited_read.sh BUILD_DIR [SECONDS]
set -euo pipefail
build="$(cd "$1" && pwd)"; seconds="${2:-15}"
binary="$build/trygnet"
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

"$binary" demo --db "$tmp/bench.db" >/dev/null 2>&1
token="$("$binary" user token --db "$tmp/bench.db" --user eas-analyst 2>/dev/null)"
"$binary" serve --db "$tmp/bench.db" --listen 127.0.0.1:0 ${TRYGNET_SERVE_ARGS:-} >"$tmp/serve.out" 2>"$tmp/serve.err" &
server_pid=$!
port=""
for _ in $(seq 1 100); do
  port="$(grep -o '127\.0\.0\.1:[0-9]*' "$tmp/serve.out" 2>/dev/null | head -1 | cut -d: -f2 || true)"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "the server did not start:"; cat "$tmp/serve.err"; exit 1; }
url="http://127.0.0.1:$port"
audit_count() { "$binary" audit verify --db "$tmp/bench.db" 2>/dev/null | grep -o '[0-9]* poster' | cut -d' ' -f1; }
entries_before="$(audit_count)"

run() {  # name, wrk arguments…
  local name="$1"; shift
  wrk -t2 -c64 -d"${seconds}s" --latency "$@" >"$tmp/$name.txt"
  local rate p50 p99 requests non2xx
  rate="$(awk '/^Requests\/sec/ {print $2}' "$tmp/$name.txt")"
  p50="$(awk '$1 == "50%" {print $2}' "$tmp/$name.txt")"
  p99="$(awk '$1 == "99%" {print $2}' "$tmp/$name.txt")"
  requests="$(awk '/requests in/ {print $1}' "$tmp/$name.txt")"
  non2xx="$(awk '/Non-2xx/ {print $4}' "$tmp/$name.txt")"
  printf '%-28s %10s req/s   p50 %-9s p99 %-9s requests %-8s non-2xx %s\n' "$name" "$rate" "$p50" "$p99" \
    "$requests" "${non2xx:-0}"
  eval "${name//-/_}_rate=$rate; ${name//-/_}_requests=$requests"
}

echo "== HTTP API under load: wrk, 2 threads, 64 connections, ${seconds} s each ($(nproc) cores, server threads: one per core)"
run healthz "$url/healthz"
TRYGNET_TOKEN="$token" run audited-person-read -s "$here/person_read.lua" "$url"
awk -v a="$audited_person_read_rate" -v h="$healthz_rate" \
  'BEGIN {printf "audited read / healthz: %.1f %%\n", 100 * a / h}'
curl_metrics() { exec 3<>"/dev/tcp/127.0.0.1/$port"; printf 'GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' >&3; cat <&3; }
curl_metrics | grep -E '^trygnet_(audit_commits_total|audit_entries_total|audit_commit_seconds_total|db_seconds_total)'
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""
entries_after="$(audit_count)"
echo "audit chain verified; entries written during the run: $((entries_after - entries_before)); answered profile reads: $audited_person_read_requests"
