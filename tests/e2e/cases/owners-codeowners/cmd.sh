# A page without owner metadata takes its owners from the last matching
# CODEOWNERS rule (.github/CODEOWNERS comes before docs/CODEOWNERS); a rule
# without owners un-owns, so that page is still missing its owner. The
# inventory says where each owner came from.
"$OPSREADY" check --now 2026-01-20 --format json > "$OUT/owners.json"; echo "exit $?"
echo "== missing-owner findings"
jq -r '.findings[] | select(.rule == "docs.required-metadata" and .subject == "metadata:owner") | "\(.file) \(.message)"' "$OUT/owners.json"
echo "== document owners"
jq -c '.documents[] | {path, owner, owner_source}' "$OUT/owners.json"
echo "== a CODEOWNERS that is a symbolic link out of the repository is not read"
mkdir -p "$OUT/elsewhere" && printf '* @example-org/outsider\n' > "$OUT/elsewhere/CODEOWNERS"
ln -s "$OUT/elsewhere/CODEOWNERS" CODEOWNERS
"$OPSREADY" check --now 2026-01-20 --format json > "$OUT/link.json"; echo "exit $?"
jq -c '.documents[] | {path, owner}' "$OUT/link.json"
rm CODEOWNERS
echo "== the HTML inventory shows the source"
"$OPSREADY" check --now 2026-01-20 --format html > "$OUT/owners.html"; echo "exit $?"
grep -o 'from [^<]*line [0-9]*\|from &#39;[^&]*&#39;\|from '"'"'[^'"'"']*'"'"'' "$OUT/owners.html" | sort | uniq -c
