#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "suites.h"
#include "util/arena.h"
#include "util/buf.h"
#include "input/contact.h"
#include "input/contacts.h"
#include "input/document.h"

#define MAX_TOKENS 16

/* One expected token: its kind and its text. */
typedef struct scan_want {
	or_contact_kind kind;
	const char *text;
} scan_want;

typedef struct scan_case {
	const char *line;
	size_t count;
	scan_want want[4];
} scan_case;

static void check_scan(const scan_case *c)
{
	or_contact_token tok[MAX_TOKENS];
	size_t n = or_contact_scan(c->line, strlen(c->line), tok, MAX_TOKENS), i;

	ck_assert_msg(n == c->count, "'%s': %zu tokens, want %zu", c->line, n, c->count);
	for (i = 0; i < n && i < 4; i++) {
		size_t wlen = strlen(c->want[i].text);

		ck_assert_msg(tok[i].kind == c->want[i].kind, "'%s' token %zu: %s, want %s",
			      c->line, i, or_contact_kind_name(tok[i].kind),
			      or_contact_kind_name(c->want[i].kind));
		ck_assert_msg(tok[i].length == wlen &&
				      memcmp(c->line + tok[i].offset, c->want[i].text, wlen) == 0,
			      "'%s' token %zu: '%.*s', want '%s'", c->line, i, (int)tok[i].length,
			      c->line + tok[i].offset, c->want[i].text);
	}
}

static int phone(const char *value, const char *const *codes, size_t ncodes, or_buf *norm,
		 or_buf *why)
{
	or_buf_clear(norm);
	or_buf_clear(why);
	return or_phone_check(value, strlen(value), codes, ncodes, norm, why);
}

static int email(const char *value, or_buf *norm, or_buf *why)
{
	or_buf_clear(norm);
	or_buf_clear(why);
	return or_email_check(value, strlen(value), norm, why);
}

static int url(const char *value, or_buf *norm, or_buf *why)
{
	or_buf_clear(norm);
	or_buf_clear(why);
	return or_url_check(value, strlen(value), norm, why);
}

START_TEST(test_kind_names)
{
	ck_assert_str_eq(or_contact_kind_name(OR_CONTACT_PHONE), "phone");
	ck_assert_str_eq(or_contact_kind_name(OR_CONTACT_EMAIL), "email");
	ck_assert_str_eq(or_contact_kind_name(OR_CONTACT_URL), "url");
	ck_assert_str_eq(or_contact_kind_name(OR_CONTACT_CHANNEL), "channel");
	ck_assert_str_eq(or_contact_kind_name(OR_CONTACT_TEXT), "text");
}
END_TEST

