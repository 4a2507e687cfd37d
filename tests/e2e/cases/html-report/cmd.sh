# The HTML report for auditors: the example's page parses as HTML, has the
# verdict, a training-matrix cell and a contact, loads nothing, and renders
# byte for byte the same from the saved JSON report; hostile repository text
# stays text; a report of 52,000 findings stays small and grouped.
here="$OPSREADY_SOURCE_DIR/tests/e2e/cases/html-report"
bash "$OPSREADY_SOURCE_DIR/examples/build-example-repo.sh" "$OUT/example" >/dev/null 2>&1
"$OPSREADY" check "$OUT/example" --now 2026-11-27 --quiet --report json="$OUT/a.json" --report html="$OUT/a.html" >/dev/null; echo "check exit $?"
"$OPSREADY" render "$OUT/a.json" --report html="$OUT/b.html"; echo "render exit $?"
cmp "$OUT/a.html" "$OUT/b.html" && echo "html from render is identical"
python3 "$here/check_html.py" example "$OUT/a.html"

cp -R "$OPSREADY_SOURCE_DIR/tests/browser/hostile-repo" "$OUT/hostile"
"$OPSREADY" check "$OUT/hostile" --now 2026-11-27 --quiet --report json="$OUT/hostile.json" >/dev/null; echo "check exit $?"
# the config refuses a javascript: repo_url; a saved report may still hold one
python3 - "$OUT/hostile.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
report["scan"]["repo_url"] = "javascript:alert(7)//{path}"
json.dump(report, open(sys.argv[1], "w"))
PY
"$OPSREADY" render "$OUT/hostile.json" --report html="$OUT/hostile.html"
python3 "$here/check_html.py" hostile "$OUT/hostile.html"

python3 "$here/big_report.py" "$OUT/a.json" "$OUT/big.json"
"$OPSREADY" render "$OUT/big.json" --report html="$OUT/big.html"; echo "render exit $?"
"$OPSREADY" render "$OUT/big.json" --report html="$OUT/big2.html"; echo "render exit $?"
cmp "$OUT/big.html" "$OUT/big2.html" && echo "big html is reproducible"
python3 "$here/check_html.py" big "$OUT/big.html"

echo "== a finding without a line links to its file, whatever the shape of repo_url's line part"
for template in 'https://git.example.org/r/blob/{commit}/{path}#L{line}' \
                'https://code.example.org/#/r/{commit}/{path}?line={line}' \
                'https://code.example.org/r/{commit}/{path}?line={line}&plain=1'; do
  python3 - "$OUT/a.json" "$OUT/links.json" "$template" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
report["scan"]["repo_url"] = sys.argv[3]
json.dump(report, open(sys.argv[2], "w"))
PY
  "$OPSREADY" render "$OUT/links.json" --format html | grep -o 'href="[^"]*training/records.yml[^"]*"' | grep -v -e '#L[0-9]' -e 'line=[0-9]' | sort -u
done
rm -f "$OUT/links.json"
