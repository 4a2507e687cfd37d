# main has four clean documents; a feature branch changes them in every way
git checkout -q -b feature
printf '# committed\n\nTBD: a committed change.\n' > docs/committed.md
# after the work-tree changes in file order: still dated by its commit
printf '# committed too\n\nTBD: another committed change.\n' > docs/zz-committed.md
commit_at 2026-02-01T10:00:00Z "Feature: committed change"
printf '# staged\n\nTBD: a staged change.\n' > docs/staged.md
git add docs/staged.md
printf '# unstaged\n\nTBD: an unstaged change.\n' > docs/unstaged.md
printf '# untracked\n\nTBD: an untracked file.\n' > docs/untracked.md
