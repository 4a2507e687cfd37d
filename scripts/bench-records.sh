#!/usr/bin/env bash
# The training-records benchmark (issue 17, defect 3): `opsready check` on
# generated records of people x courses, writing the reports the nightly job
# writes (json, junit, html) and the text on stdout; wall time and peak
# memory, median of N runs. Records: scripts/gen-records.py, seed 1.
#
# Shapes:
#   sparse   the issue's shape: the records file declares its courses (not
#            mandatory), 20 teams, a completion for two people in five; the
#            pack's six mandatory courses make 6 x people required cells.
#            2,000 x 2,000 is a 185 KB file.
#   dense    --mandatory all: every course mandatory for everyone, so
#            people x courses cells are required (4 million at 2,000 x
#            2,000), each an evaluation and, with so few completions, a
#            `training.missing` finding. Past 1,000,000 required cells
#            opsready refuses the records (exit 2) at once instead of
#            writing millions of findings. 700 x 700 (500,000 findings) is
#            still evaluated: its cost is that of the findings in every
#            report (about 2 KB each), shown but not held to the targets.
# Targets (the sparse shapes, and the refused dense ones): under 5 s and
# under 256 MB peak RSS. Exit 1 when one is missed. The last columns are
# opsready's exit code (1: the gate failed on the findings; 2: records
# refused) and the verdict ("info": not held to the targets).
#
#   scripts/bench-records.sh [--runs R] [--opsready PATH]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3 opsready=
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --opsready) opsready=$2; shift 2 ;;
    *) echo "usage: $0 [--runs R] [--opsready PATH]" >&2; exit 2 ;;
  esac
done

if [ -z "$opsready" ]; then
  build=build-bench
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j "$(nproc)" --target opsready_cli >/dev/null
  opsready=$PWD/$build/opsready
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# wall seconds, peak KB and exit code of one command: "S KB CODE"
measure() {
  /usr/bin/time -f '%e %M %x' -o "$out/time" "$@" >/dev/null 2>&1 || true
  tail -1 "$out/time"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

failed=0
bench() { # shape people courses mandatory [info]
  local shape=$1 people=$2 courses=$3 mandatory=$4 info=${5:-}
  local repo="$out/$shape-$people" walls=() rsses=() w r code
  mkdir -p "$repo/training" "$repo/runbooks"
  printf 'version: 1\ninputs:\n  training: training/records.yml\n' > "$repo/.opsready.yml"
  printf '# Runbook\n\n**Owner:** Ops\n' > "$repo/runbooks/payments.md"
  python3 scripts/gen-records.py "$repo/training/records.yml" --people "$people" \
    --courses "$courses" --mandatory "$mandatory" --seed 1
  for _ in $(seq "$runs"); do
    read -r w r code < <(measure "$opsready" check "$repo" --now 2026-11-27 --no-progress \
      --report json="$out/r.json" --report junit="$out/r.xml" --report html="$out/r.html")
    walls+=("$w"); rsses+=("$r")
  done
  w=$(printf '%s\n' "${walls[@]}" | median)
  r=$(printf '%s\n' "${rsses[@]}" | median)
  local verdict=ok
  if [ -n "$info" ]; then
    verdict=info
  elif [ "$(echo "$w >= 5" | bc)" = 1 ] || [ "$r" -ge $((256 * 1024)) ]; then
    verdict=MISSED; failed=1
  fi
  printf '%-8s %5d x %-5d %7d KB %9.2f %9d %5s   %s\n' "$shape" "$people" "$courses" \
    "$(( $(stat -c %s "$repo/training/records.yml") / 1024 ))" "$w" "$((r / 1024))" "$code" "$verdict"
  rm -rf "$repo" "$out"/r.*
}

echo "opsready: $opsready; median of $runs runs; targets: < 5 s, < 256 MB"
printf '%-8s %-13s %10s %9s %9s %5s\n' shape "people x courses" records "wall (s)" "peak (MB)" exit
bench sparse 1000 1000 none
bench sparse 2000 2000 none
bench dense 700 700 all info
bench dense 1000 1000 all
bench dense 2000 2000 all
exit "$failed"
