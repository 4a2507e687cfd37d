# A GOV.UK tech-docs (Middleman) site: links name the served page
# (upgrade.html, guides/failover/, /images/net.png), and the page's source is
# upgrade.html.md, guides/failover/index.html.md.erb, source/images/net.png.
# Templated links are not checked; a page that was never written still is.
# An index page (runbooks/index) is served as /runbooks and reads its links
# from the top folder; ".." stops at the site root; "####Title" is a heading
# to Redcarpet; a command on a page that names a script not in the
# repository is the reader's own (the script that is here is still checked
# for its mode). docs/ is outside source/: read on GitHub, as a plain
# repository ("/adr/x" from the repository root, no loose headings), where a
# missing script is still reported and "panel.json: |" is not a command.
"$OPSREADY" check --now 2026-01-20 --no-history --format json > "$OUT/r.json"; echo "exit $?"
echo "== site"
jq -c '.scan.site' "$OUT/r.json"
echo "== documents"
jq -r '.documents[].path' "$OUT/r.json"
echo "== broken references"
jq -r '.findings[] | select(.rule == "docs.broken-reference" or .rule == "docs.not-executable") | "\(.file):\(.line) \(.message)"' "$OUT/r.json"
