# only the change is read and can fail the gate
"$OPSREADY" check --now 2026-11-27 --since main; echo "exit $?"
"$OPSREADY" check --now 2026-11-27 --since main --format json | grep -E '"(rev|changed_files|documents|status)"' | sort | uniq -c
echo "== last commits in pre-merge mode: the committed change has its commit; work-tree changes are dated now, without a walk"
"$OPSREADY" check --now 2026-11-27 --since main --format json | python3 -c '
import json, sys
for d in json.load(sys.stdin)["documents"]:
    c = d["last_commit"]
    print(d["path"], "uncommitted" if d["uncommitted"] else "committed", c["summary"] if c else None)'
echo "== the whole repository"
"$OPSREADY" check --now 2026-11-27; echo "exit $?"
echo "== a revision that does not exist"
"$OPSREADY" check --now 2026-11-27 --since origin/nope; echo "exit $?"
echo "== a plain folder"
mkdir "$OUT/plain" && cp -r docs "$OUT/plain/"
"$OPSREADY" check "$OUT/plain" --now 2026-11-27 --since main; echo "exit $?"
echo "== nothing staged (the index is HEAD's tree): the same change, found without git status's HEAD-to-index half"
git reset -q
"$OPSREADY" check --now 2026-11-27 --since main; echo "exit $?"
