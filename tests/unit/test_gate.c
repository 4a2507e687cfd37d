/*
 * The score and the gate over evaluations built by hand: the weights, the
 * rounding, what counts (waived and suppressed as passed, skipped not at
 * all), fail_on, min_score, and any number of areas.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "checks/check.h"
#include "gate/gate.h"
#include "gate/score.h"
#include "render/reporter.h"
#include "rules/severity.h"
#include "suites.h"

#define RULE(id_, area_, severity_) \
	{ .id = (char *)(id_), .area = (char *)(area_), .severity = (severity_), .enabled = true }

static or_rule docs_error = RULE("docs.error", "docs", OR_SEV_ERROR);
static or_rule docs_warning = RULE("docs.warning", "docs", OR_SEV_WARNING);
static or_rule docs_notice = RULE("docs.notice", "docs", OR_SEV_NOTICE);
static or_rule drills_error = RULE("drills.error", "drills", OR_SEV_ERROR);

/* `n` evaluations of `rule` with `outcome` (and `status`, for findings),
 * each of its own subject. */
static void add(or_results *results, const or_rule *rule, or_outcome outcome,
		or_finding_status status, size_t n)
{
	or_check_ctx ctx = { NULL, rule, results, NULL };
	size_t i;

	for (i = 0; i < n; i++) {
		char subject[32];
		or_evaluation *e;

		snprintf(subject, sizeof(subject), "s%zu", results->count);
		if (outcome == OR_OUTCOME_PASS) {
			or_eval_pass(&ctx, "runbooks/a.md", subject);
		} else if (outcome == OR_OUTCOME_SKIPPED) {
			or_eval_skip(&ctx, "runbooks/a.md", subject, "not applicable");
		} else {
			or_eval_fail(&ctx, "runbooks/a.md", 1, 1, subject, "x", "wrong");
			e = &results->items[results->count - 1];
			e->outcome = (unsigned char)outcome;
			e->status = (unsigned char)status;
		}
	}
}

static void evaluate(or_gate *gate, const or_results *results, or_severity fail_on,
		     bool has_min_score, double min_score)
{
	or_gate_options options = { fail_on, has_min_score, min_score, NULL };

	or_gate_evaluate(gate, results, &options);
}

START_TEST(test_weights)
{
	or_results results;
	or_gate gate;

	ck_assert_int_eq(or_score_weight(OR_SEV_ERROR), 3);
	ck_assert_int_eq(or_score_weight(OR_SEV_WARNING), 1);
	ck_assert_int_eq(or_score_weight(OR_SEV_NOTICE), 0);
	ck_assert_int_eq(or_score_weight(OR_SEV_NEVER), 0);

	or_results_init(&results);
	add(&results, &docs_error, OR_OUTCOME_PASS, 0, 3);
	add(&results, &docs_error, OR_OUTCOME_FAIL, OR_FINDING_ACTIVE, 1);
	add(&results, &docs_warning, OR_OUTCOME_PASS, 0, 1);
	add(&results, &docs_warning, OR_OUTCOME_FAIL, OR_FINDING_ACTIVE, 1);
	add(&results, &docs_notice, OR_OUTCOME_FAIL, OR_FINDING_ACTIVE, 5);
	evaluate(&gate, &results, OR_SEV_ERROR, false, 0);

	/* (3 x 3 + 1) / (4 x 3 + 2 x 1) = 10 / 14; the notices weigh nothing */
	ck_assert_double_eq(gate.score.value, 71.4);
	ck_assert_uint_eq(gate.evaluations, 11);
	ck_assert_uint_eq(gate.findings, 7);
	ck_assert_uint_eq(gate.counts[OR_SEV_ERROR], 1);
	ck_assert_uint_eq(gate.counts[OR_SEV_WARNING], 1);
	ck_assert_uint_eq(gate.counts[OR_SEV_NOTICE], 5);
	ck_assert_uint_eq(gate.failing, 1);
	ck_assert(!gate.passed);

	/* the five areas of the spec, in their order, even when unused */
	ck_assert_uint_eq(gate.score.nareas, 5);
	ck_assert_str_eq(gate.score.areas[0].area, "docs");
	ck_assert_double_eq(gate.score.areas[0].score, 71.4);
	ck_assert_uint_eq(gate.score.areas[0].evaluations, 11);
	ck_assert_uint_eq(gate.score.areas[0].findings, 7);
	ck_assert_str_eq(gate.score.areas[1].area, "review");
	ck_assert_str_eq(gate.score.areas[2].area, "training");
	ck_assert_str_eq(gate.score.areas[3].area, "drills");
	ck_assert_str_eq(gate.score.areas[4].area, "contacts");
	ck_assert_double_eq(gate.score.areas[1].score, 100.0);
	ck_assert_uint_eq(gate.score.areas[1].evaluations, 0);
	or_gate_dispose(&gate);
	or_results_dispose(&results);
}
END_TEST

