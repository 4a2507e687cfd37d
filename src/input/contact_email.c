/*
 * E-mail addresses: whether a value is one (RFC 5321 limits), normalised
 * with its domain lowercased.
 */
#include "input/contact.h"

#include <string.h>

#include "input/contact_ascii.h"
#include "input/contact_internal.h"

#define EMAIL_LOCAL_MAX 64
#define EMAIL_MAX 254

static bool is_atext(int c)
{
	return is_alnum(c) || (c != 0 && strchr("!#$%&'*+/=?^_`{|}~-", c) != NULL);
}

int or_email_check(const char *value, size_t len, or_buf *normalized, or_buf *reason)
{
	const char *s = value, *at = NULL, *domain;
	size_t n = len, i, local_len, domain_len;

	if (prefix_ci(s, n, "mailto:")) {
		s += 7;
		n -= 7;
	}
	for (i = 0; i < n; i++)
		if (s[i] == '@')
			at = s + i;
	if (!at) {
		if (reason) {
			or_buf_puts(reason, "'");
			put_shown(reason, s, n);
			or_buf_puts(reason, "' has no '@'");
		}
		return -1;
	}
	local_len = (size_t)(at - s);
	domain = at + 1;
	domain_len = n - local_len - 1;
	if (local_len == 0) {
		if (reason)
			or_buf_puts(reason, "the address has nothing before '@'");
		return -1;
	}
	if (local_len > EMAIL_LOCAL_MAX) {
		if (reason)
			or_buf_printf(reason, "the part before '@' has %zu characters; at most %d",
				      local_len, EMAIL_LOCAL_MAX);
		return -1;
	}
	for (i = 0; i < local_len; i++) {
		int c = byte_at(s, i);
		size_t u = or_utf8_letter_len(s, local_len, i);

		if (u) {
			i += u - 1; /* an internationalised local part (RFC 6531) */
			continue;
		}
		if (c == '.') {
			if (i == 0 || i + 1 == local_len) {
				if (reason)
					or_buf_puts(reason, "the part before '@' starts or ends with a dot");
				return -1;
			}
			if (s[i + 1] == '.') {
				if (reason)
					or_buf_puts(reason, "the part before '@' has two dots in a row");
				return -1;
			}
		} else if (c == '@') {
			if (reason)
				or_buf_puts(reason, "the address has more than one '@'");
			return -1;
		} else if (!is_atext(c)) {
			if (reason) {
				or_buf_puts(reason, "the part before '@' cannot contain ");
				put_byte(reason, c);
			}
			return -1;
		}
	}
	if (domain_len == 0) {
		if (reason)
			or_buf_puts(reason, "the address has no domain after '@'");
		return -1;
	}
	if (or_host_check(domain, domain_len, false, "domain", reason) < 0)
		return -1;
	if (n > EMAIL_MAX) {
		if (reason)
			or_buf_printf(reason, "the address has %zu characters; at most %d", n,
				      EMAIL_MAX);
		return -1;
	}
	if (normalized) {
		or_buf_put(normalized, s, local_len + 1);
		put_lower(normalized, domain, domain_len);
	}
	return 0;
}
