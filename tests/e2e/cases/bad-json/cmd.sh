# Saved reports that are not whole: a truncated one, an empty one, 100,000
# nested arrays, bytes that are not UTF-8, a folder, valid JSON that is not a
# report, findings without their keys. As --baseline, and given to render,
# diff and merge: exit 2 naming the file (with line and column), never a
# crash, and no report written.
"$OPSREADY" check --now 2026-01-20 --format json > "$OUT/good.json"; echo "exit $?"
head -c 500 "$OUT/good.json" > "$OUT/truncated"
: > "$OUT/empty"
{ head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; } > "$OUT/deep"
printf '\xff\xfe{}' > "$OUT/binary"
mkdir "$OUT/folder"
printf '{"findings": []}\n' > "$OUT/not-a-report"
printf '{"schema_version": 1, "scan": {}, "summary": {}, "findings": [{"fingerprint": 5}]}\n' > "$OUT/hollow"
for bad in truncated empty deep binary folder not-a-report hollow; do
  echo "== $bad"
  "$OPSREADY" check --now 2026-01-20 --quiet --baseline "$OUT/$bad"; echo "check --baseline exit $?"
  "$OPSREADY" render "$OUT/$bad" --report text="$OUT/rendered.txt"; echo "render exit $?"
  "$OPSREADY" diff "$OUT/good.json" "$OUT/$bad"; echo "diff exit $?"
  "$OPSREADY" merge "$OUT/good.json" "$OUT/$bad" --report json="$OUT/merged.json"; echo "merge exit $?"
done
ls "$OUT"
echo "== a report with nothing in it but its frame: read, and merged without a crash"
printf '{"schema_version": 1, "scan": {}, "summary": {}, "findings": []}\n' > "$OUT/minimal"
"$OPSREADY" render "$OUT/minimal" --format text; echo "render exit $?"
"$OPSREADY" merge "$OUT/good.json" "$OUT/minimal" --format text; echo "merge exit $?"
