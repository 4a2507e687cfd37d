#include "input/contact.h"

#include <string.h>

/*
 * Everything here works on ASCII bytes: no <ctype.h>, no locale. Bytes at
 * or above 0x80 are never letters or digits; in running text they separate
 * tokens (an em dash, a no-break space, an emoji before a number).
 *
 * The scanner is linear: every matcher starts only where the previous byte
 * is a boundary, and what a matcher reads is made of bytes that are not
 * boundaries (or it is emitted, or skipped over as a whole), so no byte is
 * read by more than a bounded number of attempts.
 */

#define PHONE_MIN_NATIONAL 7
#define PHONE_MIN_INTERNATIONAL 8
#define PHONE_MAX_DIGITS 15
#define NANP_DIGITS 11
#define EXTENSION_MAX_DIGITS 7
#define EMAIL_LOCAL_MAX 64
#define EMAIL_MAX 254
#define HOST_MAX 253
#define LABEL_MAX 63
#define SHOWN_MAX 40

/* ---- ASCII ---- */

static int byte_at(const char *s, size_t i)
{
	return (unsigned char)s[i];
}

static bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static bool is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_alpha(int c)
{
	return is_upper(c) || is_lower(c);
}

static bool is_alnum(int c)
{
	return is_alpha(c) || is_digit(c);
}

static bool is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int to_lower(int c)
{
	return is_upper(c) ? c - 'A' + 'a' : c;
}

static bool equal_ci(const char *a, size_t alen, const char *b)
{
	size_t i;

	if (alen != strlen(b))
		return false;
	for (i = 0; i < alen; i++)
		if (to_lower(byte_at(a, i)) != to_lower(byte_at(b, i)))
			return false;
	return true;
}

static bool prefix_ci(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && equal_ci(s, n, prefix);
}

static void put_lower(or_buf *out, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		or_buf_putc(out, to_lower(byte_at(s, i)));
}

/* A value quoted in a reason: at most SHOWN_MAX bytes, then "...". */
static void put_shown(or_buf *out, const char *s, size_t len)
{
	if (len > SHOWN_MAX)
		or_buf_printf(out, "%.*s...", SHOWN_MAX, s);
	else
		or_buf_put(out, s, len);
}

/* A byte named in a reason: 'c' when printable ASCII, else its hex value. */
static void put_byte(or_buf *out, int c)
{
	if (c > 0x20 && c < 0x7f)
		or_buf_printf(out, "'%c'", c);
	else if (c == ' ')
		or_buf_puts(out, "a space");
	else
		or_buf_printf(out, "byte 0x%02x", (unsigned)c);
}

static const char *trim(const char *s, size_t *len)
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

const char *or_contact_kind_name(or_contact_kind kind)
{
	switch (kind) {
	case OR_CONTACT_PHONE:
		return "phone";
	case OR_CONTACT_EMAIL:
		return "email";
	case OR_CONTACT_URL:
		return "url";
	case OR_CONTACT_CHANNEL:
		return "channel";
	case OR_CONTACT_TEXT:
		break;
	}
	return "text";
}

/* ---- host names ---- */

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

static bool is_known_tld(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(known_tlds) / sizeof(known_tlds[0]); i++)
		if (equal_ci(s, len, known_tlds[i]))
			return true;
	return false;
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
static int host_check(const char *s, size_t len, bool allow_ip, const char *what, or_buf *reason)
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
			for (k = 0; k < llen; k++)
				if (!is_alpha(byte_at(label, k)))
					break;
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

/* ---- phone numbers ---- */

/* ITU E.161 keypad: the digit a letter dials. */
static int keypad_digit(int c)
{
	static const char keys[] = "22233344455566677778889999";

	c = to_lower(c);
	return is_lower(c) ? keys[c - 'a'] : c;
}

/*
 * Length of an E.164 country code at the start of `digits`: 1 for 1 and 7,
 * 2 for the codes of zones 2-9 that have two digits, else 3.
 */
