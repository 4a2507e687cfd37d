/*
 * The review family: is every document reviewed on time, and is its stated
 * review date the truth? The dates in the document are the evidence of a
 * review; git history corroborates them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "util/buf.h"
#include "util/glob.h"

static const char *meta_label(or_meta_key key)
{
	return key == OR_META_LAST_UPDATED ? "last-updated" : "next-review";
}

/* The line to point at for a document-wide finding: the first heading, else 1. */
static int document_line(const or_document *doc)
{
	return doc->nsections ? doc->sections[0].line : 1;
}

static void kv_evidence(or_buf *out, const or_kv *kv)
{
	or_buf_clear(out);
	if (kv)
		or_buf_printf(out, "%s: %s", kv->key, kv->value);
}

/* ---- review.missing-date ----------------------------------------------- */

static void check_missing_date(or_check_ctx *ctx)
{
	size_t d;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_kv *kv = md->meta[OR_META_LAST_UPDATED];

		if (!or_model_rule_applies(md, ctx->rule, true))
			continue;
		if (kv && *kv->value)
			or_eval_pass(ctx, md->doc->path, "review-date");
		else
			or_eval_fail(ctx, md->doc->path, kv ? kv->line : document_line(md->doc),
				     kv ? kv->column : 1, "review-date", NULL,
				     "no last-reviewed date: a review is only on record when the "
				     "document says when it happened (**Last Updated:** YYYY-MM-DD)");
	}
}

/* ---- review.invalid-date ----------------------------------------------- */

static void check_date_value(or_check_ctx *ctx, const or_model_doc *md, or_meta_key key,
			     const or_meta_date *date, or_buf *evidence)
{
	const or_kv *kv = md->meta[key];
	json_int_t max_future = or_rule_param_int(ctx->rule, "max_future_days", 1);
	char subject[64], when[11];

	if (!kv || !*kv->value || (key == OR_META_NEXT_REVIEW && date->derived))
		return;
	snprintf(subject, sizeof(subject), "date:%s", meta_label(key));
	kv_evidence(evidence, kv);
	if (date->status == OR_DATE_INVALID) {
		or_eval_fail(ctx, md->doc->path, kv->line, kv->value_column ? kv->value_column : kv->column,
			     subject, evidence->ptr,
			     "%s date '%s' is not a real calendar date, or is ambiguous (set date_order: dmy or mdy)",
			     meta_label(key), kv->value);
	} else if (date->status == OR_DATE_NOT_FOUND) {
		or_eval_fail(ctx, md->doc->path, kv->line, kv->value_column ? kv->value_column : kv->column,
			     subject, evidence->ptr, "%s '%s' is not a date", meta_label(key), kv->value);
	} else if (key == OR_META_LAST_UPDATED && date->date > ctx->model->now + max_future) {
		or_date_format(date->date, when);
		or_eval_fail(ctx, md->doc->path, kv->line, kv->value_column ? kv->value_column : kv->column,
			     subject, evidence->ptr,
			     "last-updated date %s is in the future: a review cannot have happened yet",
			     when);
	} else {
		or_eval_pass(ctx, md->doc->path, subject);
	}
}

static void check_invalid_date(or_check_ctx *ctx)
{
	or_buf evidence = OR_BUF_INIT;
	size_t d;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_kv *period = md->meta[OR_META_REVIEW_PERIOD];
		or_period unused;

		if (!or_model_rule_applies(md, ctx->rule, true))
			continue;
		check_date_value(ctx, md, OR_META_LAST_UPDATED, &md->last_updated, &evidence);
		check_date_value(ctx, md, OR_META_NEXT_REVIEW, &md->next_review, &evidence);
		if (period && *period->value && !md->meta[OR_META_NEXT_REVIEW]) {
			kv_evidence(&evidence, period);
			if (or_period_parse(&unused, period->value) == 0)
				or_eval_pass(ctx, md->doc->path, "date:review-period");
			else
				or_eval_fail(ctx, md->doc->path, period->line, period->column,
					     "date:review-period", evidence.ptr,
					     "review period '%s' is not a period (write '6 months', '90 days' or 'quarterly')",
					     period->value);
		}
	}
	or_buf_dispose(&evidence);
}

