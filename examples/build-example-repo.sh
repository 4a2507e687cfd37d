#!/usr/bin/env bash
# Make the example a git repository of its own, with a history of fixed dates,
# so that opsready's history checks see what a real team's repository shows:
#   examples/build-example-repo.sh DEST
# DEST is replaced. The history: every document as last reviewed, committed on
# 2026-10-14 (the business-continuity review), so the database-failover runbook
# (reviewed 2026-09-02) has changed since its last review.
set -euo pipefail
src=$(cd "$(dirname "$0")/bcdr-repo" && pwd)
dest=${1:?usage: build-example-repo.sh DEST}

rm -rf "$dest"
mkdir -p "$dest"
cp -a "$src/." "$dest/"
cd "$dest"

export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 TZ=UTC
export GIT_AUTHOR_NAME="Northwind Ops" GIT_AUTHOR_EMAIL=ops@northwind.test
export GIT_COMMITTER_NAME="Northwind Ops" GIT_COMMITTER_EMAIL=ops@northwind.test
commit_at() {
  local date=$1; shift
  GIT_AUTHOR_DATE=$date GIT_COMMITTER_DATE=$date git commit -q "$@"
}

git init -q -b main
git add .opsready.yml training drills contacts.yml docs scripts
git update-index --chmod=-x scripts/verify-data-integrity.sh
commit_at 2026-08-20T09:00:00Z -m "Import the incident-response playbook, records and scripts"
# the failover runbook as reviewed, without the note added in October
grep -v "Failback timings" runbooks/database-failover.md > runbooks/reviewed.tmp
mv runbooks/database-failover.md runbooks/edited.tmp
mv runbooks/reviewed.tmp runbooks/database-failover.md
git add runbooks/database-failover.md
commit_at 2026-09-02T15:00:00Z -m "Database failover runbook, reviewed" \
  -m "Reviewed-by: Chen Wei <chen.wei@northwind.test>"
mv runbooks/edited.tmp runbooks/database-failover.md
git add -A
commit_at 2026-10-14T11:30:00Z -m "Business continuity runbook 2.3.0; failover timings note" \
  -m "Approved-by: Emeka Eze <emeka.eze@northwind.test>"
