/*
 * UTF-8 validation and mojibake: UTF-8 text that was once decoded with a
 * single-byte code page (Windows-1252 or Mac Roman) and encoded again, so
 * that "✅" became "‚úÖ" and "’" became "â€™".
 */
#ifndef OR_UTIL_UTF8_H
#define OR_UTIL_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/* Byte offset of the first invalid UTF-8 sequence (overlongs, surrogates and
 * code points above U+10FFFF are invalid), or (size_t)-1 when all is valid. */
size_t or_utf8_invalid_offset(const char *s, size_t len);

/* Decode one code point at s (len > 0): returns its byte length (1-4) and the
 * code point in *cp, or -1 for an invalid sequence (then *cp = U+FFFD). */
int or_utf8_decode(const char *s, size_t len, unsigned int *cp);
/* Append `s` with '?' for each byte past ASCII: how the report keeps text
 * that is not UTF-8 (jansson refuses it). */
void or_utf8_put_ascii(or_buf *out, const char *s);
/* Append the UTF-8 encoding of cp. */
void or_utf8_encode(or_buf *out, unsigned int cp);

/* Column (1-based, in code points) of byte offset `offset` within a line. */
int or_utf8_column(const char *line, size_t offset);

typedef struct or_mojibake {
	size_t offset;       /* byte offset of the garbled run in the input */
	size_t length;       /* its length in bytes */
	char intended[64];   /* what it should have been, UTF-8, NUL-terminated */
	const char *codepage; /* "Windows-1252" or "Mac Roman" (static) */
} or_mojibake;

/*
 * Find the next garbled run at or after byte `start`. A run is a sequence of
 * non-ASCII characters which, mapped back to bytes through one code page,
 * form one or more complete multi-byte UTF-8 sequences. Returns true and fills
 * *out, or false when there is none. Ordinary accented text ("café", "Ærø",
 * "naïve") is not mojibake.
 */
bool or_mojibake_next(const char *s, size_t len, size_t start, or_mojibake *out);

/* Append `s` to out with every garbled run replaced by its intended text;
 * returns how many runs were repaired. */
size_t or_mojibake_repair(or_buf *out, const char *s, size_t len);

#endif
