# main keeps a baseline of the findings it had (a TBD); a pull request
# removes the page a runbook links to and rewrites the baseline so that it
# holds the broken link too. With --since the baseline is read as the merge
# base has it: the broken link stays active. Without --since, or with a
# baseline outside the checkout (the runner's), the file is used as given.
"$OPSREADY" check --now 2026-01-20 --format json > baseline.json
git add baseline.json && git commit -q -m "Baseline of today's findings"
git checkout -q -b feature
git rm -q runbooks/restore.md
"$OPSREADY" check --now 2026-01-20 --format json > baseline.json
git add baseline.json && git commit -q -m "Remove the notes; refresh the baseline"
cp baseline.json "$OUT/runner-baseline.json"
echo "== --since main, the pull request's baseline"
"$OPSREADY" check --now 2026-01-20 --since main --baseline baseline.json; echo "exit $?"
echo "== without --since"
"$OPSREADY" check --now 2026-01-20 --baseline baseline.json > /dev/null; echo "exit $?"
echo "== --since main, a baseline outside the checkout"
"$OPSREADY" check --now 2026-01-20 --since main --baseline "$OUT/runner-baseline.json" > /dev/null; echo "exit $?"
echo "== --since main, a baseline the merge base lacks"
git mv baseline.json baseline-new.json && git commit -q -m "Move it"
"$OPSREADY" check --now 2026-01-20 --since main --baseline baseline-new.json > /dev/null; echo "exit $?"