/* The seed runbook's "Contact Information" lines, one by one. */
START_TEST(test_scan_seed_lines)
{
	static const scan_case cases[] = {
		{ "- **Primary On-Call:** +1-555-0123", 1, { { OR_CONTACT_PHONE, "+1-555-0123" } } },
		{ "- **Secondary On-Call:** +1-555-0124", 1,
		  { { OR_CONTACT_PHONE, "+1-555-0124" } } },
		{ "- **Cloud Provider Support:** 1-800-CLOUD-HELP", 1,
		  { { OR_CONTACT_PHONE, "1-800-CLOUD-HELP" } } },
		{ "- **Database Support:** 1-800-DB-HELP", 1,
		  { { OR_CONTACT_PHONE, "1-800-DB-HELP" } } },
		{ "- **Security Team:** security@example.com", 1,
		  { { OR_CONTACT_EMAIL, "security@example.com" } } },
		{ "- **Slack:** #incidents, #operations, #oncall", 3,
		  { { OR_CONTACT_CHANNEL, "#incidents" },
		    { OR_CONTACT_CHANNEL, "#operations" },
		    { OR_CONTACT_CHANNEL, "#oncall" } } },
		{ "- **Email:** incidents@example.com", 1,
		  { { OR_CONTACT_EMAIL, "incidents@example.com" } } },
		{ "- **Phone:** Emergency hotline extension", 0, { { OR_CONTACT_TEXT, "" } } },
		{ "- **Customer Support:** support@example.com", 1,
		  { { OR_CONTACT_EMAIL, "support@example.com" } } },
		{ "- **Status Page:** status.example.com", 1,
		  { { OR_CONTACT_URL, "status.example.com" } } },
		{ "- **Social Media:** @ExampleStatus", 1,
		  { { OR_CONTACT_CHANNEL, "@ExampleStatus" } } },
		{ "#### Operations Team", 0, { { OR_CONTACT_TEXT, "" } } },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_scan(&cases[i]);
}
END_TEST

START_TEST(test_scan_phones)
{
	static const scan_case cases[] = {
		{ "+44 20 7946 0018", 1, { { OR_CONTACT_PHONE, "+44 20 7946 0018" } } },
		{ "call +1 (415) 555-2671.", 1, { { OR_CONTACT_PHONE, "+1 (415) 555-2671" } } },
		{ "020 7946 0018", 1, { { OR_CONTACT_PHONE, "020 7946 0018" } } },
		{ "+49 30 1234567;", 1, { { OR_CONTACT_PHONE, "+49 30 1234567" } } },
		{ "+1-202-555-0173 ext. 12, then", 1,
		  { { OR_CONTACT_PHONE, "+1-202-555-0173 ext. 12" } } },
		{ "555-0123 x12", 1, { { OR_CONTACT_PHONE, "555-0123 x12" } } },
		{ "+44 (0)20 7946 0018", 1, { { OR_CONTACT_PHONE, "+44 (0)20 7946 0018" } } },
		{ "(212) 555-0150)", 1, { { OR_CONTACT_PHONE, "(212) 555-0150" } } },
		{ "(call (212) 555-0150)", 1, { { OR_CONTACT_PHONE, "(212) 555-0150" } } },
		{ "tel:+12025550173", 1, { { OR_CONTACT_PHONE, "+12025550173" } } },
		{ "**Phone:**+1-555-0123", 1, { { OR_CONTACT_PHONE, "+1-555-0123" } } },
		{ "415.555.2671", 1, { { OR_CONTACT_PHONE, "415.555.2671" } } },
		/* neighbours stay apart */
		{ "555-0123 or 555-0124", 2,
		  { { OR_CONTACT_PHONE, "555-0123" }, { OR_CONTACT_PHONE, "555-0124" } } },
		{ "(212) 555-0150 5550123 555-0200", 3,
		  { { OR_CONTACT_PHONE, "(212) 555-0150" },
		    { OR_CONTACT_PHONE, "5550123" },
		    { OR_CONTACT_PHONE, "555-0200" } } },
		{ "+1 (415) 555-2671, +44 20 7946 0018", 2,
		  { { OR_CONTACT_PHONE, "+1 (415) 555-2671" },
		    { OR_CONTACT_PHONE, "+44 20 7946 0018" } } },
		{ "24/7 hotline: 555 0123", 1, { { OR_CONTACT_PHONE, "555 0123" } } },
		{ "(1234567", 1, { { OR_CONTACT_PHONE, "1234567" } } },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_scan(&cases[i]);
}
END_TEST

START_TEST(test_scan_not_phones)
{
	static const char *const lines[] = {
		"(verified 2026-10-01)",
		"2026/10/01",
		"01.10.2026",
		"10/01/2026",
		"2026-10-01T09:00Z",
		"09:00-17:00",
		"09:00 - 17:00 UTC",
		"v1.2.3",
		"1.2.3.4",
		"192.168.100.200",
		"release 10.15.7.123",
		"$1,000,000",
		"$1,234,567.89",
		"1 000 000 USD",
		"1.000.000 EUR",
		"\xe2\x82\xac" "1 000 000",
		"24/7",
		"Level 3",
		"ext. 4021",
		"99.95%",
		"12345678%",
		"0-15 minutes",
		"15-30 minutes",
		"Level 1: Support (0-15 minutes)",
		"ISBN1234567",
		"1234567abc",
		"call 123456",
		"+",
		"+ 1",
		"()",
	};
	size_t i;

	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		or_contact_token tok[MAX_TOKENS];
		size_t n = or_contact_scan(lines[i], strlen(lines[i]), tok, MAX_TOKENS);

		ck_assert_msg(n == 0, "'%s': %zu tokens, first '%.*s'", lines[i], n,
			      n ? (int)tok[0].length : 0, n ? lines[i] + tok[0].offset : "");
	}
}
END_TEST

START_TEST(test_scan_emails_urls_channels)
{
	static const scan_case cases[] = {
		{ "https://x.example/u@h", 1, { { OR_CONTACT_URL, "https://x.example/u@h" } } },
		{ "mailto:a@b.example", 1, { { OR_CONTACT_EMAIL, "a@b.example" } } },
		{ "[mail](mailto:ops@corp.example)", 1, { { OR_CONTACT_EMAIL, "ops@corp.example" } } },
		{ "see http://10.0.0.1:8080/x.", 1, { { OR_CONTACT_URL, "http://10.0.0.1:8080/x" } } },
		{ "(https://en.wikipedia.org/wiki/Foo_(bar)).", 1,
		  { { OR_CONTACT_URL, "https://en.wikipedia.org/wiki/Foo_(bar)" } } },
		{ "[status](https://status.example.com/)", 1,
		  { { OR_CONTACT_URL, "https://status.example.com/" } } },
		{ "<https://x.io>, **a@b.io**", 2,
		  { { OR_CONTACT_URL, "https://x.io" }, { OR_CONTACT_EMAIL, "a@b.io" } } },
		{ "ftp://x.io", 1, { { OR_CONTACT_URL, "ftp://x.io" } } },
		{ "http:///x", 1, { { OR_CONTACT_URL, "http:///x" } } },
		{ "Page: status.example.com/incidents.", 1,
		  { { OR_CONTACT_URL, "status.example.com/incidents" } } },
		{ "status.example.com:8443", 1, { { OR_CONTACT_URL, "status.example.com:8443" } } },
		{ "EXAMPLE.COM", 1, { { OR_CONTACT_URL, "EXAMPLE.COM" } } },
		{ "security@example.com.", 1, { { OR_CONTACT_EMAIL, "security@example.com" } } },
		{ "a+b@x.io (on call)", 1, { { OR_CONTACT_EMAIL, "a+b@x.io" } } },
		{ "a..b@x.io", 1, { { OR_CONTACT_EMAIL, "a..b@x.io" } } },
		{ "#ops-team. @user.name.", 2,
		  { { OR_CONTACT_CHANNEL, "#ops-team" }, { OR_CONTACT_CHANNEL, "@user.name" } } },
		/* not contacts */
		{ "README.md, e.g. scripts/run.sh and i.e. Node.js", 0, { { OR_CONTACT_TEXT, "" } } },
		{ "issue #1, C#, # heading", 0, { { OR_CONTACT_TEXT, "" } } },
		/* a malformed address is taken whole, for the check to refuse */
		{ "@@@ a@b@c", 1, { { OR_CONTACT_EMAIL, "a@b@c" } } },
		{ "@ alone, #", 0, { { OR_CONTACT_TEXT, "" } } },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_scan(&cases[i]);
}
END_TEST

START_TEST(test_scan_count_exact_beyond_max)
{
	const char *line = "#a, #b, #c, #d";
	or_contact_token tok[2];

	memset(tok, 0, sizeof(tok));
	ck_assert_uint_eq(or_contact_scan(line, strlen(line), tok, 2), 4);
	ck_assert_uint_eq(tok[1].offset, 4);
	ck_assert_uint_eq(or_contact_scan(line, strlen(line), NULL, 0), 4);
	/* only `len` bytes are read */
	ck_assert_uint_eq(or_contact_scan(line, 6, tok, 2), 2);
	ck_assert_uint_eq(tok[1].length, 2);
	ck_assert_uint_eq(or_contact_scan(NULL, 0, NULL, 0), 0);
}
END_TEST

/* A line of `n` copies of `unit`: scanned fast, tokens within bounds. */
static size_t scan_repeated(const char *unit, size_t n, size_t *max_end)
{
	size_t ulen = strlen(unit), len = ulen * n, i, count;
	char *line = malloc(len + 1);
	or_contact_token tok[MAX_TOKENS];

	ck_assert_ptr_nonnull(line);
	for (i = 0; i < n; i++)
		memcpy(line + i * ulen, unit, ulen);
	line[len] = '\0';
	count = or_contact_scan(line, len, tok, MAX_TOKENS);
	*max_end = 0;
	for (i = 0; i < count && i < MAX_TOKENS; i++)
		if (tok[i].offset + tok[i].length > *max_end)
			*max_end = tok[i].offset + tok[i].length;
	ck_assert_uint_le(*max_end, len);
	free(line);
	return count;
}

START_TEST(test_scan_hostile)
{
	static const char *const units[] = {
		"1", "1 ", "1-", "+", "@", "#", "@@@ ", "http://", "a.", "a@", "'a", "(1", "(",
		"1.", "x", "\xff", "\xc3(", "ext. ", "1-A", "a.b.", "http://(", "*a@b.io", "555-0123 ",
	};
	size_t i, max_end, count;
	clock_t start = clock();

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		scan_repeated(units[i], 200000 / strlen(units[i]), &max_end);
	/* 10,000 digits: one (invalid) phone, never a crash */
	count = scan_repeated("9", 10000, &max_end);
	ck_assert_uint_eq(count, 1);
	ck_assert_uint_eq(max_end, 10000);
	count = scan_repeated("#a ", 1000, &max_end);
	ck_assert_uint_eq(count, 1000);
	/* linear: 23 lines of 200 KB in well under a second even with sanitizers */
	ck_assert_msg((double)(clock() - start) / CLOCKS_PER_SEC < 5.0, "scan is too slow");
}
END_TEST

START_TEST(test_scan_invalid_utf8)
{
	static const char line[] = "\xff\xfe+1-555-0123\xc3 #ops\x80 a@b.io\xe2\x82";
	or_contact_token tok[MAX_TOKENS];
	size_t n = or_contact_scan(line, sizeof(line) - 1, tok, MAX_TOKENS);

	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(tok[0].kind, OR_CONTACT_PHONE);
	ck_assert_uint_eq(tok[0].offset, 2);
	ck_assert_uint_eq(tok[0].length, 11);
	ck_assert_int_eq(tok[1].kind, OR_CONTACT_CHANNEL);
	ck_assert_int_eq(tok[2].kind, OR_CONTACT_EMAIL);
}
END_TEST

START_TEST(test_phone_seed)
{
	or_buf norm = OR_BUF_INIT, why = OR_BUF_INIT;

	ck_assert_int_eq(phone("+1-555-0123", NULL, 0, &norm, &why), -1);
	ck_assert_str_eq(or_buf_cstr(&why),
			 "+1 numbers have 10 digits after the country code; this has 7");
	ck_assert_uint_eq(norm.size, 0);

	ck_assert_int_eq(phone("1-800-CLOUD-HELP", NULL, 0, &norm, &why), -1);
	ck_assert_msg(strstr(or_buf_cstr(&why), "1 800 256 834357") != NULL, "%s",
		      or_buf_cstr(&why));
	ck_assert_msg(strstr(or_buf_cstr(&why), "has 13") != NULL, "%s", or_buf_cstr(&why));
	ck_assert_msg(strstr(or_buf_cstr(&why), "11 digits with the leading 1") != NULL, "%s",
		      or_buf_cstr(&why));

	ck_assert_int_eq(phone("1-800-DB-HELP", NULL, 0, &norm, &why), -1);
	ck_assert_msg(strstr(or_buf_cstr(&why), "has 10") != NULL, "%s", or_buf_cstr(&why));
	ck_assert_msg(strstr(or_buf_cstr(&why), "dials 1 800 324 357") != NULL, "%s",
		      or_buf_cstr(&why));

	ck_assert_int_eq(phone("Emergency hotline extension", NULL, 0, &norm, &why), -1);
	ck_assert_msg(strstr(or_buf_cstr(&why), "not a phone number") != NULL, "%s",
		      or_buf_cstr(&why));
	or_buf_dispose(&norm);
	or_buf_dispose(&why);
}
END_TEST

START_TEST(test_phone_valid)
{
	static const struct {
		const char *in, *norm;
	} cases[] = {
		{ "+44 20 7946 0018", "+442079460018" },
		{ "+1 (415) 555-2671", "+14155552671" },
		{ "020 7946 0018", "02079460018" },
		{ "+49 30 1234567", "+49301234567" },
		{ "+1-202-555-0173 ext. 12", "+12025550173;ext=12" },
		{ "+1-202-555-0173 x12", "+12025550173;ext=12" },
		{ "+1-202-555-0173x12", "+12025550173;ext=12" },
		{ "+1-202-555-0173, Ext: 12", "+12025550173;ext=12" },
		{ "+1 202 555 0173 extension 4021", "+12025550173;ext=4021" },
		{ "+44 (0)20 7946 0018", "+442079460018" },
		{ "(212) 555-0150", "2125550150" },
		{ "5550123", "5550123" },
		{ "555.0123", "5550123" },
		{ "1-800-356-9377", "+18003569377" },
		{ "1-800-FLOWERS", "+18003569377" },
		/* every key of the E.161 keypad */
		{ "1-234-ADG-JMPT", "+12342345678" },
		{ "1-222-TUV-WXYZ", "+12228889999" },
		{ "1-800-pqrs-abc", "+18007777222" },
		{ "18003569377", "+18003569377" },
		{ "  tel:+12025550173 ", "+12025550173" },
		{ "+353 1 234 5678", "+35312345678" },
		{ "0049/30/1234567", "0049301234567" },
	};
	or_buf norm = OR_BUF_INIT, why = OR_BUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_msg(phone(cases[i].in, NULL, 0, &norm, &why) == 0, "'%s': %s",
			      cases[i].in, or_buf_cstr(&why));
		ck_assert_msg(strcmp(or_buf_cstr(&norm), cases[i].norm) == 0, "'%s' -> '%s', want '%s'",
			      cases[i].in, or_buf_cstr(&norm), cases[i].norm);
		ck_assert_uint_eq(why.size, 0);
	}
	or_buf_dispose(&norm);
	or_buf_dispose(&why);
}
END_TEST

START_TEST(test_phone_invalid)
{
	static const struct {
		const char *in, *reason;
	} cases[] = {
		{ "+1-555-0123", "this has 7" },
		{ "+1 415 555 26710", "this has 11" },
		{ "+44 20 79", "at least 8 digits" },
		{ "+44 20 7946 0018 1234 5", "at most 15" },
		{ "+0 20 7946 0018", "starts with 0" },
		{ "555-012", "this has 6" },
		{ "1234 5678 9012 3456", "this has 16" },
		{ "1-800-DB-HELP", "this has 10" },
		{ "+1 (015) 555-0173", "area code 015" },
		{ "+1 (212) 155-0173", "exchange 155" },
		{ "555-0123 +1", "'+' may only start" },
		{ "(212 555-0150", "not closed" },
		{ "212) 555-0150", "parentheses" },
		{ "555*0123", "'*'" },
		{ "", "no digits" },
		{ "+", "no digits" },
		{ "TBD", "not a phone number" },
		{ "+1-202-555-0173 ext.", "followed by text: 'ext.'" },
		{ "555-0123 call me", "followed by text" },
		{ "(212) TAXI-CAB", "followed by text" },
	};
	or_buf norm = OR_BUF_INIT, why = OR_BUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_msg(phone(cases[i].in, NULL, 0, &norm, &why) == -1, "'%s' accepted as %s",
			      cases[i].in, or_buf_cstr(&norm));
		ck_assert_msg(strstr(or_buf_cstr(&why), cases[i].reason) != NULL,
			      "'%s': reason '%s' lacks '%s'", cases[i].in, or_buf_cstr(&why),
			      cases[i].reason);
		ck_assert_uint_eq(norm.size, 0);
	}
	or_buf_dispose(&norm);
	or_buf_dispose(&why);
}
END_TEST

