# ignored files stay out, untracked ones are listed as not read (a full scan
# reads git-tracked files only), symlinks are never followed
printf 'ignored/\n' > .gitignore
mkdir -p ignored untracked
printf '# Ignored\n\nTBD\n' > ignored/ignored.md
ln -s /etc/passwd docs/passwd.md
git add .gitignore docs/passwd.md
commit_at 2026-01-16T10:00:00Z "ignore rules"
printf '# Untracked\n\nTBD\n' > untracked/new.md
ln -s ../docs/tracked.md untracked/link.md
