/*
 * The pre-parse guard for the Markdown shapes cmark-gfm 0.29 parses in
 * quadratic time (input/markdown_guard.h): each hostile shape is refused
 * with its reason, and documents of realistic shape, large ones included,
 * pass.
 */
#include <stdlib.h>
#include <string.h>

#include "input/markdown_guard.h"
#include "suites.h"
#include "util/buf.h"

/* `unit` repeated to `size` bytes, between `head` and `tail`. */
static char *repeat(const char *head, const char *unit, size_t size, const char *tail)
{
	or_buf b = OR_BUF_INIT;
	size_t u = strlen(unit);

	or_buf_puts(&b, head);
	while (b.size < size)
		or_buf_put(&b, unit, u);
	or_buf_puts(&b, tail);
	return or_buf_detach(&b);
}

/* NULL when `text` passes, else the reason (caller frees). */
static char *guard(const char *text)
{
	or_buf reason = OR_BUF_INIT;

	if (!or_markdown_too_costly(text, strlen(text), &reason)) {
		ck_assert_uint_eq(reason.size, 0);
		return NULL;
	}
	ck_assert_uint_gt(reason.size, 0);
	return or_buf_detach(&reason);
}

static void assert_refused(char *text, const char *why)
{
	char *reason = guard(text);

	ck_assert_ptr_nonnull(reason);
	ck_assert_msg(strstr(reason, why) != NULL, "reason '%s' lacks '%s'", reason, why);
	free(reason);
	free(text);
}

static void assert_passed(char *text)
{
	char *reason = guard(text);

	ck_assert_msg(reason == NULL, "refused: %s", reason ? reason : "");
	free(text);
}

START_TEST(test_image_brackets)
{
	/* 40,000 x "![[]()": each link walks every image opener below it */
	assert_refused(repeat("# Page\n\n", "![[]()", 240000, "\n"), "bracket openers walked");
	/* links and images as runbooks write them, a megabyte of them */
	assert_passed(repeat("# Links\n\n", "See [the runbook](./run.md) and ![graph](g.png) [x][y].\n",
			     1 << 20, ""));
	/* nested brackets with no link after them: linear in cmark-gfm */
	assert_passed(repeat("", "[", 100000, "a]\n"));
}
END_TEST

START_TEST(test_tables)
{
	or_buf b = OR_BUF_INIT;
	size_t i;
	char *reason;

	/* a header and delimiter row of 50,000 columns */
	for (i = 0; i < 50000; i++)
		or_buf_puts(&b, "|a");
	or_buf_puts(&b, "|\n");
	for (i = 0; i < 50000; i++)
		or_buf_puts(&b, "|-");
	or_buf_puts(&b, "|\n");
	reason = guard(or_buf_cstr(&b));
	ck_assert_ptr_nonnull(reason);
	ck_assert_str_eq(reason, "a table of 50000 columns on line 2 (limit 1000)");
	free(reason);
	or_buf_dispose(&b);
	/* 1,000 columns pass, 1,001 do not */
	for (i = 0; i < OR_MD_MAX_TABLE_COLUMNS; i++)
		or_buf_puts(&b, "| a ");
	or_buf_puts(&b, "|\n");
	for (i = 0; i < OR_MD_MAX_TABLE_COLUMNS; i++)
		or_buf_puts(&b, "|---");
	or_buf_puts(&b, "|\n");
	ck_assert_ptr_null(guard(or_buf_cstr(&b)));
	or_buf_puts(&b, "| row |");
	ck_assert_ptr_null(guard(or_buf_cstr(&b)));
	or_buf_clear(&b);
	or_buf_puts(&b, "a|b\n-|-\n");
	for (i = 0; i <= OR_MD_MAX_TABLE_COLUMNS; i++)
		or_buf_puts(&b, "|c");
	or_buf_putc(&b, '\n');
	reason = guard(or_buf_cstr(&b));
	ck_assert_ptr_nonnull(reason);
	ck_assert_str_eq(reason, "a table row of 1001 cells on line 3 (limit 1000)");
	free(reason);
	or_buf_dispose(&b);
	/* a row of 200,000 cells under a table of two columns */
	assert_refused(repeat("a|b\n-|-\n", "|a", 400000, "\n"), "a table row of 199996 cells on line 3");
	/* a wide header over rows of one byte: every row filled up to 1,000 cells */
	b = (or_buf)OR_BUF_INIT;
	for (i = 0; i < 1000; i++)
		or_buf_puts(&b, "|a");
	or_buf_puts(&b, "|\n");
	for (i = 0; i < 1000; i++)
		or_buf_puts(&b, "|-");
	or_buf_puts(&b, "|\n");
	assert_refused(repeat(or_buf_cstr(&b), "a\n", 200000, ""), "table cells in all");
	or_buf_dispose(&b);
	/* 50,000 pipes on lines that no delimiter row makes a table: harmless */
	assert_passed(repeat("```\n", "||||||||||||||||||||||||||||||||||||||||||||||||||\n", 50000,
			     "```\n"));
	/* a megabyte of an ordinary table */
	assert_passed(repeat("| Service | Owner | On call | Runbook |\n|---|---|---|---|\n",
			     "| api | team-a | +1 555 0100 | [run](api.md) |\n", 1 << 20, ""));
}
END_TEST