START_TEST(test_phone_hostile)
{
	or_buf norm = OR_BUF_INIT, why = OR_BUF_INIT;
	char *digits = malloc(10001);

	ck_assert_ptr_nonnull(digits);
	memset(digits, '7', 10000);
	digits[10000] = '\0';
	ck_assert_int_eq(phone(digits, NULL, 0, &norm, &why), -1);
	ck_assert_msg(strstr(or_buf_cstr(&why), "this has 10000") != NULL, "%s", or_buf_cstr(&why));
	ck_assert_uint_lt(why.size, 200);
	digits[0] = '+';
	ck_assert_int_eq(phone(digits, NULL, 0, &norm, &why), -1);
	ck_assert_uint_lt(why.size, 200);
	/* NULL buffers are allowed */
	ck_assert_int_eq(or_phone_check("+44 20 7946 0018", 16, NULL, 0, NULL, NULL), 0);
	ck_assert_int_eq(or_phone_check("\xff\xfe", 2, NULL, 0, NULL, NULL), -1);
	ck_assert_int_eq(phone("555\xc3\xa9" "0123", NULL, 0, &norm, &why), -1);
	ck_assert_msg(strstr(or_buf_cstr(&why), "byte 0xc3") != NULL, "%s", or_buf_cstr(&why));
	free(digits);
	or_buf_dispose(&norm);
	or_buf_dispose(&why);
}
END_TEST