/* ---- review.stale ------------------------------------------------------ */

/* max_age_days of the first class whose paths match, else the rule's. */
static json_int_t max_age_for(const or_rule *rule, const char *path)
{
	const json_t *classes = or_rule_param_array(rule, "classes");
	size_t i, j;

	for (i = 0; i < json_array_size(classes); i++) {
		const json_t *c = json_array_get(classes, i);
		const json_t *paths = json_object_get(c, "paths");
		const json_t *age = json_object_get(c, "max_age_days");

		if (!json_is_integer(age))
			continue;
		if (json_is_string(paths) && or_glob_match_document(json_string_value(paths), path))
			return json_integer_value(age);
		for (j = 0; j < json_array_size(paths); j++) {
			const char *glob = json_string_value(json_array_get(paths, j));
			if (glob && or_glob_match_document(glob, path))
				return json_integer_value(age);
		}
	}
	return or_rule_param_int(rule, "max_age_days", 90);
}

/*
 * One lapse, one finding. A document past its own next-review date (that
 * date after its last review: the review missing is the one after it) and
 * older than the policy's maximum age lacks one review, not two: review.overdue
 * reports it and says the document is stale too, and review.stale skips it
 * (unless review.overdue is off, out of scope for the document, or less
 * severe). A document's own cycle (next review minus last review) longer
 * than the policy's maximum age is said in the one finding that reports it.
 */
typedef struct lapse {
	json_int_t age;     /* days since the last review */
	json_int_t max_age; /* the policy's (review.stale's); 0 when it does not apply */
	json_int_t late;    /* days since the next review was due */
	json_int_t cycle;   /* the document's own; 0 unknown, or next review not after the last */
	bool stale, overdue; /* each rule fails the document */
	bool folded;        /* one finding, review.overdue's */
} lapse;

static void lapse_of(lapse *out, const or_model *model, const or_model_doc *md)
{
	const or_rule *stale = or_ruleset_find(model->rules, "review.stale");
	const or_rule *overdue = or_ruleset_find(model->rules, "review.overdue");
	bool last = md->last_updated.status == OR_DATE_OK;
	bool next = md->next_review.status == OR_DATE_OK;

	memset(out, 0, sizeof *out);
	if (last) {
		out->age = model->now - md->last_updated.date;
		if (next && md->next_review.date > md->last_updated.date)
			out->cycle = md->next_review.date - md->last_updated.date;
	}
	if (last && stale && stale->enabled && or_model_rule_applies(md, stale, true)) {
		out->max_age = max_age_for(stale, md->doc->path);
		out->stale = out->age > out->max_age;
	}
	if (next && overdue && overdue->enabled && or_model_rule_applies(md, overdue, true)) {
		out->late = model->now - md->next_review.date;
		out->overdue = out->late > or_rule_param_int(overdue, "grace_days", 0);
	}
	out->folded = out->stale && out->overdue && out->cycle > 0 &&
		      overdue->severity >= stale->severity;
}

