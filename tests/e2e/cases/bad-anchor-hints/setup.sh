# "Did you mean" for broken anchors, on files made to make it slow (a full
# edit distance against every heading took minutes): generated here.
mkdir -p docs
# 2,000 headings of 80 characters and 2,000 links whose anchors miss
# them by one letter
awk 'BEGIN { print "# Regions\n";
             for (i = 0; i < 2000; i++)
                     printf "## Restart the payment service in region %05d and check its queues drain\n\n", i;
             for (i = 0; i < 2000; i++)
                     printf "[step](#restart-the-payment-service-in-region-%05d-and-check-its-queues-drian)\n", i }' > docs/regions.md
# one heading of 200,000 letters and a link one letter off it
long=$(python3 -c 'print("a" * 200000)')
printf '# Long\n\n## %s\n\n[x](#%sb)\n' "$long" "$long" > docs/long-anchor.md
commit_at 2026-01-15T12:00:00Z "many anchors"
