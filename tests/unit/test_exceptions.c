/*
 * The exceptions over a model and evaluations built by hand: inline
 * suppressions, waivers by rule, subject and path, expired waivers, the
 * baseline's fingerprints, and findings outside the change.
 */
#include <check.h>
#include <string.h>

#include "checks/check.h"
#include "gate/exceptions.h"
#include "gate/gate.h"
#include "suites.h"
#include "util/strset.h"

#define RULE(id_, area_, severity_) \
	{ .id = (char *)(id_), .area = (char *)(area_), .severity = (severity_), .enabled = true }

static or_rule placeholder = RULE("docs.placeholder", "docs", OR_SEV_ERROR);
static or_rule owner = RULE("docs.owner", "docs", OR_SEV_WARNING);
static or_rule stale = RULE("review.stale", "review", OR_SEV_ERROR);

/* runbooks/a.md: "docs.placeholder" suppressed on line 5 (with a reason),
 * every rule on lines 10 to 12 (without one) */
static or_suppression suppressions[] = {
	{ true, "docs.placeholder", "draft", 4, 1, 5, 5 },
	{ false, "", NULL, 9, 1, 10, 12 },
};

/* the waivers: review.stale of bob; docs.owner under runbooks/b*.md;
 * docs.placeholder, expired; review.stale of carol, expiring today */
static or_waiver waivers[] = {
	{ (char *)"review.stale", (char *)"bob", NULL, (char *)"on leave", NULL, 0, 1, 1 },
	{ (char *)"docs.owner", NULL, (char *)"runbooks/b*.md", (char *)"moving", NULL, 0, 2, 1 },
	{ (char *)"docs.placeholder", NULL, NULL, (char *)"old", NULL, 0, 3, 1 },
	{ (char *)"review.stale", (char *)"carol", NULL, (char *)"today", NULL, 0, 4, 1 },
};

static or_file files[] = {
	{ (char *)"runbooks/a.md", false, false, true, true, true, false },
	{ (char *)"runbooks/c.md", false, false, true, false, false, false },
};

static or_document doc;
static or_model_doc model_doc;
static or_config config;
static or_model model;

static or_date day(int y, int m, int d)
{
	or_date out;

	ck_assert_int_eq(or_date_from_ymd(&out, y, m, d), 0);
	return out;
}

static void setup(void)
{
	memset(&doc, 0, sizeof(doc));
	doc.path = "runbooks/a.md";
	doc.suppressions = suppressions;
	doc.nsuppressions = 2;
	memset(&model_doc, 0, sizeof(model_doc));
	model_doc.doc = &doc;
	memset(&config, 0, sizeof(config));
	config.suppressions_allow = OR_SUPPRESSIONS_BLANKET; /* line 9's disable has no rule */
	waivers[0].expires = day(2026, 12, 31);
	waivers[1].expires = day(2026, 12, 31);
	waivers[2].expires = day(2026, 5, 31);
	waivers[3].expires = day(2026, 6, 1);
	config.waivers = waivers;
	config.nwaivers = 4;
	memset(&model, 0, sizeof(model));
	model.config = &config;
	model.now = day(2026, 6, 1);
	model.docs = &model_doc;
	model.ndocs = 1;
	model.files.files = files;
	model.files.nfiles = 2;
}

static void failure(or_results *results, const or_rule *rule, const char *file, int line,
		    const char *subject)
{
	or_check_ctx ctx = { &model, rule, results, NULL };

	or_eval_fail(&ctx, file, line, 1, subject, "x", "wrong");
}

/* The evaluations, in this order (the tests look them up by index before
 * or_results_finish sorts them). */
