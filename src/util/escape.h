/*
 * Escaping for terminal and CI-log output: what a scanned repository chose
 * (file names, headings, link targets, authors) printed so that it cannot
 * move the cursor, recolour or retitle a terminal, reorder text (bidi
 * overrides), forge a line, or start a GitHub Actions workflow command.
 */
#ifndef OR_UTIL_ESCAPE_H
#define OR_UTIL_ESCAPE_H

#include <stddef.h>

#include "util/buf.h"

/*
 * Append `s` with every control character written as an escape: '\n' as
 * "\n", '\r' as "\r", '\t' as "\t", other C0 bytes, DEL and bytes that are not
 * valid UTF-8 as "\xHH", and the C1 controls U+0080..U+009F, the bidi
 * embeddings and overrides U+202A..U+202E and isolates U+2066..U+2069 as
 * "\uHHHH". Everything else (printable ASCII, other UTF-8) is copied.
 */
void or_escape_text(or_buf *out, const char *s);

/*
 * As or_escape_text, for a value that starts an output line: when it begins
 * (after blanks) with "::" — what the GitHub Actions runner reads as a
 * workflow command — the first colon is written as "\x3a".
 */
void or_escape_line_start(or_buf *out, const char *s);

/* or_escape_text into a fixed buffer, always terminated; when it is too
 * small, cut before the first escape or character that does not fit whole. */
void or_escape_text_to(char *dst, size_t dst_size, const char *s);

#endif
