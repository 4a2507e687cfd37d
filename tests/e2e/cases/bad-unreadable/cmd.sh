# Root reads a chmod 000 file anyway (CAP_DAC_OVERRIDE): as root, opsready
# runs here without that capability and CAP_DAC_READ_SEARCH, so that it sees
# what any other user sees. Nothing may block on a FIFO (timeout says 124).
unprivileged() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --bounding-set -dac_override,-dac_read_search -- "$@"
  else
    "$@"
  fi
}
echo "== unreadable files, git work tree"
# not listed at all: the untracked FIFO and docs/folder.md/ (git lists neither)
unprivileged timeout 20 "$OPSREADY" check --now 2026-01-20; echo "exit $?"
echo "== the same folder without git"
chmod 644 docs/secret.md && chmod 755 docs/locked && cp -a . "$OUT/plain" && rm -rf "$OUT/plain/.git"
chmod 000 docs/secret.md docs/locked "$OUT/plain/docs/secret.md" "$OUT/plain/docs/locked"
# the walk skips the FIFOs and, like git, the folder it cannot open
unprivileged timeout 20 "$OPSREADY" check "$OUT/plain" --now 2026-01-20 --no-history; echo "exit $?"
echo "== a FIFO or a folder as the config, the records or the drill log"
unprivileged timeout 20 "$OPSREADY" check --now 2026-01-20 --config docs/untracked-fifo.md; echo "exit $?"
printf 'version: 1\ninputs:\n  training: docs/pipe.md\n' > "$OUT/fifo-records.yml"
timeout 20 "$OPSREADY" check --now 2026-01-20 --config "$OUT/fifo-records.yml"; echo "exit $?"
printf 'version: 1\ninputs:\n  drills: docs/folder.md\n' > "$OUT/folder-drills.yml"
timeout 20 "$OPSREADY" check --now 2026-01-20 --config "$OUT/folder-drills.yml"; echo "exit $?"
chmod -R u+rwX "$OUT/plain"
echo "== what root sees: chmod 000 does not stop root, so both files are read"
chmod 644 docs/secret.md && chmod 755 docs/locked
timeout 20 "$OPSREADY" check --now 2026-01-20 --quiet --fail-on warning; echo "exit $?"
