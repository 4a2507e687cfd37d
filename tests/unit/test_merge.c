/*
 * Merging reports built in the test: paths under the repository's name,
 * fingerprints made unique, the summary recomputed by the score's formula
 * (and agreeing with the gate's on nine areas), fail_on from the first
 * report, a row per repository even when its scan lacks a key.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include <git2.h>

#include "checks/check.h"
#include "gate/gate.h"
#include "opsready/compare.h"
#include "report/value.h"
#include "suites.h"

static json_t *finding(const char *rule, const char *severity, const char *file,
		       const char *fingerprint, const char *status)
{
	const char *dot = strchr(rule, '.');

	return json_pack("{s:s, s:s, s:s%, s:s, s:s?, s:i, s:i, s:s, s:n, s:s, s:s}", "rule", rule,
			 "severity", severity, "area", rule, (size_t)(dot - rule), "message",
			 "wrong", "file", file, "line", 1, "column", 1, "subject", "document",
			 "evidence", "fingerprint", fingerprint, "status", status);
}

/* A group of `n` evaluations ("s0", "s1", ...) of one rule, file and outcome. */
static json_t *group(const char *rule, const char *file, const char *outcome, size_t n)
{
	json_t *subjects = json_array();
	char subject[32];
	size_t i;

	for (i = 0; i < n; i++) {
		snprintf(subject, sizeof(subject), "s%zu", i);
		json_array_append_new(subjects, json_string(subject));
	}
	return json_pack("{s:s, s:s?, s:s, s:n, s:o}", "rule", rule, "file", file, "outcome",
			 outcome, "reason", "subjects", subjects);
}

static json_t *rule(const char *id, const char *severity)
{
	return json_pack("{s:s, s:s}", "id", id, "severity", severity);
}

/* A report of the schema's shape with these parts (references stolen);
 * its own summary is only copied into the merged report's row. */
static or_report *report(const char *fail_on, json_t *rules, json_t *findings, json_t *evaluations,
			 const char *verdict, double score)
{
	or_diag diag = OR_DIAG_INIT;
	or_report *out;
	json_t *root = json_pack(
		"{s:i, s:{s:s, s:s, s:n, s:s, s:i, s:i, s:s, s:[s], s:{s:b}}, s:{s:s, s:n},"
		" s:{s:s, s:f, s:{}, s:{s:i, s:i, s:i}}, s:o, s:o, s:o}",
		"schema_version", 1, "scan", "root", "/repo", "commit", "abc", "branch", "now",
		"2026-06-01", "files", 3, "documents", 2, "rules_digest", "sha1:x", "packs",
		"business-continuity",
		"history", "available", true, "gate", "fail_on", fail_on, "min_score", "summary",
		"verdict", verdict, "score", score, "areas", "counts", "error", 0, "warning", 0,
		"notice", 0, "rules", rules, "findings", findings, "evaluations", evaluations);

	ck_assert_ptr_nonnull(root);
	ck_assert_int_eq(or_report_from_json(&out, root, "test", &diag), 0);
	return out;
}

static or_report *alpha(const char *fail_on)
{
	return report(fail_on, json_pack("[o, o]", rule("docs.owner", "error"),
					 rule("review.stale", "warning")),
		      json_pack("[o]", finding("docs.owner", "error", "runbooks/a.md",
					       "0123456789abcdef", "active")),
		      json_pack("[o, o, o]", group("docs.owner", "runbooks/b.md", "pass", 1),
				group("review.stale", "runbooks/a.md", "pass", 1),
				group("review.stale", NULL, "skipped", 4)),
		      "fail", 50.0);
}

static or_report *beta(const char *fail_on)
{
	return report(fail_on,
		      json_pack("[o, o, o]", rule("docs.owner", "error"),
				rule("review.stale", "warning"), rule("drills.overdue", "notice")),
		      json_pack("[o, o, o]",
				finding("review.stale", "warning", "runbooks/r.md", "1111111111111111",
					"active"),
				finding("docs.owner", "error", "runbooks/w.md", "2222222222222222",
					"waived"),
				finding("drills.overdue", "notice", NULL, "3333333333333333",
					"active")),
		      json_pack("[o]", group("docs.owner", "runbooks/x.md", "pass", 2)), "pass",
		      87.5);
}

