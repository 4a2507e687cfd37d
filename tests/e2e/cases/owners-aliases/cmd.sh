# Front-matter keys that name a page's owners in real repositories
# (owner_slack, owner_team, maintainers, team, owners) satisfy the owner
# metadata; a page with none of them is still missing its owner.
"$OPSREADY" check --now 2026-01-20 --format json > "$OUT/owners.json"; echo "exit $?"
echo "== missing-owner findings"
jq -r '.findings[] | select(.rule == "docs.required-metadata" and .subject == "metadata:owner") | "\(.file) \(.message)"' "$OUT/owners.json"
echo "== document owners"
jq -r '.documents[] | "\(.path) owner=\(.owner)"' "$OUT/owners.json"
