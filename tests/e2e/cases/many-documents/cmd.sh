# the same findings, in the same order, however the threads ran: every
# format twice, byte for byte
run() {
  "$OPSREADY" check --now 2026-11-27 --no-progress --rule docs.required-section=off \
    --rule docs.required-metadata=off --report json="$1.json" --report junit="$1.xml" \
    --report sarif="$1.sarif" --report html="$1.html" --report markdown="$1.md" > "$1.txt"
  echo "exit $?"
}
run "$OUT/a"
run "$OUT/b"
for ext in json xml sarif html md txt; do
  cmp "$OUT/a.$ext" "$OUT/b.$ext" && echo "$ext: identical"
done
grep -c 'docs.placeholder\]' "$OUT/a.txt"
grep -c 'review.overdue\]' "$OUT/a.txt"
grep -c 'docs.broken-reference\]' "$OUT/a.txt"
tail -1 "$OUT/a.txt"
python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
print(len(r["documents"]), "documents;", sum(1 for d in r["documents"] if d["last_commit"]), "dated by a commit")
paths = [f["file"] for f in r["findings"] if f["file"]]
print("findings in file order:", paths == sorted(paths))' "$OUT/a.json"
