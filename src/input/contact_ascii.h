/*
 * ASCII helpers private to the contact parsers (contact_*.c): byte classes,
 * case-insensitive comparison, and quoting a value or a byte in a reason.
 *
 * Everything here works on ASCII bytes: no <ctype.h>, no locale. Bytes at
 * or above 0x80 are never letters or digits; in running text they separate
 * tokens (an em dash, a no-break space, an emoji before a number).
 */
#ifndef OR_INPUT_CONTACT_ASCII_H
#define OR_INPUT_CONTACT_ASCII_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "util/buf.h"

#define SHOWN_MAX 40

static inline int byte_at(const char *s, size_t i)
{
	return (unsigned char)s[i];
}

static inline bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static inline bool is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static inline bool is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static inline bool is_alpha(int c)
{
	return is_upper(c) || is_lower(c);
}

static inline bool is_alnum(int c)
{
	return is_alpha(c) || is_digit(c);
}

static inline bool is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static inline int to_lower(int c)
{
	return is_upper(c) ? c - 'A' + 'a' : c;
}

static inline bool equal_ci(const char *a, size_t alen, const char *b)
{
	size_t i;

	if (alen != strlen(b))
		return false;
	for (i = 0; i < alen; i++)
		if (to_lower(byte_at(a, i)) != to_lower(byte_at(b, i)))
			return false;
	return true;
}

static inline bool prefix_ci(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && equal_ci(s, n, prefix);
}

static inline void put_lower(or_buf *out, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		or_buf_putc(out, to_lower(byte_at(s, i)));
}

/* A value quoted in a reason: at most SHOWN_MAX bytes, then "...". */
static inline void put_shown(or_buf *out, const char *s, size_t len)
{
	if (len > SHOWN_MAX)
		or_buf_printf(out, "%.*s...", SHOWN_MAX, s);
	else
		or_buf_put(out, s, len);
}

/* A byte named in a reason: 'c' when printable ASCII, else its hex value. */
static inline void put_byte(or_buf *out, int c)
{
	if (c > 0x20 && c < 0x7f)
		or_buf_printf(out, "'%c'", c);
	else if (c == ' ')
		or_buf_puts(out, "a space");
	else
		or_buf_printf(out, "byte 0x%02x", (unsigned)c);
}

static inline const char *trim(const char *s, size_t *len)
{
	size_t n = *len;

	while (n > 0 && is_space(byte_at(s, 0))) {
		s++;
		n--;
	}
	while (n > 0 && is_space(byte_at(s, n - 1)))
		n--;
	*len = n;
	return s;
}

#endif
