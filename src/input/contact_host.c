/*
 * Host names: the check of an e-mail domain or a URL host, the top-level
 * domains a bare host name in prose may end in, and whether a host is a
 * reserved (example) domain.
 */
#include "input/contact.h"

#include <string.h>

#include "input/contact_ascii.h"
#include "input/contact_internal.h"

#define HOST_MAX 253
#define LABEL_MAX 63

/* Top-level domains that make a bare "a.b" in prose a host name. File
 * extensions that are also country codes (.md, .sh, .py, .rs, .pl, .so, .js
 * is none) are left out on purpose: "README.md" is not a web site. */
static const char *const known_tlds[] = {
	"com", "org", "net", "edu", "gov", "mil", "int", "io", "co", "us", "uk", "de",
	"fr", "eu", "ca", "au", "nz", "jp", "cn", "in", "br", "es", "it", "nl", "be",
	"ch", "at", "se", "dk", "fi", "ie", "pt", "cz", "ru", "za", "mx", "ar", "kr",
	"sg", "hk", "tw", "il", "ai", "app", "dev", "cloud", "tech", "info", "biz",
	"me", "tv", "cc", "ly", "page", "site", "online", "xyz", "email", "support",
	"help", "status", "services", "systems", "solutions", "network", "team",
	"example", "test", "invalid", "localhost", "local", "internal", "corp",
	"lan", "home", "arpa",
};

bool or_host_known_tld(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(known_tlds) / sizeof(known_tlds[0]); i++)
		if (equal_ci(s, len, known_tlds[i]))
			return true;
	return false;
}

size_t or_utf8_letter_len(const char *s, size_t n, size_t p)
{
	int c = p < n ? byte_at(s, p) : 0;
	size_t len, k;
	unsigned long cp;

	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		cp = (unsigned long)(c & 0x1f);
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		cp = (unsigned long)(c & 0x0f);
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		cp = (unsigned long)(c & 0x07);
	} else {
		return 0;
	}
	if (n - p < len)
		return 0;
	for (k = 1; k < len; k++) {
		int b = byte_at(s, p + k);

		if ((b & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (unsigned long)(b & 0x3f);
	}
	/* overlong forms, surrogates, beyond Unicode */
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	if (cp < 0xc0 || cp == 0xd7 || cp == 0xf7 || (cp >= 0x2000 && cp <= 0x2bff) ||
	    (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
	    (cp >= 0xff00 && cp <= 0xff20) || (cp >= 0xfff0 && cp <= 0xffff))
		return 0;
	return len;
}

static bool ipv4_check(const char *s, size_t len)
{
	size_t i = 0, parts = 0;

	while (parts < 4) {
		size_t start = i;
		unsigned value = 0;

		while (i < len && is_digit(byte_at(s, i)) && i - start < 3) {
			value = value * 10 + (unsigned)(byte_at(s, i) - '0');
			i++;
		}
		if (i == start || value > 255 || (i - start > 1 && s[start] == '0'))
			return false;
		parts++;
		if (parts < 4) {
			if (i >= len || s[i] != '.')
				return false;
			i++;
		}
	}
	return i == len;
}

/*
 * A host name: labels of letters, digits and '-' (not first or last), at
 * most 63 bytes each and 253 in all, at least two, the last of letters only;
 * or, when allow_ip, an IPv4 address.
 */
int or_host_check(const char *s, size_t len, bool allow_ip, const char *what, or_buf *reason)
{
	size_t i, start, labels = 0;
	bool numeric = true;

	if (len == 0) {
		if (reason)
			or_buf_printf(reason, "there is no %s", what);
		return -1;
	}
	for (i = 0; i < len; i++)
		if (!is_digit(byte_at(s, i)) && s[i] != '.')
			numeric = false;
	if (numeric && allow_ip) {
		if (ipv4_check(s, len))
			return 0;
		if (reason) {
			or_buf_puts(reason, "'");
			put_shown(reason, s, len);
			or_buf_puts(reason, "' is not a valid IPv4 address (four numbers 0-255)");
		}
		return -1;
	}
	if (len > HOST_MAX) {
		if (reason)
			or_buf_printf(reason, "the %s has %zu characters; at most %d", what, len,
				      HOST_MAX);
		return -1;
	}
	for (start = 0; start <= len; start = i + 1) {
		size_t llen;
		const char *label = s + start;

		for (i = start; i < len && s[i] != '.'; i++) {
			int c = byte_at(s, i);
			size_t u = or_utf8_letter_len(s, len, i);

			if (u) {
				i += u - 1; /* an internationalised label (IDN) */
				continue;
			}
			if (!is_alnum(c) && c != '-') {
				if (reason) {
					or_buf_printf(reason, "the %s '", what);
					put_shown(reason, s, len);
					or_buf_puts(reason, "' has ");
					put_byte(reason, c);
					or_buf_puts(reason, "; host names use letters, digits and '-'");
				}
				return -1;
			}
		}
		llen = i - start;
		labels++;
		if (llen == 0) {
			if (reason) {
				or_buf_printf(reason, "the %s '", what);
				put_shown(reason, s, len);
				or_buf_puts(reason, "' has an empty label (a leading, trailing or double dot)");
			}
			return -1;
		}
		if (llen > LABEL_MAX) {
			if (reason)
				or_buf_printf(reason, "a label of the %s has %zu characters; at most %d",
					      what, llen, LABEL_MAX);
			return -1;
		}
		if (label[0] == '-' || label[llen - 1] == '-') {
			if (reason) {
				or_buf_puts(reason, "the label '");
				put_shown(reason, label, llen);
				or_buf_puts(reason, "' starts or ends with '-'");
			}
			return -1;
		}
		if (i == len) {
			size_t k;

			if (labels < 2) {
				if (reason) {
					or_buf_printf(reason, "the %s '", what);
					put_shown(reason, s, len);
					or_buf_puts(reason, "' has no top-level domain (name.tld)");
				}
				return -1;
			}
			for (k = 0; k < llen; k++) {
				size_t u = or_utf8_letter_len(label, llen, k);

				if (u)
					k += u - 1;
				else if (!is_alpha(byte_at(label, k)))
					break;
			}
			if (k < llen || llen < 2) {
				if (reason) {
					or_buf_puts(reason, "the top-level domain '");
					put_shown(reason, label, llen);
					or_buf_puts(reason, "' is not two or more letters");
				}
				return -1;
			}
			break;
		}
	}
	return 0;
}

/* ---- reserved domains ---- */

/* True when host ends with d (case-insensitively) at a label boundary. */
static bool under_domain(const char *host, size_t len, const char *d, size_t dlen)
{
	size_t k;

	if (dlen == 0 || dlen > len)
		return false;
	if (dlen < len && host[len - dlen - 1] != '.')
		return false;
	for (k = 0; k < dlen; k++)
		if (to_lower(byte_at(host, len - dlen + k)) != to_lower(byte_at(d, k)))
			return false;
	return true;
}

bool or_domain_reserved(const char *host, size_t len, const char *const *domains, size_t n)
{
	size_t i;

	if (!host || !domains)
		return false;
	while (len > 0 && host[len - 1] == '.')
		len--;
	for (i = 0; i < n; i++) {
		const char *d = domains[i];
		size_t dlen;

		if (!d)
			continue;
		while (*d == '.')
			d++;
		dlen = strlen(d);
		while (dlen > 0 && d[dlen - 1] == '.')
			dlen--;
		if (under_domain(host, len, d, dlen))
			return true;
	}
	return false;
}
