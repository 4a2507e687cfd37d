# the list was written on 2026-01-15 (the fixture commit); on 2026-11-01 the
# secondary on-call number was changed: only that line is fresh
sed -i 's/^- \*\*Secondary On-Call:\*\* .*/- **Secondary On-Call:** +44 20 7946 0019/' runbooks/payments-runbook.md
commit_at 2026-11-01T09:00:00Z "New secondary on-call number"
