#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/, clang++-14 with ASan and UBSan,
# into build/fuzz/) and runs each for FUZZ_SECONDS (default 60) on a copy of
# its committed seed corpus in build/fuzz/corpus/, so the corpus in git stays
# as it is. What a run adds there is kept for the next local run.
# Needs the native CLI (scripts/build.sh) for the schema's keys.
# Fails on any finding: a crash, a broken invariant (a trap), a sanitizer
# report, a leak, a timeout or running out of memory. Prints, per target,
# the executions and executions per second.
#
#   FUZZ_SECONDS=60     seconds per target; 0 runs only the seed corpus
#   FUZZ_RUNS=1000000   run each target to this many executions instead,
#                       FUZZ_SECONDS then being the most it may take: fewer
#                       executions in that time fail (the nightly workflow,
#                       .github/workflows/fuzz.yml)
#   FUZZ_TARGETS="..."  a subset of: price_table config link open_link
#   FUZZ_FRESH=1        start from the committed seeds only
#
# A finding leaves its input in build/fuzz/artifacts/<target>/; reproduce
# with build/fuzz/<target>_fuzzer <file>, then add the exact bytes to a
# tests/unit/*regression_test.cpp and fix the core.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-60}"
runs_wanted="${FUZZ_RUNS:-0}"
targets="${FUZZ_TARGETS:-price_table config link open_link}"
build=build/fuzz

max_len() {
  case "$1" in
    price_table) echo 65536 ;;  # tables are refused above 256 KB; 64 KB reaches every path
    *) echo 4096 ;;             # configurations (16 KB limit) and links (2 KB limit)
  esac
}

if ! command -v clang++-14 >/dev/null; then
  echo "fuzz: clang++-14 is needed (apt-get install clang-14 libclang-rt-14-dev)" >&2
  exit 1
fi
generator=()
if command -v ninja >/dev/null; then generator=(-G Ninja); fi
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S tests/fuzz -B "$build" "${generator[@]}" -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
fi
echo "== fuzz: building the targets (clang++-14, libFuzzer + ASan + UBSan)"
cmake --build "$build" -j "$(nproc)"

# Findings abort with a stack; a leak is a finding too.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

failed=()
rows=()
for target in $targets; do
  binary="$build/${target}_fuzzer"
  corpus="$build/corpus/$target"
  artifacts="$build/artifacts/$target"
  log="$build/$target.log"
  if [ "${FUZZ_FRESH:-0}" = 1 ]; then rm -rf "$corpus"; fi
  rm -rf "$artifacts"
  mkdir -p "$corpus" "$artifacts"
  # Opening a link reads what decoding reads: the link's seeds and words.
  inputs="$target"
  if [ "$target" = open_link ]; then inputs=link; fi
  cp tests/fuzz/corpus/"${inputs}_fuzzer"/* "$corpus"/
  # Every input's key or link parameter joins the dictionary from the schema.
  node scripts/fuzz-dict.mjs "$inputs" build/native/cli/epochcost "$build/$target.dict"
  args=(-max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
    -artifact_prefix="$artifacts/" -dict="$build/$target.dict")
  if [ "$runs_wanted" -gt 0 ]; then
    args+=(-runs="$runs_wanted" -max_total_time="$seconds")
    echo "== fuzz: $target to $runs_wanted executions (at most ${seconds} s)"
  elif [ "$seconds" -gt 0 ]; then
    args+=(-max_total_time="$seconds")
    echo "== fuzz: $target for ${seconds} s"
  else
    args+=(-runs=0)  # the seed corpus only
    echo "== fuzz: $target on its seed corpus"
  fi
  status=0
  "$binary" "${args[@]}" "$corpus" >"$log" 2>&1 || status=$?

  # libFuzzer's last line: "Done 512345 runs in 61 second(s)".
  runs="-"
  secs="-"
  rate="-"
  if done_line="$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)"; then
    runs="$(awk '{print $2}' <<<"$done_line")"
    secs="$(awk '{print $5}' <<<"$done_line")"
    if [ "$secs" -gt 0 ]; then rate=$((runs / secs)); else rate="$runs"; fi
  fi
  found="$(find "$artifacts" -type f | head -1)"
  result="ok"
  if [ "$status" -ne 0 ] || [ -n "$found" ]; then
    result="FINDING"
    failed+=("$target")
    echo "fuzz: $target found a problem (exit $status); the end of $log:" >&2
    grep -vE '^#[0-9]+ +(NEW|REDUCE|pulse|RELOAD)' "$log" | tail -40 >&2
    if [ -n "$found" ]; then
      echo "fuzz: input saved as $found; reproduce with: $binary $found" >&2
    fi
  fi
  if [ "$result" = ok ] && [ "$runs_wanted" -gt 0 ] && { [ "$runs" = - ] || [ "$runs" -lt "$runs_wanted" ]; }; then
    result="SHORT"
    failed+=("$target")
    echo "fuzz: $target reached $runs of $runs_wanted executions in ${seconds} s" >&2
  fi
  corpus_size="$(find "$corpus" -type f | wc -l)"
  rows+=("$(printf '%-12s %12s %8s %10s %8s  %s' "$target" "$runs" "$secs" "$rate" "$corpus_size" "$result")")
done

echo
if [ "$runs_wanted" -gt 0 ]; then
  echo "== fuzz summary ($runs_wanted executions per target, libFuzzer + ASan + UBSan)"
else
  echo "== fuzz summary (${seconds} s per target, libFuzzer + ASan + UBSan)"
fi
printf '%-12s %12s %8s %10s %8s  %s\n' target executions seconds "exec/s" corpus result
printf '%s\n' "${rows[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: findings (or too few executions) in: ${failed[*]}" >&2
  exit 1
fi
