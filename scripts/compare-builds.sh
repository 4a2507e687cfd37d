#!/usr/bin/env bash
# Byte-for-byte comparison of two opsready builds: every report format of
# `check` (text, json, junit, sarif, markdown, html), `render` of the saved
# JSON report in every format, `merge` of it with a copy in every format,
# `diff` against the copy, a rescan with it as --baseline, and every exit
# code, on each repository given. Used to show
# that a change which should not change behaviour (a restructure) did not.
#   scripts/compare-builds.sh OLD_OPSREADY NEW_OPSREADY REPO [REPO...]
# Exit 0 when every output is identical; else 1, naming what differs.
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: $0 OLD_OPSREADY NEW_OPSREADY REPO [REPO...]" >&2
  exit 2
fi
old=$(realpath "$1") new=$(realpath "$2")
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
formats="text json junit sarif markdown html"
status=0

run() { # binary, out dir, repo
  local bin=$1 out=$2 repo=$3 args=() f
  mkdir -p "$out"
  for f in $formats; do args+=(--report "$f=$out/report.$f"); done
  set +e
  (cd "$repo" && "$bin" check . --now 2026-11-27 --no-progress --quiet "${args[@]}" \
     > "$out/stdout" 2> "$out/stderr")
  echo $? > "$out/exit"
  if [ -f "$out/report.json" ]; then
    for f in $formats; do
      "$bin" render "$out/report.json" --format "$f" > "$out/render.$f" 2>> "$out/stderr"
      echo "render $f: $?" >> "$out/exit"
    done
    # the report algebra and the exceptions: merge of the report with a
    # copy of itself, diff against it, and a rescan with it as --baseline
    cp "$out/report.json" "$out/copy.json"
    for f in $formats; do
      "$bin" merge "$out/report.json" "$out/copy.json" --format "$f" > "$out/merge.$f" 2>> "$out/stderr"
      echo "merge $f: $?" >> "$out/exit"
    done
    for f in text json markdown; do
      "$bin" diff "$out/report.json" "$out/copy.json" --format "$f" > "$out/diff.$f" 2>> "$out/stderr"
      echo "diff $f: $?" >> "$out/exit"
    done
    cp "$out/report.json" "$work/baseline.json" # one path for both builds' reports
    (cd "$repo" && "$bin" check . --now 2026-11-27 --no-progress --baseline "$work/baseline.json" \
       --format json > "$out/baseline.json" 2>> "$out/stderr")
    echo "baseline: $?" >> "$out/exit"
  fi
  set -e
}

for repo in "$@"; do
  repo=$(cd "$repo" && pwd)
  run "$old" "$work/old" "$repo"
  run "$new" "$work/new" "$repo"
  if diff -r "$work/old" "$work/new" > "$work/diff"; then
    echo "identical: $repo ($(ls "$work/new" | wc -l) outputs, exit $(head -1 "$work/new/exit"))"
  else
    echo "DIFFERENT: $repo"
    head -40 "$work/diff"
    status=1
  fi
  rm -rf "$work/old" "$work/new"
done
exit $status
