# repo_url goes into every report as a link: the config refuses what is not
# an http(s) address with only {commit}, {path} and {line} in it, or holds
# what would close the link or the table row (a blank, a line break, a
# control character, '<', '"', '|'), with exit 2 and the value's position.
try() {
  printf 'version: 1\nrepo_url: %s\n' "$1" > .opsready.yml
  "$OPSREADY" check . --now 2026-01-20 --format markdown >"$OUT/md" 2>"$OUT/err"
  echo "exit $? for $1"
  cat "$OUT/err"
}
try '"javascript:alert(1)//{path}"'
try '"https://git.example.org/{path})\n\n## opsready: ✅ PASS"'
try '"https://git.example.org/{path} ![b](https://beacon.example/p.png)"'
try '"https://git.example.org/{user}/{path}"'
try '"https://git.example.org/{path}#L{line}\e]0;owned\a"'
try '"https://git.example.org/{path}|x"'
try 'https://git.example.org/r/blob/{commit}/{path}#L{line}'
grep -c 'https://git.example.org/r/blob/' "$OUT/md"
