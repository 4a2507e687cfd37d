# The config's site: key overrides what is detected (here a stray Jekyll
# _config.yml): the pages are a tech-docs site under pages/. generator: none
# turns site resolution off, and an unknown generator is a usage error.
"$OPSREADY" check --now 2026-01-20 --no-history --format json > "$OUT/r.json"; echo "exit $?"
jq -c '.scan.site' "$OUT/r.json"
jq -r '.findings[] | select(.rule == "docs.broken-reference") | "\(.file):\(.line) \(.message)"' "$OUT/r.json"
echo "== generator: none"
printf 'version: 1\nsite:\n  generator: none\npaths:\n  include: ["pages/**"]\n' > .opsready.yml
"$OPSREADY" check --now 2026-01-20 --no-history --format json > "$OUT/none.json"; echo "exit $?"
jq -c '.scan.site' "$OUT/none.json"
jq -r '.findings[] | select(.rule == "docs.broken-reference") | "\(.file):\(.line) \(.message)"' "$OUT/none.json"
echo "== an unknown generator"
printf 'version: 1\nsite:\n  generator: sphinx\n' > .opsready.yml
"$OPSREADY" check --now 2026-01-20 --no-history 2>&1; echo "exit $?"
echo "== an unknown key and a root outside the repository"
printf 'version: 1\nsite:\n  generatr: hugo\n' > .opsready.yml
"$OPSREADY" check --now 2026-01-20 --no-history 2>&1; echo "exit $?"
printf 'version: 1\nsite:\n  root: ../elsewhere\n' > .opsready.yml
"$OPSREADY" check --now 2026-01-20 --no-history 2>&1; echo "exit $?"
echo "== a root written as ./pages/ is the folder pages"
printf 'version: 1\nsite:\n  generator: tech-docs\n  root: ./pages/\n' > .opsready.yml
"$OPSREADY" check --now 2026-01-20 --no-history --format json > "$OUT/dot.json"; echo "exit $?"
jq -c '.scan.site' "$OUT/dot.json"
jq -r '.findings[] | select(.rule == "docs.broken-reference") | "\(.file):\(.line) \(.message)"' "$OUT/dot.json"
echo "== a root with a control character"
printf 'version: 1\nsite:\n  root: "pa\\tges"\n' > .opsready.yml
"$OPSREADY" check --now 2026-01-20 --no-history 2>&1; echo "exit $?"
