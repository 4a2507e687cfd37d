# the fixture commit (2026-01-15) holds the four runbooks, each reviewed on 2026-02-01

# (a) a branch commit edits the runbook and sets a new review date in the same
# commit (2026-03-10); the branch is merged with --no-ff five weeks later
git checkout -q -b review-queue
printf '# Reviewed on the branch\n\n**Last Updated:** 2026-03-10\n\n1. Check the queue depth.\n2. Page the owner above 10,000.\n' > runbooks/reviewed-on-branch.md
commit_at 2026-03-10T10:00:00Z "Queue runbook: a paging step, reviewed"
git checkout -q main
GIT_AUTHOR_DATE=2026-04-15T12:00:00Z GIT_COMMITTER_DATE=2026-04-15T12:00:00Z \
  git merge -q --no-ff review-queue -m "Merge branch review-queue"

# (b) a branch commit edits the runbook without a new review date: written by
# Dana on 2026-04-20 and committed again (amended) on 2026-04-25; merged on 2026-05-05
git checkout -q -b worker-step
printf '\n2. Clear the worker cache.\n' >> runbooks/edited-on-branch.md
git add -A
GIT_AUTHOR_NAME="Dana Whitfield" GIT_AUTHOR_EMAIL=dana@fixture.invalid \
  GIT_AUTHOR_DATE=2026-04-20T09:00:00Z GIT_COMMITTER_DATE=2026-04-25T09:00:00Z \
  git commit -q -m "Worker runbook: clear the cache"
printf 'notes\n' > notes.txt
commit_at 2026-04-28T09:00:00Z "Worker branch: notes"
git checkout -q main
GIT_AUTHOR_DATE=2026-05-05T12:00:00Z GIT_COMMITTER_DATE=2026-05-05T12:00:00Z \
  git merge -q --no-ff worker-step -m "Merge branch worker-step"

# (d) a branch commit on 2026-06-20 edits the runbook and writes the review date
# of a review held on 2026-06-01 (19 days before, past the 7-day grace): the new
# review date was set in the same commit as the edit, so the edit is reviewed
git checkout -q -b rotate-logs
printf '# Reviewed before the commit\n\n**Last Updated:** 2026-06-01\n\n1. Rotate the logs.\n2. Compress them.\n' > runbooks/reviewed-before-commit.md
commit_at 2026-06-20T09:00:00Z "Log runbook: compress, as reviewed on June 1"
git checkout -q main
GIT_AUTHOR_DATE=2026-07-01T12:00:00Z GIT_COMMITTER_DATE=2026-07-01T12:00:00Z \
  git merge -q --no-ff rotate-logs -m "Merge branch rotate-logs"

# (c) a fast-forward: the branch commit lands on main as it is (2026-05-10)
git checkout -q -b drain
printf '\n2. Cordon it first.\n' >> runbooks/fast-forward.md
commit_at 2026-05-10T09:00:00Z "Drain runbook: cordon first"
git checkout -q main
GIT_AUTHOR_DATE=2026-06-01T12:00:00Z GIT_COMMITTER_DATE=2026-06-01T12:00:00Z \
  git merge -q --ff-only drain
