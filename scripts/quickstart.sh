#!/usr/bin/env bash
# From a fresh Debian 12 machine to a first readiness report:
# install what is missing, build, and run the nightly job on the bundled example.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)"

# The example as a git repository of its own, with a history of fixed dates.
example=build/example-repo
examples/build-example-repo.sh "$example"
out=build/example-reports
mkdir -p "$out"
echo
echo "== opsready check $example (examples/bcdr-repo; its gaps are deliberate) =="
set +e
build/opsready check "$example" --now 2026-11-27 \
  --report json="$out/report.json" --report html="$out/report.html" \
  --report junit="$out/report.xml" --report sarif="$out/report.sarif" \
  --report markdown="$out/report.md"
status=$?
set -e
echo
echo "Reports written:"
for f in report.json report.html report.xml report.sarif report.md; do echo "  $out/$f"; done
echo "Exit code $status (0: gate passed, 1: gate failed — expected here, see examples/README.md)."
