# `rules` and `explain` print what a pack in the repository wrote as the
# text report prints repository values: no raw control character, no line
# that opens with a workflow command.
"$OPSREADY" rules > "$OUT/rules.txt"; echo "rules exit $?"
"$OPSREADY" explain docs.placeholder > "$OUT/explain.txt"; echo "explain exit $?"
for f in rules explain; do
  if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$OUT/$f.txt"; then echo "$f: raw control character"; fi
  if grep -q '^[[:space:]]*::' "$OUT/$f.txt"; then echo "$f: a line opens with ::"; fi
done
grep 'docs.placeholder' "$OUT/rules.txt"
cat "$OUT/explain.txt"