static or_report *merge(or_report **reports, const char *const *names, size_t n)
{
	or_diag diag = OR_DIAG_INIT;
	or_report *merged;

	ck_assert_int_eq(or_report_merge(&merged, (const or_report *const *)reports, names, n,
					 &diag), 0);
	return merged;
}

static const json_t *summary_of(const or_report *r)
{
	return json_object_get(r->root, "summary");
}

static json_int_t int_at(const json_t *object, const char *key)
{
	ck_assert_msg(json_is_integer(json_object_get(object, key)), "no integer %s", key);
	return json_integer_value(json_object_get(object, key));
}

static void assert_area(const json_t *summary, const char *area, double score, json_int_t evaluations,
			json_int_t findings)
{
	const json_t *a = json_object_get(json_object_get(summary, "areas"), area);

	ck_assert_msg(a != NULL, "no area %s", area);
	if (score < 0)
		ck_assert(json_is_null(json_object_get(a, "score")));
	else
		ck_assert_double_eq(json_real_value(json_object_get(a, "score")), score);
	ck_assert_int_eq(int_at(a, "evaluations"), evaluations);
	ck_assert_int_eq(int_at(a, "findings"), findings);
}

START_TEST(test_merge_two)
{
	static const char *const names[] = { "alpha", "beta" };
	static const char *const order[] = { "docs", "review", "training", "drills", "contacts" };
	or_report *reports[2] = { alpha("error"), beta("warning") };
	or_report *merged = merge(reports, names, 2);
	const json_t *summary = summary_of(merged);
	const json_t *repositories = json_object_get(merged->root, "repositories");
	const char *key;
	json_t *value;
	size_t i = 0;
	char expected[17];
	git_oid oid;

	/* paths under the repository's name; a repository-wide finding has none */
	ck_assert_uint_eq(merged->findings.count, 4);
	ck_assert_str_eq(merged->findings.items[0].file, "alpha/runbooks/a.md");
	ck_assert_str_eq(merged->findings.items[1].file, "beta/runbooks/r.md");
	ck_assert_str_eq(merged->findings.items[2].file, "beta/runbooks/w.md");
	ck_assert_ptr_null(merged->findings.items[3].file);
	ck_assert_uint_eq(merged->evaluations.ngroups, 4);
	ck_assert_str_eq(merged->evaluations.groups[0].file, "alpha/runbooks/b.md");
	ck_assert_ptr_null(merged->evaluations.groups[2].file);
	ck_assert_str_eq(merged->evaluations.groups[3].file, "beta/runbooks/x.md");
	/* fingerprints: of "NAME\nfingerprint" */
	git_odb_hash(&oid, "alpha\n0123456789abcdef", 22, GIT_OBJECT_BLOB);
	git_oid_tostr(expected, sizeof(expected), &oid);
	ck_assert_str_eq(merged->findings.items[0].fingerprint, expected);

	/*
	 * docs: 1 error failed, 1 passed (alpha), 1 waived, 2 passed (beta):
	 * 12 of 15; review: 1 warning passed, 1 failed (the skipped do not
	 * count): 1 of 2; drills: a notice, weighing nothing. 13 of 17 = 76.47.
	 */
	ck_assert_str_eq(json_string_value(json_object_get(summary, "verdict")), "fail");
	ck_assert_double_eq(json_real_value(json_object_get(summary, "score")), 76.5);
	assert_area(summary, "docs", 80.0, 5, 1);
	assert_area(summary, "review", 50.0, 2, 1);
	assert_area(summary, "training", -1, 0, 0);
	assert_area(summary, "drills", 100.0, 1, 1);
	assert_area(summary, "contacts", -1, 0, 0);
	json_object_foreach(json_object_get(summary, "areas"), key, value)
		ck_assert_str_eq(key, order[i++]);
	ck_assert_uint_eq(i, 5);
	ck_assert_int_eq(int_at(json_object_get(summary, "counts"), "error"), 1);
	ck_assert_int_eq(int_at(json_object_get(summary, "counts"), "warning"), 1);
	ck_assert_int_eq(int_at(json_object_get(summary, "counts"), "notice"), 1);
	ck_assert_int_eq(int_at(summary, "waived"), 1);
	ck_assert_int_eq(int_at(summary, "suppressed"), 0);
	ck_assert_int_eq(int_at(summary, "evaluations"), 8);
	ck_assert_int_eq(int_at(summary, "findings"), 4);

	/* fail_on of the first report; a row per repository with its own summary */
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(merged->root, "gate"),
							   "fail_on")),
			 "error");
	ck_assert_int_eq(int_at(json_object_get(merged->root, "scan"), "documents"), 4);
	ck_assert_uint_eq(json_array_size(repositories), 2);
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(repositories, 1), "name")),
			 "beta");
	ck_assert_double_eq(
		json_real_value(json_object_get(json_array_get(repositories, 1), "score")), 87.5);
	or_report_free(merged);
	or_report_free(reports[0]);
	or_report_free(reports[1]);
}
END_TEST

