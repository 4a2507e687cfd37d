"$OPSREADY" check --now 2026-11-27 --report json="$OUT/report.json"; echo "exit $?"
echo "== the same, edited in the work tree: the edited line is fresh"
sed -i 's/^- \*\*Primary On-Call:\*\* .*/- **Primary On-Call:** +44 20 7946 0019/' runbooks/payments-runbook.md
"$OPSREADY" check --now 2026-11-27 --quiet --rule contacts.placeholder=off --rule contacts.invalid=off; echo "exit $?"
echo "== verification dates that cannot be trusted: impossible, ambiguous, in the future"
cat >> runbooks/payments-runbook.md <<'MD'
- **Security Officer:** +44 20 7946 0051 (verified 2026-02-30)
- **Network Lead:** +44 20 7946 0052 (verified 03/04/2026)
- **Storage Lead:** +44 20 7946 0053 (verified 2027-06-01)
MD
sed -i 's/verified: 2026-11-02 }/verified: 2027-02-01 }/' contacts.yml
"$OPSREADY" check --now 2026-11-27 --quiet --rule contacts.placeholder=off --rule contacts.invalid=off --rule contacts.duplicate=off --rule contacts.missing-role=off | grep -e 'Security Officer' -e 'Network Lead' -e 'Storage Lead' -e 'operations-lead'
echo "== with date_order: dmy in the config, 03/04/2026 is 3 April 2026 (then stale); blame dates after --now are recent, not 'ahead'"
printf 'date_order: dmy\n' >> .opsready.yml
"$OPSREADY" check --now 2026-11-27 --quiet --rule contacts.placeholder=off --rule contacts.invalid=off --rule contacts.duplicate=off --rule contacts.missing-role=off | grep -e 'Network Lead'
"$OPSREADY" check --now 2026-10-01 --quiet --rule contacts.placeholder=off --rule contacts.invalid=off --rule contacts.duplicate=off --rule contacts.missing-role=off | grep -c 'blame), which lies after today'
