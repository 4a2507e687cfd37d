# 200 runbooks over 20 commits: every 7th has a placeholder, every 11th an
# overdue review, every 13th a broken script reference; enough documents that
# they are read on several threads, and history dated by its own thread
mkdir -p runbooks scripts
printf '#!/bin/sh\necho ok\n' > scripts/ok.sh
chmod +x scripts/ok.sh
for c in $(seq 0 19); do
  for k in $(seq 0 9); do
    n=$((c * 10 + k))
    next=2027-01-01
    [ $((n % 11)) = 0 ] && next=2026-06-01
    script=ok.sh
    [ $((n % 13)) = 0 ] && script=missing-$n.sh
    {
      printf '# Service %d runbook\n\n' "$n"
      printf '**Owner:** team-%d\n**Last Updated:** 2026-10-01\n**Next Review:** %s\n\n' $((n % 5)) "$next"
      printf '## Procedure\n\n1. Check the service\n2. Run the script:\n\n'
      printf '```sh\n./scripts/%s\n```\n' "$script"
      [ $((n % 7)) = 0 ] && printf '\nTBD: the rollback steps.\n'
      true
    } > "runbooks/service-$n-runbook.md"
  done
  commit_at "2026-0$((c / 10 + 1))-1$((c % 10))T10:00:00Z" "Runbooks $c"
done