/* beta alone: an active warning and an active notice; alpha alone */
START_TEST(test_merge_fail_on)
{
	static const char *const names[] = { "beta" };
	static const char *const levels[] = { "error", "warning", "notice", "never", "bogus" };
	static const char *const verdicts[] = { "pass", "fail", "fail", "pass", "pass" };
	size_t i;

	for (i = 0; i < 5; i++) {
		or_report *one[1] = { beta(levels[i]) };
		or_report *merged = merge(one, names, 1);

		ck_assert_msg(strcmp(json_string_value(json_object_get(summary_of(merged), "verdict")),
				     verdicts[i]) == 0,
			      "fail_on %s", levels[i]);
		/* the waived error and two passes of it, not the warning: 9 of 10 */
		ck_assert_double_eq(json_real_value(json_object_get(summary_of(merged), "score")),
				    90.0);
		or_report_free(merged);
		or_report_free(one[0]);
	}
	/* alpha alone: an active error; an unknown fail_on is "error" */
	for (i = 0; i < 5; i++) {
		or_report *one[1] = { alpha(levels[i]) };
		or_report *merged = merge(one, names, 1);

		ck_assert_msg(strcmp(json_string_value(json_object_get(summary_of(merged), "verdict")),
				     i == 3 ? "pass" : "fail") == 0,
			      "fail_on %s", levels[i]);
		or_report_free(merged);
		or_report_free(one[0]);
	}
}
END_TEST

#define RULE(id_, area_, severity_) \
	{ .id = (char *)(id_), .area = (char *)(area_), .severity = (severity_), .enabled = true }

