#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "util/buf.h"
#include "util/escape.h"
#include "util/text.h"

typedef struct text_case {
	const char *in;
	const char *out;
} text_case;

START_TEST(test_heading_name)
{
	static const text_case cases[] = {
		{ "Overview", "Overview" },
		{ "\xf0\x9f\x9a\xa8 Emergency Procedures", "Emergency Procedures" },
		/* the seed's garbled 🚨 (Mac Roman), repaired first */
		{ "\xef\xa3\xbf\xc3\xbc\xc3\xb6\xc2\xae Emergency Procedures",
		  "Emergency Procedures" },
		{ "\xef\xa3\xbf\xc3\xbc\xc3\xac\xc3\xa3 Overview", "Overview" },
		{ "\xe2\x9a\xa0\xef\xb8\x8f Warnings", "Warnings" },
		{ "\xe2\x9a\xa0 Warnings", "Warnings" },
		{ "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x92\xbb Team", "Team" }, /* ZWJ sequence */
		{ "1\xef\xb8\x8f\xe2\x83\xa3 Keycap", "Keycap" },
		{ "1. Overview", "Overview" },
		{ "2.3 Rollback", "Rollback" },
		{ "4.1.2. Deep Section", "Deep Section" },
		{ "10) Contacts", "Contacts" },
		{ "A. Appendix", "Appendix" },
		{ "\xf0\x9f\x93\x9e 7. Contact Information", "Contact Information" },
		{ "Overview:", "Overview" },
		{ "Overview :: ", "Overview" },
		{ "---Overview", "Overview" },
		{ "**Overview", "Overview" },
		{ "  Support   Team\tReadiness  ", "Support Team Readiness" },
		{ "\xc3\x9c" "bersicht", "\xc3\x9c" "bersicht" },
		{ "\xc3\x89vacuation d'urgence", "\xc3\x89vacuation d'urgence" },
		{ "\xf0\x9f\x9a\xa8 \xc3\x89vacuation", "\xc3\x89vacuation" },
		{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e" },
		{ "24/7 Support", "24/7 Support" },
		{ "2025 Plan", "2025 Plan" },
		{ "AB. Not a letter number", "AB. Not a letter number" },
		{ "Appendix A: Quick Reference Commands", "Appendix A: Quick Reference Commands" },
		{ "Level 1: Support", "Level 1: Support" },
		{ "\xe2\x86\x92 Next steps", "Next steps" },
		{ "\xc2\xa7 3. Scope", "Scope" },
		{ "\xf0\x9f\x9a\xa8", "" },
		{ "", "" },
		{ "Rollback Procedures \xe2\x9c\x85", "Rollback Procedures \xe2\x9c\x85" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		or_buf b = OR_BUF_INIT;

		or_text_heading_name(&b, cases[i].in, strlen(cases[i].in));
		ck_assert_msg(strcmp(or_buf_cstr(&b), cases[i].out) == 0, "'%s' -> '%s', want '%s'",
			      cases[i].in, or_buf_cstr(&b), cases[i].out);
		or_buf_dispose(&b);
	}
}
END_TEST

START_TEST(test_heading_name_appends)
{
	or_buf b = OR_BUF_INIT;

	or_buf_puts(&b, "x:");
	or_text_heading_name(&b, "1. Overview:", 12);
	ck_assert_str_eq(or_buf_cstr(&b), "x:Overview");
	/* only `len` bytes are read */
	or_buf_clear(&b);
	or_text_heading_name(&b, "Overview and more", 8);
	ck_assert_str_eq(or_buf_cstr(&b), "Overview");
	or_buf_dispose(&b);
}
END_TEST

START_TEST(test_key)
{
	static const text_case cases[] = {
		{ "On-Call", "on call" },
		{ "on call", "on call" },
		{ "ON_CALL:", "on call" },
		{ "Last Updated", "last updated" },
		{ "last_updated", "last updated" },
		{ "**Last  Updated:**", "last updated" },
		{ "  Next.Review  ", "next review" },
		{ "\xf0\x9f\x93\x9e Primary On-Call", "primary on call" },
		{ "\xc3\x9c" "bersicht Stand", "\xc3\x9c" "bersicht stand" },
		{ "RTO (minutes)", "rto minutes" },
		{ "Level 2", "level 2" },
		{ "majorRevisions", "major revisions" },
		{ "lastReviewedOn", "last reviewed on" },
		{ "SOC2 RTO", "soc2 rto" },
		{ "---", "" },
		{ "", "" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		or_buf b = OR_BUF_INIT;

		or_text_key(&b, cases[i].in, strlen(cases[i].in));
		ck_assert_msg(strcmp(or_buf_cstr(&b), cases[i].out) == 0, "'%s' -> '%s', want '%s'",
			      cases[i].in, or_buf_cstr(&b), cases[i].out);
		or_buf_dispose(&b);
	}
	ck_assert(or_text_key_equal("On-Call", "on call"));
	ck_assert(or_text_key_equal("Last Updated", "last_updated"));
	ck_assert(or_text_key_equal("Document Status:", "document-status"));
	ck_assert(!or_text_key_equal("Last Updated", "Last Update"));
	ck_assert(!or_text_key_equal("oncall", "on call"));
	ck_assert(!or_text_key_equal("a", NULL));
	ck_assert(or_text_key_equal(NULL, NULL));
}
END_TEST

START_TEST(test_slug)
{
	static const text_case cases[] = {
		{ "Overview", "overview" },
		{ "Emergency Procedures", "emergency-procedures" },
		{ "\xf0\x9f\x9a\xa8 Emergency Procedures", "-emergency-procedures" },
		{ "a  b", "a--b" },
		{ "Step 1: Check (logs)!", "step-1-check-logs" },
		{ "snake_case and-dash", "snake_case-and-dash" },
		{ "Appendix A: Quick Reference", "appendix-a-quick-reference" },
		/* GitHub lower-cases every letter, not only ASCII */
		{ "\xc3\x9c" "berblick", "\xc3\xbc" "berblick" },
		{ "\xce\xa9\xce\xbc\xce\xad\xce\xb3\xce\xb1", "\xcf\x89\xce\xbc\xce\xad\xce\xb3\xce\xb1" },
		{ "\xd0\x9f\xd0\xbb\xd0\xb0\xd0\xbd", "\xd0\xbf\xd0\xbb\xd0\xb0\xd0\xbd" },
		{ "\xc5\x81\xc3\xb3" "d\xc5\xba", "\xc5\x82\xc3\xb3" "d\xc5\xba" },
		{ "What's new?", "whats-new" },
		{ "C++ & C#", "c--c" },
		{ "2.3 Rollback", "23-rollback" },
		/* the emoji goes, its variation selector (a mark) stays, as
		 * github-slugger keeps it; a zero-width joiner (a format
		 * character) goes */
		{ "\xe2\x9a\xa0\xef\xb8\x8f Deprecation warnings", "\xef\xb8\x8f-deprecation-warnings" },
		{ "1\xef\xb8\x8f\xe2\x83\xa3 First", "1\xef\xb8\x8f\xe2\x83\xa3-first" },
		{ "a\xe2\x80\x8d" "b", "ab" },
		{ "", "" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		or_buf b = OR_BUF_INIT;

		or_text_slug(&b, cases[i].in, strlen(cases[i].in));
		ck_assert_msg(strcmp(or_buf_cstr(&b), cases[i].out) == 0, "'%s' -> '%s', want '%s'",
			      cases[i].in, or_buf_cstr(&b), cases[i].out);
		or_buf_dispose(&b);
	}
}
END_TEST

/* The site generators' anchor rules. */
START_TEST(test_slug_generators)
{
	static const struct {
		or_slug_style style;
		const char *in, *out;
	} cases[] = {
		{ OR_SLUG_PYTHON_MARKDOWN, "\xc3\x9c" "berblick", "uberblick" },
		{ OR_SLUG_PYTHON_MARKDOWN, "Step 1: Check (logs)!", "step-1-check-logs" },
		{ OR_SLUG_PYTHON_MARKDOWN, "a - b", "a-b" },
		{ OR_SLUG_PYTHON_MARKDOWN, "\xce\xa9 snake_case ", "snake_case" },
		{ OR_SLUG_PYTHON_MARKDOWN, "-a-", "-a-" },
		{ OR_SLUG_KRAMDOWN, "2.3 Rollback", "rollback" },
		{ OR_SLUG_KRAMDOWN, "What's new?", "whats-new" },
		{ OR_SLUG_KRAMDOWN, "\xc3\x9c" "berblick der Dienste", "berblick-der-dienste" },
		{ OR_SLUG_REDCARPET, "The director's database is gone", "the-directors-database-is-gone" },
		{ OR_SLUG_REDCARPET_OLD, "The director's database is gone",
		  "the-director-39-s-database-is-gone" },
		{ OR_SLUG_REDCARPET, "Step 1: Check (logs)!", "step-1-check-logs" },
		{ OR_SLUG_REDCARPET, "Tom & Jerry", "tom-jerry" },
		{ OR_SLUG_GITHUB, "What's new?", "whats-new" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		or_buf b = OR_BUF_INIT;

		or_text_slug_generator(&b, cases[i].in, strlen(cases[i].in), cases[i].style);
		ck_assert_msg(strcmp(or_buf_cstr(&b), cases[i].out) == 0, "%d '%s' -> '%s', want '%s'",
			      (int)cases[i].style, cases[i].in, or_buf_cstr(&b), cases[i].out);
		or_buf_dispose(&b);
	}
}
END_TEST

START_TEST(test_trim)
{
	size_t len = 9;
	const char *s = or_text_trim("  ab c \t\n", &len);

	ck_assert_uint_eq(len, 4);
	ck_assert(memcmp(s, "ab c", 4) == 0);
	len = 3;
	s = or_text_trim("   ", &len);
	ck_assert_uint_eq(len, 0);
	len = 0;
	s = or_text_trim("", &len);
	ck_assert_uint_eq(len, 0);
	len = 5;
	s = or_text_trim("hello", &len);
	ck_assert_uint_eq(len, 5);
	ck_assert(memcmp(s, "hello", 5) == 0);
}
END_TEST

START_TEST(test_find)
{
	const char *s = "Status: TODO_list is not a todo; TODOS neither; see TODO.";
	const char *hit;

	hit = or_text_find_word(s, strlen(s), "todo");
	ck_assert_ptr_nonnull(hit);
	ck_assert_int_eq((int)(hit - s), 27);
	hit = or_text_find_word(s + 28, strlen(s + 28), "TODO");
	ck_assert_ptr_nonnull(hit);
	ck_assert_int_eq((int)(hit - s), 52);
	ck_assert_ptr_null(or_text_find_word("TODOS", 5, "todo"));
	ck_assert_ptr_null(or_text_find_word("xTBD", 4, "tbd"));
	ck_assert_ptr_nonnull(or_text_find_word("TBD", 3, "tbd"));
	ck_assert_ptr_null(or_text_find_word("TBD", 2, "tbd")); /* bounded by len */
	ck_assert_ptr_null(or_text_find_word("abc", 3, ""));
	ck_assert_ptr_nonnull(or_text_find_word("lorem ipsum dolor", 17, "Lorem Ipsum"));

	hit = or_text_find_ci("see Example.COM now", 19, "example.com");
	ck_assert_ptr_nonnull(hit);
	ck_assert_int_eq((int)(hit - "see Example.COM now" + 0), 4);
	ck_assert_ptr_null(or_text_find_ci("example.co", 10, "example.com"));
	ck_assert_ptr_null(or_text_find_ci("example.com", 7, "example.com"));
	ck_assert_ptr_nonnull(or_text_find_ci("abc", 3, ""));
}
END_TEST

/* One pass for several words finds what one search per word finds; exact
 * words skip occurrences in another case. */
START_TEST(test_find_words)
{
	static const char *const lines[] = {
		"Status: TODO_list is not a todo; TODOS neither; see TODO.",
		"todo TODO tbd TBD", "lorem ipsum dolor, Lorem Ipsum", "xTBD TBDx _TBD TBD_",
		"", "T", "to be determined by TBD", "FIXME: fixme later (XXX)",
	};
	static const or_text_word words[] = {
		{ "TODO", 4, true },  { "tbd", 3, false }, { "TBD", 3, true },
		{ "lorem ipsum", 11, false }, { "", 0, false }, { "to be determined", 16, false },
		{ "fixme", 5, false }, { "XXX", 3, true },
	};
	enum { NWORDS = sizeof words / sizeof words[0] };
	const char *hits[NWORDS];
	size_t l, w;

	for (l = 0; l < sizeof lines / sizeof lines[0]; l++) {
		const char *s = lines[l];
		size_t len = strlen(s);

		or_text_find_words(s, len, words, NWORDS, hits);
		for (w = 0; w < NWORDS; w++) {
			const char *want = or_text_find_word(s, len, words[w].word);

			/* exact: the first occurrence in the word's own case */
			while (want && words[w].exact && memcmp(want, words[w].word, words[w].len) != 0)
				want = or_text_find_word(want + words[w].len,
							 len - (size_t)(want + words[w].len - s),
							 words[w].word);
			ck_assert_msg(hits[w] == want, "line %zu, word '%s': at %td, want %td", l,
				      words[w].word, hits[w] ? hits[w] - s : -1, want ? want - s : -1);
		}
	}
	or_text_find_words(lines[1], strlen(lines[1]), words, NWORDS, hits);
	ck_assert_int_eq((int)(hits[0] - lines[1]), 5);  /* TODO, not todo */
	ck_assert_int_eq((int)(hits[1] - lines[1]), 10); /* tbd in any case */
	ck_assert_int_eq((int)(hits[2] - lines[1]), 14); /* TBD only */
}
END_TEST

START_TEST(test_levenshtein)
{
	ck_assert_uint_eq(or_text_levenshtein("", ""), 0);
	ck_assert_uint_eq(or_text_levenshtein("abc", ""), 3);
	ck_assert_uint_eq(or_text_levenshtein("", "abc"), 3);
	ck_assert_uint_eq(or_text_levenshtein("kitten", "sitting"), 3);
	ck_assert_uint_eq(or_text_levenshtein("flaw", "lawn"), 2);
	ck_assert_uint_eq(or_text_levenshtein("review.stale", "review.stale"), 0);
	ck_assert_uint_eq(or_text_levenshtein("review.stael", "review.stale"), 2);
	ck_assert_uint_eq(or_text_levenshtein("ab", "ba"), 2);
}
END_TEST

START_TEST(test_did_you_mean)
{
	static const char *const rules[] = {
		"review.stale", "review.overdue", "review.missing-date", "contacts.stale",
		"docs.placeholder", "training.missing", "training.expired",
	};
	const size_t n = sizeof(rules) / sizeof(rules[0]);

	ck_assert_str_eq(or_text_did_you_mean("review.stal", rules, n), "review.stale");
	ck_assert_str_eq(or_text_did_you_mean("reveiw.stale", rules, n), "review.stale");
	ck_assert_str_eq(or_text_did_you_mean("contact.stale", rules, n), "contacts.stale");
	ck_assert_str_eq(or_text_did_you_mean("docs.placeholdr", rules, n), "docs.placeholder");
	ck_assert_str_eq(or_text_did_you_mean("training.expird", rules, n), "training.expired");
	ck_assert_str_eq(or_text_did_you_mean("review.stale", rules, n), "review.stale");
	ck_assert_ptr_null(or_text_did_you_mean("something.else", rules, n));
	ck_assert_ptr_null(or_text_did_you_mean("xyz", rules, n));
	ck_assert_ptr_null(or_text_did_you_mean("review.stale", rules, 0));
	/* short words allow two edits */
	{
		static const char *const words[] = { "json", "junit", "sarif" };

		ck_assert_str_eq(or_text_did_you_mean("jsn", words, 3), "json");
		ck_assert_str_eq(or_text_did_you_mean("sarf", words, 3), "sarif");
		ck_assert_ptr_null(or_text_did_you_mean("html", words, 3));
	}
}
END_TEST

/* The bounded distance is the full one when within max, else max + 1, on
 * every pair of short strings of a small alphabet. */
START_TEST(test_levenshtein_bounded)
{
	char a[9], b[9];
	unsigned seed = 17;
	size_t trial, i, max;

	for (trial = 0; trial < 3000; trial++) {
		size_t la = (seed = seed * 1103515245u + 12345u) >> 16 & 7;
		size_t lb = (seed = seed * 1103515245u + 12345u) >> 16 & 7;

		for (i = 0; i < la; i++)
			a[i] = "ab c"[(seed = seed * 1103515245u + 12345u) >> 16 & 3];
		for (i = 0; i < lb; i++)
			b[i] = "ab c"[(seed = seed * 1103515245u + 12345u) >> 16 & 3];
		a[la] = b[lb] = '\0';
		for (max = 0; max <= 9; max++) {
			size_t full = or_text_levenshtein(a, b), cells = 0;
			size_t want = full <= max ? full : max + 1;

			ck_assert_uint_eq(or_text_levenshtein_bounded(a, la, b, lb, max, &cells), want);
		}
	}
	ck_assert_uint_eq(or_text_levenshtein_bounded("kitten", 6, "sitting", 7, 3, NULL), 3);
	ck_assert_uint_eq(or_text_levenshtein_bounded("kitten", 6, "sitting", 7, 2, NULL), 3);
	ck_assert_uint_eq(or_text_levenshtein_bounded("", 0, "abc", 3, 2, NULL), 3);
}
END_TEST

/* The work is a band around the diagonal, and stops once every path costs
 * more than max: two strings of 200,000 bytes cost O(max) per byte, or a
 * few rows when they differ from the start. */
START_TEST(test_levenshtein_bounded_work)
{
	size_t n = 200000, cells = 0;
	char *a = malloc(n + 1), *b = malloc(n + 1);

	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	memset(a, 'a', n);
	memset(b, 'a', n);
	a[n] = b[n] = '\0';
	b[n / 2] = 'b';
	ck_assert_uint_eq(or_text_levenshtein_bounded(a, n, b, n, 3, &cells), 1);
	ck_assert_uint_le(cells, 7 * n);
	memset(b, 'b', n);
	cells = 0;
	ck_assert_uint_eq(or_text_levenshtein_bounded(a, n, b, n, 3, &cells), 4);
	ck_assert_uint_le(cells, 7 * 5);
	free(a);
	free(b);
}
END_TEST

/* "Did you mean" skips long words and stops, with no suggestion, when the
 * caller's budget runs out; the budget carries over between calls. */
START_TEST(test_did_you_mean_budget)
{
	static const char *const anchors[] = { "restart-the-service", "roll-back", "escalate" };
	char word[OR_TEXT_SUGGEST_MAX_LEN + 2];
	const char *cand[1];
	size_t budget = 1000000;

	ck_assert_str_eq(or_text_did_you_mean_within("rol-back", anchors, 3, &budget),
			 "roll-back");
	ck_assert_uint_lt(budget, 1000000);
	ck_assert_uint_gt(budget, 1000000 - 200);
	budget = 3;
	ck_assert_ptr_null(or_text_did_you_mean_within("rol-back", anchors, 3, &budget));
	ck_assert_uint_eq(budget, 0);
	ck_assert_ptr_null(or_text_did_you_mean_within("escalate", anchors, 3, &budget));
	/* a word over the length cap gets nothing, even with an exact match */
	memset(word, 'x', sizeof(word) - 1);
	word[sizeof(word) - 1] = '\0';
	cand[0] = word;
	budget = 1000000;
	ck_assert_ptr_null(or_text_did_you_mean_within(word, cand, 1, &budget));
	word[OR_TEXT_SUGGEST_MAX_LEN] = '\0';
	ck_assert_ptr_eq(or_text_did_you_mean_within(word, cand, 1, &budget), word);
}
END_TEST

static void check_escape(const char *in, const char *want, bool line_start)
{
	or_buf out = OR_BUF_INIT;

	or_buf_puts(&out, "");
	if (line_start)
		or_escape_line_start(&out, in);
	else
		or_escape_text(&out, in);
	ck_assert_str_eq(out.ptr, want);
	or_buf_dispose(&out);
}

/* Issue 17, defect 7: what the repository wrote reaches a terminal or a CI
 * log as visible escapes, never as a line break, a sequence or a command. */
START_TEST(test_escape)
{
	char small[8];

	check_escape("plain ascii: ok", "plain ascii: ok", false);
	check_escape("a\nb\rc\td", "a\\nb\\rc\\td", false);
	check_escape("\x1b]0;t\x07\x7f", "\\x1b]0;t\\x07\\x7f", false);
	check_escape("c1 \xc2\x9b and \xc2\x85", "c1 \\u009b and \\u0085", false);
	check_escape("txt\xe2\x80\xaegpj \xe2\x81\xa6", "txt\\u202egpj \\u2066", false);
	check_escape("bad \xff\xc3", "bad \\xff\\xc3", false);
	check_escape("caf\xc3\xa9 \xe2\x9c\x85", "caf\xc3\xa9 \xe2\x9c\x85", false);
	check_escape("::error::x", "::error::x", false);
	check_escape("::error file=x::y", "\\x3a:error file=x::y", true);
	check_escape(" \t::add-mask::s", " \\t\\x3a:add-mask::s", true);
	check_escape(":one:", ":one:", true);
	check_escape("a::b", "a::b", true);
	or_escape_text_to(small, sizeof(small), "\n\n\n\n");
	ck_assert_str_eq(small, "\\n\\n\\n");
}
END_TEST

Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_heading_name);
	tcase_add_test(tc, test_heading_name_appends);
	tcase_add_test(tc, test_key);
	tcase_add_test(tc, test_slug);
	tcase_add_test(tc, test_slug_generators);
	tcase_add_test(tc, test_trim);
	tcase_add_test(tc, test_find);
	tcase_add_test(tc, test_find_words);
	tcase_add_test(tc, test_levenshtein);
	tcase_add_test(tc, test_did_you_mean);
	tcase_add_test(tc, test_levenshtein_bounded);
	tcase_add_test(tc, test_levenshtein_bounded_work);
	tcase_add_test(tc, test_did_you_mean_budget);
	tcase_add_test(tc, test_escape);
	suite_add_tcase(s, tc);
	return s;
}