static size_t country_code_len(const char *digits, size_t n)
{
	static const char *const two[] = {
		"20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44",
		"45", "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58",
		"60", "61", "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91",
		"92", "93", "94", "95", "98",
	};
	size_t i;

	if (n == 0)
		return 0;
	if (digits[0] == '1' || digits[0] == '7')
		return 1;
	if (n < 2)
		return n;
	for (i = 0; i < sizeof(two) / sizeof(two[0]); i++)
		if (digits[0] == two[i][0] && digits[1] == two[i][1])
			return 2;
	return n < 3 ? n : 3;
}

/* "ext", "extension" or "x" (any case) at p, not followed by a letter. */
static size_t extension_marker(const char *s, size_t n, size_t p)
{
	static const char *const markers[] = { "extension", "ext", "x" };
	size_t i;

	for (i = 0; i < sizeof(markers) / sizeof(markers[0]); i++) {
		size_t m = strlen(markers[i]);

		if (n - p >= m && equal_ci(s + p, m, markers[i]) &&
		    (p + m == n || !is_alpha(byte_at(s, p + m))))
			return m;
	}
	return 0;
}

/*
 * An extension after a number ending at p: [','] [spaces] marker ['.'] [':']
 * [spaces] 1-7 digits, not followed by a letter or digit. Its length, or 0.
 * The digits start at *digits_at.
 */
static size_t extension_len(const char *s, size_t n, size_t p, size_t *digits_at)
{
	size_t q = p, m, d;

	if (q < n && s[q] == ',')
		q++;
	while (q < n && s[q] == ' ' && q - p < 4)
		q++;
	if (q >= n || (q > 0 && q == p && is_alpha(byte_at(s, q - 1))))
		return 0;
	m = extension_marker(s, n, q);
	if (m == 0)
		return 0;
	q += m;
	if (q < n && s[q] == '.')
		q++;
	if (q < n && s[q] == ':')
		q++;
	while (q < n && s[q] == ' ' && q - p < 16)
		q++;
	d = q;
	while (q < n && is_digit(byte_at(s, q)) && q - d <= EXTENSION_MAX_DIGITS)
		q++;
	if (q == d || q - d > EXTENSION_MAX_DIGITS || (q < n && is_alnum(byte_at(s, q))))
		return 0;
	if (digits_at)
		*digits_at = d;
	return q - p;
}

typedef struct phone_number {
	or_buf digits;          /* dialled digits, vanity letters mapped, "(0)" dropped */
	or_buf ext;             /* extension digits */
	bool plus;
	bool letters;
	size_t first_group;     /* digits before the first separator */
	const char *text;       /* the trimmed value */
	size_t text_len;
} phone_number;

static void phone_dispose(phone_number *ph)
{
	or_buf_dispose(&ph->digits);
	or_buf_dispose(&ph->ext);
}

/*
 * Read a phone number as written. Returns 0, or -1 with a reason when it is
 * not one (characters out of place); the digits read so far are kept.
 */
