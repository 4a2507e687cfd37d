# A commit libgit2 cannot parse does not stop the scan (it was exit 3): the
# history is skipped with one notice naming the commit, and the scan goes on.
for branch in no-email far-future on-top; do
  git symbolic-ref HEAD "refs/heads/$branch" && git reset -q --hard
  echo "== $branch"
  "$OPSREADY" check --now 2026-11-27 --format text 2>&1 | grep -E 'review\.history-unavailable|^opsready|error:.*(git|commit)'
  echo "exit ${PIPESTATUS[0]}"
done
echo "== --format json: the report says why history is missing"
"$OPSREADY" check --now 2026-11-27 --format json > "$OUT/scan.json"
echo "exit $?"
[ -s "$OUT/scan.json" ] || rm -f "$OUT/scan.json" # no report: nothing to validate
python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["scan"]["history"], sort_keys=True))' "$OUT/scan.json"
