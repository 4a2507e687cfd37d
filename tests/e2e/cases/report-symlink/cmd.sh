# A pull request commits symbolic links at the paths where the pre-merge
# recipe writes its reports (inside the checkout, as root). Each link is
# replaced by a regular file holding the report: what it points to (a file
# beside the checkout, a file elsewhere, a device) keeps its content and mode.
umask 022
printf 'beside the checkout\n' > ../victim.txt
chmod 0600 ../victim.txt
elsewhere=$(mktemp -d)
printf 'somewhere else\n' > "$elsewhere/victim.txt"
chmod 0751 "$elsewhere/victim.txt"
ln -s ../victim.txt report.json
ln -s "$elsewhere/victim.txt" report.html
ln -s /dev/full report.md
git add report.json report.html report.md
git commit -q -m "links where the reports go"
"$OPSREADY" check --now 2026-01-20 --quiet --report json=report.json \
  --report html=report.html --report markdown=report.md > /dev/null
echo "exit $?"
echo "== what the links pointed to"
stat -c '%a %F' ../victim.txt; head -n 1 ../victim.txt
stat -c '%a %F' "$elsewhere/victim.txt"; head -n 1 "$elsewhere/victim.txt" | cut -c 1-40
test -c /dev/full && echo "/dev/full is still a character device"
echo "== the reports"
for f in report.json report.html report.md; do
  printf '%s: %s, first line: ' "$f" "$(stat -c '%a %F' "$f")"
  head -c 40 "$f" | head -n 1 | cut -d" " -f1-2
done
echo "temporary files: $(ls -A | grep -c '\.tmp-')"
rm -rf "$elsewhere"