START_TEST(test_phone_country_codes)
{
	static const char *const uk[] = { "44" };
	static const char *const uk_us[] = { "+44", "1" };
	or_buf norm = OR_BUF_INIT, why = OR_BUF_INIT;

	ck_assert_int_eq(phone("+44 20 7946 0018", uk, 1, &norm, &why), 0);
	ck_assert_int_eq(phone("+1 (415) 555-2671", uk, 1, &norm, &why), -1);
	ck_assert_str_eq(or_buf_cstr(&why), "the country code +1 is not allowed (allowed: +44)");
	/* a North American number written with its leading 1 has a country code too */
	ck_assert_int_eq(phone("1-800-356-9377", uk, 1, &norm, &why), -1);
	ck_assert_msg(strstr(or_buf_cstr(&why), "+1 is not allowed") != NULL, "%s",
		      or_buf_cstr(&why));
	/* +49 is two digits, +353 three: not mistaken for +4 or +35 */
	ck_assert_int_eq(phone("+49 30 1234567", uk, 1, &norm, &why), -1);
	ck_assert_msg(strstr(or_buf_cstr(&why), "+49 ") != NULL, "%s", or_buf_cstr(&why));
	ck_assert_int_eq(phone("+353 1 234 5678", uk, 1, &norm, &why), -1);
	ck_assert_msg(strstr(or_buf_cstr(&why), "+353 ") != NULL, "%s", or_buf_cstr(&why));
	/* several codes, with or without '+' */
	ck_assert_int_eq(phone("+1 (415) 555-2671", uk_us, 2, &norm, &why), 0);
	ck_assert_int_eq(phone("+44 20 7946 0018", uk_us, 2, &norm, &why), 0);
	ck_assert_int_eq(phone("+49 30 1234567", uk_us, 2, &norm, &why), -1);
	ck_assert_msg(strstr(or_buf_cstr(&why), "(allowed: +44, +1)") != NULL, "%s",
		      or_buf_cstr(&why));
	/* a national number has no country code to refuse */
	ck_assert_int_eq(phone("020 7946 0018", uk, 1, &norm, &why), 0);
	ck_assert_int_eq(phone("(212) 555-0150", uk, 1, &norm, &why), 0);
	/* an empty list allows every code */
	ck_assert_int_eq(phone("+49 30 1234567", uk, 0, &norm, &why), 0);
	or_buf_dispose(&norm);
	or_buf_dispose(&why);
}
END_TEST

