# the bundled example, as a repository with its own history: its deliberate
# gaps, each one found (examples/README.md)
bash "$OPSREADY_SOURCE_DIR/examples/build-example-repo.sh" "$OUT/example"
"$OPSREADY" check "$OUT/example" --now 2026-11-27; echo "exit $?"
echo "== the Markdown summary"
"$OPSREADY" check "$OUT/example" --now 2026-11-27 --format markdown; echo "exit $?"
echo "== every format twice: byte-identical"
for run in 1 2; do
  mkdir -p "$OUT/run$run"
  "$OPSREADY" check "$OUT/example" --now 2026-11-27 --format json \
    --report text="$OUT/run$run/r.txt" --report junit="$OUT/run$run/r.xml" \
    --report sarif="$OUT/run$run/r.sarif" --report markdown="$OUT/run$run/r.md" \
    --report html="$OUT/run$run/r.html" > "$OUT/run$run/r.json"
done
for f in r.txt r.xml r.sarif r.md r.html r.json; do
  cmp -s "$OUT/run1/$f" "$OUT/run2/$f" && echo "$f identical" || echo "$f DIFFERS"
done
rm -rf "$OUT/run1" "$OUT/run2"
