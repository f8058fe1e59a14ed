#!/usr/bin/env bash
# `make bench`: runs the benchmarks and prints figures for docs/performance.md.
# Benchmarks are not tests; nothing here passes or fails on timing.
# Usage: scripts/run-benchmarks.sh BUILD_DIR [--national]
set -euo pipefail
build="$1"; shift || true
echo "== machine"; nproc; grep -m1 'model name' /proc/cpuinfo || true; free -h | head -2; date -u
echo
echo "== observation bulk insert (bench/observation_insert_bench)"
"$build/bench/observation_insert_bench" --benchmark_min_time=2
echo
echo "== demo generation, city scale"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
/usr/bin/time -f "wall %e s, peak RSS %M KiB" "$build/trygnet" demo --db "$tmp/city.db" >/dev/null
echo
echo "== HTTP API: audited profile reads against /healthz (bench/http/audited_read.sh)"
"$(dirname "$0")/../bench/http/audited_read.sh" "$build" 15
echo
echo "== status report and indicators, city scale (bench/report_bench)"
"$build/bench/report_bench" --benchmark_filter=City
/usr/bin/time -f "wall %e s, peak RSS %M KiB" "$build/trygnet" report --db "$tmp/city.db" --partnership norrebro-2017 \
  --period 2017-08-01..2018-06-30 -o "$tmp/report.pdf"
echo
echo "== network analysis, 10,000 persons, and the same with NetworkX (bench/network_bench)"
"$build/bench/network_bench" --benchmark_filter='City|NetworkX'
/usr/bin/time -f "wall %e s, peak RSS %M KiB" "$build/trygnet" network --db "$tmp/city.db" --partnership norrebro-2017 \
  --as-of 2018-06-30 --purpose crime_prevention --json >/dev/null
if [ "${1:-}" = "--national" ]; then
  echo
  echo "== network analysis, national scale (1,000,000 persons, 10,000,000 observations; bench/network_bench)"
  TRYGNET_BENCH_NETWORK_NATIONAL=1 /usr/bin/time -f "wall %e s, peak RSS %M KiB" "$build/bench/network_bench" \
    --benchmark_filter=National
  echo
  echo "== demo generation, national scale (1,000,000 persons, 10,000,000 observations)"
  /usr/bin/time -f "wall %e s, peak RSS %M KiB" "$build/trygnet" demo --db "$tmp/national.db" --scale national
  ls -l "$tmp/national.db"
  echo
  echo "== status report and indicators, national scale (bench/report_bench)"
  TRYGNET_BENCH_NATIONAL_DB="$tmp/national.db" "$build/bench/report_bench" --benchmark_filter=National
  echo
  echo "== trygnet network on the national database: store scan, build, all measures (10 s betweenness budget)"
  /usr/bin/time -f "wall %e s, peak RSS %M KiB" "$build/trygnet" network --db "$tmp/national.db" \
    --partnership norrebro-2017 --as-of 2019-06-30 --from 2015-01-01 --budget 10 --purpose crime_prevention >/dev/null
fi
