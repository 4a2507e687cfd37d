# A Jekyll site: pages at the root, x.md and x.markdown served as x.html; .markdown
# pages are read by default on a Jekyll site. `permalink:` gives a page's
# address; kramdown reads "##Title" as a heading.
"$OPSREADY" check --now 2026-01-20 --no-history --format json > "$OUT/r.json"; echo "exit $?"
echo "== site"
jq -c ".scan.site" "$OUT/r.json"
echo "== documents"
jq -r ".documents[].path" "$OUT/r.json"
echo "== broken references"
jq -r ".findings[] | select(.rule == \"docs.broken-reference\") | \"\(.file):\(.line) \(.message)\"" "$OUT/r.json"
