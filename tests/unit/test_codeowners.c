/*
 * CODEOWNERS: parsing (comments, escapes, GitLab sections, limits) and
 * matching (gitignore-style anchoring, folders, last matching rule wins,
 * un-owning rules).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "input/codeowners.h"

/* The owners of `path` under `text`, "-" when no rule matches. */
static const char *owners_of(const char *text, const char *path)
{
	static char out[256];
	or_codeowners co;
	const or_codeowners_rule *r;

	or_codeowners_parse(&co, "CODEOWNERS", text, strlen(text));
	r = or_codeowners_match(&co, path);
	snprintf(out, sizeof(out), "%s", r ? r->owners : "-");
	or_codeowners_dispose(&co);
	return out;
}

#define OWNS(text, path, want) ck_assert_str_eq(owners_of(text, path), want)

START_TEST(test_anchoring)
{
	/* no '/': any depth */
	OWNS("*.md @docs\n", "README.md", "@docs");
	OWNS("*.md @docs\n", "a/b/c.md", "@docs");
	OWNS("runbook.md @sre\n", "ops/runbook.md", "@sre");
	/* leading '/': the root only */
	OWNS("/runbook.md @sre\n", "runbook.md", "@sre");
	OWNS("/runbook.md @sre\n", "ops/runbook.md", "-");
	/* a '/' inside: anchored too */
	OWNS("docs/ops @sre\n", "docs/ops/a.md", "@sre");
	OWNS("docs/ops @sre\n", "x/docs/ops/a.md", "-");
	/* a trailing '/': a folder at any depth and everything below */
	OWNS("runbooks/ @sre\n", "runbooks/a.md", "@sre");
	OWNS("runbooks/ @sre\n", "team/runbooks/deep/a.md", "@sre");
	OWNS("runbooks/ @sre\n", "runbooks.md", "-");
	OWNS("/runbooks/ @sre\n", "team/runbooks/a.md", "-");
	/* a plain name: that file or that folder and below */
	OWNS("/docs @w\n", "docs/a/b.md", "@w");
	OWNS("/docs @w\n", "docsite/a.md", "-");
	/* a wildcard last segment does not reach into nested folders */
	OWNS("docs/* @w\n", "docs/a.md", "@w");
	OWNS("docs/* @w\n", "docs/x/a.md", "-");
	OWNS("docs/** @w\n", "docs/x/a.md", "@w");
	OWNS("**/logs @w\n", "a/b/logs/x.md", "@w");
	OWNS("/docs/**/ops.md @w\n", "docs/ops.md", "@w");
	OWNS("/docs/**/ops.md @w\n", "docs/a/b/ops.md", "@w");
	OWNS("a?.md @w\n", "ab.md", "@w");
	OWNS("a?.md @w\n", "a/.md", "-");
	OWNS("* @all\n", "deep/er/x.md", "@all");
}
END_TEST

START_TEST(test_last_match_wins)
{
	const char *text = "# the default\n"
			   "*       @org/everyone\n"
			   "\n"
			   "/runbooks/   @org/sre   @ana  # and Ana\n"
			   "/runbooks/draft.md\n";

	OWNS(text, "README.md", "@org/everyone");
	OWNS(text, "runbooks/db.md", "@org/sre @ana");
	/* a rule with no owners un-owns */
	OWNS(text, "runbooks/draft.md", "");
	OWNS("/a/ @x\n* @y\n", "a/b.md", "@y");
}
END_TEST

START_TEST(test_syntax)
{
	or_codeowners co;
	const char *text = "\\#notes.md @n\r\n"
			   "my\\ file.md @s\n"
			   "{a,b}.md @braces\n"
			   "[Docs][2] @org/docs\n"
			   "/guides/\n"
			   "^[Optional] @opt\n"
			   "/extra/ @own\n"
			   "[Empty]\n"
			   "/bare/\n"
			   "/\n";

	OWNS(text, "#notes.md", "@n");
	OWNS(text, "my file.md", "@s");
	OWNS(text, "{a,b}.md", "@braces");
	OWNS(text, "a.md", "-");
	/* a section's default owners go to its rules without owners */
	OWNS(text, "guides/x.md", "@org/docs");
	OWNS(text, "extra/x.md", "@own");
	OWNS(text, "bare/x.md", "");
	or_codeowners_parse(&co, "CODEOWNERS", text, strlen(text));
	ck_assert_uint_eq(co.nrules, 6);
	ck_assert_uint_eq(co.skipped, 1); /* "/" */
	ck_assert_int_eq(co.rules[0].line, 1);
	ck_assert_str_eq(co.rules[0].text, "\\#notes.md @n");
	ck_assert_int_eq(co.rules[4].line, 7);
	or_codeowners_dispose(&co);
}
END_TEST

START_TEST(test_limits)
{
	size_t n = 3 * OR_CODEOWNERS_MAX_RULES, i, len = 0;
	char *text = malloc(n * 16 + 2 * OR_CODEOWNERS_MAX_LINE + 16);
	or_codeowners co;

	/* an overlong line is skipped, not cut */
	memset(text, 'x', 2 * OR_CODEOWNERS_MAX_LINE);
	len = 2 * OR_CODEOWNERS_MAX_LINE;
	text[len++] = '\n';
	for (i = 0; i < n; i++)
		len += (size_t)sprintf(text + len, "/f%zu @o\n", i);
	or_codeowners_parse(&co, "CODEOWNERS", text, len);
	ck_assert_uint_eq(co.nrules, OR_CODEOWNERS_MAX_RULES);
	ck_assert_uint_eq(co.skipped, 1 + n - OR_CODEOWNERS_MAX_RULES);
	ck_assert_ptr_null(or_codeowners_match(&co, "nothing/here.md"));
	ck_assert_ptr_nonnull(or_codeowners_match(&co, "f0"));
	or_codeowners_dispose(&co);
	/* a NUL byte and no final newline */
	or_codeowners_parse(&co, "CODEOWNERS", "a\0b @x\n/c @y", 12);
	ck_assert_uint_eq(co.nrules, 1);
	ck_assert_str_eq(co.rules[0].owners, "@y");
	or_codeowners_dispose(&co);
	free(text);
}
END_TEST

Suite *codeowners_suite(void)
{
	Suite *s = suite_create("codeowners");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_anchoring);
	tcase_add_test(tc, test_last_match_wins);
	tcase_add_test(tc, test_syntax);
	tcase_add_test(tc, test_limits);
	suite_add_tcase(s, tc);
	return s;
}