static int phone_parse(phone_number *ph, const char *value, size_t len, or_buf *reason)
{
	const char *s;
	size_t n = len, p = 0, paren_at = 0, ext_at = 0, e;
	bool in_paren = false, group_open = true;

	s = trim(value, &n);
	if (prefix_ci(s, n, "tel:")) {
		s += 4;
		n -= 4;
	}
	ph->text = s;
	ph->text_len = n;
	if (n > 0 && s[0] == '+') {
		ph->plus = true;
		p = 1;
	}
	for (; p < n; p++) {
		int c = byte_at(s, p);

		if (is_digit(c)) {
			or_buf_putc(&ph->digits, c);
			if (group_open)
				ph->first_group++;
			continue;
		}
		if ((is_alpha(c) || c == ',') && ph->digits.size > 0 && !in_paren &&
		    (c == ',' || !is_alpha(byte_at(s, p - 1))) &&
		    (e = extension_len(s, n, p, &ext_at)) > 0 && p + e == n) {
			or_buf_put(&ph->ext, s + ext_at, n - ext_at);
			break;
		}
		if (is_alpha(c) && ph->digits.size > 0 && !in_paren &&
		    (is_alnum(byte_at(s, p - 1)) || s[p - 1] == '-' || s[p - 1] == '.')) {
			/* vanity letters: "1-800-CLOUD-HELP", "1-800-4YOU" */
			or_buf_putc(&ph->digits, keypad_digit(c));
			ph->letters = true;
			continue;
		}
		if (ph->digits.size > 0)
			group_open = false;
		if (c == ' ' || c == '-' || c == '.' || c == '/')
			continue;
		if (c == '(' && !in_paren) {
			in_paren = true;
			paren_at = ph->digits.size;
			continue;
		}
		if (c == ')' && in_paren) {
			in_paren = false;
			/* "+44 (0)20 ...": the national trunk prefix is not dialled */
			if (ph->plus && paren_at > 0 && ph->digits.size == paren_at + 1 &&
			    ph->digits.ptr[paren_at] == '0')
				or_buf_truncate(&ph->digits, paren_at);
			continue;
		}
		if (reason) {
			if (ph->digits.size > 0 && is_alpha(c)) {
				or_buf_puts(reason, "the number is followed by text: '");
				put_shown(reason, s + p, n - p);
				or_buf_puts(reason, "'");
			} else if (ph->digits.size == 0 && is_alpha(c)) {
				or_buf_puts(reason, "'");
				put_shown(reason, s, n);
				or_buf_puts(reason, "' is not a phone number (it does not start with a digit)");
			} else if (c == '+') {
				or_buf_puts(reason, "'+' may only start the number");
			} else if (c == '(' || c == ')') {
				or_buf_printf(reason, "the parentheses in '%.*s' do not match",
					      (int)(n > SHOWN_MAX ? SHOWN_MAX : n), s);
			} else {
				or_buf_puts(reason, "a phone number cannot contain ");
				put_byte(reason, c);
			}
		}
		return -1;
	}
	if (in_paren) {
		if (reason)
			or_buf_puts(reason, "a parenthesis is not closed");
		return -1;
	}
	if (ph->digits.size == 0) {
		if (reason) {
			or_buf_puts(reason, "'");
			put_shown(reason, s, n);
			or_buf_puts(reason, "' is not a phone number (it has no digits)");
		}
		return -1;
	}
	return 0;
}

/* The dialled digits in a reason: "1 800 256 834357" for North American
 * numbers, at most SHOWN_MAX of them. */
static void put_dialled(or_buf *out, const phone_number *ph, bool nanp)
{
	const char *d = ph->digits.ptr;
	size_t n = ph->digits.size, shown = n > SHOWN_MAX ? SHOWN_MAX : n;

	if (ph->plus)
		or_buf_putc(out, '+');
	if (nanp && shown > 7) {
		or_buf_printf(out, "%.1s %.3s %.3s %.*s", d, d + 1, d + 4, (int)(shown - 7), d + 7);
	} else {
		or_buf_put(out, d, shown);
	}
	if (shown < n)
		or_buf_puts(out, "...");
}

/* " (1-800-CLOUD-HELP dials 1 800 256 834357)" when letters were mapped. */
static void put_vanity(or_buf *out, const phone_number *ph, bool nanp)
{
	if (!ph->letters)
		return;
	or_buf_puts(out, " (");
	put_shown(out, ph->text, ph->text_len);
	or_buf_puts(out, " dials ");
	put_dialled(out, ph, nanp);
	or_buf_puts(out, ")");
}

static bool code_allowed(const char *code, size_t len, const char *const *allowed,
			 size_t nallowed)
{
	size_t i;

	if (!allowed || nallowed == 0)
		return true;
	for (i = 0; i < nallowed; i++) {
		const char *a = allowed[i];

		if (!a)
			continue;
		if (a[0] == '+')
			a++;
		if (strlen(a) == len && memcmp(a, code, len) == 0)
			return true;
	}
	return false;
}

