# Anchors: GitHub lower-cases every letter (## Überblick is #überblick), and
# a document's own anchors count: <a name="x">, an id="x" attribute, a
# heading's {#x}. One link points at a section nobody wrote.
"$OPSREADY" check --now 2026-01-20 --no-history --format json > "$OUT/r.json"; echo "exit $?"
jq -r '.findings[] | select(.rule == "docs.broken-reference") | "\(.file):\(.line) \(.message)"' "$OUT/r.json"
echo "== as an MkDocs site: its slugs are ASCII (#uberblick)"
printf 'site_name: Handbuch\n' > mkdocs.yml
printf '\nOn the site: [Overview](handbook.md#uberblick)\n' >> docs/index.md
"$OPSREADY" check --now 2026-01-20 --no-history --format json > "$OUT/m.json"; echo "exit $?"
jq -r '.findings[] | select(.rule == "docs.broken-reference") | "\(.file):\(.line) \(.message)"' "$OUT/m.json"
