# JUnit, SARIF and JSON reports of the example from one run: the schemas accept
# them, render gives them again byte for byte from the JSON, and the golden
# copies below show every line of both.
schemas="$OPSREADY_SOURCE_DIR/tests/data/schemas"
bash "$OPSREADY_SOURCE_DIR/examples/build-example-repo.sh" "$OUT/ex"
"$OPSREADY" check "$OUT/ex" --now 2026-11-27 --report sarif="$OUT/ex.sarif" \
  --report junit="$OUT/ex.xml" --report json="$OUT/ex.json" >/dev/null; echo "check: exit $?"
"$OPSREADY" render "$OUT/ex.json" --report sarif="$OUT/again.sarif" --report junit="$OUT/again.xml"
echo "render: exit $?"
cmp "$OUT/ex.sarif" "$OUT/again.sarif" && echo "render: the same SARIF"
cmp "$OUT/ex.xml" "$OUT/again.xml" && echo "render: the same JUnit"
python3 "$OPSREADY_SOURCE_DIR/tests/e2e/validate_sarif.py" "$OUT/ex.sarif"
xmllint --noout --nonet --schema "$schemas/jenkins-junit.xsd" "$OUT/ex.xml" 2>&1
echo "== pre-merge: a change to one runbook; the rest is outside the change"
(cd "$OUT/ex" && printf '\nOwner: TBD\n' >> runbooks/database-failover.md &&
  "$OPSREADY" check --now 2026-11-27 --since main --report sarif="$OUT/since.sarif" \
    --report junit="$OUT/since.xml" >/dev/null; echo "check --since: exit $?")
python3 "$OPSREADY_SOURCE_DIR/tests/e2e/validate_sarif.py" "$OUT/since.sarif"
xmllint --noout --nonet --schema "$schemas/jenkins-junit.xsd" "$OUT/since.xml" 2>&1
grep -c '<skipped>outside the change' "$OUT/since.xml"
echo "== ex.sarif"
cat "$OUT/ex.sarif"
echo "== ex.xml"
cat "$OUT/ex.xml"
