/*
 * libFuzzer harness: contact values. The bytes are one line of a contacts
 * section: or_contact_scan finds the tokens, and each token goes to the
 * validator of its kind (with and without a list of allowed country codes),
 * to or_contact_host and or_domain_reserved, and phones to
 * or_phone_in_range. The whole line also goes to every validator.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "util/buf.h"
#include "input/contact.h"

#define MAX_TOKENS 64

static const char *const allowed_codes[] = { "1", "44", "353" };
static const char *const reserved_domains[] = { "example.com", "example.org", ".test",
						".invalid", "localhost" };

/* 0 with a normalised value, or -1 with a reason; never both empty. */
static void require_verdict(int rc, const or_buf *normalized, const or_buf *reason)
{
	require(rc == 0 || rc == -1);
	if (rc != 0)
		require(reason->size > 0);
}

static void check_value(or_contact_kind kind, const char *value, size_t len, bool with_codes)
{
	or_buf normalized = OR_BUF_INIT, reason = OR_BUF_INIT;
	const char *host;
	size_t host_len = 0;
	int rc = 0;

	switch (kind) {
	case OR_CONTACT_PHONE:
		rc = or_phone_check(value, len, with_codes ? allowed_codes : NULL,
				    with_codes ? sizeof(allowed_codes) / sizeof(allowed_codes[0]) : 0,
				    &normalized, &reason);
		(void)or_phone_in_range(value, len, "555-0100..555-0199");
		break;
	case OR_CONTACT_EMAIL:
		rc = or_email_check(value, len, &normalized, &reason);
		break;
	case OR_CONTACT_URL:
		rc = or_url_check(value, len, &normalized, &reason);
		break;
	default:
		break;
	}
	require_verdict(rc, &normalized, &reason);
	host = or_contact_host(kind, value, len, &host_len);
	if (host) {
		require(host >= value && host_len <= len && (size_t)(host - value) <= len - host_len);
		(void)or_domain_reserved(host, host_len, reserved_domains,
					 sizeof(reserved_domains) / sizeof(reserved_domains[0]));
	}
	or_buf_dispose(&normalized);
	or_buf_dispose(&reason);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	or_contact_token tokens[MAX_TOKENS];
	bool with_codes = (size & 1) != 0;
	size_t n, i, end = 0;

	n = or_contact_scan(text, size, tokens, MAX_TOKENS);
	require(or_contact_scan(text, size, NULL, 0) == n);
	for (i = 0; i < n && i < MAX_TOKENS; i++) {
		require(tokens[i].kind != OR_CONTACT_TEXT && tokens[i].length > 0);
		require(tokens[i].offset >= end && tokens[i].offset <= size &&
			tokens[i].length <= size - tokens[i].offset);
		end = tokens[i].offset + tokens[i].length;
		(void)or_contact_kind_name(tokens[i].kind);
		check_value(tokens[i].kind, text + tokens[i].offset, tokens[i].length, with_codes);
	}
	check_value(OR_CONTACT_PHONE, text, size, with_codes);
	check_value(OR_CONTACT_EMAIL, text, size, with_codes);
	check_value(OR_CONTACT_URL, text, size, with_codes);
	check_value(OR_CONTACT_CHANNEL, text, size, with_codes);
	return 0;
}
