# main holds the policy; each branch is a pull request that adds a gap (TBD,
# an error under main's policy) and tries to move the policy out of its way
git branch -q base
gap() { printf '# Failover\n\nTBD: the failover steps.\n' > docs/failover.md; }

git checkout -q -b pr-never base
gap
sed -i 's/fail_on: error/fail_on: never/' .opsready.yml
commit_at 2026-02-01T10:00:00Z "PR: a gap, and a gate that never fails"

git checkout -q -b pr-loosen base
gap
cat >> .opsready.yml <<'YML'
rules:
  docs.placeholder: off
  docs.required-section: notice
waivers:
  - rule: docs.placeholder
    path: docs/failover.md
    reason: later
    expires: 2030-01-01
YML
commit_at 2026-02-01T10:00:00Z "PR: a gap, a rule off, a severity lowered, a waiver"

git checkout -q -b pr-pack base
gap
sed -i 's/severity: error/severity: notice/' packs/local.yml
commit_at 2026-02-01T10:00:00Z "PR: a gap, and a pack that lowers it"

git checkout -q -b pr-tighten base
gap
sed -i 's/min_score: 10/min_score: 20/' .opsready.yml
commit_at 2026-02-01T10:00:00Z "PR: a gap, and a stricter score"

git checkout -q base