static void evaluations(or_results *results)
{
	or_check_ctx ctx = { &model, &stale, results, NULL };

	or_results_init(results);
	failure(results, &placeholder, "runbooks/a.md", 5, "line:5");   /* 0 suppressed */
	failure(results, &placeholder, "runbooks/a.md", 6, "line:6");   /* 1 expired waiver */
	failure(results, &owner, "runbooks/a.md", 11, "document");      /* 2 suppressed, all */
	failure(results, &owner, "runbooks/b1.md", 3, "document");      /* 3 waived by path */
	failure(results, &owner, "runbooks/c.md", 3, "document");       /* 4 path not waived */
	failure(results, &stale, "runbooks/d.md", 0, "bob:incident-response"); /* 5 waived */
	failure(results, &stale, "runbooks/d.md", 0, "bobby");          /* 6 not bob */
	failure(results, &stale, "runbooks/e.md", 0, "carol");          /* 7 expires today */
	failure(results, &stale, NULL, 0, "repository");                /* 8 repository-wide */
	or_eval_pass(&ctx, "runbooks/a.md", "document");                /* 9 a pass */
}

static void assert_status(const or_evaluation *e, or_outcome outcome, or_finding_status status)
{
	ck_assert_int_eq(e->outcome, outcome);
	ck_assert_int_eq(e->status, status);
}

START_TEST(test_suppressions_and_waivers)
{
	or_exceptions ex;
	or_results results;

	evaluations(&results);
	or_exceptions_init(&ex, &model, NULL, "ignored.json", false);
	ck_assert_uint_eq(ex.use.nsuppressions, 2);
	ck_assert(!ex.use.inline_disabled);
	ck_assert(ex.baseline == NULL);
	ck_assert_ptr_null(ex.baseline_path);
	ck_assert(!ex.use.waiver_expired[0]);
	ck_assert(!ex.use.waiver_expired[1]);
	ck_assert(ex.use.waiver_expired[2]);  /* the day before */
	ck_assert(!ex.use.waiver_expired[3]); /* on the day it expires: still valid */

	or_exceptions_waive(&ex, &results, &model);
	assert_status(&results.items[0], OR_OUTCOME_SUPPRESSED, OR_FINDING_SUPPRESSED);
	ck_assert_str_eq(results.items[0].reason, "draft");
	assert_status(&results.items[1], OR_OUTCOME_FAIL, OR_FINDING_ACTIVE);
	assert_status(&results.items[2], OR_OUTCOME_SUPPRESSED, OR_FINDING_SUPPRESSED);
	ck_assert_str_eq(results.items[2].reason, "suppressed inline, without a reason");
	assert_status(&results.items[3], OR_OUTCOME_WAIVED, OR_FINDING_WAIVED);
	ck_assert_str_eq(results.items[3].reason, "moving");
	ck_assert(results.items[3].detail->waiver == &waivers[1]);
	assert_status(&results.items[4], OR_OUTCOME_FAIL, OR_FINDING_ACTIVE);
	assert_status(&results.items[5], OR_OUTCOME_WAIVED, OR_FINDING_WAIVED);
	ck_assert(results.items[5].detail->waiver == &waivers[0]);
	assert_status(&results.items[6], OR_OUTCOME_FAIL, OR_FINDING_ACTIVE);
	assert_status(&results.items[7], OR_OUTCOME_WAIVED, OR_FINDING_WAIVED);
	assert_status(&results.items[8], OR_OUTCOME_FAIL, OR_FINDING_ACTIVE);
	assert_status(&results.items[9], OR_OUTCOME_PASS, OR_FINDING_ACTIVE);
	ck_assert_uint_eq(ex.use.suppressions[0].matched, 1);
	ck_assert_uint_eq(ex.use.suppressions[1].matched, 1);
	ck_assert_uint_eq(ex.use.waiver_matches[0], 1);
	ck_assert_uint_eq(ex.use.waiver_matches[1], 1);
	ck_assert_uint_eq(ex.use.waiver_matches[2], 0); /* expired: matched nothing */
	ck_assert_uint_eq(ex.use.waiver_matches[3], 1);

	/* without a model's `since`, every active finding stays active */
	or_results_finish(&results);
	or_exceptions_gate(&ex, &results, &model);
	ck_assert_uint_eq(ex.baseline_matched, 0);
	{
		or_gate gate;
		or_gate_options options = { OR_SEV_ERROR, false, 0, NULL };

		or_gate_evaluate(&gate, &results, &options);
		ck_assert_uint_eq(gate.suppressed, 2);
		ck_assert_uint_eq(gate.waived, 3);
		ck_assert_uint_eq(gate.counts[OR_SEV_ERROR], 3);
		ck_assert_uint_eq(gate.counts[OR_SEV_WARNING], 1);
		ck_assert_uint_eq(gate.baseline + gate.outside_change, 0);
		or_gate_dispose(&gate);
	}
	or_exceptions_dispose(&ex);
	or_results_dispose(&results);
}
END_TEST

