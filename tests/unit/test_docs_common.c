/*
 * The shapes of text the docs checks judge by (checks/docs_common.h): a
 * heading that carries its value, a sub-heading numbered under its parent,
 * a placeholder word inside a name, host names on a command line, prompts.
 */
#include <stdio.h>
#include <string.h>

#include "checks/docs_common.h"
#include "suites.h"

START_TEST(test_heading_carries_value)
{
	static const struct {
		const char *title;
		bool carries;
	} cases[] = {
		{ "Date: 2021-02-09", true },
		{ "Owner: Team X", true },
		{ "Status: Active", true },
		{ "Last Reviewed By: Platform Operations", true },
		{ "Point-of-Contact: the duty manager", true },
		/* no value after the colon */
		{ "Date:", false },
		{ "Date:   ", false },
		/* titles, not labels: numbered, or too long a label */
		{ "Step 4: Rebalance partitions", false },
		{ "Part II: Capacity", false },
		{ "Appendix A: Commands", false },
		{ "What to do when the queue backs up: a guide", false },
		{ "Known Limitations", false },
		{ ": value", false },
		{ "", false },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_msg(or_docs_heading_carries_value(cases[i].title) == cases[i].carries,
			      "'%s'", cases[i].title);
	ck_assert(!or_docs_heading_carries_value(NULL));
}
END_TEST

START_TEST(test_heading_numbered_under)
{
	static const struct {
		const char *parent, *child;
		bool under;
	} cases[] = {
		{ "3. Recovery", "3.1 Replaying dead letters", true },
		{ "3 Recovery", "3.1. Replaying", true },
		{ "2.3 Rollback", "2.3.1 Database", true },
		{ "10. Contacts", "10.2 Vendors", true },
		/* siblings, strangers and look-alikes */
		{ "3. Recovery", "4. Testing", false },
		{ "3.1 Replaying", "3.2 Restoring", false },
		{ "1. Overview", "10.1 Vendors", false },
		{ "3. Recovery", "3. Recovery again", false },
		{ "Recovery", "3.1 Replaying", false },
		{ "3. Recovery", "Replaying", false },
		{ "2025 Plan", "2025.1 Budget", true },
		{ "3.x Recovery", "3.1 Replaying", false },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_msg(or_docs_heading_numbered_under(cases[i].parent, cases[i].child) ==
				      cases[i].under,
			      "'%s' / '%s'", cases[i].parent, cases[i].child);
	ck_assert(!or_docs_heading_numbered_under(NULL, "3.1 x"));
}
END_TEST

START_TEST(test_word_in_name)
{
	static const struct {
		const char *line, *word;
		bool name;
	} cases[] = {
		{ "export XXX_API_KEY=1", "XXX", true },
		{ "curl -H 'X-XXX-Header: 1'", "XXX", true },
		{ "the TODO-list app", "TODO", true },
		{ "MY_TBD flag", "TBD", true },
		/* masks and the word alone stay placeholders */
		{ "Call XXX-XXX-XXXX now", "XXX", false },
		{ "Ticket XXX-1234", "XXX", false },
		{ "XXX fill this in", "XXX", false },
		{ "Owner: TBD.", "TBD", false },
		{ "XXX", "XXX", false },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *line = cases[i].line;
		const char *at = strstr(line, cases[i].word);
		size_t end = 0;

		ck_assert_msg(or_docs_word_in_name(line, strlen(line), (size_t)(at - line),
						   strlen(cases[i].word), &end) == cases[i].name,
			      "'%s'", line);
		ck_assert(end >= (size_t)(at - line) + strlen(cases[i].word) && end <= strlen(line));
	}
	/* the word past the end of the line is nothing */
	ck_assert(!or_docs_word_in_name("XX", 2, 1, 3, NULL));
}
END_TEST

/* Every host of a line, as "a|b|c". */
static void hosts_of(const char *line, char *out, size_t cap)
{
	size_t pos = 0, at, hlen, used = 0;

	out[0] = '\0';
	while (or_docs_next_host(line, strlen(line), &pos, &at, &hlen)) {
		int n = snprintf(out + used, cap - used, "%s%.*s", used ? "|" : "", (int)hlen,
				 line + at);
		ck_assert(n > 0 && (size_t)n < cap - used);
		used += (size_t)n;
	}
	ck_assert_uint_eq(pos, strlen(line));
}

START_TEST(test_next_host)
{
	static const struct {
		const char *line, *hosts;
	} cases[] = {
		{ "curl https://api.example.com/health", "api.example.com" },
		{ "ssh admin@server.example.com", "server.example.com" },
		{ "curl a.example.com b.example.org", "a.example.com|b.example.org" },
		/* code identifiers */
		{ "zone_id = data.aws_route53_zone.example_zone.zone_id", "" },
		{ "x = module.my_db.example", "" },
		/* an identity quoted in output */
		{ "uid  [ultimate] Release Bot <release-bot@example.com>", "" },
		{ "Author: Ops <ops@example.org>", "" },
		/* not a name-addr: no closing '>' or a space inside */
		{ "mail <ops@example.org", "example.org" },
		/* file extensions and sentence ends */
		{ "ls *.test", "" },
		{ "run the test.", "" },
		{ "", "" },
	};
	char got[256];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		hosts_of(cases[i].line, got, sizeof(got));
		ck_assert_msg(strcmp(got, cases[i].hosts) == 0, "'%s': got '%s', want '%s'",
			      cases[i].line, got, cases[i].hosts);
	}
}
END_TEST

START_TEST(test_line_is_prompt)
{
	ck_assert(or_docs_line_is_prompt("$ gpg --list-keys", 17));
	ck_assert(or_docs_line_is_prompt("  $ ls", 6));
	ck_assert(or_docs_line_is_prompt("$", 1));
	ck_assert(!or_docs_line_is_prompt("$HOME/bin/run", 13));
	ck_assert(!or_docs_line_is_prompt("echo $ x", 8));
	ck_assert(!or_docs_line_is_prompt("", 0));
}
END_TEST

Suite *docs_common_suite(void)
{
	Suite *s = suite_create("docs_common");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_heading_carries_value);
	tcase_add_test(tc, test_heading_numbered_under);
	tcase_add_test(tc, test_word_in_name);
	tcase_add_test(tc, test_next_host);
	tcase_add_test(tc, test_line_is_prompt);
	suite_add_tcase(s, tc);
	return s;
}
