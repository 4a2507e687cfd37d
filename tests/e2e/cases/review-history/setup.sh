# the fixture commit (2026-01-15) holds edited.md and uncommitted.md

# same-day: reviewed on the day of its last commit
printf '# Same day\n\n**Last Updated:** 2026-06-10\n' > runbooks/same-day.md
commit_at 2026-06-10T09:00:00Z "Add the same-day runbook"

# grace: changed 5 days after its review (within the 7-day grace)
printf '# Grace\n\n**Last Updated:** 2026-06-05\n' > runbooks/grace.md
commit_at 2026-06-05T09:00:00Z "Add the grace runbook"
printf '\nOne more step.\n' >> runbooks/grace.md
commit_at 2026-06-10T10:00:00Z "Grace: one more step"

# edited: a step added months after its review, with review trailers
printf '\n1. A new step nobody reviewed.\n' >> runbooks/edited.md
GIT_AUTHOR_NAME="Dana Whitfield" GIT_AUTHOR_EMAIL=dana@fixture.invalid \
  commit_at 2026-06-20T16:30:00Z "Add a step to the edited runbook" \
  --trailer "Reviewed-by: Chen Wei <chen@fixture.invalid>" --trailer "Approved-by: Ops Director"

# merged: changed on a side branch on 2026-07-01, merged on 2026-07-20
printf '# Merged\n\n**Last Updated:** 2026-07-05\n' > runbooks/merged.md
commit_at 2026-07-02T09:00:00Z "Add the merged runbook"
git checkout -q -b side
printf '\nA change from the side branch.\n' >> runbooks/merged.md
commit_at 2026-07-01T09:00:00Z "Side: change merged.md"
git checkout -q main
printf '# Same day\n\n**Last Updated:** 2026-07-15\n\nUnrelated.\n' > runbooks/same-day.md
commit_at 2026-07-15T09:00:00Z "Re-review same-day"
GIT_AUTHOR_DATE=2026-07-20T12:00:00Z GIT_COMMITTER_DATE=2026-07-20T12:00:00Z \
  git merge -q --no-ff side -m "Merge the side branch"

# uncommitted: edited in the work tree, not committed
printf '\nA local edit.\n' >> runbooks/uncommitted.md