/* The config governs inline suppressions: a blanket disable needs `allow:
 * blanket`, a required reason must be there, `allow: false` refuses all,
 * and `allowed_rules` limits the rules; a refused one leaves its findings
 * active and counts them as blocked. */
START_TEST(test_suppressions_governed)
{
	static const char *const allowed_ids[] = { "review.stale" };
	or_allowed_rule allowed[1];
	or_exceptions ex;
	or_results results;

	config.suppressions_allow = OR_SUPPRESSIONS_RULES;
	evaluations(&results);
	or_exceptions_init(&ex, &model, NULL, NULL, false);
	ck_assert_int_eq(ex.use.suppressions[0].refused, OR_SUPPRESSION_ALLOWED);
	ck_assert_int_eq(ex.use.suppressions[1].refused, OR_SUPPRESSION_BLANKET);
	or_exceptions_waive(&ex, &results, &model);
	assert_status(&results.items[0], OR_OUTCOME_SUPPRESSED, OR_FINDING_SUPPRESSED);
	assert_status(&results.items[2], OR_OUTCOME_FAIL, OR_FINDING_ACTIVE);
	ck_assert_uint_eq(ex.use.suppressions[1].matched, 0);
	ck_assert_uint_eq(ex.use.suppressions[1].blocked, 1);
	or_exceptions_dispose(&ex);
	or_results_dispose(&results);

	/* require_reason: line 4's has one, line 9's (allowed blanket) not */
	config.suppressions_allow = OR_SUPPRESSIONS_BLANKET;
	config.suppressions_require_reason = true;
	evaluations(&results);
	or_exceptions_init(&ex, &model, NULL, NULL, false);
	ck_assert(!ex.use.suppressions[0].no_reason);
	ck_assert(ex.use.suppressions[1].no_reason);
	or_exceptions_waive(&ex, &results, &model);
	assert_status(&results.items[0], OR_OUTCOME_SUPPRESSED, OR_FINDING_SUPPRESSED);
	assert_status(&results.items[2], OR_OUTCOME_FAIL, OR_FINDING_ACTIVE);
	ck_assert_uint_eq(ex.use.suppressions[1].blocked, 1);
	or_exceptions_dispose(&ex);
	or_results_dispose(&results);
	config.suppressions_require_reason = false;

	/* allowed_rules without docs.placeholder and docs.owner: neither takes effect */
	allowed[0].id = (char *)allowed_ids[0];
	allowed[0].line = allowed[0].column = 1;
	config.suppressions_allowed_rules = allowed;
	config.nsuppressions_allowed_rules = 1;
	config.has_suppressions_allowed_rules = true;
	evaluations(&results);
	or_exceptions_init(&ex, &model, NULL, NULL, false);
	ck_assert_int_eq(ex.use.suppressions[0].refused, OR_SUPPRESSION_RULES);
	ck_assert_int_eq(ex.use.suppressions[1].refused, OR_SUPPRESSION_ALLOWED);
	or_exceptions_waive(&ex, &results, &model);
	assert_status(&results.items[0], OR_OUTCOME_FAIL, OR_FINDING_ACTIVE);
	assert_status(&results.items[2], OR_OUTCOME_FAIL, OR_FINDING_ACTIVE);
	/* the blanket one covered a rule outside the list: reported as such */
	ck_assert_int_eq(ex.use.suppressions[1].refused, OR_SUPPRESSION_RULES);
	or_exceptions_dispose(&ex);
	or_results_dispose(&results);
	config.suppressions_allowed_rules = NULL;
	config.nsuppressions_allowed_rules = 0;
	config.has_suppressions_allowed_rules = false;

	/* allow: false */
	config.suppressions_allow = OR_SUPPRESSIONS_NONE;
	evaluations(&results);
	or_exceptions_init(&ex, &model, NULL, NULL, false);
	ck_assert_int_eq(ex.use.suppressions[0].refused, OR_SUPPRESSION_OFF);
	or_exceptions_waive(&ex, &results, &model);
	assert_status(&results.items[0], OR_OUTCOME_FAIL, OR_FINDING_ACTIVE);
	ck_assert_uint_eq(ex.use.suppressions[0].blocked, 1);
	or_exceptions_dispose(&ex);
	or_results_dispose(&results);
}
END_TEST