START_TEST(test_rounding)
{
	or_results results;
	or_gate gate;

	ck_assert_double_eq(or_score_round(1, 16), 6.3);   /* 6.25: half up */
	ck_assert_double_eq(or_score_round(1, 2000), 0.1); /* 0.05: half up */
	ck_assert_double_eq(or_score_round(2, 3), 66.7);
	ck_assert_double_eq(or_score_round(1, 3), 33.3);
	ck_assert_double_eq(or_score_round(1, 8), 12.5);
	ck_assert_double_eq(or_score_round(0, 5), 0.0);
	ck_assert_double_eq(or_score_round(5, 5), 100.0);
	ck_assert_double_eq(or_score_round(0, 0), 100.0);

	/* one warning passed of sixteen: 6.25 -> 6.3 */
	or_results_init(&results);
	add(&results, &docs_warning, OR_OUTCOME_PASS, 0, 1);
	add(&results, &docs_warning, OR_OUTCOME_FAIL, OR_FINDING_ACTIVE, 15);
	evaluate(&gate, &results, OR_SEV_ERROR, false, 0);
	ck_assert_double_eq(gate.score.value, 6.3);
	ck_assert(gate.passed); /* warnings do not fail at fail_on error */
	or_gate_dispose(&gate);
	or_results_dispose(&results);

	/* nothing weighted evaluated: 100, whatever the notices say */
	or_results_init(&results);
	add(&results, &docs_notice, OR_OUTCOME_FAIL, OR_FINDING_ACTIVE, 4);
	evaluate(&gate, &results, OR_SEV_ERROR, false, 0);
	ck_assert_double_eq(gate.score.value, 100.0);
	ck_assert_double_eq(gate.score.areas[0].score, 100.0);
	ck_assert_uint_eq(gate.score.areas[0].evaluations, 4);
	or_gate_dispose(&gate);
	or_results_dispose(&results);
}
END_TEST

START_TEST(test_what_counts)
{
	or_results results;
	or_gate gate;

	or_results_init(&results);
	add(&results, &docs_error, OR_OUTCOME_PASS, 0, 1);
	add(&results, &docs_error, OR_OUTCOME_FAIL, OR_FINDING_ACTIVE, 1);
	add(&results, &docs_error, OR_OUTCOME_WAIVED, OR_FINDING_WAIVED, 1);
	add(&results, &docs_error, OR_OUTCOME_SUPPRESSED, OR_FINDING_SUPPRESSED, 1);
	add(&results, &docs_error, OR_OUTCOME_FAIL, OR_FINDING_BASELINE, 1);
	add(&results, &docs_error, OR_OUTCOME_FAIL, OR_FINDING_OUTSIDE_CHANGE, 1);
	add(&results, &docs_error, OR_OUTCOME_SKIPPED, 0, 10);
	add(&results, &drills_error, OR_OUTCOME_SKIPPED, 0, 3);
	evaluate(&gate, &results, OR_SEV_ERROR, false, 0);

	/* passed: the pass, the waived and the suppressed (3 x 3 of 6 x 3);
	 * the baseline and outside-change findings failed but do not fail the
	 * gate; the skipped ones are not there */
	ck_assert_double_eq(gate.score.value, 50.0);
	ck_assert_uint_eq(gate.evaluations, 6);
	ck_assert_uint_eq(gate.findings, 5);
	ck_assert_uint_eq(gate.waived, 1);
	ck_assert_uint_eq(gate.suppressed, 1);
	ck_assert_uint_eq(gate.baseline, 1);
	ck_assert_uint_eq(gate.outside_change, 1);
	ck_assert_uint_eq(gate.counts[OR_SEV_ERROR], 1);
	ck_assert_uint_eq(gate.failing, 1);
	ck_assert_uint_eq(gate.score.areas[0].evaluations, 6);
	ck_assert_uint_eq(gate.score.areas[0].findings, 1); /* active only */
	ck_assert_double_eq(gate.score.areas[0].score, 50.0);
	/* an area evaluated only by skipping */
	ck_assert_str_eq(gate.score.areas[3].area, "drills");
	ck_assert_uint_eq(gate.score.areas[3].evaluations, 0);
	ck_assert_double_eq(gate.score.areas[3].score, 100.0);
	or_gate_dispose(&gate);
	or_results_dispose(&results);
}
END_TEST

