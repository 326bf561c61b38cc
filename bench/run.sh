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
# Lighthouse is a benchmark tool, not a test dependency: its own dependency
# tree pins "latest" of a package, which would break `npm ci` of the
# project's lock file whenever that package releases. So it lives in its own
# folder, installed on first use.
if [ ! -x build/bench-tools/node_modules/.bin/lighthouse ]; then
  npm install --prefix build/bench-tools --no-audit --no-fund --loglevel=error lighthouse@12.8.2
fi
echo "== page (build/site in headless Chromium)"
LIGHTHOUSE=build/bench-tools/node_modules/.bin/lighthouse node bench/browser_bench.mjs "$@"
