/*
 * Escaping for terminal and CI-log output (see escape.h): control
 * characters, bidi controls and invalid UTF-8 become visible escapes, and no
 * value can open a line with a GitHub Actions workflow command.
 */
#include "util/escape.h"

#include <stdbool.h>
#include <string.h>

#include "util/utf8.h"

static bool is_hidden(unsigned int cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

void or_escape_text(or_buf *out, const char *s)
{
	size_t len, i = 0;

	if (!s)
		return;
	len = strlen(s);
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		unsigned int cp;
		int n;

		if (c >= 0x20 && c < 0x7f) {
			or_buf_putc(out, (char)c);
			i++;
			continue;
		}
		if (c == '\n' || c == '\r' || c == '\t') {
			or_buf_putc(out, '\\');
			or_buf_putc(out, c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
			i++;
			continue;
		}
		if (c < 0x80) { /* other C0 controls and DEL */
			or_buf_printf(out, "\\x%02x", c);
			i++;
			continue;
		}
		n = or_utf8_decode(s + i, len - i, &cp);
		if (n < 0) {
			or_buf_printf(out, "\\x%02x", c);
			i++;
		} else if (is_hidden(cp)) {
			or_buf_printf(out, "\\u%04x", cp);
			i += (size_t)n;
		} else {
			or_buf_put(out, s + i, (size_t)n);
			i += (size_t)n;
		}
	}
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
	size_t n;

	if (!dst_size)
		return;
	or_escape_text(&buf, s);
	n = buf.size < dst_size - 1 ? buf.size : dst_size - 1;
	if (n)
		memcpy(dst, buf.ptr, n);
	dst[n] = '\0';
	or_buf_dispose(&buf);
}
