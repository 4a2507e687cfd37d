# SIGTERM or SIGINT while the reports are being written removes their
# temporary files ("report.json.tmp-XXXXXX"), then ends the run as the
# signal would (exit 128+N). A folder of 600 runbooks with many findings
# gives reports of a few MB, so that their temporary files exist long
# enough to be seen: the run is stopped (SIGSTOP) as soon as one is there,
# the signal is sent, and the run continued; no timing is guessed.
set -m # a background job keeps SIGINT (a non-interactive shell ignores it)
big=$(mktemp -d)
mkdir "$big/runbooks"
body=
for ((k = 1; k <= 20; k++)); do
  body+="TBD: step $k, see [the notes](#notes-$k)."$'\n\n'
done
for ((n = 1; n <= 600; n++)); do
  printf '# Service %d runbook\n\n%s' "$n" "$body" > "$big/runbooks/service-$n-runbook.md"
done
interrupt() {
  local sig=$1 try pid state caught=no status
  for try in 1 2 3 4 5; do
    rm -f "$OUT"/report.*
    "$OPSREADY" check --now 2026-01-20 --quiet --report json="$OUT/report.json" \
      --report html="$OUT/report.html" "$big" > /dev/null 2>&1 &
    pid=$!
    while read -r _ _ state _ < "/proc/$pid/stat" 2>/dev/null && [ "$state" != Z ]; do
      compgen -G "$OUT/*.tmp-*" > /dev/null || continue
      kill -STOP "$pid"
      if compgen -G "$OUT/*.tmp-*" > /dev/null; then
        caught=yes
        kill "-$sig" "$pid"
        kill -CONT "$pid"
        break
      fi
      kill -CONT "$pid"
    done
    wait "$pid" 2> /dev/null # not the shell's "Terminated" job notice
    status=$?
    [ "$caught" = yes ] && break
  done
  echo "$sig while a temporary report existed: $caught; exit $status"
  echo "temporary files left: $(ls -A "$OUT" | grep -c '\.tmp-')"
}
interrupt TERM
interrupt INT
rm -rf "$big" "$OUT"/report.*
