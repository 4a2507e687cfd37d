# main has no config: the defaults are its policy. The pull request adds a
# gap that the defaults fail (a runbook without its sections) and a config
# that would let it through
git branch -q base
git checkout -q -b pr-add
mkdir -p runbooks
printf '# Payments runbook\n\nRestart it.\n' > runbooks/payments-runbook.md
printf 'version: 1\nrules:\n  docs.required-section: off\ngate:\n  fail_on: never\n' > .opsready.yml
commit_at 2026-02-01T10:00:00Z "PR: a bare runbook, and a config that waves it through"