static void put_allowed(or_buf *out, const char *const *allowed, size_t nallowed)
{
	size_t i;
	const char *sep = "";

	for (i = 0; i < nallowed; i++) {
		if (!allowed[i])
			continue;
		or_buf_printf(out, "%s+%s", sep, allowed[i][0] == '+' ? allowed[i] + 1 : allowed[i]);
		sep = ", ";
	}
}

/* North American area codes and exchanges do not start with 0 or 1. */
static int nanp_check(const phone_number *ph, size_t at, or_buf *reason)
{
	const char *d = ph->digits.ptr + at;

	if (d[0] == '0' || d[0] == '1') {
		if (reason)
			or_buf_printf(reason, "the North American area code %.3s cannot start with %c",
				      d, d[0]);
		return -1;
	}
	if (d[3] == '0' || d[3] == '1') {
		if (reason)
			or_buf_printf(reason, "the North American exchange %.3s cannot start with %c",
				      d + 3, d[3]);
		return -1;
	}
	return 0;
}

int or_phone_check(const char *value, size_t len, const char *const *allowed_codes,
		   size_t nallowed, or_buf *normalized, or_buf *reason)
{
	phone_number ph = { OR_BUF_INIT, OR_BUF_INIT, false, false, 0, NULL, 0 };
	const char *d;
	size_t n, cc_len = 0;
	bool nanp;
	int rc = -1;

	if (phone_parse(&ph, value, len, reason) < 0)
		goto cleanup;
	d = ph.digits.ptr;
	n = ph.digits.size;
	if (ph.plus) {
		if (d[0] == '0') {
			if (reason)
				or_buf_puts(reason, "no country code starts with 0 (drop the '+' "
						    "for a national number)");
			goto cleanup;
		}
		if (n > PHONE_MAX_DIGITS) {
			if (reason) {
				or_buf_printf(reason, "an international number has at most %d digits; "
						      "this has %zu", PHONE_MAX_DIGITS, n);
				put_vanity(reason, &ph, false);
			}
			goto cleanup;
		}
		cc_len = country_code_len(d, n);
		nanp = d[0] == '1';
		if (nanp && n - 1 != 10) {
			if (reason) {
				or_buf_printf(reason, "+1 numbers have 10 digits after the country code; "
						      "this has %zu", n - 1);
				put_vanity(reason, &ph, true);
			}
			goto cleanup;
		}
		if (n < PHONE_MIN_INTERNATIONAL) {
			if (reason) {
				or_buf_printf(reason, "an international number has at least %d digits "
						      "with the country code; this has %zu",
					      PHONE_MIN_INTERNATIONAL, n);
				put_vanity(reason, &ph, false);
			}
			goto cleanup;
		}
		if (nanp && nanp_check(&ph, 1, reason) < 0)
			goto cleanup;
	} else {
		/* "1-800-...": a North American number with its leading 1 */
		nanp = d[0] == '1' && (ph.first_group == 1 || n == NANP_DIGITS);
		if (nanp) {
			cc_len = 1;
			if (n != NANP_DIGITS) {
				if (reason) {
					or_buf_printf(reason, "a North American number has %d digits with "
							      "the leading 1; this has %zu", NANP_DIGITS, n);
					put_vanity(reason, &ph, true);
				}
				goto cleanup;
			}
			if (nanp_check(&ph, 1, reason) < 0)
				goto cleanup;
		} else if (n < PHONE_MIN_NATIONAL || n > PHONE_MAX_DIGITS) {
			if (reason) {
				or_buf_printf(reason, "a phone number has %d to %d digits; this has %zu",
					      PHONE_MIN_NATIONAL, PHONE_MAX_DIGITS, n);
				put_vanity(reason, &ph, false);
			}
			goto cleanup;
		}
	}
	if (cc_len > 0 && !code_allowed(d, cc_len, allowed_codes, nallowed)) {
		if (reason) {
			or_buf_printf(reason, "the country code +%.*s is not allowed (allowed: ",
				      (int)cc_len, d);
			put_allowed(reason, allowed_codes, nallowed);
			or_buf_puts(reason, ")");
		}
		goto cleanup;
	}
	if (normalized) {
		if (cc_len > 0)
			or_buf_putc(normalized, '+');
		or_buf_put(normalized, d, n);
		if (ph.ext.size > 0) {
			or_buf_puts(normalized, ";ext=");
			or_buf_put(normalized, ph.ext.ptr, ph.ext.size);
		}
	}
	rc = 0;
cleanup:
	phone_dispose(&ph);
	return rc;
}

