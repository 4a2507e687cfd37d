# A Docusaurus site: docs/ served as /docs/, static files in static/, .mdx pages
# read by default. Number prefixes (05-deploy/01-get-started.md) are dropped
# from the served names; a blog post's `slug:` is its address under /blog/; a
# heading's U+FE0F stays in its anchor, as on GitHub; a command on a page that
# names a script not in the repository is the reader's own.
"$OPSREADY" check --now 2026-01-20 --no-history --format json > "$OUT/r.json"; echo "exit $?"
echo "== site"
jq -c ".scan.site" "$OUT/r.json"
echo "== documents"
jq -r ".documents[].path" "$OUT/r.json"
echo "== broken references"
jq -r ".findings[] | select(.rule == \"docs.broken-reference\") | \"\(.file):\(.line) \(.message)\"" "$OUT/r.json"
