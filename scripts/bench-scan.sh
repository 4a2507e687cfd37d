#!/usr/bin/env bash
# The whole-scan benchmark, in one run, on each corpus profile (median of N
# runs, wall time and peak memory):
#   - opsready's full scan writing every report (json, junit, sarif, markdown, html)
#   - opsready --since on a change of 3 files (work tree), on one that deletes
#     a script (the documents that mention it are read), and on a branch of
#     20 commits (a pull request)
#   - the floor: cmark-gfm parsing the same files alone, plus one
#     `git log --first-parent --name-only` pass
#   - markdownlint-cli2 on the same files (installed with npm into build-bench/)
# Targets: full scan within 1.5x the floor; --since under 100 ms; peak memory
# under 256 MB; markdownlint-cli2 at least 10x slower than opsready.
#
# Profiles (scripts/gen-corpus.py --profile): "conforming" is an organisation
# that keeps its documents the way the pack asks, with defects at realistic
# rates (a few thousand findings on 10,000 files); "stress" breaks about 11
# rules in every runbook (110,000 findings), so the reports dominate.
# Default: both.
#
#   scripts/bench-scan.sh [--profile conforming|stress|both] [--files N]
#                         [--commits M] [--runs R] [--no-markdownlint]
set -euo pipefail
cd "$(dirname "$0")/.."

files=10000 commits=50000 runs=3 markdownlint=1 profiles="conforming stress"
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) case "$2" in both) profiles="conforming stress" ;; *) profiles=$2 ;; esac; shift 2 ;;
    --files) files=$2; shift 2 ;;
    --commits) commits=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --no-markdownlint) markdownlint=0; shift ;;
    *) echo "usage: $0 [--profile conforming|stress|both] [--files N] [--commits M] [--runs R] [--no-markdownlint]" >&2; exit 2 ;;
  esac
done

build=build-bench
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON >/dev/null
cmake --build "$build" -j "$(nproc)" --target opsready_cli bench_floor >/dev/null

