# Files that cannot be read, and files that are not files: a tracked file
# chmod 000, a tracked folder chmod 000, a tracked file replaced by a FIFO,
# an untracked FIFO and a folder named like Markdown files.
rm docs/pipe.md && mkfifo docs/pipe.md
mkfifo docs/untracked-fifo.md
mkdir -p docs/folder.md && printf 'not markdown\n' > docs/folder.md/notes.txt
chmod 000 docs/secret.md docs/locked
