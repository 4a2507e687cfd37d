# the change removes a path that unchanged documents reference: they are read and gated
echo "== a committed rename of a script a runbook runs"
git mv scripts/deploy.sh scripts/ship.sh
git commit -q -m "Rename the deploy script"
"$OPSREADY" check --now 2026-11-27 --since main; echo "exit $?"
"$OPSREADY" check --now 2026-11-27 --since main --format json | grep -E '"changed_files"'
git reset -q --hard main
echo "== a script deleted in the work tree only (unstaged rm)"
rm scripts/roll-back.sh
"$OPSREADY" check --now 2026-11-27 --since main; echo "exit $?"
git checkout -q -- .
echo "== a staged git rm of a script a document links to"
git rm -q scripts/clean-up.sh
"$OPSREADY" check --now 2026-11-27 --since main; echo "exit $?"
git reset -q --hard main
echo "== nothing removed: nothing read"
"$OPSREADY" check --now 2026-11-27 --since main; echo "exit $?"
