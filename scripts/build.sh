#!/usr/bin/env bash
# Builds everything: the native core, CLI, tests and benchmarks (build/native),
# the wasm engine (build/wasm), and the static site (build/site = web/ plus
# the engine). Run scripts/setup.sh first (serve.sh and test.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

cmake --preset native >/dev/null
cmake --build --preset native -j "$jobs"

# em++ runs its JS optimiser under node and needs Debian's acorn.
export NODE_PATH=/usr/share/nodejs
emcmake cmake --preset wasm >/dev/null
cmake --build --preset wasm -j "$jobs"

rm -rf build/site
mkdir -p build/site/engine
cp -R web/. build/site/
cp build/wasm/wasm/epochcost_engine.js build/wasm/wasm/epochcost_engine.wasm build/site/engine/
echo "build: site in build/site ($(du -sk build/site | cut -f1) KB)"