static void check_stale(or_check_ctx *ctx)
{
	or_buf evidence = OR_BUF_INIT;
	size_t d;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_kv *kv = md->meta[OR_META_LAST_UPDATED];
		json_int_t max_age, age;
		char when[11], next[11];
		lapse l;

		if (!or_model_rule_applies(md, ctx->rule, true))
			continue;
		if (md->last_updated.status != OR_DATE_OK) {
			or_eval_skip(ctx, md->doc->path, "review:stale", "no readable last-reviewed date");
			continue;
		}
		max_age = max_age_for(ctx->rule, md->doc->path);
		age = ctx->model->now - md->last_updated.date;
		if (age <= max_age) {
			or_eval_pass(ctx, md->doc->path, "review:stale");
			continue;
		}
		lapse_of(&l, ctx->model, md);
		or_date_format(md->last_updated.date, when);
		kv_evidence(&evidence, kv);
		if (l.cycle > max_age) {
			or_date_format(md->next_review.date, next);
			or_eval_fail(ctx, md->doc->path, kv->line, kv->column, "review:stale",
				     evidence.ptr,
				     "last reviewed on %s, %lld days ago, on a %lld-day cycle (next review %s), longer than the policy's %lld days",
				     when, (long long)age, (long long)l.cycle, next,
				     (long long)max_age);
		} else {
			or_eval_fail(ctx, md->doc->path, kv->line, kv->column, "review:stale",
				     evidence.ptr,
				     "last reviewed on %s, %lld days ago: reviews are due every %lld days",
				     when, (long long)age, (long long)max_age);
		}
		/* one lapse, one finding: review.overdue's, unless an exception
		 * covers it (then this one is reported) */
		if (l.folded)
			or_eval_fold_last(ctx, or_ruleset_find(ctx->model->rules, "review.overdue"),
					  "the same lapse is review.overdue's finding, which says it is stale too");
	}
	or_buf_dispose(&evidence);
}

/* ---- review.overdue ---------------------------------------------------- */

static void check_overdue(or_check_ctx *ctx)
{
	json_int_t grace = or_rule_param_int(ctx->rule, "grace_days", 0);
	or_buf evidence = OR_BUF_INIT;
	size_t d;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_kv *kv = md->next_review.derived ? md->meta[OR_META_REVIEW_PERIOD]
							   : md->meta[OR_META_NEXT_REVIEW];
		const char *derived = md->next_review.derived
					      ? " (the last review plus the review period)"
					      : "";
		json_int_t late;
		char when[11], last[11];
		lapse l;

		if (!or_model_rule_applies(md, ctx->rule, true))
			continue;
		if (md->next_review.status != OR_DATE_OK) {
			or_eval_skip(ctx, md->doc->path, "review:overdue", "no readable next-review date");
			continue;
		}
		late = ctx->model->now - md->next_review.date;
		if (late <= grace) {
			or_eval_pass(ctx, md->doc->path, "review:overdue");
			continue;
		}
		or_date_format(md->next_review.date, when);
		kv_evidence(&evidence, kv);
		lapse_of(&l, ctx->model, md);
		if (!l.folded) {
			or_eval_fail(ctx, md->doc->path, kv->line, kv->column, "review:overdue",
				     evidence.ptr, "the next review was due on %s%s, %lld days ago", when,
				     derived, (long long)late);
			continue;
		}
		or_date_format(md->last_updated.date, last);
		if (l.cycle > l.max_age)
			or_eval_fail(ctx, md->doc->path, kv->line, kv->column, "review:overdue",
				     evidence.ptr,
				     "the next review was due on %s%s, %lld days ago; last reviewed on %s, %lld days ago, on a %lld-day cycle, longer than the policy's %lld days",
				     when, derived, (long long)late, last, (long long)l.age,
				     (long long)l.cycle, (long long)l.max_age);
		else
			or_eval_fail(ctx, md->doc->path, kv->line, kv->column, "review:overdue",
				     evidence.ptr,
				     "the next review was due on %s%s, %lld days ago; last reviewed on %s, %lld days ago: reviews are due every %lld days",
				     when, derived, (long long)late, last, (long long)l.age,
				     (long long)l.max_age);
	}
	or_buf_dispose(&evidence);
}

/* ---- review.unreviewed-change ------------------------------------------ */

static void commit_evidence(or_buf *out, const or_commit_info *c)
{
	size_t i;

	or_buf_clear(out);
	or_buf_printf(out, "commit %.12s by %s <%s>: %s", c->id, c->author_name, c->author_email,
		      c->summary);
	for (i = 0; i < c->nreviewed_by; i++)
		or_buf_printf(out, "; Reviewed-by: %s", c->reviewed_by[i]);
	for (i = 0; i < c->napproved_by; i++)
		or_buf_printf(out, "; Approved-by: %s", c->approved_by[i]);
}

