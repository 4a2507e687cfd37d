#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "suites.h"
#include "util/glob.h"

typedef struct glob_case {
	const char *pattern;
	const char *path;
	bool match;
} glob_case;

static void check_cases(const glob_case *cases, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		bool got = or_glob_match(cases[i].pattern, cases[i].path);

		ck_assert_msg(got == cases[i].match, "'%s' vs '%s': got %s", cases[i].pattern,
			      cases[i].path, got ? "match" : "no match");
	}
}

START_TEST(test_literal_star_question)
{
	static const glob_case cases[] = {
		{ "README.md", "README.md", true },
		{ "README.md", "readme.md", false },
		{ "README.md", "docs/README.md", false },
		{ "*.md", "a.md", true },
		{ "*.md", ".md", true },
		{ "*.md", "docs/a.md", false },
		{ "*.md", "a.mdx", false },
		{ "docs/*.md", "docs/a.md", true },
		{ "docs/*.md", "docs/x/a.md", false },
		{ "docs/*", "docs/a", true },
		{ "docs/*", "docs/a/b", false },
		{ "a?c", "abc", true },
		{ "a?c", "a/c", false },
		{ "a?c", "ac", false },
		{ "a?c", "a\xc3\xa9" "c", true }, /* one code point, two bytes */
		{ "caf\xc3\xa9.md", "caf\xc3\xa9.md", true },
		{ "a*b*c", "aXXbYYc", true },
		{ "a*b*c", "aXXbYY", false },
		{ "*", "anything", true },
		{ "*", "a/b", false },
		{ "a**b", "aXYb", true },  /* '**' inside a segment is '*' */
		{ "a**b", "aX/Yb", false },
		{ "", "", true },
		{ "", "a", false },
	};

	check_cases(cases, sizeof(cases) / sizeof(cases[0]));
}
END_TEST

START_TEST(test_globstar)
{
	static const glob_case cases[] = {
		{ "**/x.md", "x.md", true },
		{ "**/x.md", "a/x.md", true },
		{ "**/x.md", "a/b/c/x.md", true },
		{ "**/x.md", "a/bx.md", false },
		{ "**/*.md", "top.md", true },
		{ "**/*.md", "a/b/deep.md", true },
		{ "**/*.md", "a/b/deep.txt", false },
		{ "docs/**", "docs/a", true },
		{ "docs/**", "docs/a/b/c.md", true },
		{ "docs/**", "docsx/a", false },
		{ "docs/**", "other/docs/a", false },
		{ "docs/**/*.md", "docs/a.md", true },
		{ "docs/**/*.md", "docs/x/a.md", true },
		{ "docs/**/*.md", "docs/x/y/a.md", true },
		{ "docs/**/*.md", "docs/x/y/a.txt", false },
		{ "docs/**/*.md", "other/docs/a.md", false },
		{ "a/**/b", "a/b", true },
		{ "a/**/b", "a/x/b", true },
		{ "a/**/b", "a/x/y/b", true },
		{ "a/**/b", "a/xb", false },
		{ "**/*runbook*.md", "runbook.md", true },
		{ "**/*runbook*.md", "a/b/my-runbook-x.md", true },
		{ "**/*runbook*.md", "runbooks/x.md", false },
		{ "**/*continuity*.md", "bc/business-continuity-plan.md", true },
		{ "runbooks/**/*.md", "runbooks/a.md", true },
		{ "runbooks/**/*.md", "runbooks/db/failover.md", true },
		{ "runbooks/**/*.md", "docs/runbooks/a.md", false },
		{ "docs/archive/**", "docs/archive/2019/old.md", true },
		{ "docs/archive/**", "docs/current.md", false },
		{ "**", "a", true },
		{ "**", "a/b/c", true },
		{ "**/", "a/", true },
	};

	check_cases(cases, sizeof(cases) / sizeof(cases[0]));
}
END_TEST

START_TEST(test_classes)
{
	static const glob_case cases[] = {
		{ "[abc].md", "a.md", true },
		{ "[abc].md", "d.md", false },
		{ "[a-c]x", "bx", true },
		{ "[a-c]x", "dx", false },
		{ "[!a-c]x", "dx", true },
		{ "[!a-c]x", "ax", false },
		{ "[^a]x", "bx", true },
		{ "[]]x", "]x", true },
		{ "[!]]x", "]x", false },
		{ "[!]]x", "ax", true },
		{ "a[/]b", "a/b", false }, /* classes never match '/' */
		{ "a[!x]b", "a/b", false },
		{ "v[0-9].md", "v7.md", true },
		{ "v[0-9].md", "v10.md", false },
		{ "[\xc3\xa9\xc3\xa8]t\xc3\xa9", "\xc3\xa8t\xc3\xa9", true },
		{ "file[.]md", "file.md", true },
	};

	check_cases(cases, sizeof(cases) / sizeof(cases[0]));
}
END_TEST

