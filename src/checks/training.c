/*
 * The training family: does every person hold the mandatory courses of
 * their team, still valid; does each course and team reach its target; does
 * every team of the escalation matrix have trained people; are the records
 * themselves sound? It judges the matrix built from the records
 * (model/training_matrix.c).
 */
#include <stdio.h>
#include <string.h>

#include "checks/check.h"
#include "util/buf.h"

#define NO_RECORDS "no training records: name them in the config (inputs.training)"

static const char *person_label(or_buf *out, const or_matrix_person *p)
{
	or_buf_clear(out);
	or_buf_puts(out, p->name ? p->name : p->id);
	if (p->team)
		or_buf_printf(out, " (%s)", p->team);
	return out->ptr;
}

static const char *course_label(const or_matrix_course *c)
{
	return c->title ? c->title : c->id;
}

static void check_missing(or_check_ctx *ctx)
{
	const or_training *t = &ctx->model->training;
	or_buf subject = OR_BUF_INIT, who = OR_BUF_INIT, reason = OR_BUF_INIT;
	size_t p;
	char due[11];

	if (!ctx->model->has_training) {
		or_eval_skip(ctx, NULL, "training", NO_RECORDS);
		return;
	}
	for (p = 0; p < t->npeople; p++) {
		const or_matrix_person *person = &t->people[p];
		or_training_row row;
		or_matrix_cell cell_value;
		const or_matrix_cell *cell = &cell_value;

		or_training_row_start(&row, t, p);
		while (or_training_row_next(&row, &cell_value)) {
			const or_matrix_course *course = &t->courses[cell->course];

			if (!cell->required)
				continue;
			or_buf_clear(&subject);
			or_buf_printf(&subject, "%s:%s", person->id, course->id);
			if (cell->state == OR_CELL_MISSING) {
				or_eval_fail(ctx, t->path, person->line, 1, subject.ptr, person->id,
					     "%s has not completed the mandatory course %s",
					     person_label(&who, person), course_label(course));
			} else if (cell->state == OR_CELL_DUE) {
				or_date_format(cell->due, due);
				or_buf_clear(&reason);
				or_buf_printf(&reason, "joined recently: due by %s", due);
				or_eval_skip(ctx, t->path, subject.ptr, reason.ptr);
			} else {
				or_eval_pass(ctx, t->path, subject.ptr);
			}
		}
	}
	or_buf_dispose(&subject);
	or_buf_dispose(&who);
	or_buf_dispose(&reason);
}

static void check_expired(or_check_ctx *ctx)
{
	const or_training *t = &ctx->model->training;
	or_buf subject = OR_BUF_INIT, who = OR_BUF_INIT;
	size_t p;
	char done[11], expired[11];

	if (!ctx->model->has_training) {
		or_eval_skip(ctx, NULL, "training", NO_RECORDS);
		return;
	}
	for (p = 0; p < t->npeople; p++) {
		const or_matrix_person *person = &t->people[p];
		size_t i;

		/* only recorded cells can have expired: no walk over the courses */
		for (i = t->person_cells[p]; i < t->person_cells[p + 1]; i++) {
			const or_matrix_cell *cell = &t->cells[i];
			const or_matrix_course *course = &t->courses[cell->course];

			/* recommended courses never fail the gate */
			if (!cell->required || !cell->line)
				continue;
			or_buf_clear(&subject);
			or_buf_printf(&subject, "%s:%s", person->id, course->id);
			if (cell->state != OR_CELL_EXPIRED) {
				or_eval_pass(ctx, t->path, subject.ptr);
				continue;
			}
			or_date_format(cell->completed, done);
			or_date_format(cell->expires, expired);
			or_eval_fail(ctx, t->path, cell->line, 1, subject.ptr, person->id,
				     "%s completed %s on %s; it expired on %s (valid for %d days)",
				     person_label(&who, person), course_label(course), done, expired,
				     course->valid_for_days);
		}
	}
	or_buf_dispose(&subject);
	or_buf_dispose(&who);
}

