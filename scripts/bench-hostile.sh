#!/usr/bin/env bash
# The hostile-size benchmark (issue 17, item 10): each shape that made a
# small file take minutes, generated at about 1 MiB (the anchor shapes at
# their reported sizes), scanned by `opsready check` in a repository of
# its own. Prints wall and CPU seconds, CPU seconds per MiB and peak memory
# per shape, and whether opsready read the file or listed it as not read.
# The target is judged on CPU time (user + system), which a machine shared
# with other jobs inflates less than wall time; the load is printed.
#   - cmark-gfm 0.29.0.gfm.6 shapes: "![[]()" repeated, a table of 262,144
#     columns, a table row of that many cells, a 1,000-column header over
#     one-byte rows, "www.a_" and "a@" runs (autolink extension), deep
#     block quotes or nested list items with lazy continuation lines, and
#     the shapes of cmark's own pathological tests
#   - "did you mean" for anchors: 8,000 headings x 8,000 near-miss broken
#     anchors (620 KB), and one 200,000-character anchor
# Target: under 2 CPU seconds per MiB for every shape (exit 1 otherwise).
#
#   scripts/bench-hostile.sh [--opsready PATH] [--kib N] [--timeout S]
# (--kib: the size of the generated shapes, 1024 by default; --timeout: the
# seconds one scan may take, 600 by default, a killed scan counts its time)
# Then runs scripts/bench-records.sh (the training-records size benchmark,
# item 3) when it exists, so one command shows both.
set -euo pipefail
cd "$(dirname "$0")/.."

opsready= kib=1024 limit=600
while [ $# -gt 0 ]; do
  case "$1" in
    --opsready) opsready=$2; shift 2 ;;
    --kib) kib=$2; shift 2 ;;
    --timeout) limit=$2; shift 2 ;;
    *) echo "usage: $0 [--opsready PATH] [--kib N] [--timeout S]" >&2; exit 2 ;;
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
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# the shapes, one file each in $out/shapes/NAME.md
python3 - "$out/shapes" "$((kib * 1024))" <<'PY'
import os, sys
root, size = sys.argv[1], int(sys.argv[2])
os.makedirs(root)
def rep(unit):
    return (unit * (size // len(unit) + 1))[:size]
def lines(make):
    out, n, i = [], 0, 0
    while n < size:
        s = make(i); out.append(s); n += len(s); i += 1
    return "".join(out)
cols = size // 4
shapes = {
    "image-brackets": rep("![[]()"),
    "table-columns": "|a" * cols + "|\n" + "|-" * cols + "|\n",
    "table-row-cells": "a|b\n-|-\n" + rep("|a") + "\n",
    "table-filled-rows": "|" + "a|" * 1000 + "\n|" + "-|" * 1000 + "\n" + rep("a\n"),
    "autolink-www": rep("www.a_"),
    "autolink-at": rep("a@"),
    "quotes-lazy": ">" * 5000 + " x\n" + rep("y\n"),
    "lists-lazy": "- " * 20000 + "a\n" + rep("b\n"),
    "nested-brackets": "[" * (size // 2) + "a" + "]" * (size // 2),
    "nested-quotes": rep("> ") + "a\n",
    "link-openers": rep("[a"),
    "link-closers": rep("a]"),
    "unclosed-links-a": rep("[a](<b"),
    "unclosed-links-b": rep("[a](b"),
    "emphasis-nested": "*a **a " * (size // 14) + "b" + " a** a*" * (size // 14),
    "emphasis-closers": rep("a_ "),
    "emphasis-mismatched": rep("*a_ "),
    "link-emphasis": rep("[ a_"),
    "brackets-parens": rep("[ (]("),
    "backticks": lines(lambda i: "e" + "`" * (i + 1)),
    "many-references": lines(lambda i: "[%d]: u\n" % i) + "[0] " * 1000 + "\n",
    "anchors-8000": "# Anchors\n\n"
        + "".join("## Restart the payment service in region %d\n\n" % i for i in range(8000))
        + "".join("[step](#restart-the-paymnt-service-in-region-%d)\n" % i for i in range(8000)),
    "anchor-200k": "# Title\n\n[x](#" + "a" * 200000 + ")\n",
}
for name, text in shapes.items():
    with open(os.path.join(root, name + ".md"), "w") as f:
        f.write(text)
PY

failed=0
printf '%-22s %9s %7s %7s %7s %7s  %s\n' shape bytes wall cpu 'cpu/MiB' 'peak MB' outcome
for file in "$out"/shapes/*.md; do
  name=$(basename "$file" .md)
  repo=$out/repo-$name
  mkdir -p "$repo/docs"
  mv "$file" "$repo/docs/$name.md"
  git -C "$repo" init -q
  git -C "$repo" add -A
  GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@b.invalid GIT_COMMITTER_NAME=b \
    GIT_COMMITTER_EMAIL=b@b.invalid git -C "$repo" commit -q -m shape
  bytes=$(stat -c %s "$repo/docs/$name.md")
  t0=$(date +%s.%N)
  (cd "$repo" && /usr/bin/time -f '%U %S %M' -o "$out/time" timeout "$limit" \
    "$opsready" check --now 2026-01-20 --format json > "$out/report.json" 2>/dev/null) || true
  t1=$(date +%s.%N)
  wall=$(echo "$t1 - $t0" | bc)
  read -r user sys rss < <(tail -1 "$out/time" 2>/dev/null || echo "$wall 0 0")
  cpu=$(echo "$user + $sys" | bc)
  per=$(echo "scale=3; $cpu * 1048576 / $bytes" | bc)
  outcome=$(python3 - "$out/report.json" <<'PY'
import json, sys
try:
    r = json.load(open(sys.argv[1]))
except Exception:
    print("no report (timed out or failed)"); sys.exit()
skipped = r["scan"]["skipped"]
print("not read: " + skipped[0]["reason"][:90] if skipped else "read, %d findings" % len(r["findings"]))
PY
)
  printf '%-22s %9d %7.2f %7.2f %7.2f %7d  %s\n' "$name" "$bytes" "$wall" "$cpu" "$per" \
    "$((rss / 1024))" "$outcome"
  if [ "$(echo "$per > 2" | bc)" = 1 ]; then failed=1; fi
  case "$outcome" in "no report"*) failed=1 ;; esac
  rm -rf "$repo"
done
[ "$failed" = 0 ] && echo "every shape under 2 CPU s/MiB" || echo "FAIL: a shape over 2 CPU s/MiB"
[ -x scripts/bench-records.sh ] && { echo; scripts/bench-records.sh; }
exit "$failed"
