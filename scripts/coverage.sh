#!/usr/bin/env bash
# Measures how much of core/ the native tests (GoogleTest and the CLI tests)
# run: clang's source-based coverage (clang++-14 -fprofile-instr-generate
# -fcoverage-mapping, build/coverage), merged with llvm-profdata-14 and
# reported per file by llvm-cov-14, lines and branches. Fails when the total
# falls below the floors (scripts/coverage-floor.mjs holds them), or when a
# test fails.
#   COVERAGE_HTML=1   also writes an annotated copy of the sources to
#                     build/coverage/html/ (to find what is not run)
set -euo pipefail
cd "$(dirname "$0")/.."

build=build/coverage
for tool in clang++-14 llvm-profdata-14 llvm-cov-14; do
  if ! command -v "$tool" >/dev/null; then
    echo "coverage: $tool is needed (apt-get install clang-14 llvm-14)" >&2
    exit 1
  fi
done
generator=()
if command -v ninja >/dev/null; then generator=(-G Ninja); fi
# -O0: the fastest to compile, and every branch stays where the source has it.
# No benchmarks: they are not tests.
flags="-fprofile-instr-generate -fcoverage-mapping"
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" "${generator[@]}" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="-O0" -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" \
    -DEPOCHCOST_BENCH=OFF >/dev/null
fi
echo "== coverage: building the core, CLI and tests (clang++-14, source-based coverage)"
cmake --build "$build" -j "$(nproc)"

profiles="$build/profiles"
rm -rf "$profiles"
mkdir -p "$profiles"
# One raw profile per process (%p); merged below.
status=0
LLVM_PROFILE_FILE="$PWD/$profiles/%p.profraw" ctest --test-dir "$build" -j "$(nproc)" --output-on-failure \
  >"$build/ctest.log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  cat "$build/ctest.log"
  echo "coverage: a test failed (see above)" >&2
  exit "$status"
fi
sed -n '/tests passed/p' "$build/ctest.log"
llvm-profdata-14 merge -sparse "$profiles"/*.profraw -o "$build/core.profdata"

# Every binary a test ran: the test executables and the CLI.
objects=("$build/cli/epochcost")
for binary in "$build"/tests/*_test; do
  objects+=(-object "$binary")
done
sources=(core/src core/include)
# -dump lists each function whose profile does not match its coverage map.
# In a binary that never calls an inline function of a header (Rational::num
# in a test that does not use it), clang still maps it, with hash 0 and no
# counters; its counts come from the binaries that call it, so those
# mismatches lose nothing. Any other hash means a profile from another build
# of the code, whose counts would be dropped: that fails.
llvm-cov-14 report -dump -instr-profile="$build/core.profdata" "${objects[@]}" "${sources[@]}" \
  >"$build/llvm-cov.log" 2>&1
unused=$(grep -c "^hash-mismatch: .* with hash = 0x0$" "$build/llvm-cov.log" || true)
if grep "^hash-mismatch:" "$build/llvm-cov.log" | grep -v " with hash = 0x0$"; then
  echo "coverage: the profile does not match the binaries above (a stale build?): rm -rf $build" >&2
  exit 1
fi
echo "coverage: $unused inline functions are mapped but unused in some binaries (counted where they run)"
llvm-cov-14 export -summary-only -instr-profile="$build/core.profdata" "${objects[@]}" "${sources[@]}" \
  >"$build/summary.json" 2>/dev/null
if [ "${COVERAGE_HTML:-0}" = 1 ]; then
  llvm-cov-14 show -format=html -show-branches=count -instr-profile="$build/core.profdata" "${objects[@]}" \
    -output-dir="$build/html" "${sources[@]}"
  echo "coverage: annotated sources in $build/html/index.html"
fi
node scripts/coverage-floor.mjs "$build/summary.json"
