#!/usr/bin/env bash
# Builds the GoogleTest suite with em++ (the `wasm-tests` preset: GoogleTest
# and GoogleMock from /usr/src/googletest, the core and every unit test, -O1
# without LTO for compile time) and runs every test with ctest under node:
# the same tests that prove the native build prove the wasm one. Test-only:
# scripts/build.sh (and so scripts/serve.sh) does not build it.
set -euo pipefail
cd "$(dirname "$0")/.."

jobs="$(nproc)"
# em++ runs its JS optimiser under node and needs Debian's acorn.
export NODE_PATH=/usr/share/nodejs

emcmake cmake --preset wasm-tests >/dev/null
cmake --build --preset wasm-tests -j "$jobs"
ctest --preset wasm-tests -j "$jobs"
