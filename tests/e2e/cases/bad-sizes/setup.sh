# Big inputs, generated here (never committed to the project):
mkdir -p docs
# 60,000 task items, every third one marked done with a wrong status
awk 'BEGIN { print "# Sixty thousand tasks\n";
             for (i = 1; i <= 60000; i++)
                     printf "- [%s] task %d%s\n", (i % 2 ? "x" : " "), i, (i % 3 == 0 ? " (TODO)" : "") }' > docs/tasks.md
# 5,000 nested block quotes on one line, then 5,000 lines each one deeper
awk 'BEGIN { print "# Quotes\n"; s = ""; for (i = 0; i < 5000; i++) s = s ">";
             print s " deepest"; print "";
             for (i = 1; i <= 5000; i++) { printf ">"; if (i % 100 == 0) printf " level %d\n", i } }' > docs/quotes.md
# one line of 1 MiB (a link every 64 bytes at the end of it)
awk 'BEGIN { print "# Long line\n"; s = "";
             for (i = 0; i < 16384; i++) s = s "word word word word word word word word word word word w ";
             print s "[missing](./missing.md)" }' > docs/long-line.md
# a contact section whose one line is a run of letters and '@'s that is
# never an address, then "verified" 50,000 times: one pass each
awk 'BEGIN { print "# Desk\n\n## Contacts\n"; s = "";
             for (i = 0; i < 100000; i++) s = s "\303\274a@"; print s "-";
             s = ""; for (i = 0; i < 50000; i++) s = s "verified "; print s }' > docs/contact-run.md
commit_at 2026-01-15T12:00:00Z "big documents"
# 100 MB, sparse, staged (a full scan reads tracked files): over
# max_file_bytes, never opened for reading
truncate -s 100M docs/huge.md
git add docs/huge.md