START_TEST(test_autolinks)
{
	assert_refused(repeat("", "www.a_", 200000, "\n"), "bytes scanned for autolinks");
	assert_refused(repeat("", "a@", 200000, "\n"), "bytes scanned for autolinks");
	assert_passed(repeat("# Contacts\n\n",
			     "- Jane <jane.doe@example.com>, www.example.com/on-call, ops@example.org\n",
			     1 << 20, ""));
}
END_TEST

START_TEST(test_quotes)
{
	char *deep = repeat("", ">", 5000, " x\n");
	char *text = repeat(deep, "y\n", 200000, "");

	/* 5,000 quotes, then lines of lazy continuation: each walks all of them */
	assert_refused(text, "block quote levels walked");
	/* the same depth on one line, a blank line after it: linear */
	text = repeat(deep, "\n", 5002, "y\n");
	assert_passed(text);
	free(deep);
	assert_passed(repeat("", "> quoted line\n> > nested\n", 1 << 20, ""));
}
END_TEST

START_TEST(test_lists)
{
	char *deep = repeat("", "- ", 40000, "a\n");
	char *text = repeat(deep, "b\n", 200000, "");

	/* 20,000 nested list items, then lazy continuation lines */
	assert_refused(text, "list items nested 20000 deep on line 1");
	free(deep);
	deep = repeat("", "* ", 10000, "a\n");
	assert_refused(repeat(deep, "b\n", 100000, ""), "list items nested 5000 deep");
	free(deep);
	deep = repeat("", "1. ", 9000, "a\n");
	assert_refused(repeat(deep, "b\n", 100000, ""), "list items nested 3000 deep");
	free(deep);
	/* mixed with block quotes */
	deep = repeat("", "> + ", 8000, "a\n");
	assert_refused(repeat(deep, "b\n", 100000, ""), "nested 4000 deep");
	/* the same depth, a blank line after it: linear */
	assert_passed(repeat(deep, "\n", 8002, "b\n"));
	free(deep);
	/* a real nested list, ten deep, through a long file without blank lines */
	assert_passed(repeat("# Steps\n\n",
			     "- one\n  - two\n    - three\n      1. four\n"
			     "- - - - - - - - - - ten deep on one line\n"
			     "  continued, lazily\n* [ ] a task, `code`\n",
			     1 << 20, ""));
	/* thematic breaks and numbers that are not list markers */
	assert_passed(repeat("", "---\n* * *\n-not a list\n2026.01 is a date\n1) ok\n",
			     1 << 20, ""));
}
END_TEST

START_TEST(test_runbook)
{
	static const char *runbook =
		"---\ntitle: Restart\n---\n# Restart the API\n\n## Steps\n\n"
		"1. Run `kubectl rollout restart deploy/api` ([docs](https://k8s.io/docs)).\n"
		"2. Check [the dashboard][dash] and ![graph](img/g.png).\n\n"
		"> **Note:** escalate to <oncall@example.com> after 15 min.\n\n"
		"| Step | Who |\n|:-----|----:|\n| 1 | SRE |\n\n[dash]: https://grafana.example.com\n";

	ck_assert_ptr_null(guard(runbook));
	ck_assert_ptr_null(guard(""));
}
END_TEST

Suite *markdown_guard_suite(void)
{
	Suite *s = suite_create("markdown_guard");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_image_brackets);
	tcase_add_test(tc, test_tables);
	tcase_add_test(tc, test_autolinks);
	tcase_add_test(tc, test_quotes);
	tcase_add_test(tc, test_lists);
	tcase_add_test(tc, test_runbook);
	suite_add_tcase(s, tc);
	return s;
}
