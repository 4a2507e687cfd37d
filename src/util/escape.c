/*
 * Escaping for terminal and CI-log output (see escape.h): control
 * characters, bidi controls and invalid UTF-8 become visible escapes, and no
 * value can open a line with a GitHub Actions workflow command.
 */
#include "util/escape.h"

#include <stdbool.h>
#include <string.h>

#include "opsready/common.h"
#include "util/utf8.h"

static bool is_hidden(unsigned int cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* Append the escape of the character at s[i] (len bytes in all); returns
 * the number of bytes it took. */
static size_t escape_one(or_buf *out, const char *s, size_t len, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	unsigned int cp;
	int n;

	if (c >= 0x20 && c < 0x7f) {
		or_buf_putc(out, (char)c);
		return 1;
	}
	if (c == '\n' || c == '\r' || c == '\t') {
		or_buf_putc(out, '\\');
		or_buf_putc(out, c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
		return 1;
	}
	if (c < 0x80) { /* other C0 controls and DEL */
		or_buf_printf(out, "\\x%02x", c);
		return 1;
	}
	n = or_utf8_decode(s + i, len - i, &cp);
	if (n < 0) {
		or_buf_printf(out, "\\x%02x", c);
		return 1;
	}
	if (is_hidden(cp))
		or_buf_printf(out, "\\u%04x", cp);
	else
		or_buf_put(out, s + i, (size_t)n);
	return (size_t)n;
}

void or_escape_text(or_buf *out, const char *s)
{
	size_t len, i = 0;

	if (!s)
		return;
	len = strlen(s);
	while (i < len)
		i += escape_one(out, s, len, i);
}

void or_escape_line_start(or_buf *out, const char *s)
{
	const char *p = s;

	if (!s)
		return;
	for (; *p == ' ' || *p == '\t'; p++)
		or_buf_puts(out, *p == '\t' ? "\\t" : " ");
	if (p[0] == ':' && p[1] == ':') {
		or_buf_puts(out, "\\x3a");
		p++;
	}
	or_escape_text(out, p);
}

void or_escape_text_to(char *dst, size_t dst_size, const char *s)
{
	or_buf buf = OR_BUF_INIT;
	size_t len = s ? strlen(s) : 0, i = 0, fits = 0;

	if (!dst_size)
		return;
	/* whole escapes and whole characters only */
	while (i < len) {
		i += escape_one(&buf, s, len, i);
		if (buf.size > dst_size - 1)
			break;
		fits = buf.size;
	}
	if (fits)
		memcpy(dst, buf.ptr, fits);
	dst[fits] = '\0';
	or_buf_dispose(&buf);
}

char *or_escape_for_terminal(const char *s)
{
	or_buf out = OR_BUF_INIT;

	or_escape_line_start(&out, s ? s : "");
	return or_buf_detach(&out);
}
