# Hostile file names and link targets: the text report keeps one finding a
# line, escapes control characters and bidi overrides, and no line opens
# with a workflow command; the Markdown summary keeps one row a line and
# its links and cells closed (tests/e2e/cases/hostile-text-output/check_output.py).
here="$OPSREADY_SOURCE_DIR/tests/e2e/cases/hostile-text-output"
"$OPSREADY" check . --now 2026-01-20 --format text --report json="$OUT/r.json" >"$OUT/text.txt" 2>"$OUT/text.err"; echo "text exit $?"
"$OPSREADY" check . --now 2026-01-20 --format markdown >"$OUT/md.md" 2>>"$OUT/text.err"; echo "markdown exit $?"
"$OPSREADY" check . --now 2026-01-20 --format text --color always >"$OUT/color.txt" 2>>"$OUT/text.err"; echo "color exit $?"
# diagnostics quote config keys and paths: escaped as well
printf 'version: 1\n"a\\n::error::forged\\e[2J": 1\n' > bad-key.yml
"$OPSREADY" check . --config bad-key.yml 2>>"$OUT/text.err"; echo "bad key exit $?"
printf 'version: 1\ninputs:\n  training: "::error::t\\n::warning::x\\e]0;t\\a.yml"\n' > bad-path.yml
"$OPSREADY" check . --config bad-path.yml 2>>"$OUT/text.err"; echo "bad path exit $?"
python3 "$here/check_output.py" "$OUT/r.json" "$OUT/text.txt" "$OUT/md.md" "$OUT/color.txt" "$OUT/text.err"
echo "== text"
cat "$OUT/text.txt"
echo "== stderr"
cat "$OUT/text.err"
echo "== markdown"
cat "$OUT/md.md"
