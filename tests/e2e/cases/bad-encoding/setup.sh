# Text that is not clean UTF-8: each is read (or listed as not read) and
# reported, never a crash, and every report stays valid UTF-8.
mkdir -p docs
# invalid UTF-8: a lone continuation byte, a truncated sequence, 0xFF 0xFE
printf '# Invalid UTF-8\n\n**Last Updated:** 2026-01-10\n\nbroken \x80 bytes \xe2\x9c and \xff\xfe here\n' > docs/invalid-utf8.md
# a Latin-1 file (an editor on Windows): é, í, à as single bytes
printf '# R\xe9sum\xe9 des proc\xe9dures\n\n**Owner:** Jos\xe9 Garc\xeda\n\nLa proc\xe9dure \xe0 suivre.\n' > docs/latin1.md
# a NUL byte: a binary file, listed as not read
printf '# NUL\n\nbefore\0after\n' > docs/nul.md
# CRLF line endings: positions and metadata as with LF
printf '# CRLF notes\r\n\r\n**Last Updated:** 2026-01-10\r\n\r\n- [ ] step one\r\n- [x] step two\r\n- [ ] step three \xe2\x9c\x85\r\n\r\nSee [the missing page](./missing.md).\r\n' > docs/crlf.md
# a file name that is not UTF-8
printf '# Latin-1 name\n\nTBD\n' > "docs/r$(printf '\xe9')sum$(printf '\xe9').md"
commit_at 2026-01-15T12:00:00Z "encodings"
