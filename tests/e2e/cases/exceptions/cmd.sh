echo "== waivers and suppressions"
"$OPSREADY" check --now 2026-11-27 --report json="$OUT/before.json"; echo "exit $?"
echo "== --no-inline-suppressions (an audit sees everything)"
"$OPSREADY" check --now 2026-11-27 --no-inline-suppressions --quiet; echo "exit $?"
echo "== a baseline taken now, then a new finding appears"
printf '\nNew step: TODO\n' >> runbooks/payments-runbook.md
printf '\n```bash\n./scripts/restart.sh\n```\n' >> runbooks/payments-runbook.md
"$OPSREADY" check --now 2026-11-27 --baseline "$OUT/before.json"; echo "exit $?"
echo "== a truncated baseline"
head -c 200 "$OUT/before.json" > "$OUT/truncated.part"
"$OPSREADY" check --now 2026-11-27 --baseline "$OUT/truncated.part"; echo "exit $?"
echo "== a waiver without a reason"
printf 'version: 1\nwaivers:\n  - rule: docs.placeholder\n    expires: 2027-01-01\n' > "$OUT/bad.yml"
"$OPSREADY" check --now 2026-11-27 --config "$OUT/bad.yml"; echo "exit $?"
