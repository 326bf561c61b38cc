#!/usr/bin/env bash
# Builds the core, CLI and the whole GoogleTest suite under AddressSanitizer
# and UndefinedBehaviorSanitizer (the `sanitize` preset in CMakePresets.json:
# Debug, -fsanitize=address,undefined -fno-sanitize-recover=all) and runs
# every test with ctest. Any sanitizer report fails the test that caused it,
# and so this script. Prints the ctest summary at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

jobs="$(nproc)"
# Stop at the first report, with a stack; leaks count as failures.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

cmake --preset sanitize >/dev/null
cmake --build --preset sanitize -j "$jobs"

log="build/sanitize/ctest.log"
status=0
ctest --preset sanitize -j "$jobs" >"$log" 2>&1 || status=$?

# The failures' output (outputOnFailure), then the summary lines.
if [ "$status" -ne 0 ]; then
  cat "$log"
fi
echo
echo "== sanitizer suite (ASan + UBSan), ctest summary"
sed -n '/tests passed/,$p' "$log"
if grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$log"; then
  echo "sanitize: a sanitizer report is in $log" >&2
  status=1
fi
exit "$status"
