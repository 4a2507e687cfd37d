# The site's default owner (tech-docs default_owner_slack) owns the pages
# that neither name an owner nor match a CODEOWNERS rule; a page's own
# owner_slack and a CODEOWNERS rule come first.
"$OPSREADY" check --now 2026-01-20 --format json > "$OUT/owners.json"; echo "exit $?"
echo "== missing-owner findings"
jq -r '.findings[] | select(.rule == "docs.required-metadata" and .subject == "metadata:owner") | "\(.file) \(.message)"' "$OUT/owners.json"
echo "== document owners"
jq -c '.documents[] | {path, owner, owner_source}' "$OUT/owners.json"
echo "== the HTML inventory"
"$OPSREADY" check --now 2026-01-20 --format html > "$OUT/owners.html"; echo "exit $?"
grep -o 'site default ([^)]*)' "$OUT/owners.html" | sort | uniq -c
echo "== a tech-docs config that is not YAML is ignored"
printf 'default_owner_slack: [unclosed\n' > config/tech-docs.yml
"$OPSREADY" check --now 2026-01-20 --format json > "$OUT/broken.json"; echo "exit $?"
jq -c '.documents[] | {path, owner}' "$OUT/broken.json"
