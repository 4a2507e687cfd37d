# An MkDocs site (docs_dir: handbook, directory URLs by default): ops/failover.md
# is served as ops/failover/, and a page links to the served folder.
"$OPSREADY" check --now 2026-01-20 --no-history --format json > "$OUT/r.json"; echo "exit $?"
echo "== site"
jq -c ".scan.site" "$OUT/r.json"
echo "== documents"
jq -r ".documents[].path" "$OUT/r.json"
echo "== broken references"
jq -r ".findings[] | select(.rule == \"docs.broken-reference\") | \"\(.file):\(.line) \(.message)\"" "$OUT/r.json"
