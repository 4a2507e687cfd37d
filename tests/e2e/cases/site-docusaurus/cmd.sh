# A Docusaurus site: docs/ served as /docs/, static files in static/, .mdx pages
# read by default.
"$OPSREADY" check --now 2026-01-20 --no-history --format json > "$OUT/r.json"; echo "exit $?"
echo "== site"
jq -c ".scan.site" "$OUT/r.json"
echo "== documents"
jq -r ".documents[].path" "$OUT/r.json"
echo "== broken references"
jq -r ".findings[] | select(.rule == \"docs.broken-reference\") | \"\(.file):\(.line) \(.message)\"" "$OUT/r.json"
