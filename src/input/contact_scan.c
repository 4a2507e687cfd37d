/*
 * Scanning a line of text for contact values (phones, e-mail addresses,
 * URLs, chat channels and handles), and the names of their kinds.
 *
 * The scanner is linear: every matcher starts only where the previous byte
 * is a boundary, and what a matcher reads is made of bytes that are not
 * boundaries (or it is emitted, or skipped over as a whole), so no byte is
 * read by more than a bounded number of attempts.
 */
#include "input/contact.h"

#include <string.h>

#include "input/contact_ascii.h"
#include "input/contact_internal.h"

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

/* Length of a byte or UTF-8 letter of an e-mail's local part at p (0: none). */
static size_t local_char_len(const char *s, size_t n, size_t p)
{
	return is_scan_local(byte_at(s, p)) ? 1 : or_utf8_letter_len(s, n, p);
}

/* Length of a byte or UTF-8 letter of an e-mail's domain at p (0: none). */
static size_t domain_char_len(const char *s, size_t n, size_t p)
{
	return is_host_char(byte_at(s, p)) ? 1 : or_utf8_letter_len(s, n, p);
}

/*
 * An e-mail address at i: a local part, '@' and a domain, any of them with
 * UTF-8 letters ("müller@bücher.de"). A run with more than one '@' between
 * them ("security@@acme-ops", "a@b@c") is taken whole, for the check to
 * refuse: where a contact belongs, a malformed address is not skipped.
 * *stop is set to where a failed attempt ends: the end of the local part,
 * or the end of the whole run when the domain fails.
 */
static size_t scan_email(const char *s, size_t n, size_t i, size_t *stop)
{
	size_t p = i, at, end, k;

	while (p < n && (k = local_char_len(s, n, p)) > 0)
		p += k;
	*stop = p;
	if (p == i || p >= n || s[p] != '@')
		return 0;
	at = p++;
	for (;;) {
		while (p < n && (k = domain_char_len(s, n, p)) > 0)
			p += k;
		if (p < n && s[p] == '@' && p + 1 < n) {
			p++;
			continue;
		}
		break;
	}
	end = trim_host_end(s, at + 1, p);
	if (end == at + 1 || s[end - 1] == '@') {
		/* any start up to p reaches the same p and fails the same way:
		 * skip them all, so a long run costs one pass, not one per byte */
		*stop = p;
		return 0;
	}
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
	size_t sl = or_url_scheme_len(s + i, n - i);

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
	if (labels < 2 || !or_host_known_tld(s + tld, end - tld))
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
	ext = or_phone_extension_len(s, n, p, NULL);
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
	size_t i = 0, count = 0, no_email_before = 0;

	if (!text)
		return 0;
	while (i < len) {
		int c = byte_at(text, i);
		size_t tok = 0, skip = i + 1, stop = i + 1;
		or_contact_kind kind = OR_CONTACT_TEXT;

		if (!token_may_start(text, i) || c <= 0x20 || c == 0x7f) {
			i++;
			continue;
		}
		if (c >= 0x80) {
			/* only an internationalised address starts at a non-ASCII byte */
			if (i >= no_email_before && or_utf8_letter_len(text, len, i) &&
			    (tok = scan_email(text, len, i, &stop)) > 0) {
				emit(out, max, &count, OR_CONTACT_EMAIL, i, tok);
				i += tok;
				continue;
			}
			if (i >= no_email_before)
				no_email_before = stop;
			i++;
			continue;
		}
		if (c == '#' || c == '@') {
			tok = scan_channel(text, len, i);
			kind = OR_CONTACT_CHANNEL;
		} else {
			/* a failed e-mail is not tried again inside the same local part
			 * (after a non-ASCII byte in it), so each byte is read a bounded
			 * number of times */
			if (is_scan_local(c) && i >= no_email_before) {
				if ((tok = scan_email(text, len, i, &stop)) > 0)
					kind = OR_CONTACT_EMAIL;
				else
					no_email_before = stop;
			}
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
