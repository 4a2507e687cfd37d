# A Hugo site: pages in content/, static files in static/, every page served
# as a folder (x.md as x/, _index.md as its folder); `url:` in front matter
# gives a page's address.
"$OPSREADY" check --now 2026-01-20 --no-history --format json > "$OUT/r.json"; echo "exit $?"
echo "== site"
jq -c ".scan.site" "$OUT/r.json"
echo "== documents"
jq -r ".documents[].path" "$OUT/r.json"
echo "== broken references"
jq -r ".findings[] | select(.rule == \"docs.broken-reference\") | \"\(.file):\(.line) \(.message)\"" "$OUT/r.json"