START_TEST(test_no_inline_suppressions)
{
	or_exceptions ex;
	or_results results;

	evaluations(&results);
	or_exceptions_init(&ex, &model, NULL, NULL, true);
	ck_assert_uint_eq(ex.use.nsuppressions, 0);
	ck_assert(ex.use.inline_disabled);
	or_exceptions_waive(&ex, &results, &model);
	/* the expired waiver does not take over the suppressed finding */
	assert_status(&results.items[0], OR_OUTCOME_FAIL, OR_FINDING_ACTIVE);
	assert_status(&results.items[2], OR_OUTCOME_FAIL, OR_FINDING_ACTIVE);
	assert_status(&results.items[3], OR_OUTCOME_WAIVED, OR_FINDING_WAIVED);
	ck_assert_uint_eq(ex.use.waiver_matches[2], 0);
	or_exceptions_dispose(&ex);
	or_results_dispose(&results);
}
END_TEST

static const or_evaluation *find(const or_results *results, const char *rule, const char *subject)
{
	size_t i;

	for (i = 0; i < results->count; i++)
		if (strcmp(results->items[i].rule->id, rule) == 0 &&
		    strcmp(results->items[i].subject, subject) == 0)
			return &results->items[i];
	ck_abort_msg("no evaluation of %s on %s", rule, subject);
	return NULL;
}

START_TEST(test_baseline_and_outside_change)
{
	or_strset baseline = OR_STRSET_INIT;
	or_exceptions ex;
	or_results results;
	const or_evaluation *e;

	evaluations(&results);
	or_exceptions_init(&ex, &model, &baseline, "base.json", false);
	ck_assert_str_eq(ex.baseline_path, "base.json");
	or_exceptions_waive(&ex, &results, &model);
	or_results_finish(&results);

	/* the fingerprint: 16 hex digits of the blob hash of rule, file, subject
	 * (printf 'docs.placeholder\nrunbooks/a.md\nline:6' | git hash-object --stdin) */
	e = find(&results, "docs.placeholder", "line:6");
	ck_assert_str_eq(e->detail->fingerprint, "f22f2a9396f67c00");
	/* in the baseline: an active finding, and a suppressed one (stays suppressed) */
	or_strset_add(&baseline, e->detail->fingerprint, 16);
	e = find(&results, "docs.placeholder", "line:5");
	or_strset_add(&baseline, e->detail->fingerprint, 16);
	e = find(&results, "review.stale", "bobby");
	or_strset_add(&baseline, e->detail->fingerprint, 16);

	/* pre-merge: runbooks/a.md is in the change, runbooks/c.md is not */
	model.since = "main";
	or_exceptions_gate(&ex, &results, &model);
	ck_assert_uint_eq(ex.baseline_matched, 2);
	e = find(&results, "docs.placeholder", "line:6");
	assert_status(e, OR_OUTCOME_FAIL, OR_FINDING_BASELINE);
	e = find(&results, "docs.placeholder", "line:5");
	assert_status(e, OR_OUTCOME_SUPPRESSED, OR_FINDING_SUPPRESSED);
	/* in the baseline and outside the change: baseline first */
	e = find(&results, "review.stale", "bobby");
	assert_status(e, OR_OUTCOME_FAIL, OR_FINDING_BASELINE);
	ck_assert_uint_eq(results.count, 10);
	{
		size_t i, outside = 0, active = 0;

		for (i = 0; i < results.count; i++) {
			const or_evaluation *x = &results.items[i];
			if (x->outcome != OR_OUTCOME_FAIL)
				continue;
			if (x->status == OR_FINDING_OUTSIDE_CHANGE) {
				outside++;
				/* c.md and the repository-wide one */
				ck_assert(!x->file || strcmp(x->file, "runbooks/a.md") != 0);
			} else if (x->status == OR_FINDING_ACTIVE) {
				active++;
			}
		}
		ck_assert_uint_eq(outside, 2);
		ck_assert_uint_eq(active, 0);
	}
	e = find(&results, "review.stale", "repository");
	assert_status(e, OR_OUTCOME_FAIL, OR_FINDING_OUTSIDE_CHANGE);
	model.since = NULL;
	or_exceptions_dispose(&ex);
	or_results_dispose(&results);
	or_strset_dispose(&baseline);
}
END_TEST

