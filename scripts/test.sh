#!/usr/bin/env bash
# Build opsready and run the whole test suite (unit, end-to-end, command line).
#   scripts/test.sh              a normal build in build/
#   SANITIZE=1 scripts/test.sh   AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/
#   SANITIZE=thread scripts/test.sh   ThreadSanitizer in build-tsan/
# Warnings are errors (-Werror) in every one of these builds when CI=true or
# OPSREADY_WERROR=ON (.ci/run sets it). The tests that read the public corpus
# (../shared beside the checkout) are skipped without it, and fail instead
# when OPSREADY_REQUIRE_CORPUS is set (.ci/run sets it when ../shared is there).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${SANITIZE:-0}" = 1 ]; then
  dir=build-asan
  flags=(-DOPSREADY_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  export OPSREADY_TIMEOUT_SCALE=${OPSREADY_TIMEOUT_SCALE:-5} # cases that time opsready
elif [ "${SANITIZE:-0}" = thread ]; then
  dir=build-tsan
  flags=(-DOPSREADY_TSAN=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo)
  export TSAN_OPTIONS=halt_on_error=1:exitcode=66
  export OPSREADY_TIMEOUT_SCALE=${OPSREADY_TIMEOUT_SCALE:-10}
else
  dir=build
  flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
fi
werror=${OPSREADY_WERROR:-OFF}
[ "${CI:-}" = true ] && werror=ON

cmake -S . -B "$dir" "${flags[@]}" -DOPSREADY_WERROR="$werror" >/dev/null
cmake --build "$dir" -j "$(nproc)"
ctest --test-dir "$dir" --output-on-failure -j "$(nproc)"
