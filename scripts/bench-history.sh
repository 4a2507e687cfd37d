#!/usr/bin/env bash
# Benchmark the history index against git itself, in one run:
#
#   scripts/bench-history.sh [--repo DIR] [--files N] [--commits N] [--seed S] [--runs R]
#
# Builds bench_history (Release, in build-bench/) when needed, generates the
# corpus with scripts/gen-corpus.py (default 10,000 files and 50,000 commits,
# kept in build-bench/ and reused) unless --repo names an existing
# repository, checks a sample of opsready's answers against
# `git log -1 --first-parent -- PATH` and `git blame --first-parent -L N,N`,
# then prints the median of R runs (default 3) of
#   bench_history REPO                     (every *.md file at HEAD)
#   bench_history REPO --lines             (the same walk, also attributing
#                                           lines 14-15 of every runbook:
#                                           the generator's contact lines)
#   git log --first-parent --name-only --format=%H > /dev/null
# as wall time and peak memory, and the ratio. The target: opsready's wall
# time at most 1.5 times git's (for the last changes alone; line attribution
# reads every version of every runbook, which git log never does). A
# benchmark, not a test: it always exits 0 once it has measured.
set -euo pipefail
cd "$(dirname "$0")/.."

files=10000
commits=50000
seed=1
runs=3
repo=
while [ $# -gt 0 ]; do
  case "$1" in
    --repo) repo=$2; shift 2 ;;
    --files) files=$2; shift 2 ;;
    --commits) commits=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-history: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

build=build-bench
if [ ! -x "$build/tests/bench/bench_history" ] || [ -n "$(find src tests/bench -newer "$build/tests/bench/bench_history" -name '*.[ch]' -print -quit)" ]; then
  echo "== building bench_history (Release) in $build/"
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DOPSREADY_SANITIZE=OFF >/dev/null
  cmake --build "$build" -j "$(nproc)" --target bench_history >/dev/null
fi
bench=$build/tests/bench/bench_history

if [ -z "$repo" ]; then
  repo=$build/corpus-stress-$files-$commits-$seed
  if [ ! -d "$repo/.git" ]; then
    echo "== generating $repo"
    rm -rf "$repo"
    start=$(date +%s.%N)
    python3 scripts/gen-corpus.py "$repo" --profile stress --files "$files" --commits "$commits" --seed "$seed" --no-checkout
    echo "   generated in $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"
  fi
fi
git -C "$repo" rev-parse --verify -q HEAD >/dev/null || { echo "bench-history: $repo has no HEAD commit" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Correctness first: a sample of the answers, checked with git.
"$bench" "$repo" --print > "$tmp/answers"
grep -v '^bench_history:' "$tmp/answers" > "$tmp/all"
step=$(( ($(wc -l < "$tmp/all") + 24) / 25 ))
awk -v step="$step" 'step > 0 && NR % step == 1 % step' "$tmp/all" > "$tmp/sample"
checked=0
while read -r id path; do
  want=$(git -C "$repo" log -1 --first-parent --format=%H -- "$path")
  [ -n "$want" ] || want=-
  if [ "$want" != "$id" ]; then
    echo "bench-history: MISMATCH for $path: opsready $id, git $want" >&2
    exit 1
  fi
  checked=$((checked + 1))
done < "$tmp/sample"
tail -n 1 "$tmp/answers"
echo "   $checked sampled answers agree with git log -1 --first-parent -- PATH"

# The contact lines: a few answers, checked with git blame (0.5 s or more each).
"$bench" "$repo" --lines --print | grep -v '^bench_history:' | grep -E ':[0-9]+$' > "$tmp/lines" || true
step=$(( ($(wc -l < "$tmp/lines") + 7) / 8 ))
awk -v step="$step" 'step > 0 && NR % step == 1 % step' "$tmp/lines" > "$tmp/lines.sample"
checked=0
while read -r id where; do
  path=${where%:*}; line=${where##*:}
  want=$(git -C "$repo" blame --first-parent --porcelain -L "$line,$line" -- "$path" | head -n 1 | cut -d' ' -f1)
  if [ "$want" != "$id" ]; then
    echo "bench-history: MISMATCH for $path:$line: opsready $id, git blame $want" >&2
    exit 1
  fi
  checked=$((checked + 1))
done < "$tmp/lines.sample"
echo "   $checked sampled line answers agree with git blame --first-parent -L N,N"

timer=
[ -x /usr/bin/time ] && timer=/usr/bin/time

# run LABEL COMMAND...: one line "wall_seconds peak_kb" per run into $tmp/LABEL
run() {
  local label=$1; shift
  local i
  : > "$tmp/$label"
  for i in $(seq "$runs"); do
    if [ -n "$timer" ]; then
      "$timer" -f '%e %M' -o "$tmp/time" "$@" > "$tmp/out"
      cat "$tmp/time" >> "$tmp/$label"
    else
      local s e kb
      s=$(date +%s.%N)
      "$@" > "$tmp/out"
      e=$(date +%s.%N)
      kb=$(sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p' "$tmp/out")
      echo "$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.2f", e - s }') ${kb:-n/a}" >> "$tmp/$label"
    fi
  done
}

# median COLUMN FILE
median() {
  awk -v c="$1" '{ print $c }' "$2" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0 || v[1] == "n/a") { print "n/a"; exit }
    print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "== $runs runs each on $repo"
run opsready "$bench" "$repo"
run lines "$bench" "$repo" --lines
if [ -n "$timer" ]; then
  run git git -C "$repo" log --first-parent --name-only --format=%H
else
  run git bash -c 'git -C "$1" log --first-parent --name-only --format=%H' _ "$repo"
  awk '{ $2 = "n/a"; print }' "$tmp/git" > "$tmp/git.n" && mv "$tmp/git.n" "$tmp/git"
fi

ow=$(median 1 "$tmp/opsready"); om=$(median 2 "$tmp/opsready")
lw=$(median 1 "$tmp/lines"); lm=$(median 2 "$tmp/lines")
gw=$(median 1 "$tmp/git"); gm=$(median 2 "$tmp/git")
mb() { [ "$1" = n/a ] && echo n/a || awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
ratio() { { [ "$1" = n/a ] || [ "$2" = n/a ]; } && echo n/a || awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }

echo
printf '%-52s %10s %14s\n' "median of $runs" "wall (s)" "peak RSS (MB)"
printf '%-52s %10s %14s\n' "opsready bench_history (every *.md at HEAD)" "$ow" "$(mb "$om")"
printf '%-52s %10s %14s\n' "  the same walk + lines 14-15 of every runbook" "$lw" "$(mb "$lm")"
printf '%-52s %10s %14s\n' "git log --first-parent --name-only --format=%H" "$gw" "$(mb "$gm")"
printf '%-52s %10s %14s\n' "ratio opsready / git" "$(ratio "$ow" "$gw")" "$(ratio "$om" "$gm")"
[ -n "$timer" ] || echo "(no /usr/bin/time: opsready's memory from its own getrusage; git's not measured)"
verdict=$(awk -v a="$ow" -v b="$gw" 'BEGIN { print (a <= 1.5 * b) ? "met" : "MISSED" }')
echo "target opsready <= 1.5x git (wall): $verdict"
