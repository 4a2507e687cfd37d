/*
 * URLs: splitting one into scheme, host and port, whether it is a web
 * address that can be opened, and the host of an e-mail address or URL.
 */
#include "input/contact.h"

#include <string.h>

#include "input/contact_ascii.h"
#include "input/contact_internal.h"

/* Length of "scheme" at the start of s when "scheme:" follows, else 0. */
size_t or_url_scheme_len(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || !is_alpha(byte_at(s, 0)))
		return 0;
	for (i = 1; i < n && i <= 32; i++) {
		int c = byte_at(s, i);

		if (c == ':')
			return i;
		if (!is_alnum(c) && c != '+' && c != '.' && c != '-')
			return 0;
	}
	return 0;
}

typedef struct url_parts {
	size_t scheme;          /* length of the scheme, 0 for a bare host */
	size_t authority;       /* where user info or host starts */
	size_t host, host_len;  /* the host, without IPv6 brackets */
	size_t port;            /* where ":port" starts (== end when none) */
	size_t end;             /* end of the authority: '/', '?', '#' or the end */
} url_parts;

static void url_split(const char *s, size_t n, url_parts *u)
{
	size_t i, sl = or_url_scheme_len(s, n);

	memset(u, 0, sizeof(*u));
	if (sl > 0 && n - sl >= 3 && s[sl + 1] == '/' && s[sl + 2] == '/') {
		u->scheme = sl;
		u->authority = sl + 3;
	}
	for (i = u->authority; i < n && s[i] != '/' && s[i] != '?' && s[i] != '#'; i++)
		;
	u->end = i;
	u->host = u->authority;
	for (i = u->authority; i < u->end; i++)
		if (s[i] == '@')
			u->host = i + 1;
	if (u->host < u->end && s[u->host] == '[') {
		for (i = u->host; i < u->end && s[i] != ']'; i++)
			;
		u->port = i < u->end ? i + 1 : u->end;
		u->host_len = i - u->host - 1;
		u->host++;
		return;
	}
	for (i = u->host; i < u->end && s[i] != ':'; i++)
		;
	u->host_len = i - u->host;
	u->port = i;
}

static bool ipv6_plausible(const char *s, size_t len)
{
	size_t i, colons = 0;

	for (i = 0; i < len; i++) {
		int c = to_lower(byte_at(s, i));

		if (c == ':')
			colons++;
		else if (!is_digit(c) && !(c >= 'a' && c <= 'f') && c != '.')
			return false;
	}
	return colons >= 2;
}

int or_url_check(const char *value, size_t len, or_buf *normalized, or_buf *reason)
{
	url_parts u;
	size_t i, sl;

	if (len == 0) {
		if (reason)
			or_buf_puts(reason, "the address is empty");
		return -1;
	}
	for (i = 0; i < len; i++) {
		int c = byte_at(value, i);

		if (c <= 0x20 || c == 0x7f) {
			if (reason) {
				or_buf_puts(reason, "a URL cannot contain ");
				put_byte(reason, c);
			}
			return -1;
		}
	}
	url_split(value, len, &u);
	sl = or_url_scheme_len(value, len);
	if (u.scheme == 0 && sl > 0 && sl + 1 < len && !is_digit(byte_at(value, sl + 1))) {
		if (reason) {
			or_buf_printf(reason, "'%.*s:' is not a web address; only http and https links "
					      "are accepted", (int)sl, value);
		}
		return -1;
	}
	if (u.scheme > 0 && !equal_ci(value, u.scheme, "http") &&
	    !equal_ci(value, u.scheme, "https")) {
		if (reason) {
			or_buf_printf(reason, "only http and https links are accepted, not %.*s://",
				      (int)(u.scheme > SHOWN_MAX ? SHOWN_MAX : u.scheme), value);
		}
		return -1;
	}
	if (u.scheme == 0 && u.host > u.authority) {
		if (reason)
			or_buf_puts(reason, "this is an e-mail address, not a web address");
		return -1;
	}
	if (u.host > 0 && value[u.host - 1] == '[') {
		if (u.port == u.end && (u.end == 0 || value[u.end - 1] != ']')) {
			if (reason)
				or_buf_puts(reason, "an IPv6 address in brackets is not closed");
			return -1;
		}
		if (!ipv6_plausible(value + u.host, u.host_len)) {
			if (reason)
				or_buf_puts(reason, "the bracketed host is not an IPv6 address");
			return -1;
		}
	} else if (or_host_check(value + u.host, u.host_len, true, "host name", reason) < 0) {
		return -1;
	}
	if (u.port < u.end) {
		size_t p = u.port + 1, digits;
		unsigned long port = 0;

		if (value[u.port] != ':') {
			if (reason)
				or_buf_puts(reason, "unexpected text after the host name");
			return -1;
		}
		for (i = p; i < u.end && is_digit(byte_at(value, i)) && i - p < 6; i++)
			port = port * 10 + (unsigned long)(byte_at(value, i) - '0');
		digits = i - p;
		if (digits == 0 || i < u.end || port < 1 || port > 65535) {
			if (reason) {
				or_buf_puts(reason, "the port '");
				put_shown(reason, value + p, u.end - p);
				or_buf_puts(reason, "' is not a number from 1 to 65535");
			}
			return -1;
		}
	}
	if (normalized) {
		put_lower(normalized, value, u.scheme);
		or_buf_put(normalized, value + u.scheme, u.host - u.scheme);
		put_lower(normalized, value + u.host, u.host_len);
		or_buf_put(normalized, value + u.host + u.host_len, len - u.host - u.host_len);
	}
	return 0;
}

const char *or_contact_host(or_contact_kind kind, const char *value, size_t len,
			    size_t *host_len)
{
	const char *host = NULL;
	size_t n = 0, i;

	if (value && kind == OR_CONTACT_EMAIL) {
		for (i = len; i > 0; i--)
			if (value[i - 1] == '@')
				break;
		if (i > 0) {
			host = value + i;
			n = len - i;
		}
	} else if (value && kind == OR_CONTACT_URL) {
		url_parts u;

		url_split(value, len, &u);
		host = value + u.host;
		n = u.host_len;
	}
	if (n == 0)
		host = NULL;
	if (host_len)
		*host_len = n;
	return host;
}
