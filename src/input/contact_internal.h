/*
 * What the contact parsers (contact_*.c) share with each other and no one
 * else: the host-name check of e-mail domains and URL hosts, the top-level
 * domains a bare host name may end in, the scheme of a URL, and the
 * extension after a phone number. The public functions are in
 * input/contact.h.
 */
#ifndef OR_INPUT_CONTACT_INTERNAL_H
#define OR_INPUT_CONTACT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/* Fewer digits than this is not a phone number (a national form). */
#define PHONE_MIN_NATIONAL 7

/*
 * A host name: labels of letters, digits and '-' (not first or last), at
 * most 63 bytes each and 253 in all, at least two, the last of letters only;
 * or, when allow_ip, an IPv4 address. 0, or -1 with a reason naming the
 * host `what` ("domain", "host name") when `reason` is not NULL.
 */
int or_host_check(const char *s, size_t len, bool allow_ip, const char *what, or_buf *reason);

/* True when s is one of the top-level domains that make a bare "a.b" in
 * prose a host name (any case). */
bool or_host_known_tld(const char *s, size_t len);

/*
 * Length of the UTF-8 letter at s[p] (2 to 4 bytes) when s[p] starts a
 * well-formed sequence of a code point that may be part of an
 * internationalised address (U+00C0 and up, without the punctuation and
 * symbol blocks: general punctuation, arrows, math, box drawing, CJK and
 * full-width punctuation, the multiplication and division signs); else 0.
 * "müller@bücher.de" is one address; an em dash still separates tokens.
 */
size_t or_utf8_letter_len(const char *s, size_t n, size_t p);

/* Length of "scheme" at the start of s when "scheme:" follows, else 0. */
size_t or_url_scheme_len(const char *s, size_t n);

/*
 * An extension after a number ending at p: [','] [spaces] marker ['.'] [':']
 * [spaces] 1-7 digits, not followed by a letter or digit. Its length, or 0.
 * The digits start at *digits_at (when not NULL).
 */
size_t or_phone_extension_len(const char *s, size_t n, size_t p, size_t *digits_at);

#endif
