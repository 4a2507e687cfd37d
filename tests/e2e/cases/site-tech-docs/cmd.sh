# A GOV.UK tech-docs (Middleman) site: links name the served page
# (upgrade.html, guides/failover/, /images/net.png), and the page's source is
# upgrade.html.md, guides/failover/index.html.md.erb, source/images/net.png.
# Templated links are not checked; a page that was never written still is.
"$OPSREADY" check --now 2026-01-20 --no-history --format json > "$OUT/r.json"; echo "exit $?"
echo "== site"
jq -c '.scan.site' "$OUT/r.json"
echo "== documents"
jq -r '.documents[].path' "$OUT/r.json"
echo "== broken references"
jq -r '.findings[] | select(.rule == "docs.broken-reference") | "\(.file):\(.line) \(.message)"' "$OUT/r.json"