START_TEST(test_phone_appends)
{
	or_buf norm = OR_BUF_INIT, why = OR_BUF_INIT;

	or_buf_puts(&norm, "n:");
	or_buf_puts(&why, "w:");
	ck_assert_int_eq(or_phone_check("+44 20 7946 0018 and more", 16, NULL, 0, &norm, &why), 0);
	ck_assert_str_eq(or_buf_cstr(&norm), "n:+442079460018");
	ck_assert_str_eq(or_buf_cstr(&why), "w:");
	or_buf_dispose(&norm);
	or_buf_dispose(&why);
}
END_TEST

START_TEST(test_phone_in_range)
{
	static const char *const range = "555-0100..555-0199";

	ck_assert(or_phone_in_range("+1-555-0123", 11, range));
	ck_assert(or_phone_in_range("(212) 555-0150", 14, range));
	ck_assert(or_phone_in_range("5550123", 7, range));
	ck_assert(or_phone_in_range("555-0100", 8, range));
	ck_assert(or_phone_in_range("555-0199", 8, range));
	ck_assert(or_phone_in_range("+1-202-555-0173 ext. 12", 23, range));
	ck_assert(!or_phone_in_range("555-0200", 8, range));
	ck_assert(!or_phone_in_range("555-0099", 8, range));
	ck_assert(!or_phone_in_range("+1 (415) 555-2671", 17, range));
	ck_assert(!or_phone_in_range("+44 20 7946 0018", 16, range));
	ck_assert(!or_phone_in_range("0123", 4, range));
	/* only `len` bytes */
	ck_assert(!or_phone_in_range("555-0123", 5, range));
	/* other ranges, bad ranges */
	ck_assert(or_phone_in_range("+44 20 7946 0018", 16, "7946 0000..7946 0999"));
	ck_assert(!or_phone_in_range("555-0123", 8, "555-0100..55-0199"));
	ck_assert(!or_phone_in_range("555-0123", 8, "555-0100"));
	ck_assert(!or_phone_in_range("555-0123", 8, "..555-0199"));
	ck_assert(!or_phone_in_range("555-0123", 8, "abc..def"));
	ck_assert(!or_phone_in_range("555-0123", 8, NULL));
	ck_assert(!or_phone_in_range("", 0, range));
}
END_TEST

START_TEST(test_email)
{
	static const struct {
		const char *in;
		int rc;
		const char *out; /* normalized, or a part of the reason */
	} cases[] = {
		{ "security@example.com", 0, "security@example.com" },
		{ "a+b@x.io", 0, "a+b@x.io" },
		{ "First.Last@Mail.EXAMPLE.org", 0, "First.Last@mail.example.org" },
		{ "mailto:ops@corp.example", 0, "ops@corp.example" },
		{ "o'brien_99-x@sub-d.example.co", 0, "o'brien_99-x@sub-d.example.co" },
		{ "a..b@x.io", -1, "two dots" },
		{ ".a@x.io", -1, "starts or ends with a dot" },
		{ "a.@x.io", -1, "starts or ends with a dot" },
		{ "a@-x.io", -1, "'-x' starts or ends with '-'" },
		{ "a@x-.io", -1, "starts or ends with '-'" },
		{ "a@x", -1, "no top-level domain" },
		{ "a@x.c0m", -1, "'c0m' is not two or more letters" },
		{ "a@x.c", -1, "not two or more letters" },
		{ "a@x..io", -1, "empty label" },
		{ "a@x.io.", -1, "empty label" },
		{ "a@x_y.io", -1, "'_'" },
		{ "a@1.2.3.4", -1, "not two or more letters" },
		{ "a@b@x.io", -1, "more than one '@'" },
		{ "ab.example.com", -1, "no '@'" },
		{ "@x.io", -1, "nothing before '@'" },
		{ "a@", -1, "no domain" },
		{ "a b@x.io", -1, "a space" },
		{ "\"a\"@x.io", -1, "'\"'" },
		{ "", -1, "no '@'" },
	};
	or_buf norm = OR_BUF_INIT, why = OR_BUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = email(cases[i].in, &norm, &why);

		ck_assert_msg(rc == cases[i].rc, "'%s': %d (%s)", cases[i].in, rc, or_buf_cstr(&why));
		if (rc == 0)
			ck_assert_msg(strcmp(or_buf_cstr(&norm), cases[i].out) == 0, "'%s' -> '%s'",
				      cases[i].in, or_buf_cstr(&norm));
		else
			ck_assert_msg(strstr(or_buf_cstr(&why), cases[i].out) != NULL &&
					      norm.size == 0,
				      "'%s': reason '%s' lacks '%s'", cases[i].in, or_buf_cstr(&why),
				      cases[i].out);
	}
	or_buf_dispose(&norm);
	or_buf_dispose(&why);
}
END_TEST