static void check_completion(or_check_ctx *ctx)
{
	const or_training *t = &ctx->model->training;
	double target = or_rule_param_number(ctx->rule, "target_percent", 100);
	or_buf subject = OR_BUF_INIT;
	size_t i;

	if (!ctx->model->has_training) {
		or_eval_skip(ctx, NULL, "training", NO_RECORDS);
		return;
	}
	for (i = 0; i < t->ncourses; i++) {
		const or_matrix_course *course = &t->courses[i];
		double percent;

		if (!course->mandatory || !course->required)
			continue;
		percent = 100.0 * (double)course->valid / (double)course->required;
		or_buf_clear(&subject);
		or_buf_printf(&subject, "course:%s", course->id);
		if (percent + 1e-9 >= target)
			or_eval_pass(ctx, t->path, subject.ptr);
		else
			or_eval_fail(ctx, t->path, 0, 0, subject.ptr, NULL,
				     "%s: %zu of %zu people who must hold it do (%.1f%%); the target is %.0f%%",
				     course_label(course), course->valid, course->required, percent,
				     target);
	}
	for (i = 0; i < t->nteams; i++) {
		const or_matrix_team *team = &t->teams[i];
		double percent;

		if (!team->required)
			continue;
		percent = 100.0 * (double)team->valid / (double)team->required;
		or_buf_clear(&subject);
		or_buf_printf(&subject, "team:%s", team->name);
		if (percent + 1e-9 >= target)
			or_eval_pass(ctx, t->path, subject.ptr);
		else
			or_eval_fail(ctx, t->path, 0, 0, subject.ptr, NULL,
				     "team %s holds %zu of its %zu required course completions (%.1f%%); the target is %.0f%%",
				     team->name, team->valid, team->required, percent, target);
	}
	or_buf_dispose(&subject);
}

static void check_team_readiness(or_check_ctx *ctx)
{
	const or_training *t = &ctx->model->training;
	json_int_t minimum = or_rule_param_int(ctx->rule, "min_trained_members", 1);
	or_buf subject = OR_BUF_INIT, evidence = OR_BUF_INIT;
	size_t i;

	if (!ctx->model->has_training) {
		if (ctx->model->nescalation)
			or_eval_skip(ctx, NULL, "training", NO_RECORDS);
		return;
	}
	for (i = 0; i < t->nteams; i++) {
		const or_matrix_team *team = &t->teams[i];
		const or_escalation_level *level = team->level;

		if (!team->in_escalation)
			continue;
		or_buf_clear(&subject);
		or_buf_printf(&subject, "team:%s", team->name);
		or_buf_clear(&evidence);
		or_buf_printf(&evidence, "Level %d%s%s: %s", level->level, level->name ? " " : "",
			      level->name ? level->name : "", team->name);
		if ((json_int_t)team->fully_trained >= minimum)
			or_eval_pass(ctx, level->file, subject.ptr);
		else if (!team->members)
			or_eval_fail(ctx, level->file, level->line, 1, subject.ptr, evidence.ptr,
				     "escalation level %d names team %s, but nobody in the training records belongs to it",
				     level->level, team->name);
		else
			or_eval_fail(ctx, level->file, level->line, 1, subject.ptr, evidence.ptr,
				     "escalation level %d names team %s, which has %zu fully trained member%s of %zu; at least %lld required",
				     level->level, team->name, team->fully_trained,
				     team->fully_trained == 1 ? "" : "s", team->members,
				     (long long)minimum);
	}
	or_buf_dispose(&subject);
	or_buf_dispose(&evidence);
}

static void check_records(or_check_ctx *ctx)
{
	const or_training *t = &ctx->model->training;
	size_t i;

	if (!ctx->model->has_training) {
		or_eval_skip(ctx, NULL, "training", NO_RECORDS);
		return;
	}
	for (i = 0; i < t->nproblems; i++)
		or_eval_fail(ctx, t->path, t->problems[i].line, t->problems[i].column,
			     t->problems[i].subject, NULL, "%s", t->problems[i].message);
	if (!t->nproblems)
		or_eval_pass(ctx, t->path, "records");
}

static const or_check training_checks[] = {
	{ "training-missing", check_missing },
	{ "training-expired", check_expired },
	{ "training-completion", check_completion },
	{ "team-readiness", check_team_readiness },
	{ "training-records", check_records },
	{ NULL, NULL },
};

const or_check_family or_training_family = { "training", training_checks, OR_PHASE_CHECKS };
