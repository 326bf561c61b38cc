#!/usr/bin/env bash
# Runs every benchmark and prints figures: the core (Google Benchmark) and
# the page in Chromium (transfer size, time to first estimate against a bare
# page, input-to-update latency, Lighthouse). Builds first if needed.
#   bash bench/run.sh [--loads N] [--no-lighthouse]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh >/dev/null
echo "== core (Google Benchmark, build/native, Release)"
build/native/bench/core_bench --benchmark_min_time=0.2 2>/dev/null
echo
echo "== page (build/site in headless Chromium)"
node bench/browser_bench.mjs "$@"
