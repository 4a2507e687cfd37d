"$OPSREADY" check --now 2026-01-20; echo "exit $?"
# the JSON report is valid (run.py checks it against the schema) and says
# what was read: titles and owners with the bad bytes replaced
"$OPSREADY" check --now 2026-01-20 --format json > "$OUT/encoding.json"; echo "json exit $?"
python3 - "$OUT/encoding.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
for d in report["documents"]:
    print(f'{d["path"]}: title {d["title"]!r}, owner {d["owner"]!r}, '
          f'last updated {d["last_updated"]}, checklist {d["checklist"]["done"]}/{d["checklist"]["items"]}')
for s in report["scan"]["skipped"]:
    print(f'not read: {s["path"]}: {s["reason"]}')
PY
