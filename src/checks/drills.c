/*
 * The drills family: is every drill type exercised within its cadence, did
 * the latest drill of each type pass, and did it meet its recovery
 * objectives? It judges the drill record built from the drill log
 * (model/drill_record.c).
 */
#include <stdio.h>
#include <string.h>

#include "checks/check.h"
#include "util/buf.h"

#define NO_LOG "no drill log: name it in the config (inputs.drills)"

static void check_cadence(or_check_ctx *ctx)
{
	const or_drill_record *r = &ctx->model->drills;
	or_buf subject = OR_BUF_INIT;
	size_t i;
	char last[11];

	if (!ctx->model->has_drills) {
		or_eval_skip(ctx, NULL, "drills", NO_LOG);
		return;
	}
	for (i = 0; i < r->ntypes; i++) {
		const or_drill_type *t = &r->types[i];
		json_int_t age;

		if (!t->every_days)
			continue;
		or_buf_clear(&subject);
		or_buf_printf(&subject, "drill:%s", t->type);
		if (!t->latest) {
			or_eval_fail(ctx, r->path, 0, 0, subject.ptr, NULL,
				     "no %s drill on record; one is due every %d days", t->type,
				     t->every_days);
			continue;
		}
		age = ctx->model->now - t->latest->date;
		if (age <= t->every_days) {
			or_eval_pass(ctx, r->path, subject.ptr);
			continue;
		}
		or_date_format(t->latest->date, last);
		or_eval_fail(ctx, r->path, t->latest->line, 1, subject.ptr, NULL,
			     "the last %s drill was on %s, %lld days ago; one is due every %d days",
			     t->type, last, (long long)age, t->every_days);
	}
	or_buf_dispose(&subject);
}

static void check_failed(or_check_ctx *ctx)
{
	const or_drill_record *r = &ctx->model->drills;
	or_buf subject = OR_BUF_INIT;
	size_t i;
	char when[11];

	if (!ctx->model->has_drills) {
		or_eval_skip(ctx, NULL, "drills", NO_LOG);
		return;
	}
	for (i = 0; i < r->ntypes; i++) {
		const or_drill_type *t = &r->types[i];

		if (!t->latest)
			continue;
		or_buf_clear(&subject);
		or_buf_printf(&subject, "drill:%s", t->type);
		if (t->latest->outcome != 0) {
			or_eval_pass(ctx, r->path, subject.ptr);
			continue;
		}
		or_date_format(t->latest->date, when);
		or_eval_fail(ctx, r->path, t->latest->line, 1, subject.ptr, t->latest->notes,
			     "the latest %s drill, on %s, failed", t->type, when);
	}
	or_buf_dispose(&subject);
}

static void objective(or_check_ctx *ctx, const or_drill_record *r, const or_drill_type *t,
		      const char *what, bool measured, double value, double limit,
		      const char *unit)
{
	char subject[160], when[11];

	snprintf(subject, sizeof(subject), "objective:%s:%s", t->type, what);
	or_date_format(t->latest->date, when);
	if (!measured)
		or_eval_fail(ctx, r->path, t->latest->line, 1, subject, NULL,
			     "the latest %s drill, on %s, recorded no %s; the objective is at most %g %s",
			     t->type, when, what, limit, unit);
	else if (value > limit)
		or_eval_fail(ctx, r->path, t->latest->line, 1, subject, NULL,
			     "the latest %s drill, on %s, measured %s %g %s; the objective is at most %g %s",
			     t->type, when, what, value, unit, limit, unit);
	else
		or_eval_pass(ctx, r->path, subject);
}

static void check_objectives(or_check_ctx *ctx)
{
	const or_drill_record *r = &ctx->model->drills;
	size_t i;

	if (!ctx->model->has_drills) {
		or_eval_skip(ctx, NULL, "drills", NO_LOG);
		return;
	}
	for (i = 0; i < r->ntypes; i++) {
		const or_drill_type *t = &r->types[i];

		if (!t->latest)
			continue;
		if (t->has_rto)
			objective(ctx, r, t, "rto_minutes", t->latest->has_rto, t->latest->rto_minutes,
				  t->rto_minutes, "minutes");
		if (t->has_rpo)
			objective(ctx, r, t, "rpo_seconds", t->latest->has_rpo, t->latest->rpo_seconds,
				  t->rpo_seconds, "seconds");
	}
}

static const or_check drills_checks[] = {
	{ "drill-cadence", check_cadence },
	{ "drill-failed", check_failed },
	{ "drill-objectives", check_objectives },
	{ NULL, NULL },
};

const or_check_family or_drills_family = { "drills", drills_checks, OR_PHASE_CHECKS };
