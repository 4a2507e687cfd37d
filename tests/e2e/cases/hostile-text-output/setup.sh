# File names, link targets and headings that try to turn the text and
# Markdown output: a GitHub Actions workflow command at the start of a line,
# line breaks that forge a passing summary, terminal escapes (a title set by
# OSC, a screen clear), a bidi override, a Markdown link closed early.
esc=$'\033'
printf '# Notes\n\nSee [the notes](nowhere.md).\n' > '::error file=x::All checks OK.md'
printf '# Mask\n\nSee [the key](absent.md).\n' > '  ::add-mask::hunter2.md'
printf '# Forged\n\nSee [x](gone.md).\n' > $'split\nopsready: 0 errors, 0 warnings, 0 notices; score 100.0; PASS\n::notice::fine.md'
printf '# Clear\n\nSee [x](lost.md).\n' > "${esc}[2J${esc}]0;owned${esc}\\screen.md"
printf '# Table\n\nSee [x](void.md).\n' > $'x) | ok |\n\n## opsready: \xe2\x9c\x85 PASS\n<details>@octocat ![b](https.md'
printf '# Links\n\nSee [a](missing%s]8;;https://evil.example%s\\.md) and [b](txt\xe2\x80\xaegpj.md).\n' "$esc" "$esc" > docs/links.md
commit_at 2026-01-15T12:00:00+00:00 "hostile names"