START_TEST(test_email_lengths)
{
	or_buf norm = OR_BUF_INIT, why = OR_BUF_INIT;
	char value[400];

	memset(value, 'a', 64);
	strcpy(value + 64, "@x.io");
	ck_assert_int_eq(email(value, &norm, &why), 0);
	memset(value, 'a', 65);
	strcpy(value + 65, "@x.io");
	ck_assert_int_eq(email(value, &norm, &why), -1);
	ck_assert_msg(strstr(or_buf_cstr(&why), "65 characters; at most 64") != NULL, "%s",
		      or_buf_cstr(&why));
	/* a 64-byte label is too long, 63 is fine */
	strcpy(value, "a@");
	memset(value + 2, 'b', 63);
	strcpy(value + 65, ".io");
	ck_assert_int_eq(email(value, &norm, &why), 0);
	memset(value + 2, 'b', 64);
	strcpy(value + 66, ".io");
	ck_assert_int_eq(email(value, &norm, &why), -1);
	/* 255 characters in all */
	strcpy(value, "a@");
	memset(value + 2, 'b', 60);
	value[62] = '.';
	memset(value + 63, 'c', 60);
	value[123] = '.';
	memset(value + 124, 'd', 60);
	value[184] = '.';
	memset(value + 185, 'e', 60);
	value[245] = '.';
	memset(value + 246, 'f', 9);
	value[255] = '\0';
	ck_assert_int_eq(email(value, &norm, &why), -1);
	ck_assert_msg(strstr(or_buf_cstr(&why), "at most 25") != NULL, "%s", or_buf_cstr(&why));
	or_buf_dispose(&norm);
	or_buf_dispose(&why);
}
END_TEST

START_TEST(test_url)
{
	static const struct {
		const char *in;
		int rc;
		const char *out;
	} cases[] = {
		{ "https://status.example.com", 0, "https://status.example.com" },
		{ "HTTP://Status.Example.COM/Path?Q=1#F", 0, "http://status.example.com/Path?Q=1#F" },
		{ "status.example.com", 0, "status.example.com" },
		{ "Status.Example.com/Incidents", 0, "status.example.com/Incidents" },
		{ "http://10.0.0.1:8080/x", 0, "http://10.0.0.1:8080/x" },
		{ "http://192.168.1.254", 0, "http://192.168.1.254" },
		{ "https://x.io:1", 0, "https://x.io:1" },
		{ "https://x.io:65535/", 0, "https://x.io:65535/" },
		{ "https://x.example/u@h", 0, "https://x.example/u@h" },
		{ "https://user@x.io/", 0, "https://user@x.io/" },
		{ "https://[2001:db8::1]:8443/", 0, "https://[2001:db8::1]:8443/" },
		{ "status.example.com:8443", 0, "status.example.com:8443" },
		{ "https://x.io:0", -1, "'0' is not a number from 1 to 65535" },
		{ "https://x.io:65536", -1, "'65536' is not a number from 1 to 65535" },
		{ "https://x.io:", -1, "port ''" },
		{ "https://x.io:80a/", -1, "port '80a'" },
		{ "http:///x", -1, "no host name" },
		{ "http://", -1, "no host name" },
		{ "ftp://x.io", -1, "only http and https" },
		{ "mailto:a@b.io", -1, "'mailto:' is not a web address" },
		{ "a@b.io", -1, "e-mail address" },
		{ "http://256.1.1.1", -1, "not a valid IPv4" },
		{ "http://1.2.3", -1, "not a valid IPv4" },
		{ "http://localhost:8080", -1, "no top-level domain" },
		{ "http://-x.io", -1, "starts or ends with '-'" },
		{ "http://x.c0m", -1, "not two or more letters" },
		{ "http://x_y.io", -1, "'_'" },
		{ "http://x.io/a b", -1, "a space" },
		{ "https://[2001:db8::1", -1, "not closed" },
		{ "", -1, "empty" },
	};
	or_buf norm = OR_BUF_INIT, why = OR_BUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = url(cases[i].in, &norm, &why);

		ck_assert_msg(rc == cases[i].rc, "'%s': %d (%s)", cases[i].in, rc, or_buf_cstr(&why));
		if (rc == 0)
			ck_assert_msg(strcmp(or_buf_cstr(&norm), cases[i].out) == 0, "'%s' -> '%s'",
				      cases[i].in, or_buf_cstr(&norm));
		else
			ck_assert_msg(strstr(or_buf_cstr(&why), cases[i].out) != NULL &&
					      norm.size == 0,
				      "'%s': reason '%s' lacks '%s'", cases[i].in, or_buf_cstr(&why),
				      cases[i].out);
	}
	or_buf_dispose(&norm);
	or_buf_dispose(&why);
}
END_TEST

static void check_host(or_contact_kind kind, const char *value, const char *want)
{
	size_t len = 99;
	const char *host = or_contact_host(kind, value, strlen(value), &len);

	if (!want) {
		ck_assert_msg(host == NULL && len == 0, "'%s': host '%.*s'", value, (int)len,
			      host ? host : "");
		return;
	}
	ck_assert_msg(host != NULL && len == strlen(want) && memcmp(host, want, len) == 0,
		      "'%s': host '%.*s', want '%s'", value, host ? (int)len : 0, host ? host : "",
		      want);
	ck_assert(host >= value && host + len <= value + strlen(value));
}

START_TEST(test_contact_host)
{
	check_host(OR_CONTACT_EMAIL, "security@example.com", "example.com");
	check_host(OR_CONTACT_EMAIL, "mailto:a@Mail.Example.org", "Mail.Example.org");
	check_host(OR_CONTACT_EMAIL, "no-at-sign", NULL);
	check_host(OR_CONTACT_EMAIL, "a@", NULL);
	check_host(OR_CONTACT_URL, "status.example.com", "status.example.com");
	check_host(OR_CONTACT_URL, "https://status.example.com/x", "status.example.com");
	check_host(OR_CONTACT_URL, "https://user@x.io:8443/p?q#f", "x.io");
	check_host(OR_CONTACT_URL, "x.test:80", "x.test");
	check_host(OR_CONTACT_URL, "https://x.example/u@h", "x.example");
	check_host(OR_CONTACT_URL, "https://[2001:db8::1]/", "2001:db8::1");
	check_host(OR_CONTACT_URL, "http:///x", NULL);
	check_host(OR_CONTACT_URL, "http://", NULL);
	check_host(OR_CONTACT_PHONE, "+1-555-0123", NULL);
	check_host(OR_CONTACT_CHANNEL, "#ops", NULL);
	ck_assert_ptr_null(or_contact_host(OR_CONTACT_URL, "", 0, NULL));
}
END_TEST