/* Digits of "555-0100" (separators dropped) into out; false when it has
 * anything but digits, spaces, '-', '.', '(' and ')'. */
static bool range_end(const char *s, size_t len, or_buf *out)
{
	size_t i;

	for (i = 0; i < len; i++) {
		int c = byte_at(s, i);

		if (is_digit(c))
			or_buf_putc(out, c);
		else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '+')
			return false;
	}
	return out->size > 0;
}

bool or_phone_in_range(const char *value, size_t len, const char *range)
{
	phone_number ph = { OR_BUF_INIT, OR_BUF_INIT, false, false, 0, NULL, 0 };
	or_buf lo = OR_BUF_INIT, hi = OR_BUF_INIT;
	const char *dots, *tail;
	bool in = false;

	if (!value || !range)
		return false;
	dots = strstr(range, "..");
	if (!dots)
		goto cleanup;
	if (!range_end(range, (size_t)(dots - range), &lo) ||
	    !range_end(dots + 2, strlen(dots + 2), &hi) || lo.size != hi.size)
		goto cleanup;
	phone_parse(&ph, value, len, NULL);
	if (ph.digits.size < lo.size)
		goto cleanup;
	tail = ph.digits.ptr + ph.digits.size - lo.size;
	in = memcmp(tail, lo.ptr, lo.size) >= 0 && memcmp(tail, hi.ptr, hi.size) <= 0;
cleanup:
	phone_dispose(&ph);
	or_buf_dispose(&lo);
	or_buf_dispose(&hi);
	return in;
}

/* ---- e-mail addresses ---- */

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
	if (host_check(domain, domain_len, false, "domain", reason) < 0)
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

/* ---- URLs ---- */

