/*
 * Phone numbers: reading one as written (vanity letters, extensions, a
 * national trunk prefix), whether it can be dialled, and whether it is in
 * a range of fictional numbers.
 */
#include "input/contact.h"

#include <string.h>

#include "input/contact_ascii.h"
#include "input/contact_internal.h"

#define PHONE_MIN_INTERNATIONAL 8
#define PHONE_MAX_DIGITS 15
#define NANP_DIGITS 11
#define EXTENSION_MAX_DIGITS 7

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
size_t or_phone_extension_len(const char *s, size_t n, size_t p, size_t *digits_at)
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
		    (e = or_phone_extension_len(s, n, p, &ext_at)) > 0 && p + e == n) {
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