opsready=$PWD/$build/opsready
floor=$PWD/$build/tests/bench/bench_floor
out=$(mktemp -d)
corpus=
# wall seconds and peak KB of one command: "S KB"
measure() {
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$out/time" "$@" >/dev/null 2>&1 || true
  t1=$(date +%s.%N)
  echo "$(echo "$t1 - $t0" | bc) $(tail -1 "$out/time")"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

bench() { # name, command...
  local name=$1; shift
  local walls=() rsses=()
  for _ in $(seq "$runs"); do
    read -r wall rss < <(measure "$@")
    walls+=("$wall"); rsses+=("$rss")
  done
  local w r
  w=$(printf '%s\n' "${walls[@]}" | median)
  r=$(printf '%s\n' "${rsses[@]}" | median)
  printf '%-58s %9.3f %9d\n' "$name" "$w" "$((r / 1024))"
  echo "$w" > "$out/$name.wall"
  echo "$r" > "$out/$name.rss"
}

run_profile() {
  local profile=$1
  corpus="$build/corpus-$profile-$files-$commits-1"
  if [ ! -d "$corpus/.git" ] && [ ! -f "$corpus/HEAD" ]; then
    python3 scripts/gen-corpus.py "$corpus" --profile "$profile" --files "$files" --commits "$commits" --seed 1
  fi
  # the generator writes no work tree: check it out (again, if a run was cut short)
  git -C "$corpus" checkout -q -f HEAD
  git -C "$corpus" clean -qfd

  trap 'rm -rf "$out"; git -C "$corpus" checkout -q -f HEAD -- . ; git -C "$corpus" clean -qfd' EXIT
  rm -f "$out"/*

  git -C "$corpus" ls-files '*.md' > "$out/paths"
  ndocs=$(wc -l < "$out/paths")

  nfindings=$({ "$opsready" check "$corpus" --now 2026-11-27 --no-progress --format json 2>/dev/null || true; } | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))')
  echo
  echo "== profile $profile: $corpus ($ndocs Markdown files, $(git -C "$corpus" rev-list --count HEAD) commits, $nfindings findings); median of $runs runs"
  printf '%-58s %9s %9s\n' "" "wall (s)" "peak (MB)"
  bench full "$opsready" check "$corpus" --now 2026-11-27 --no-progress --quiet \
    --report json="$out/r.json" --report junit="$out/r.xml" --report sarif="$out/r.sarif" \
    --report markdown="$out/r.md" --report html="$out/r.html"
  # a change of 3 files in the work tree
  for f in $(head -3 "$out/paths"); do printf '\nTODO: a new step\n' >> "$corpus/$f"; done
  bench since "$opsready" check "$corpus" --now 2026-11-27 --no-progress --quiet --since HEAD
  git -C "$corpus" checkout -q -f HEAD -- .
  # a change that deletes a script the runbooks run: every document is
  # looked into for its name, and those that mention it are read
  victim=$(git -C "$corpus" ls-files 'scripts/*' | head -1)
  if [ -n "$victim" ]; then
    rm "$corpus/$victim"
    bench since-delete "$opsready" check "$corpus" --now 2026-11-27 --no-progress --quiet --since HEAD
    git -C "$corpus" checkout -q -f HEAD -- .
  fi
  # a pull request: a branch of 20 commits against its base, the work tree clean
  bench since-branch "$opsready" check "$corpus" --now 2026-11-27 --no-progress --quiet --since HEAD~20
  bench floor-parse bash -c "'$floor' '$corpus' < '$out/paths'"
  bench floor-gitlog git -C "$corpus" log --first-parent --name-only --format=%H
  floor_wall=$(echo "$(cat "$out/floor-parse.wall") + $(cat "$out/floor-gitlog.wall")" | bc)
  printf '%-58s %9.3f\n' "floor (cmark-gfm parse + git log)" "$floor_wall"

  if [ "$markdownlint" = 1 ]; then
    if [ ! -x "$build/node_modules/.bin/markdownlint-cli2" ]; then
      (cd "$build" && npm install --silent --no-audit --no-fund markdownlint-cli2 >/dev/null 2>&1) || true
    fi
    if [ -x "$build/node_modules/.bin/markdownlint-cli2" ]; then
      runs_saved=$runs; runs=1
      bench markdownlint-cli2 bash -c "cd '$corpus' && '$PWD/$build/node_modules/.bin/markdownlint-cli2' '**/*.md'"
      runs=$runs_saved
    else
      echo "markdownlint-cli2: could not be installed with npm; skipped"
    fi
  fi

  full=$(cat "$out/full.wall")
  echo
  printf 'full scan / floor:           %.2fx (target <= 1.5x)\n' "$(echo "$full / $floor_wall" | bc -l)"
  printf -- '--since (3 files):           %.0f ms (target < 100 ms)\n' "$(echo "$(cat "$out/since.wall") * 1000" | bc -l)"
  printf -- '--since (20-commit branch):  %.0f ms\n' "$(echo "$(cat "$out/since-branch.wall") * 1000" | bc -l)"
  if [ -f "$out/since-delete.wall" ]; then
    printf -- '--since (deletes %s): %.0f ms\n' "$victim" "$(echo "$(cat "$out/since-delete.wall") * 1000" | bc -l)"
  fi
  printf 'peak memory, full scan:      %d MB (target < 256 MB)\n' "$(( $(cat "$out/full.rss") / 1024 ))"
  if [ -f "$out/markdownlint-cli2.wall" ]; then
    printf 'markdownlint-cli2 / opsready: %.1fx (target >= 10x)\n' \
      "$(echo "$(cat "$out/markdownlint-cli2.wall") / $full" | bc -l)"
  fi
}

for profile in $profiles; do
  run_profile "$profile"
done
