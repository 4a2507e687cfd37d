# Small files in the shapes cmark-gfm 0.29 parses in quadratic time,
# generated here: each would take from half a minute to hours to parse.
mkdir -p docs
# UNIT repeated N times, on one line
run() { python3 -c 'import sys; sys.stdout.write(sys.argv[1] * int(sys.argv[2]))' "$1" "$2"; }
# 40,000 x "![[]()" (240 KB): every link walks all the image openers below it
{ run '![[]()' 40000; echo; } > docs/image-brackets.md
# a table of 50,000 columns (200 KB)
{ printf '# Wide\n\n'; run '|a' 50000; echo '|'; run '|-' 50000; echo '|'; } > docs/wide-table.md
# a two-column table with a row of 100,000 cells
{ printf 'a|b\n-|-\n'; run '|c' 100000; echo; } > docs/long-row.md
# "www.a_" x 40,000: the autolink extension scans to the end of the run from each one
{ run 'www.a_' 40000; echo; } > docs/www-run.md
# 5,000 nested block quotes, then 100,000 lines that continue the paragraph
{ run '>' 5000; echo ' quoted'; run 'more
' 100000; } > docs/lazy-quotes.md
# 20,000 nested list items, then 100,000 lines that continue the paragraph
# (240 KB): each line walks every open item
{ run '- ' 20000; echo 'a'; run 'b
' 100000; } > docs/lazy-lists.md
commit_at 2026-01-15T12:00:00Z "hostile shapes"
