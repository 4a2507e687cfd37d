# The padding: 3,000 links of the runbook to itself, each a passing
# evaluation of docs.broken-reference. Before the fix they lifted the score
# from 76.9 to 99.7, past --min-score 97; now the runbook weighs once for
# the rule (its one broken link fails it), so the score does not move.
for i in $(seq 1 3000); do
  printf 'See [this page](payments-runbook.md) step %d.\n' "$i"
done >> runbooks/payments-runbook.md
commit_at 2026-01-15T12:00:00+00:00 "padding"
