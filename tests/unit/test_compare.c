/*
 * Comparing two reports built in the test: new, fixed and unchanged
 * findings by fingerprint, the score change overall and by area, and the
 * new active findings at or above a fail_on; a report that lacks a fact
 * gives null for it.
 */
#include <check.h>
#include <string.h>

#include "opsready/compare.h"
#include "report/value.h"
#include "suites.h"

static json_t *finding(const char *severity, const char *fingerprint, const char *status)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "rule", "docs.x", "severity", severity,
			 "message", "wrong", "file", "runbooks/a.md", "fingerprint", fingerprint,
			 "status", status);
}

static or_report *report(const char *commit, double score, json_t *areas, json_t *findings)
{
	or_diag diag = OR_DIAG_INIT;
	or_report *out;
	json_t *root = json_pack("{s:i, s:{s:s, s:s, s:s}, s:{s:s, s:f, s:o}, s:o}", "schema_version",
				 1, "scan", "root", "/repo", "commit", commit, "now", "2026-06-01",
				 "summary", "verdict", "fail", "score", score, "areas", areas,
				 "findings", findings);

	ck_assert_ptr_nonnull(root);
	ck_assert_int_eq(or_report_from_json(&out, root, commit, &diag), 0);
	return out;
}

static json_t *area(double score)
{
	return json_pack("{s:f, s:i, s:i}", "score", score, "evaluations", 4, "findings", 1);
}

static or_report *old_report(void)
{
	return report("old", 80.0, json_pack("{s:o, s:o}", "docs", area(75.0), "review", area(90.0)),
		      json_pack("[o, o, o]", finding("error", "aaaaaaaaaaaaaaaa", "active"),
				finding("warning", "bbbbbbbbbbbbbbbb", "active"),
				finding("error", "eeeeeeeeeeeeeeee", "active")));
}

static or_report *new_report(void)
{
	return report("new", 85.5,
		      json_pack("{s:o, s:o, s:o}", "docs", area(80.0), "review", area(90.0), "drills",
				area(100.0)),
		      json_pack("[o, o, o, o, o, o]", finding("warning", "bbbbbbbbbbbbbbbb", "active"),
				finding("error", "cccccccccccccccc", "active"),
				finding("error", "dddddddddddddddd", "waived"),
				finding("notice", "ffffffffffffffff", "active"),
				finding("warning", "1111111111111111", "active"),
				finding("error", "eeeeeeeeeeeeeeee", "baseline")));
}

static const char *fingerprint_at(const json_t *diff, const char *key, size_t i)
{
	return json_string_value(json_object_get(json_array_get(json_object_get(diff, key), i),
						 "fingerprint"));
}

static double number_at(const json_t *object, const char *key)
{
	ck_assert_msg(json_is_number(json_object_get(object, key)), "no number %s", key);
	return json_number_value(json_object_get(object, key));
}

START_TEST(test_diff_findings)
{
	or_report *old_r = old_report(), *new_r = new_report(), *diff;
	or_diag diag = OR_DIAG_INIT;
	const json_t *root, *counts;

	ck_assert_int_eq(or_report_diff(&diff, old_r, new_r, &diag), 0);
	root = diff->root;
	ck_assert_str_eq(json_string_value(json_object_get(root, "kind")), "diff");
	counts = json_object_get(root, "counts");
	ck_assert_int_eq(json_integer_value(json_object_get(counts, "new")), 4);
	ck_assert_int_eq(json_integer_value(json_object_get(counts, "fixed")), 1);
	ck_assert_int_eq(json_integer_value(json_object_get(counts, "unchanged")), 2);
	/* in the new report's order; a finding now in the baseline is unchanged */
	ck_assert_str_eq(fingerprint_at(root, "new_findings", 0), "cccccccccccccccc");
	ck_assert_str_eq(fingerprint_at(root, "new_findings", 1), "dddddddddddddddd");
	ck_assert_str_eq(fingerprint_at(root, "new_findings", 2), "ffffffffffffffff");
	ck_assert_str_eq(fingerprint_at(root, "new_findings", 3), "1111111111111111");
	ck_assert_str_eq(fingerprint_at(root, "fixed_findings", 0), "aaaaaaaaaaaaaaaa");
	ck_assert_str_eq(fingerprint_at(root, "unchanged_findings", 0), "bbbbbbbbbbbbbbbb");
	ck_assert_str_eq(fingerprint_at(root, "unchanged_findings", 1), "eeeeeeeeeeeeeeee");
	ck_assert_str_eq(json_string_value(json_object_get(
				 json_array_get(json_object_get(root, "unchanged_findings"), 1), "status")),
			 "baseline");
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(root, "old"), "commit")),
			 "old");
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(root, "new"), "commit")),
			 "new");
	or_report_free(diff);
	or_report_free(old_r);
	or_report_free(new_r);
}
END_TEST

