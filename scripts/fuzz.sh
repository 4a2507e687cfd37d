#!/usr/bin/env bash
# Build the libFuzzer harnesses of tests/fuzz with clang in build-fuzz/ and run
# each for a fixed time, one after another, from its seed corpus.
#   scripts/fuzz.sh                      every harness, 60 s each
#   scripts/fuzz.sh 300 document report  those two, 300 s each
# New inputs go to build-fuzz/corpus/<harness>/ (the seeds in
# tests/fuzz/corpus/ are only read; tests/fuzz/<harness>.dict is the
# dictionary); a crash, leak, timeout or out-of-memory
# input to build-fuzz/artifacts/<harness>/. Prints per harness the runs,
# exec/s and the coverage reached (cov: edges, ft: features); exits 1 if any
# harness found something.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
[ $# -gt 0 ] && shift
all=(document config records date report contact glob)
harnesses=("${@:-${all[@]}}")

# -max_len per harness: a runbook, a config or record file, a date, a saved
# report, a contact line, a glob and a path.
max_len() {
  case "$1" in
    document) echo 32768 ;;
    config|records) echo 8192 ;;
    report) echo 65536 ;;
    date) echo 128 ;;
    contact|glob) echo 512 ;;
    *) echo 4096 ;;
  esac
}

command -v clang >/dev/null || { echo "fuzz.sh: clang is needed (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
CC=clang cmake -S . -B build-fuzz -DOPSREADY_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DOPSREADY_WERROR=OFF >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target fuzzers >/dev/null

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
summary=()
failed=0
for h in "${harnesses[@]}"; do
  bin=build-fuzz/tests/fuzz/fuzz_$h
  [ -x "$bin" ] || { echo "fuzz.sh: no harness '$h' (known: ${all[*]})" >&2; exit 2; }
  work=build-fuzz/corpus/$h
  artifacts=build-fuzz/artifacts/$h
  log=build-fuzz/fuzz-$h.log
  mkdir -p "$work" "$artifacts"
  echo "== $h: ${seconds}s, -max_len=$(max_len "$h")"
  dict=()
  [ -f "tests/fuzz/$h.dict" ] && dict=(-dict="tests/fuzz/$h.dict")
  rc=0
  "$bin" "$work" "tests/fuzz/corpus/$h" "${dict[@]}" -max_total_time="$seconds" \
    -max_len="$(max_len "$h")" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" \
    >"$log" 2>&1 || rc=$?
  # the last status line holds the coverage; the final stats the runs and speed
  status=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$status")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$status")
  corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p' <<<"$status")
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  line=$(printf '%-9s runs %-10s exec/s %-7s cov %-6s ft %-7s corpus %s' \
    "$h" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}")
  if [ "$rc" -ne 0 ]; then
    failed=1
    line="$line  FOUND (exit $rc): $(ls -t "$artifacts" | head -1)"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -3 || true
  fi
  echo "$line"
  summary+=("$line")
done
echo
echo "== summary (${seconds}s each; logs in build-fuzz/fuzz-<harness>.log)"
printf '%s\n' "${summary[@]}"
exit "$failed"