START_TEST(test_braces_and_escapes)
{
	static const glob_case cases[] = {
		{ "*.{md,markdown}", "a.md", true },
		{ "*.{md,markdown}", "a.markdown", true },
		{ "*.{md,markdown}", "a.txt", false },
		{ "**/*.{md,markdown}", "x/y/a.markdown", true },
		{ "{docs,runbooks}/**", "runbooks/a/b.md", true },
		{ "{docs,runbooks}/**", "other/a.md", false },
		{ "a{,b}c", "ac", true },
		{ "a{,b}c", "abc", true },
		{ "a{b,{c,d}e}f", "adef", true },
		{ "a{b,{c,d}e}f", "abf", true },
		{ "a{b,{c,d}e}f", "adf", false },
		{ "{a*,b?}", "axyz", true },
		{ "{a*,b?}", "bx", true },
		{ "{a*,b?}", "bxy", false },
		{ "\\*.md", "*.md", true },
		{ "\\*.md", "a.md", false },
		{ "\\{a,b\\}", "{a,b}", true },
		{ "a[b", "a[b", true },       /* unbalanced: taken literally */
		{ "a{b", "a{b", true },
	};

	check_cases(cases, sizeof(cases) / sizeof(cases[0]));
}
END_TEST

START_TEST(test_hostile_patterns_are_fast)
{
	char path[4097];
	char pattern[512];
	clock_t t0 = clock();
	double seconds;
	size_t i;

	memset(path, 'a', sizeof(path) - 1);
	path[sizeof(path) - 1] = '\0';
	ck_assert(!or_glob_match("a*a*a*a*a*a*a*a*a*a*a*a*b", path));
	ck_assert(or_glob_match("a*a*a*a*a*a*a*a*a*a*a*a*", path));
	for (i = 0; i + 1 < sizeof(pattern); i += 2) {
		pattern[i] = '*';
		pattern[i + 1] = 'a';
	}
	pattern[sizeof(pattern) - 2] = 'b';
	pattern[sizeof(pattern) - 1] = '\0';
	ck_assert(!or_glob_match(pattern, path));
	/* the same with directories and globstars */
	for (i = 0; i + 1 < sizeof(path) - 1; i += 2) {
		path[i] = 'a';
		path[i + 1] = '/';
	}
	ck_assert(!or_glob_match("**/a/**/a/**/a/**/a/**/a/**/b", path));
	ck_assert(!or_glob_match("{a,a*,*a}/{a,a*,*a}/{a,a*,*a}/{a,a*,*a}/b", path));
	seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
	ck_assert_msg(seconds < 0.5, "hostile patterns took %.3f s", seconds);
}
END_TEST

START_TEST(test_deep_nesting_and_long_patterns)
{
	char pattern[20001];
	char *path = malloc(10001);

	ck_assert_ptr_nonnull(path);
	memset(pattern, 'x', sizeof(pattern) - 1);
	pattern[sizeof(pattern) - 1] = '\0';
	memset(path, 'x', 10000);
	path[10000] = '\0';
	ck_assert(!or_glob_match(pattern, path));
	pattern[10000] = '\0';
	ck_assert(or_glob_match(pattern, path));
	/* deeply nested braces beyond the limit are not followed, and do not crash */
	memset(pattern, '{', 200);
	memcpy(pattern + 200, "a", 2);
	ck_assert(!or_glob_match(pattern, "a"));
	ck_assert(or_glob_match(pattern, pattern));
	free(path);
}
END_TEST

START_TEST(test_validate)
{
	static const char *const good[] = {
		"**/*.md", "docs/**", "a/**/b", "*.{md,markdown}", "[a-z]*.md",
		"runbooks/**/*.md", "docs/archive/**", "x", "a\\[b",
		"{docs,{runbooks,playbooks}}/*.md", ".github/*.md", "a..b/*.md",
	};
	static const char *const bad[] = {
		"", "/etc/passwd", "../outside.md", "docs/../../x", "docs/..",
		"a[b", "a[!b", "{md,markdown", "md}", "a\\",
		"{{{{{{{{{{{{{{{{{{{{a}}}}}}}}}}}}}}}}}}}}", "a\xff.md",
	};
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		const char *why = "unset";

		ck_assert_msg(or_glob_validate(good[i], &why) == 0, "'%s' refused: %s", good[i],
			      why);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *why = NULL;

		ck_assert_msg(or_glob_validate(bad[i], &why) == -1, "'%s' accepted", bad[i]);
		ck_assert_ptr_nonnull(why);
		ck_assert(strlen(why) > 0);
	}
	ck_assert_int_eq(or_glob_validate(NULL, NULL), -1);
	{
		const char *why = NULL;

		ck_assert_int_eq(or_glob_validate("/abs", &why), -1);
		ck_assert_ptr_nonnull(strstr(why, "absolute"));
		ck_assert_int_eq(or_glob_validate("a/../b", &why), -1);
		ck_assert_ptr_nonnull(strstr(why, ".."));
		ck_assert_int_eq(or_glob_validate("a[b", &why), -1);
		ck_assert_ptr_nonnull(strstr(why, "["));
		ck_assert_int_eq(or_glob_validate("{a,b", &why), -1);
		ck_assert_ptr_nonnull(strstr(why, "{"));
	}
}
END_TEST

START_TEST(test_null_inputs)
{
	ck_assert(!or_glob_match(NULL, "a"));
	ck_assert(!or_glob_match("a", NULL));
}
END_TEST

Suite *glob_suite(void)
{
	Suite *s = suite_create("glob");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_literal_star_question);
	tcase_add_test(tc, test_globstar);
	tcase_add_test(tc, test_classes);
	tcase_add_test(tc, test_braces_and_escapes);
	tcase_add_test(tc, test_hostile_patterns_are_fast);
	tcase_add_test(tc, test_deep_nesting_and_long_patterns);
	tcase_add_test(tc, test_validate);
	tcase_add_test(tc, test_null_inputs);
	suite_add_tcase(s, tc);
	return s;
}