static void check_unreviewed_change(or_check_ctx *ctx)
{
	json_int_t grace = or_rule_param_int(ctx->rule, "grace_days", 7);
	const char *unavailable = ctx->model->history_state == OR_HISTORY_AVAILABLE
					  ? NULL
					  : or_history_state_reason(ctx->model->history_state);
	or_buf evidence = OR_BUF_INIT;
	size_t d;

	for (d = 0; d < ctx->model->ndocs; d++) {
		const or_model_doc *md = &ctx->model->docs[d];
		const or_last_change *lc = &md->last_change;
		const or_kv *kv = md->meta[OR_META_LAST_UPDATED];
		char reviewed[11], changed[11];
		or_date change;

		if (!or_model_rule_applies(md, ctx->rule, true))
			continue;
		if (unavailable) {
			or_eval_skip(ctx, md->doc->path, "review:unreviewed-change", unavailable);
			continue;
		}
		if (md->last_updated.status != OR_DATE_OK) {
			or_eval_skip(ctx, md->doc->path, "review:unreviewed-change",
				     "no readable last-reviewed date");
			continue;
		}
		or_date_format(md->last_updated.date, reviewed);
		if (lc->uncommitted) {
			if (ctx->model->now - md->last_updated.date <= grace) {
				or_eval_pass(ctx, md->doc->path, "review:unreviewed-change");
				continue;
			}
			kv_evidence(&evidence, kv);
			or_eval_fail(ctx, md->doc->path, kv->line, kv->column, "review:unreviewed-change",
				     evidence.ptr,
				     "changed in the work tree after its last review on %s, without a new review date",
				     reviewed);
			continue;
		}
		if (!lc->commit) {
			or_eval_skip(ctx, md->doc->path, "review:unreviewed-change",
				     "not committed yet");
			continue;
		}
		change = or_date_from_unix(lc->commit->time);
		/* the edit and its review date in one commit: reviewed */
		if (change - md->last_updated.date <= grace || lc->wrote_review) {
			or_eval_pass(ctx, md->doc->path, "review:unreviewed-change");
			continue;
		}
		or_date_format(change, changed);
		commit_evidence(&evidence, lc->commit);
		or_eval_fail(ctx, md->doc->path, kv->line, kv->column, "review:unreviewed-change",
			     evidence.ptr,
			     "changed on %s in commit %.12s by %s, %lld days after its last review on %s, without a new review date",
			     changed, lc->commit->id, lc->commit->author_name,
			     (long long)(change - md->last_updated.date), reviewed);
	}
	or_buf_dispose(&evidence);
}

/* ---- review.history-unavailable ---------------------------------------- */

static void check_history_available(or_check_ctx *ctx)
{
	if (ctx->model->history_state == OR_HISTORY_AVAILABLE)
		or_eval_pass(ctx, NULL, "history");
	else if (ctx->model->history_state == OR_HISTORY_UNREADABLE)
		or_eval_fail(ctx, NULL, 0, 0, "history", NULL,
			     "git history is not available: commit %s cannot be parsed (no e-mail, a timestamp out of range...); it was skipped, with the history behind it. History checks were skipped",
			     ctx->model->history.unreadable);
	else
		or_eval_fail(ctx, NULL, 0, 0, "history", NULL,
			     "git history is not available: %s. History checks were skipped",
			     or_history_state_reason(ctx->model->history_state));
}

static const or_check review_checks[] = {
	{ "review-missing-date", check_missing_date },
	{ "review-invalid-date", check_invalid_date },
	{ "review-stale", check_stale },
	{ "review-overdue", check_overdue },
	{ "review-unreviewed-change", check_unreviewed_change },
	{ "review-history-available", check_history_available },
	{ NULL, NULL },
};

const or_check_family or_review_family = { "review", review_checks, OR_PHASE_CHECKS };