/* Nine areas: the merged report of one scan scores as its gate did. */
START_TEST(test_merge_nine_areas)
{
	static or_rule rules[] = {
		RULE("docs.a", "docs", OR_SEV_ERROR),         RULE("review.a", "review", OR_SEV_WARNING),
		RULE("training.a", "training", OR_SEV_ERROR), RULE("drills.a", "drills", OR_SEV_ERROR),
		RULE("contacts.a", "contacts", OR_SEV_NOTICE), RULE("waiver.a", "waiver", OR_SEV_WARNING),
		RULE("zeta.a", "zeta", OR_SEV_ERROR),         RULE("alpha.a", "alpha", OR_SEV_ERROR),
		RULE("omega.a", "omega", OR_SEV_ERROR),
	};
	/* per rule: passes, failures (active), waived */
	static const size_t plan[9][3] = { { 4, 1, 0 }, { 2, 1, 1 }, { 3, 0, 0 }, { 0, 2, 0 },
					   { 1, 3, 0 }, { 0, 1, 0 }, { 2, 0, 0 }, { 1, 1, 0 },
					   { 0, 2, 1 } };
	static const char *const names[] = { "one" };
	json_t *rules_json = json_array(), *findings = json_array(), *groups = json_array();
	or_gate_options options = { OR_SEV_ERROR, false, 0, NULL };
	or_results results;
	or_gate gate;
	or_report *one[1], *merged;
	const json_t *summary;
	size_t r, k;
	char fingerprint[17];

	or_results_init(&results);
	for (r = 0; r < 9; r++) {
		or_check_ctx ctx = { NULL, &rules[r], &results, NULL };

		json_array_append_new(rules_json, rule(rules[r].id, or_severity_name(rules[r].severity)));
		if (plan[r][0])
			json_array_append_new(groups, group(rules[r].id, "runbooks/a.md", "pass",
							    plan[r][0]));
		for (k = 0; k < plan[r][0]; k++)
			or_eval_pass(&ctx, "runbooks/a.md", "s");
		for (k = 0; k < plan[r][1] + plan[r][2]; k++) {
			bool waived = k >= plan[r][1];

			or_eval_fail(&ctx, "runbooks/a.md", 1, 1, "f", "x", "wrong");
			if (waived) {
				results.items[results.count - 1].outcome = OR_OUTCOME_WAIVED;
				results.items[results.count - 1].status = OR_FINDING_WAIVED;
			}
			snprintf(fingerprint, sizeof(fingerprint), "%016zx", results.count);
			json_array_append_new(findings,
					      finding(rules[r].id, or_severity_name(rules[r].severity),
						      "runbooks/a.md", fingerprint,
						      waived ? "waived" : "active"));
		}
	}
	or_gate_evaluate(&gate, &results, &options);
	one[0] = report("error", rules_json, findings, groups, gate.passed ? "pass" : "fail",
			gate.score.value);
	merged = merge(one, names, 1);
	summary = summary_of(merged);

	ck_assert_uint_eq(gate.score.nareas, 9);
	ck_assert_uint_eq(json_object_size(json_object_get(summary, "areas")), 9);
	for (r = 0; r < 9; r++) {
		const or_area_score *a = &gate.score.areas[r];
		assert_area(summary, a->area, a->evaluations ? a->score : -1, (json_int_t)a->evaluations,
			    (json_int_t)a->findings);
	}
	ck_assert_double_eq(json_real_value(json_object_get(summary, "score")), gate.score.value);
	ck_assert_int_eq(int_at(summary, "evaluations"), (json_int_t)gate.evaluations);
	ck_assert_int_eq(int_at(summary, "waived"), (json_int_t)gate.waived);
	ck_assert_int_eq(int_at(json_object_get(summary, "counts"), "error"),
			 (json_int_t)gate.counts[OR_SEV_ERROR]);
	ck_assert_str_eq(json_string_value(json_object_get(summary, "verdict")),
			 gate.passed ? "pass" : "fail");
	/* and the numbers themselves: the ninth area is omega's alone */
	ck_assert_str_eq(gate.score.areas[8].area, "omega");
	ck_assert_double_eq(gate.score.areas[8].score, 33.3);
	ck_assert_double_eq(gate.score.areas[7].score, 50.0);
	/* passed 12+3+9+0+0+0+6+3+3 = 36 of 15+4+9+6+0+1+6+6+9 = 56 */
	ck_assert_double_eq(gate.score.value, 64.3);
	or_gate_dispose(&gate);
	or_results_dispose(&results);
	or_report_free(merged);
	or_report_free(one[0]);
}
END_TEST

/* A scan without a `branch` key (an older or hand-written report): the
 * repository keeps its row, with null there. */
START_TEST(test_merge_row_without_branch)
{
	static const char *const names[] = { "alpha", "beta" };
	or_report *reports[2] = { alpha("error"), beta("error") };
	or_report *merged;
	const json_t *repositories, *row;

	json_object_del(json_object_get(reports[0]->root, "scan"), "branch");
	json_object_del(json_object_get(reports[1]->root, "scan"), "commit");
	merged = merge(reports, names, 2);
	repositories = json_object_get(merged->root, "repositories");
	ck_assert_uint_eq(json_array_size(repositories), 2);
	row = json_array_get(repositories, 0);
	ck_assert_str_eq(json_string_value(json_object_get(row, "name")), "alpha");
	ck_assert(json_is_null(json_object_get(row, "branch")));
	ck_assert_str_eq(json_string_value(json_object_get(row, "commit")), "abc");
	ck_assert_str_eq(json_string_value(json_object_get(row, "root")), "/repo");
	ck_assert_double_eq(json_real_value(json_object_get(row, "score")), 50.0);
	row = json_array_get(repositories, 1);
	ck_assert_str_eq(json_string_value(json_object_get(row, "name")), "beta");
	ck_assert(json_is_null(json_object_get(row, "commit")));
	ck_assert(json_is_null(json_object_get(row, "branch"))); /* null in the report */
	ck_assert_str_eq(json_string_value(json_object_get(row, "verdict")), "pass");
	ck_assert_int_eq(int_at(json_object_get(row, "counts"), "error"), 0);
	or_report_free(merged);
	or_report_free(reports[0]);
	or_report_free(reports[1]);
}
END_TEST

Suite *merge_suite(void)
{
	Suite *s = suite_create("merge");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_merge_two);
	tcase_add_test(tc, test_merge_fail_on);
	tcase_add_test(tc, test_merge_nine_areas);
	tcase_add_test(tc, test_merge_row_without_branch);
	suite_add_tcase(s, tc);
	return s;
}
