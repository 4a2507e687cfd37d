# A report that cannot be written: exit 3, a message naming it, and nothing
# left behind (no half-written file, no temporary file); the other reports
# of the same run are still written whole.
try() {
  "$OPSREADY" check --now 2026-01-20 --quiet --report json="$1" --report text="$OUT/also.txt" >/dev/null
  echo "exit $? for $1"
  rm -f "$OUT/also.txt"
}
echo "== a missing folder"
try "$OUT/missing/report.json"
echo "== a file where a folder is expected (root can write anywhere else)"
printf 'a file\n' > "$OUT/file.md"
try "$OUT/file.md/report.json"
echo "== under /proc"
try /proc/opsready-report.json
echo "== a folder as the report"
mkdir "$OUT/folder-report"
try "$OUT/folder-report"
echo "== a full disk: /dev/full is written in place, never replaced"
try /dev/full
test -c /dev/full && echo "/dev/full is still a character device"
echo "== /dev/stdout: a pipe is written in place; a file it names is replaced, not the link"
"$OPSREADY" check --now 2026-01-20 --quiet --report markdown=/dev/stdout | grep -c '^## opsready'
"$OPSREADY" check --now 2026-01-20 --quiet --report markdown=/dev/stdout > "$OUT/stdout.md"; echo "exit $?"
head -n 1 "$OUT/stdout.md"
test -L /dev/stdout && echo "/dev/stdout is still a symbolic link"
echo "== left in the output folder"
ls -A "$OUT"
ls -A "$OUT/folder-report"
echo "temporary files in /proc and /dev: $(ls -A /proc /dev | grep -c -e opsready -e '\.tmp-')"
echo "== every command's standard output on a full disk: exit 3, never a silent 0"
for args in "rules" "explain docs.placeholder" "--version" "--help"; do
  # shellcheck disable=SC2086
  "$OPSREADY" $args > /dev/full; echo "exit $? for $args"
done
"$OPSREADY" check --now 2026-01-20 --quiet --format json > "$OUT/a.json"
"$OPSREADY" diff "$OUT/a.json" "$OUT/a.json" > /dev/full; echo "exit $? for diff"
rm -f "$OUT/a.json"
