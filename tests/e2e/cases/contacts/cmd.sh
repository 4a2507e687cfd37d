"$OPSREADY" check --now 2026-11-27 --report json="$OUT/report.json"; echo "exit $?"
echo "== the same, edited in the work tree: the edited line is fresh"
sed -i 's/^- \*\*Primary On-Call:\*\* .*/- **Primary On-Call:** +44 20 7946 0019/' runbooks/payments-runbook.md
"$OPSREADY" check --now 2026-11-27 --quiet --rule contacts.placeholder=off --rule contacts.invalid=off; echo "exit $?"