START_TEST(test_diff_score)
{
	or_report *old_r = old_report(), *new_r = new_report(), *diff;
	or_diag diag = OR_DIAG_INIT;
	const json_t *score, *areas;

	ck_assert_int_eq(or_report_diff(&diff, old_r, new_r, &diag), 0);
	score = json_object_get(diff->root, "score");
	ck_assert_double_eq(number_at(score, "old"), 80.0);
	ck_assert_double_eq(number_at(score, "new"), 85.5);
	areas = json_object_get(score, "areas");
	ck_assert_uint_eq(json_object_size(areas), 3); /* the new report's areas */
	ck_assert_double_eq(number_at(json_object_get(areas, "docs"), "old"), 75.0);
	ck_assert_double_eq(number_at(json_object_get(areas, "docs"), "new"), 80.0);
	ck_assert_double_eq(number_at(json_object_get(areas, "review"), "old"), 90.0);
	/* an area the old report did not have */
	ck_assert(json_is_null(json_object_get(json_object_get(areas, "drills"), "old")));
	ck_assert_double_eq(number_at(json_object_get(areas, "drills"), "new"), 100.0);
	or_report_free(diff);
	or_report_free(old_r);
	or_report_free(new_r);
}
END_TEST

START_TEST(test_diff_fail_on)
{
	or_report *old_r = old_report(), *new_r = new_report(), *diff;
	or_diag diag = OR_DIAG_INIT;

	ck_assert_int_eq(or_report_diff(&diff, old_r, new_r, &diag), 0);
	/* new and active: an error, a notice, a warning (the waived error is not) */
	ck_assert_uint_eq(or_diff_new_at_or_above(diff, "error"), 1);
	ck_assert_uint_eq(or_diff_new_at_or_above(diff, "warning"), 2);
	ck_assert_uint_eq(or_diff_new_at_or_above(diff, "notice"), 3);
	ck_assert_uint_eq(or_diff_new_at_or_above(diff, "never"), 0);
	ck_assert_uint_eq(or_diff_new_at_or_above(diff, "bogus"), 1); /* as error */
	or_report_free(diff);

	/* the other way: only the fixed error is new */
	ck_assert_int_eq(or_report_diff(&diff, new_r, old_r, &diag), 0);
	ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(diff->root, "counts"),
							    "new")),
			 1);
	ck_assert_uint_eq(or_diff_new_at_or_above(diff, "error"), 1);
	ck_assert_uint_eq(or_diff_new_at_or_above(diff, "never"), 0);
	or_report_free(diff);
	or_report_free(old_r);
	or_report_free(new_r);
}
END_TEST

/* A scan without `commit` and an area without `score`: null in the diff,
 * not a diff that cannot be built. */
START_TEST(test_diff_missing_keys)
{
	or_report *before = old_report(), *after = new_report(), *diff;
	or_diag diag = OR_DIAG_INIT;
	const json_t *areas;

	json_object_del(json_object_get(after->root, "scan"), "commit");
	json_object_del(json_object_get(json_object_get(json_object_get(after->root, "summary"),
							"areas"),
					"drills"),
			"score");
	ck_assert_int_eq(or_report_diff(&diff, before, after, &diag), 0);
	ck_assert_ptr_nonnull(diff->root);
	ck_assert(json_is_null(json_object_get(json_object_get(diff->root, "new"), "commit")));
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(diff->root, "old"),
							   "commit")),
			 "old");
	areas = json_object_get(json_object_get(diff->root, "score"), "areas");
	ck_assert(json_is_null(json_object_get(json_object_get(areas, "drills"), "new")));
	ck_assert(json_is_null(json_object_get(json_object_get(areas, "drills"), "old")));
	ck_assert_double_eq(number_at(json_object_get(areas, "docs"), "new"), 80.0);
	ck_assert_uint_eq(or_diff_new_at_or_above(diff, "error"), 1);
	or_report_free(diff);
	or_report_free(before);
	or_report_free(after);
}
END_TEST

Suite *compare_suite(void)
{
	Suite *s = suite_create("compare");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_diff_findings);
	tcase_add_test(tc, test_diff_score);
	tcase_add_test(tc, test_diff_fail_on);
	tcase_add_test(tc, test_diff_missing_keys);
	suite_add_tcase(s, tc);
	return s;
}