START_TEST(test_domain_reserved)
{
	static const char *const reserved[] = { "example.com", "example.org", ".test",
						"example", "invalid." };
	static const struct {
		const char *host;
		bool reserved;
	} cases[] = {
		{ "example.com", true },
		{ "sub.example.org", true },
		{ "mail.example.com", true },
		{ "x.test", true },
		{ "a.b.test", true },
		{ "EXAMPLE.COM", true },
		{ "Status.Example.Com", true },
		{ "example.com.", true },
		{ "corp.example", true },
		{ "x.invalid", true },
		{ "notexample.com", false },
		{ "example.com.au", false },
		{ "example.net", false },
		{ "testing.io", false },
		{ "x.test.io", false },
		{ "com", false },
		{ "", false },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_msg(or_domain_reserved(cases[i].host, strlen(cases[i].host), reserved, 5) ==
				      cases[i].reserved,
			      "'%s'", cases[i].host);
	/* only `len` bytes; no list, no match */
	ck_assert(or_domain_reserved("x.test.io", 6, reserved, 5));
	ck_assert(!or_domain_reserved("example.com", 11, reserved, 0));
	ck_assert(!or_domain_reserved("example.com", 11, NULL, 0));
}
END_TEST

/*
 * The one definition of a reserved domain (RFC 2606, RFC 6761), given the
 * reserved names as a rule pack lists them (the packs leave .localhost out
 * of the placeholder check: its names are the local machine, no example): a
 * reserved top-level domain (".test", written with or without its dot)
 * covers itself and every name under it; a reserved second-level domain
 * ("example.com") covers itself and its subdomains, never a look-alike.
 */
START_TEST(test_domain_reserved_rfc)
{
	static const char *const packs[] = { "example.com", "example.net", "example.org",
					     ".example", ".test", ".invalid", ".localhost" };
	static const struct {
		const char *host;
		bool reserved;
	} cases[] = {
		/* the host is the TLD itself */
		{ "test", true },
		{ "test.", true },
		{ "EXAMPLE", true },
		{ "localhost", true },
		/* the second-level domain itself, and names under it */
		{ "example.com", true },
		{ "api.example.com", true },
		{ "a.b.example.org", true },
		{ "db.internal.test", true },
		{ "mail.invalid", true },
		/* look-alikes */
		{ "notexample.com", false },
		{ "example.com.evil.net", false },
		{ "mytest", false },
		{ "test.io", false },
		{ "example.co", false },
		{ "com", false },
	};
	static const char *const plain[] = { "test", "example.com" };
	size_t i, n = sizeof(packs) / sizeof(packs[0]);

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_msg(or_domain_reserved(cases[i].host, strlen(cases[i].host), packs, n) ==
				      cases[i].reserved,
			      "'%s'", cases[i].host);
	/* the leading dot of an entry changes nothing: "test" is ".test" */
	ck_assert(or_domain_reserved("test", 4, plain, 2));
	ck_assert(or_domain_reserved("x.test", 6, plain, 2));
	ck_assert(!or_domain_reserved("notexample.com", 14, plain, 2));
}
END_TEST

/* What the contacts checks will do with a seed line, end to end. */
START_TEST(test_seed_pipeline)
{
	static const char *const reserved[] = { "example.com", "example.org", "example.net" };
	static const char line[] = "- **Security Team:** security@example.com";
	or_contact_token tok[MAX_TOKENS];
	or_buf norm = OR_BUF_INIT, why = OR_BUF_INIT;
	const char *host;
	size_t n, host_len;

	n = or_contact_scan(line, sizeof(line) - 1, tok, MAX_TOKENS);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(or_email_check(line + tok[0].offset, tok[0].length, &norm, &why), 0);
	host = or_contact_host(tok[0].kind, line + tok[0].offset, tok[0].length, &host_len);
	ck_assert(or_domain_reserved(host, host_len, reserved, 3));
	or_buf_dispose(&norm);
	or_buf_dispose(&why);
}
END_TEST

/* Malformed and internationalised addresses: one token each, whole. */
START_TEST(test_scan_email_shapes)
{
	static const scan_case cases[] = {
		{ "Security: security@@acme-ops", 1, { { OR_CONTACT_EMAIL, "security@@acme-ops" } } },
		{ "sec@@corp.invalid, a@b.io", 2,
		  { { OR_CONTACT_EMAIL, "sec@@corp.invalid" }, { OR_CONTACT_EMAIL, "a@b.io" } } },
		{ "Vendor: m\xc3\xbcller@b\xc3\xbc" "cher.de.", 1,
		  { { OR_CONTACT_EMAIL, "m\xc3\xbcller@b\xc3\xbc" "cher.de" } } },
		{ "\xc3\xa9quipe@soci\xc3\xa9t\xc3\xa9.fr", 1,
		  { { OR_CONTACT_EMAIL, "\xc3\xa9quipe@soci\xc3\xa9t\xc3\xa9.fr" } } },
		/* an em dash and a no-break space still separate */
		{ "ops\xe2\x80\x94" "a@b.io", 1, { { OR_CONTACT_EMAIL, "a@b.io" } } },
		{ "call\xc2\xa0" "ops@x.io", 1, { { OR_CONTACT_EMAIL, "ops@x.io" } } },
		/* '@' at the end, or nothing after it: not an address */
		{ "a@@ b@", 0, { { OR_CONTACT_TEXT, "" } } },
		{ "m\xc3\xbcller alone", 0, { { OR_CONTACT_TEXT, "" } } },
	};
	or_buf norm = OR_BUF_INIT, why = OR_BUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_scan(&cases[i]);
	ck_assert_int_eq(or_email_check("security@@acme-ops", 18, &norm, &why), -1);
	ck_assert_str_eq(or_buf_cstr(&why), "the address has more than one '@'");
	or_buf_clear(&why);
	ck_assert_int_eq(email("m\xc3\xbcller@B\xc3\xbc" "cher.DE", &norm, &why), 0);
	ck_assert_str_eq(or_buf_cstr(&norm), "m\xc3\xbcller@b\xc3\xbc" "cher.de");
	or_buf_clear(&norm);
	/* a broken UTF-8 sequence or a symbol is no letter of an address */
	ck_assert_int_eq(email("m\xc3(ller@b.de", &norm, &why), -1);
	ck_assert_int_eq(email("a@b\xe2\x80\x94" "c.de", &norm, &why), -1);
	or_buf_dispose(&norm);
	or_buf_dispose(&why);
}
END_TEST

/* UTF-8 letters in long runs are read a bounded number of times. */
START_TEST(test_scan_utf8_hostile)
{
	static const char *const units[] = { "\xc3\xbc", "\xc3\xbc@", "a\xc3\xbc", "\xc3\xbc@@",
					     "\xe2\x80\x94" "a", "\xc3\xbc.", "a@\xc3\xbc" };
	size_t i, max_end;
	clock_t start = clock();

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		scan_repeated(units[i], 200000 / strlen(units[i]), &max_end);
	ck_assert_msg((double)(clock() - start) / CLOCKS_PER_SEC < 5.0, "scan is too slow");
}
END_TEST

/* The contacts of one document, with the words a pack gives. */
static size_t extract(const char *text, or_contact **out, or_arena *arena, or_document **doc_out)
{
	static const char *const headings[] = { "contact details", "escalation", "on call" };
	static const char *const endpoints[] = { "pagerduty.com", "slack.com" };
	static const char *const placeholders[] = { "TBD" };
	static const char *const feeds[] = { "alerts", "noreply" };
	const or_contact_words words = { headings, 3, endpoints, 2, placeholders, 1, feeds, 2 };
	or_document *doc = NULL;
	size_t count = 0, cap = 0;

	ck_assert_int_eq(or_document_parse(&doc, "runbooks/r.md", text, strlen(text)), 0);
	*out = NULL;
	or_contacts_extract(out, &count, &cap, arena, doc, &words, OR_DATE_ORDER_NONE);
	*doc_out = doc; /* roles point into the document */
	return count;
}

START_TEST(test_extract_shapes)
{
	static const char text[] =
		"# R\n\nSee https://github.com/acme/r and ops@acme.net.\n\n"
		"## Contact details\n"
		"email: [team-a@acme.net](mailto:team-a@acme.net)\n"
		"Slack: [#team-a](https://acme.slack.com/archives/C01)\n\n"
		"| Method | Details |\n|---|---|\n| Phone (24/7) | 0800 000 0001 |\n"
		"| Notes | call in hours |\n\n"
		"Raise incidents with:\n\n    team-b@acme.pagerduty.com\n    not an address here\n\n"
		"Ping @here or @channel; graphs at https://grafana.acme.net/d/x.\n\n"
		"- Owner: TBD\n- Team: Support Engineers\n- Restart the workers first.\n"
		"- [Pager](https://acme.pagerduty.com/schedules/P1)\n\n"
		"## Escalation\n\nPhone: 0800 HELP NOW\n"
		"Alerts land in #team-a-alerts and noreply@acme.net sends them.\n";
	static const struct {
		const char *role, *value;
		or_contact_kind kind;
	} want[] = {
		{ "Phone (24/7)", "0800 000 0001", OR_CONTACT_PHONE },
		{ "email", "team-a@acme.net", OR_CONTACT_EMAIL },
		{ "Slack", "#team-a", OR_CONTACT_CHANNEL },
		{ "Contact details", "team-b@acme.pagerduty.com", OR_CONTACT_EMAIL },
		{ "Owner", "TBD", OR_CONTACT_TEXT },
		{ "Contact details", "https://acme.pagerduty.com/schedules/P1", OR_CONTACT_URL },
		{ "Phone", "0800 HELP NOW", OR_CONTACT_TEXT },
	};
	or_arena *arena = or_arena_new();
	or_document *doc;
	or_contact *c;
	size_t n = extract(text, &c, arena, &doc), i;

	ck_assert_uint_eq(n, sizeof(want) / sizeof(want[0]));
	for (i = 0; i < n; i++) {
		ck_assert_str_eq(c[i].role, want[i].role);
		ck_assert_str_eq(c[i].value, want[i].value);
		ck_assert_int_eq(c[i].kind, want[i].kind);
	}
	ck_assert(c[6].medium_key);
	free(c);
	or_document_free(doc);
	or_arena_free(arena);
}
END_TEST

Suite *contact_suite(void)
{
	Suite *s = suite_create("contact");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_kind_names);
	tcase_add_test(tc, test_scan_seed_lines);
	tcase_add_test(tc, test_scan_phones);
	tcase_add_test(tc, test_scan_not_phones);
	tcase_add_test(tc, test_scan_emails_urls_channels);
	tcase_add_test(tc, test_scan_count_exact_beyond_max);
	tcase_add_test(tc, test_scan_hostile);
	tcase_add_test(tc, test_scan_invalid_utf8);
	tcase_add_test(tc, test_scan_email_shapes);
	tcase_add_test(tc, test_scan_utf8_hostile);
	tcase_add_test(tc, test_extract_shapes);
	tcase_add_test(tc, test_phone_seed);
	tcase_add_test(tc, test_phone_valid);
	tcase_add_test(tc, test_phone_invalid);
	tcase_add_test(tc, test_phone_hostile);
	tcase_add_test(tc, test_phone_country_codes);
	tcase_add_test(tc, test_phone_appends);
	tcase_add_test(tc, test_phone_in_range);
	tcase_add_test(tc, test_email);
	tcase_add_test(tc, test_email_lengths);
	tcase_add_test(tc, test_url);
	tcase_add_test(tc, test_contact_host);
	tcase_add_test(tc, test_domain_reserved);
	tcase_add_test(tc, test_domain_reserved_rfc);
	tcase_add_test(tc, test_seed_pipeline);
	suite_add_tcase(s, tc);
	return s;
}
