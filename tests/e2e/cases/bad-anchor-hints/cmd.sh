# The broken anchors are all reported, in seconds (timeout says 124
# otherwise); the hints stop when the document's budget for them is spent,
# and a 200,000-character anchor gets none.
timeout $((20 * ${OPSREADY_TIMEOUT_SCALE:-1})) "$OPSREADY" check --now 2026-01-20 --format json > "$OUT/anchors.json"; echo "exit $?"
python3 - "$OUT/anchors.json" <<'PY'
import collections, json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
counts = collections.Counter()
for f in report["findings"]:
    hinted = "did you mean" in f["message"]
    counts[(f["file"] or "-", f["rule"], hinted)] += 1
for (file, rule, hinted), n in sorted(counts.items()):
    print(f'{file}: {n} x {rule}{" with a hint" if hinted else ""}')
shown = set()
for f in report["findings"]:
    if f["rule"] == "docs.broken-reference" and f["file"] != "docs/long-anchor.md" and f["file"] not in shown:
        shown.add(f["file"])
        print(f'{f["file"]}:{f["line"]}: {f["message"]}')
PY