/* Length of "scheme" at the start of s when "scheme:" follows, else 0. */
static size_t scheme_len(const char *s, size_t n)
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
	size_t i, sl = scheme_len(s, n);

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
	sl = scheme_len(value, len);
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
	} else if (host_check(value + u.host, u.host_len, true, "host name", reason) < 0) {
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

/* ---- scanning a line ---- */

/* May a token start at i: the byte before is the start, white space, a
 * control byte, non-ASCII, or opening/markup punctuation. ',', ';' and ':'
 * count unless a digit precedes them ("09:00", "1,000"). */
static bool token_may_start(const char *s, size_t i)
{
	int c;

	if (i == 0)
		return true;
	c = byte_at(s, i - 1);
	if (c <= 0x20 || c >= 0x7f)
		return true;
	switch (c) {
	case '(': case '[': case '{': case '<': case '>': case '"': case '\'':
	case '*': case '`': case '|': case '=': case '!': case '?': case '~':
		return true;
	case ',': case ';': case ':':
		return i < 2 || !is_digit(byte_at(s, i - 2));
	default:
		return false;
	}
}

/* Bytes the scanner takes into an e-mail's local part (the usual ones; the
 * check accepts all of RFC 5321's). None of them is a boundary. */
static bool is_scan_local(int c)
{
	return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

static bool is_host_char(int c)
{
	return is_alnum(c) || c == '.' || c == '-';
}

/* Drop trailing '.' and '-' from [start, end). */
static size_t trim_host_end(const char *s, size_t start, size_t end)
{
	while (end > start && (s[end - 1] == '.' || s[end - 1] == '-'))
		end--;
	return end;
}

static size_t scan_email(const char *s, size_t n, size_t i)
{
	size_t p = i, at, end;

	while (p < n && is_scan_local(byte_at(s, p)))
		p++;
	if (p == i || p >= n || s[p] != '@')
		return 0;
	at = p++;
	while (p < n && is_host_char(byte_at(s, p)))
		p++;
	end = trim_host_end(s, at + 1, p);
	if (end == at + 1 || (p < n && s[p] == '@'))
		return 0;
	return end - i;
}

/*
 * The rest of a URL from p: up to white space, '<', '>', '"' or '`', or a
 * ')' or ']' that closes nothing; then trailing punctuation dropped.
 */
static size_t scan_url_rest(const char *s, size_t n, size_t p)
{
	size_t start = p, parens = 0, brackets = 0;

	for (; p < n; p++) {
		int c = byte_at(s, p);

		if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '`')
			break;
		if (c == '(')
			parens++;
		else if (c == '[')
			brackets++;
		else if (c == ')' && parens-- == 0)
			break;
		else if (c == ']' && brackets-- == 0)
			break;
	}
	while (p > start && strchr(".,;:!?'*_~", s[p - 1]) != NULL)
		p--;
	return p;
}

/* "scheme://..." of any scheme (the check refuses the ones not http). */
static size_t scan_scheme_url(const char *s, size_t n, size_t i)
{
	size_t sl = scheme_len(s + i, n - i);

	if (sl == 0 || n - i - sl < 3 || s[i + sl + 1] != '/' || s[i + sl + 2] != '/')
		return 0;
	return scan_url_rest(s, n, i + sl + 3) - i;
}

/* A bare host name with a known top-level domain ("status.example.com"),
 * an optional port and path. The TLD is lowercase unless the whole host is
 * upper case. */
static size_t scan_bare_host(const char *s, size_t n, size_t i)
{
	size_t p = i, end, tld, k, labels = 1;
	bool lower = false;

	while (p < n && is_host_char(byte_at(s, p)))
		p++;
	end = trim_host_end(s, i, p);
	if (p < n && (s[p] == '_' || s[p] == '@'))
		return 0;
	for (tld = end; tld > i && s[tld - 1] != '.'; tld--)
		;
	if (tld <= i + 1)
		return 0;
	for (k = i; k < end; k++) {
		int c = byte_at(s, k);

		if (c == '.') {
			if (k + 1 < end && s[k + 1] == '.')
				return 0;
			labels++;
		}
		lower = lower || is_lower(c);
	}
	for (k = tld; k < end; k++)
		if (!is_alpha(byte_at(s, k)) || (is_upper(byte_at(s, k)) && lower))
			return 0;
	if (labels < 2 || !is_known_tld(s + tld, end - tld))
		return 0;
	p = end;
	if (p + 1 < n && s[p] == ':' && is_digit(byte_at(s, p + 1))) {
		size_t q = p + 1;

		while (q < n && is_digit(byte_at(s, q)))
			q++;
		if (q == n || !is_alnum(byte_at(s, q)))
			p = q;
	}
	if (p < n && s[p] == '/')
		p = scan_url_rest(s, n, p);
	return p - i;
}

/* "#incidents" or "@ExampleStatus": at least one letter in the name. */
static size_t scan_channel(const char *s, size_t n, size_t i)
{
	size_t p = i + 1, end;
	bool letter = false;

	while (p < n) {
		int c = byte_at(s, p);

		if (!is_alnum(c) && c != '_' && c != '-' && !(c == '.' && s[i] == '@'))
			break;
		letter = letter || is_alpha(c);
		p++;
	}
	end = p;
	while (end > i + 1 && (s[end - 1] == '.' || s[end - 1] == '-'))
		end--;
	if (!letter || end == i + 1)
		return 0;
	if (p < n && (s[p] == '@' || s[p] == '#'))
		return 0;
	return end - i;
}

#define SHAPE_GROUPS 4

/* What a run of digit groups looks like, to tell a phone from a date, an
 * IPv4 address or an amount. */
typedef struct phone_shape {
	size_t digits;                  /* digits and vanity letters */
	size_t groups;
	size_t len[SHAPE_GROUPS];       /* digits of the first groups */
	unsigned value[SHAPE_GROUPS];   /* their values (groups of 1-3 digits) */
	char sep[SHAPE_GROUPS];         /* separator before each (0: none) */
	bool plain[SHAPE_GROUPS];       /* digits only, no parentheses */
	char first_sep;
	bool same_sep;
	bool thousands;                 /* 1-3 digits, then groups of exactly 3 */
	bool plus, paren, letters;
} phone_shape;

static bool is_phone_sep(int c)
{
	return c == ' ' || c == '-' || c == '.' || c == '/';
}

/*
 * One group at p: "(415)", "555", or after '-' a vanity group of capitals
 * and digits ("CLOUD", "4YOU"). Its length in bytes, 0 when none.
 */
static size_t scan_group(const char *s, size_t n, size_t p, bool vanity_ok, size_t *count,
			 bool *paren, bool *letters)
{
	size_t q = p;

	*count = 0;
	*paren = *letters = false;
	if (p >= n)
		return 0;
	if (s[p] == '(') {
		for (q = p + 1; q < n && is_digit(byte_at(s, q)); q++)
			;
		if (q == p + 1 || q >= n || s[q] != ')')
			return 0;
		*count = q - p - 1;
		*paren = true;
		return q + 1 - p;
	}
	if (vanity_ok) {
		size_t upper = 0, lower = 0;

		for (; q < n && is_alnum(byte_at(s, q)); q++) {
			upper += is_upper(byte_at(s, q));
			lower += is_lower(byte_at(s, q));
		}
		if (upper > 0 && lower == 0 && q - p >= 2) {
			*count = q - p;
			*letters = true;
			return q - p;
		}
		q = p;
	}
	while (q < n && is_digit(byte_at(s, q)))
		q++;
	*count = q - p;
	return q - p;
}

static void shape_add(phone_shape *sh, const char *s, size_t at, size_t count, bool paren,
		      bool letters, char sep)
{
	size_t g = sh->groups++, k;

	sh->digits += count;
	sh->paren = sh->paren || paren;
	sh->letters = sh->letters || letters;
	if (g == 0) {
		sh->same_sep = true;
		sh->thousands = !paren && count <= 3;
	} else {
		if (g == 1)
			sh->first_sep = sep;
		else if (sep != sh->first_sep)
			sh->same_sep = false;
		if (paren || letters || count != 3)
			sh->thousands = false;
	}
	if (g < SHAPE_GROUPS) {
		sh->len[g] = count;
		sh->sep[g] = sep;
		sh->plain[g] = !paren && !letters;
		sh->value[g] = 0;
		if (!paren && !letters && count <= 3)
			for (k = 0; k < count; k++)
				sh->value[g] = sh->value[g] * 10 + (unsigned)(byte_at(s, at + k) - '0');
		else
			sh->value[g] = 1000;
	}
}

/* 2026-10-01, 2026/10/01, 01.10.2026: three plain groups, one separator. */
static bool shape_is_date(const phone_shape *sh)
{
	size_t a = sh->len[0], b = sh->len[1], c = sh->len[2];
	char sep = sh->sep[1];

	if (sh->groups < 3 || sh->plus || !sh->plain[0] || !sh->plain[1] || !sh->plain[2] ||
	    sep != sh->sep[2] || (sep != '-' && sep != '/' && sep != '.'))
		return false;
	if (b < 1 || b > 2)
		return false;
	return (a == 4 && c >= 1 && c <= 2) || (a >= 1 && a <= 2 && c == 4);
}

static bool shape_is_ipv4(const phone_shape *sh)
{
	size_t g;

	if (sh->groups != 4 || sh->plus || sh->paren || sh->letters || !sh->same_sep ||
	    sh->first_sep != '.')
		return false;
	for (g = 0; g < 4; g++)
		if (sh->len[g] == 0 || sh->len[g] > 3 || sh->value[g] > 255)
			return false;
	return true;
}

/*
 * A phone number at i: its length (with an extension), or 0. *skip is set
 * to where scanning may resume when it is not one, so that the digits of a
 * date or an amount are not tried again.
 */
static size_t scan_phone(const char *s, size_t n, size_t i, size_t *skip)
{
	phone_shape sh;
	size_t p = i, q, len, count, ext;
	bool paren, letters, last_paren, punct_sep = false;
	int c;

	memset(&sh, 0, sizeof(sh));
	*skip = i + 1;
	if (s[p] == '+') {
		sh.plus = true;
		p++;
	}
	len = scan_group(s, n, p, false, &count, &paren, &letters);
	if (len == 0)
		return 0;
	shape_add(&sh, s, paren ? p + 1 : p, count, paren, letters, 0);
	p += len;
	last_paren = paren;
	for (;;) {
		char sep = 0;

		q = p;
		if (q < n && is_phone_sep(byte_at(s, q)))
			sep = s[q++];
		else if (!last_paren)
			break;
		/* "555-0150 555-0199", "5550123 5550124": a space after a number
		 * written with '-', '.' or '/', or after a group that is a number
		 * by itself, starts the next one */
		if (sep == ' ' && (punct_sep || count >= PHONE_MIN_NATIONAL))
			break;
		if (sep != 0 && sep != ' ')
			punct_sep = true;
		len = scan_group(s, n, q, sep == '-' && sh.digits > 0, &count, &paren, &letters);
		if (len == 0)
			break;
		shape_add(&sh, s, paren ? q + 1 : q, count, paren, letters, sep);
		p = q + len;
		last_paren = paren;
	}
	*skip = p;
	ext = extension_len(s, n, p, NULL);
	if (ext == 0 && p < n) {
		c = byte_at(s, p);
		if (is_alnum(c) || c == '_' || c == '%' || c == '@')
			return 0;
		if ((c == ':' || c == ',' || c == '.') && p + 1 < n && is_digit(byte_at(s, p + 1)))
			return 0;
	}
	if (sh.digits < PHONE_MIN_NATIONAL || shape_is_date(&sh) || shape_is_ipv4(&sh))
		return 0;
	if (!sh.plus && sh.thousands && sh.same_sep && sh.groups >= 3 &&
	    (sh.first_sep == ' ' || sh.first_sep == '.'))
		return 0;
	return p + ext - i;
}

static void emit(or_contact_token *out, size_t max, size_t *count, or_contact_kind kind,
		 size_t offset, size_t length)
{
	if (out && *count < max) {
		out[*count].kind = kind;
		out[*count].offset = offset;
		out[*count].length = length;
	}
	(*count)++;
}

size_t or_contact_scan(const char *text, size_t len, or_contact_token *out, size_t max)
{
	size_t i = 0, count = 0;

	if (!text)
		return 0;
	while (i < len) {
		int c = byte_at(text, i);
		size_t tok = 0, skip = i + 1;
		or_contact_kind kind = OR_CONTACT_TEXT;

		if (!token_may_start(text, i) || c <= 0x20 || c >= 0x7f) {
			i++;
			continue;
		}
		if (c == '#' || c == '@') {
			tok = scan_channel(text, len, i);
			kind = OR_CONTACT_CHANNEL;
		} else {
			if (is_scan_local(c) && (tok = scan_email(text, len, i)) > 0)
				kind = OR_CONTACT_EMAIL;
			if (!tok && is_alpha(c) && (tok = scan_scheme_url(text, len, i)) > 0)
				kind = OR_CONTACT_URL;
			if (!tok && (is_digit(c) || c == '+' || c == '(') &&
			    (tok = scan_phone(text, len, i, &skip)) > 0)
				kind = OR_CONTACT_PHONE;
			if (!tok && is_alnum(c) && (tok = scan_bare_host(text, len, i)) > 0)
				kind = OR_CONTACT_URL;
		}
		if (tok > 0) {
			emit(out, max, &count, kind, i, tok);
			i += tok;
		} else {
			i = skip > i ? skip : i + 1;
		}
	}
	return count;
}
