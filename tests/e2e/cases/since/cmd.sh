# only the change is read and can fail the gate
"$OPSREADY" check --now 2026-11-27 --since main; echo "exit $?"
"$OPSREADY" check --now 2026-11-27 --since main --format json | grep -E '"(rev|changed_files|documents|status)"' | sort | uniq -c
echo "== the whole repository"
"$OPSREADY" check --now 2026-11-27; echo "exit $?"
echo "== a revision that does not exist"
"$OPSREADY" check --now 2026-11-27 --since origin/nope; echo "exit $?"
echo "== a plain folder"
mkdir "$OUT/plain" && cp -r docs "$OUT/plain/"
"$OPSREADY" check "$OUT/plain" --now 2026-11-27 --since main; echo "exit $?"
