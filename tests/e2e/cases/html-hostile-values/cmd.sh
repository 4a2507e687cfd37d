# Hostile values in every field the HTML report shows (titles, file names,
# headings, owners, course ids and titles, people, teams, contacts, drills,
# waivers, repo_url, the commit's author) stay text in the pages of check,
# render and merge: no event handler, no script but the report's own, no
# raw "&{", and 300 forged row markers do not grow the page.
here="$OPSREADY_SOURCE_DIR/tests/e2e/cases/html-hostile-values"
mkdir -p "$OUT/clean/runbooks"
printf '# Clean runbook\n\n**Owner:** Ops\n' > "$OUT/clean/runbooks/clean-runbook.md"
"$OPSREADY" check "$OUT/clean" --now 2026-11-27 --no-history --quiet --report html="$OUT/clean.html" >/dev/null; echo "clean exit $?"
"$OPSREADY" check --now 2026-11-27 --quiet --report json="$OUT/a.json" --report html="$OUT/check.html" >/dev/null; echo "check exit $?"
python3 - "$OUT/a.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
report["scan"]["repo_url"] = "https://git.example.org/r/blob/{commit}/{path}?q=&{<!--or-rows:0-->}#L{line}"
json.dump(report, open(sys.argv[1], "w", encoding="utf-8"))
PY
"$OPSREADY" render "$OUT/a.json" --report html="$OUT/render.html"; echo "render exit $?"
cp "$OUT/a.json" "$OUT/one.json"; cp "$OUT/a.json" "$OUT/two.json"
"$OPSREADY" merge "$OUT/one.json" "$OUT/two.json" --report html="$OUT/merge.html" >/dev/null; echo "merge exit $?"
python3 "$here/check_page.py" "$OUT/clean.html" check="$OUT/check.html" render="$OUT/render.html" merge="$OUT/merge.html"
echo "pages exit $?"