/* An unchanged document that mentions a path the change removed: only its
 * findings about that path join the change. */
START_TEST(test_mentions_removed)
{
	or_strset baseline = OR_STRSET_INIT;
	or_exceptions ex;
	or_results results;
	or_check_ctx ctx = { &model, &owner, NULL, NULL };

	or_results_init(&results);
	ctx.results = &results;
	or_eval_fail(&ctx, "runbooks/c.md", 4, 1, "link:../scripts/clean-up.sh#L2", "x", "gone");
	or_eval_fail(&ctx, "runbooks/c.md", 9, 1, "command:scripts/keep.sh", "x", "was broken");
	or_eval_fail(&ctx, "runbooks/c.md", 1, 1, "document", "x", "older finding");
	or_exceptions_init(&ex, &model, &baseline, NULL, false);
	or_exceptions_waive(&ex, &results, &model);
	or_results_finish(&results);
	model.since = "main";
	files[1].mentions_removed = true;
	or_strset_add(&model.removed_names, "clean-up.sh", strlen("clean-up.sh"));
	or_exceptions_gate(&ex, &results, &model);
	assert_status(find(&results, "docs.owner", "link:../scripts/clean-up.sh#L2"),
		      OR_OUTCOME_FAIL, OR_FINDING_ACTIVE);
	assert_status(find(&results, "docs.owner", "command:scripts/keep.sh"), OR_OUTCOME_FAIL,
		      OR_FINDING_OUTSIDE_CHANGE);
	assert_status(find(&results, "docs.owner", "document"), OR_OUTCOME_FAIL,
		      OR_FINDING_OUTSIDE_CHANGE);
	model.since = NULL;
	files[1].mentions_removed = false;
	or_strset_dispose(&model.removed_names);
	or_exceptions_dispose(&ex);
	or_results_dispose(&results);
}
END_TEST

/* Waivers written the obvious way: a subject that is a document's path (or
 * a glob over paths) waives that document's findings; one that matched
 * nothing says which key would have. */
