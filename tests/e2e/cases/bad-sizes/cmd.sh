# Every big input finishes in seconds (timeout says 124 otherwise).
start=$(date +%s)
timeout 120 "$OPSREADY" check --now 2026-01-20 --format json > "$OUT/sizes.json"; echo "exit $?"
python3 - "$OUT/sizes.json" <<'PY'
import collections, json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
for d in report["documents"]:
    print(f'{d["path"]}: {d["sections"]} sections, checklist {d["checklist"]["done"]}/{d["checklist"]["items"]}')
counts = collections.Counter((f["file"], f["rule"]) for f in report["findings"])
for (file, rule), n in sorted(counts.items()):
    print(f"{file}: {n} x {rule}")
for s in report["scan"]["skipped"]:
    print(f'not read: {s["path"]}: {s["reason"]}')
PY
"$OPSREADY" check --now 2026-01-20 --quiet > "$OUT/sizes.txt"; echo "text exit $?"
tail -n 2 "$OUT/sizes.txt"
wc -l < "$OUT/sizes.txt"
[ $(( $(date +%s) - start )) -lt 100 ] && echo "finished in time"
