# with --since the gate applies main's config and packs; the change's own
# edits to them are reported by config.changed with what they loosen
run() { "$OPSREADY" check --now 2026-11-27 --since base "$@"; echo "exit $?"; }
echo "== (a) fail_on: never added: main's policy still fails the gap"
git checkout -q pr-never; run
echo "== (d) without --since the work tree's config applies, as before"
"$OPSREADY" check --now 2026-11-27; echo "exit $?"
echo "== (b) a rule off, a severity lowered, a waiver: the gap stays active"
git checkout -q pr-loosen; run
"$OPSREADY" check --now 2026-11-27 --since base --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)
print("config:", r["scan"]["config"])
for f in r["findings"]:
    print(f["rule"], f["status"], f["file"], f.get("evidence"))'
echo "== (c) the pack file the config extends is edited"
git checkout -q pr-pack; run
echo "== a change that only tightens: reported, loosening nothing"
git checkout -q pr-tighten; run
echo "== an uncommitted edit of the config is part of the change too"
git checkout -q base; sed -i 's/min_score: 10/min_score: 0/' .opsready.yml; run
git checkout -q .opsready.yml
echo "== --fail-on on the command line still wins"
git checkout -q pr-never; run --fail-on never
