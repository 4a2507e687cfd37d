/*
 * Contact values in text, and whether they can be used: phone numbers,
 * e-mail addresses, URLs and host names, chat channels and handles.
 * Pure functions over bytes; no I/O, no locale.
 */
#ifndef OR_INPUT_CONTACT_H
#define OR_INPUT_CONTACT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

typedef enum or_contact_kind {
	OR_CONTACT_PHONE = 0,   /* +1-555-0123, (020) 7946 0018, 1-800-CLOUD-HELP */
	OR_CONTACT_EMAIL,       /* security@example.com */
	OR_CONTACT_URL,         /* https://status.example.com, status.example.com */
	OR_CONTACT_CHANNEL,     /* #incidents (chat channel), @ExampleStatus (handle) */
	OR_CONTACT_TEXT         /* none of those: "Emergency hotline extension", "TBD" */
} or_contact_kind;

/* "phone", "email", "url", "channel", "text" (static). */
const char *or_contact_kind_name(or_contact_kind kind);

typedef struct or_contact_token {
	or_contact_kind kind;   /* never OR_CONTACT_TEXT */
	size_t offset;          /* byte offset in the scanned text */
	size_t length;
} or_contact_token;

/*
 * Find the contact values in one line of text, left to right, without
 * overlaps; returns how many (at most `max` are stored, the count is exact).
 *   "+1-555-0123"                      one phone
 *   "#incidents, #operations, #oncall" three channels
 *   "security@example.com"             one e-mail (not a URL, not a handle)
 *   "müller@bücher.de"                 one e-mail (UTF-8 letters, not an em dash)
 *   "security@@acme-ops"               one e-mail, malformed: taken whole for
 *                                      or_email_check to refuse
 *   "status.example.com"               one URL (a bare host name with a dot and
 *                                      a known-looking top-level domain of letters)
 *   "1-800-CLOUD-HELP"                 one phone (letters after a digit group:
 *                                      a vanity number)
 *   "(verified 2026-10-01)"            nothing: dates, versions (v1.2.3), times
 *                                      and plain numbers under 7 digits are not phones
 * A phone is a run of digits with optional +, spaces, '-', '.', '/', and
 * parentheses holding at least 7 digits (vanity letters count as digits).
 */
size_t or_contact_scan(const char *text, size_t len, or_contact_token *out, size_t max);

/*
 * Check that a phone number can be dialled as written. Returns 0 and the
 * normalised number in `normalized` ("+15550123"-style E.164 when it has a
 * country code, else the national digits), or -1 and a reason a person can
 * act on in `reason` ("+1 numbers have 10 digits after the country code; this
 * has 7"). Rules: with '+', 8 to 15 digits in all, and for +1 exactly 10
 * after it; without '+', 7 to 15 digits (a national form); vanity letters are
 * mapped to digits as on a phone keypad (ITU E.161) and count toward the
 * length; a number whose country code is not in `allowed_codes` (digits, e.g.
 * "1", "44"; none given: any) is refused; an extension (x123, ext. 123) is
 * allowed after the number.
 */
int or_phone_check(const char *value, size_t len, const char *const *allowed_codes,
		   size_t nallowed, or_buf *normalized, or_buf *reason);

/* 0 when `value` is an e-mail address (RFC 5321 limits: local part of at most
 * 64 of the usual characters, no leading, trailing or double dot; a domain
 * of at least two labels, letters-only top-level domain; UTF-8 letters are
 * letters there, RFC 6531: "müller@bücher.de"); else -1 and a reason
 * ("the address has more than one '@'"). `normalized` gets it with the
 * domain's ASCII letters lowercased. */
int or_email_check(const char *value, size_t len, or_buf *normalized, or_buf *reason);

/* 0 when `value` is an http(s) URL or a bare host name with a valid host
 * (labels of letters, digits and '-', not starting or ending with '-', a
 * letters-only top-level domain, or an IPv4 address), an optional port
 * (1-65535) and any path; else -1 and a reason. `normalized` gets it with
 * the scheme and host lowercased. */
int or_url_check(const char *value, size_t len, or_buf *normalized, or_buf *reason);

/* The host of an e-mail address or URL (borrowed slice of value): *len set.
 * NULL when there is none. */
const char *or_contact_host(or_contact_kind kind, const char *value, size_t len,
			    size_t *host_len);

/*
 * True when `host` is, or is under, one of `domains` (RFC 2606, RFC 6761:
 * a reserved name and every name under it are special): "example.com"
 * matches example.com and mail.example.com, not notexample.com; ".test"
 * (the leading dot is optional) matches the top-level domain itself ("test",
 * "test.") and every name under it. Trailing dots of the host and of an
 * entry are ignored; case-insensitive. The one definition of a reserved
 * domain: the contacts and the placeholder checks both ask it.
 */
bool or_domain_reserved(const char *host, size_t len, const char *const *domains, size_t n);

/* True when the phone's digits end in a number inside `range`, written
 * "555-0100..555-0199" (both ends the same number of digits; separators are
 * ignored): +1-555-0123 and (212) 555-0150 are in that range. */
bool or_phone_in_range(const char *value, size_t len, const char *range);

#endif