START_TEST(test_fail_on)
{
	or_results results;
	or_gate gate;

	or_results_init(&results);
	add(&results, &docs_warning, OR_OUTCOME_FAIL, OR_FINDING_ACTIVE, 1);
	add(&results, &docs_notice, OR_OUTCOME_FAIL, OR_FINDING_ACTIVE, 2);
	/* errors that do not count: waived, and in the baseline */
	add(&results, &docs_error, OR_OUTCOME_WAIVED, OR_FINDING_WAIVED, 1);
	add(&results, &docs_error, OR_OUTCOME_FAIL, OR_FINDING_BASELINE, 1);

	evaluate(&gate, &results, OR_SEV_ERROR, false, 0);
	ck_assert_uint_eq(gate.failing, 0);
	ck_assert(gate.passed);
	or_gate_dispose(&gate);
	evaluate(&gate, &results, OR_SEV_WARNING, false, 0);
	ck_assert_uint_eq(gate.failing, 1);
	ck_assert(!gate.passed);
	or_gate_dispose(&gate);
	evaluate(&gate, &results, OR_SEV_NOTICE, false, 0);
	ck_assert_uint_eq(gate.failing, 3);
	ck_assert(!gate.passed);
	or_gate_dispose(&gate);

	/* never: not even an active error fails */
	add(&results, &docs_error, OR_OUTCOME_FAIL, OR_FINDING_ACTIVE, 1);
	evaluate(&gate, &results, OR_SEV_NEVER, false, 0);
	ck_assert_uint_eq(gate.failing, 0);
	ck_assert_uint_eq(gate.counts[OR_SEV_ERROR], 1);
	ck_assert(gate.passed);
	or_gate_dispose(&gate);
	evaluate(&gate, &results, OR_SEV_ERROR, false, 0);
	ck_assert_uint_eq(gate.failing, 1);
	ck_assert(!gate.passed);
	or_gate_dispose(&gate);
	or_results_dispose(&results);
}
END_TEST

START_TEST(test_min_score)
{
	or_results results;
	or_gate gate;

	or_results_init(&results);
	add(&results, &docs_error, OR_OUTCOME_PASS, 0, 3);
	add(&results, &docs_error, OR_OUTCOME_FAIL, OR_FINDING_ACTIVE, 1);

	evaluate(&gate, &results, OR_SEV_NEVER, true, 75.0); /* 75.0 is not below 75 */
	ck_assert_double_eq(gate.score.value, 75.0);
	ck_assert(gate.passed);
	or_gate_dispose(&gate);
	evaluate(&gate, &results, OR_SEV_NEVER, true, 75.05);
	ck_assert_uint_eq(gate.failing, 0);
	ck_assert(!gate.passed);
	or_gate_dispose(&gate);
	evaluate(&gate, &results, OR_SEV_NEVER, false, 99.0); /* no min_score */
	ck_assert(gate.passed);
	or_gate_dispose(&gate);
	evaluate(&gate, &results, OR_SEV_ERROR, true, 50.0); /* above it, failing anyway */
	ck_assert(!gate.passed);
	or_gate_dispose(&gate);
	or_results_dispose(&results);
}
END_TEST

/* Nine areas: the ninth is an area of its own (it used to be folded into
 * the eighth, so that `check` and `merge` disagreed). */