START_TEST(test_waiver_subject_as_path_and_hints)
{
	static or_waiver written[] = {
		/* 0: the path of c.md as a subject */
		{ (char *)"docs.owner", (char *)"runbooks/c.md", NULL, (char *)"r", NULL, 0, 1, 1 },
		/* 1: a glob over paths as a subject */
		{ (char *)"docs.placeholder", (char *)"runbooks/*.md", NULL, (char *)"r", NULL, 0, 2, 1 },
		/* 2: e.md is runbooks/e.md */
		{ (char *)"review.stale", (char *)"e.md", NULL, (char *)"r", NULL, 0, 3, 1 },
		/* 3: a subject written as a path */
		{ (char *)"review.stale", NULL, (char *)"bobby", (char *)"r", NULL, 0, 4, 1 },
		/* 4: a near-miss rule id */
		{ (char *)"docs.ownr", (char *)"document", NULL, (char *)"r", NULL, 0, 5, 1 },
		/* 5: a near-miss subject */
		{ (char *)"review.stale", (char *)"bobyy", NULL, (char *)"r", NULL, 0, 6, 1 },
		/* 6: nothing close */
		{ (char *)"review.stale", (char *)"nobody-here-at-all", NULL, (char *)"r", NULL, 0, 7, 1 },
		/* 7: a path given from the wrong folder */
		{ (char *)"review.stale", NULL, (char *)"d.md", (char *)"r", NULL, 0, 8, 1 },
	};
	or_exceptions ex;
	or_results results;
	size_t i;

	for (i = 0; i < sizeof(written) / sizeof(written[0]); i++)
		written[i].expires = day(2027, 1, 1);
	config.waivers = written;
	config.nwaivers = sizeof(written) / sizeof(written[0]);
	evaluations(&results);
	or_exceptions_init(&ex, &model, NULL, NULL, true);
	or_exceptions_waive(&ex, &results, &model);

	/* docs.owner in runbooks/c.md, by its path as the subject */
	assert_status(&results.items[4], OR_OUTCOME_WAIVED, OR_FINDING_WAIVED);
	ck_assert(results.items[4].detail->waiver == &written[0]);
	/* but not runbooks/b1.md's */
	assert_status(&results.items[3], OR_OUTCOME_FAIL, OR_FINDING_ACTIVE);
	ck_assert_uint_eq(ex.use.waiver_matches[0], 1);
	ck_assert_ptr_null(ex.use.waiver_hints[0]);
	/* the glob waives both placeholders of runbooks/a.md */
	assert_status(&results.items[0], OR_OUTCOME_WAIVED, OR_FINDING_WAIVED);
	assert_status(&results.items[1], OR_OUTCOME_WAIVED, OR_FINDING_WAIVED);
	ck_assert_uint_eq(ex.use.waiver_matches[1], 2);

	ck_assert_uint_eq(ex.use.nwaivers, 8);
	for (i = 2; i < 8; i++)
		ck_assert_uint_eq(ex.use.waiver_matches[i], 0);
	ck_assert_str_eq(ex.use.waiver_hints[2],
			 "did you mean `path: runbooks/e.md` (paths are from the repository root, not 'e.md')?");
	ck_assert_str_eq(ex.use.waiver_hints[3],
			 "did you mean `subject: bobby` (findings of review.stale have it as their subject, not as their path)?");
	ck_assert_str_eq(ex.use.waiver_hints[4], "did you mean `rule: docs.owner`?");
	ck_assert_str_eq(ex.use.waiver_hints[5], "did you mean `subject: bobby`?");
	ck_assert_ptr_null(ex.use.waiver_hints[6]);
	ck_assert_str_eq(ex.use.waiver_hints[7],
			 "did you mean `path: runbooks/d.md` (paths are from the repository root, not 'd.md')?");
	or_exceptions_dispose(&ex);
	or_results_dispose(&results);
}
END_TEST

Suite *exceptions_suite(void)
{
	Suite *s = suite_create("exceptions");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_suppressions_and_waivers);
	tcase_add_test(tc, test_suppressions_governed);
	tcase_add_test(tc, test_no_inline_suppressions);
	tcase_add_test(tc, test_baseline_and_outside_change);
	tcase_add_test(tc, test_mentions_removed);
	tcase_add_test(tc, test_waiver_subject_as_path_and_hints);
	suite_add_tcase(s, tc);
	return s;
}
