# Each hostile file is listed as not read, with its reason, in seconds
# (timeout says 124 otherwise); the ordinary runbook beside them is read.
timeout $((20 * ${OPSREADY_TIMEOUT_SCALE:-1})) "$OPSREADY" check --now 2026-01-20 --format json > "$OUT/shapes.json"; echo "exit $?"
python3 - "$OUT/shapes.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
for d in report["documents"]:
    print(f'read: {d["path"]}: {d["sections"]} sections')
for s in report["scan"]["skipped"]:
    print(f'not read: {s["path"]}: {s["reason"]}')
PY
timeout $((20 * ${OPSREADY_TIMEOUT_SCALE:-1})) "$OPSREADY" check --now 2026-01-20 > "$OUT/shapes.txt"; echo "text exit $?"
grep "not read\|not parsed" "$OUT/shapes.txt" || true
tail -n 1 "$OUT/shapes.txt"
