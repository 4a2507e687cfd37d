# Symlinks are listed, never followed: to /etc/passwd, a loop of two, a link
# to itself, a folder link that leaves the repository, and a dangling one.
ln -s /etc/passwd passwd.md
ln -s loop-b.md loop-a.md
ln -s loop-a.md loop-b.md
ln -s self.md self.md
ln -s ../../../../../../etc docs/outside
ln -s does-not-exist.md dangling.md
commit_at 2026-01-15T12:00:00Z "symlinks"
# an untracked link to a folder outside: not listed, not followed
ln -s /etc etc-untracked