START_TEST(test_nine_areas)
{
	static or_rule waiver_unused = RULE("waiver.unused", "waiver", OR_SEV_WARNING);
	static or_rule zeta = RULE("zeta.a", "zeta", OR_SEV_ERROR);
	static or_rule alpha = RULE("alpha.a", "alpha", OR_SEV_ERROR);
	static or_rule omega = RULE("omega.a", "omega", OR_SEV_ERROR);
	static const char *const names[] = { "docs",   "review", "training", "drills", "contacts",
					     "waiver", "zeta",   "alpha",    "omega" };
	or_results results;
	or_gate gate;
	size_t i;

	or_results_init(&results);
	add(&results, &waiver_unused, OR_OUTCOME_FAIL, OR_FINDING_ACTIVE, 1);
	add(&results, &zeta, OR_OUTCOME_PASS, 0, 2);
	add(&results, &alpha, OR_OUTCOME_PASS, 0, 1);
	add(&results, &alpha, OR_OUTCOME_FAIL, OR_FINDING_ACTIVE, 1);
	add(&results, &omega, OR_OUTCOME_FAIL, OR_FINDING_ACTIVE, 2);
	add(&results, &docs_error, OR_OUTCOME_PASS, 0, 1);
	evaluate(&gate, &results, OR_SEV_ERROR, false, 0);

	ck_assert_uint_eq(gate.score.nareas, 9);
	for (i = 0; i < 9; i++)
		ck_assert_str_eq(gate.score.areas[i].area, names[i]);
	ck_assert_double_eq(gate.score.areas[0].score, 100.0);
	ck_assert_double_eq(gate.score.areas[5].score, 0.0);
	ck_assert_double_eq(gate.score.areas[6].score, 100.0);
	ck_assert_double_eq(gate.score.areas[7].score, 50.0);
	ck_assert_uint_eq(gate.score.areas[7].evaluations, 2);
	ck_assert_uint_eq(gate.score.areas[7].findings, 1);
	ck_assert_double_eq(gate.score.areas[8].score, 0.0);
	ck_assert_uint_eq(gate.score.areas[8].evaluations, 2);
	ck_assert_uint_eq(gate.score.areas[8].findings, 2);
	/* 3 + 0 + 6 + 3 + 0 passed of 3 + 1 + 6 + 6 + 6 */
	ck_assert_double_eq(gate.score.value, 54.5);
	ck_assert_uint_eq(gate.evaluations, 8);
	ck_assert_uint_eq(gate.counts[OR_SEV_ERROR], 3);
	ck_assert_uint_eq(gate.counts[OR_SEV_WARNING], 1);
	or_gate_dispose(&gate);
	or_results_dispose(&results);
}
END_TEST

START_TEST(test_many_areas)
{
	or_score score;
	char name[32];
	size_t i;

	or_score_init(&score);
	for (i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "a%zu", i);
		or_score_add(&score, or_score_area(&score, name), OR_SEV_ERROR, i + 1, i % 2 == 0);
	}
	ck_assert_uint_eq(score.nareas, 45);
	ck_assert_uint_eq(or_score_area(&score, "a39"), 44);
	ck_assert_uint_eq(or_score_area(&score, "docs"), 0);
	ck_assert_uint_eq(score.areas[44].evaluations, 40);
	or_score_finish(&score);
	ck_assert_double_eq(score.areas[5].score, 100.0);  /* a0 passed */
	ck_assert_double_eq(score.areas[44].score, 0.0);   /* a39 failed */
	/* passed 1 + 3 + ... + 39 = 400 of 820 evaluations of weight 3 */
	ck_assert_double_eq(score.value, 48.8);
	or_score_dispose(&score);
	ck_assert_uint_eq(score.nareas, 0);
	ck_assert_ptr_null(score.areas);
}
END_TEST

/* One definition of the names and their order; a saved report's unknown
 * names fall back as each caller says. */
START_TEST(test_severity)
{
	ck_assert_int_eq(or_severity_of("warning", OR_SEV_NEVER), OR_SEV_WARNING);
	ck_assert_int_eq(or_severity_of("never", OR_SEV_ERROR), OR_SEV_NEVER);
	ck_assert_int_eq(or_severity_of("fatal", OR_SEV_ERROR), OR_SEV_ERROR);
	ck_assert_int_eq(or_severity_of(NULL, OR_SEV_NOTICE), OR_SEV_NOTICE);
	ck_assert(OR_SEV_NOTICE < OR_SEV_WARNING && OR_SEV_WARNING < OR_SEV_ERROR &&
		  OR_SEV_ERROR < OR_SEV_NEVER);
	ck_assert_int_eq(or_report_severity_rank("error"), 2);
	ck_assert_int_eq(or_report_severity_rank("warning"), 1);
	ck_assert_int_eq(or_report_severity_rank("notice"), 0);
	ck_assert_int_eq(or_report_severity_rank("never"), 3);
	ck_assert_int_eq(or_report_severity_rank("Error"), 3);
}
END_TEST

Suite *gate_suite(void)
{
	Suite *s = suite_create("gate");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_weights);
	tcase_add_test(tc, test_rounding);
	tcase_add_test(tc, test_what_counts);
	tcase_add_test(tc, test_fail_on);
	tcase_add_test(tc, test_min_score);
	tcase_add_test(tc, test_nine_areas);
	tcase_add_test(tc, test_many_areas);
	tcase_add_test(tc, test_severity);
	suite_add_tcase(s, tc);
	return s;
}
