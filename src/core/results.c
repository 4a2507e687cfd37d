#include "core/results.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "checks/check.h"
#include "util/alloc.h"
#include "util/buf.h"

static const char *const outcome_names[] = { "pass", "fail", "waived", "suppressed", "skipped" };
static const char *const status_names[] = { "active", "waived", "suppressed", "baseline",
					    "outside-change" };

const char *or_outcome_name(or_outcome outcome)
{
	return outcome_names[outcome];
}

const char *or_finding_status_name(or_finding_status status)
{
	return status_names[status];
}

void or_results_init(or_results *results)
{
	memset(results, 0, sizeof(*results));
	results->arena = or_arena_new();
}

void or_results_dispose(or_results *results)
{
	free(results->items);
	or_arena_free(results->arena);
	memset(results, 0, sizeof(*results));
}

bool or_evaluation_is_finding(const or_evaluation *e)
{
	return e->outcome == OR_OUTCOME_FAIL || e->outcome == OR_OUTCOME_WAIVED ||
	       e->outcome == OR_OUTCOME_SUPPRESSED;
}

static or_evaluation *add(or_check_ctx *ctx, or_outcome outcome, const char *file,
			  const char *subject)
{
	or_results *r = ctx->results;
	or_evaluation *e;

	r->items = or_xgrow(r->items, &r->capacity, r->count + 1, sizeof(*e));
	e = &r->items[r->count++];
	memset(e, 0, sizeof(*e));
	e->rule = ctx->rule;
	e->outcome = outcome;
	e->file = file;
	e->subject = or_arena_strdup(r->arena, subject ? subject : "");
	return e;
}

void or_eval_pass(or_check_ctx *ctx, const char *file, const char *subject)
{
	add(ctx, OR_OUTCOME_PASS, file, subject);
}

void or_eval_fail(or_check_ctx *ctx, const char *file, int line, int column,
		  const char *subject, const char *evidence, const char *fmt, ...)
{
	or_evaluation *e = add(ctx, OR_OUTCOME_FAIL, file, subject);
	or_buf message = OR_BUF_INIT;
	va_list ap;

	e->line = line;
	e->column = column;
	e->evidence = or_arena_strdup(ctx->results->arena, evidence);
	va_start(ap, fmt);
	or_buf_vprintf(&message, fmt, ap);
	va_end(ap);
	e->message = or_arena_strdup(ctx->results->arena, or_buf_cstr(&message));
	or_buf_dispose(&message);
}

void or_eval_skip(or_check_ctx *ctx, const char *file, const char *subject, const char *reason)
{
	or_evaluation *e = add(ctx, OR_OUTCOME_SKIPPED, file, subject);
	e->reason = or_arena_strdup(ctx->results->arena, reason);
}

/* The first 16 hex digits of a SHA-1 over rule, file and subject: stable
 * when lines move, different when what is wrong differs. */
static void fingerprint(or_evaluation *e)
{
	or_buf text = OR_BUF_INIT;
	git_oid oid;
	char hex[GIT_OID_HEXSZ + 1];

	or_buf_puts(&text, e->rule->id);
	or_buf_putc(&text, '\n');
	or_buf_puts(&text, e->file ? e->file : "");
	or_buf_putc(&text, '\n');
	or_buf_puts(&text, e->subject);
	git_odb_hash(&oid, text.ptr, text.size, GIT_OBJECT_BLOB);
	git_oid_tostr(hex, sizeof(hex), &oid);
	memcpy(e->fingerprint, hex, 16);
	e->fingerprint[16] = '\0';
	or_buf_dispose(&text);
}

static int compare_evaluations(const void *pa, const void *pb)
{
	const or_evaluation *a = pa, *b = pb;
	int c;

	/* a document's evaluations share its path, and a rule's its rule */
	if (a->file != b->file) {
		if (!a->file != !b->file)
			return a->file ? 1 : -1;
		if ((c = strcmp(a->file, b->file)) != 0)
			return c;
	}
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->column != b->column)
		return a->column < b->column ? -1 : 1;
	if (a->rule != b->rule && (c = strcmp(a->rule->id, b->rule->id)) != 0)
		return c;
	if ((c = strcmp(a->subject, b->subject)) != 0)
		return c;
	return (int)a->outcome - (int)b->outcome;
}

static int file_cmp(const char *a, const char *b)
{
	if (a == b)
		return 0;
	if (!a || !b)
		return a ? 1 : -1;
	return strcmp(a, b);
}

static int compare_identity(const void *pa, const void *pb)
{
	const or_evaluation *a = *(const or_evaluation *const *)pa;
	const or_evaluation *b = *(const or_evaluation *const *)pb;
	int c;

	if ((a->rule != b->rule && (c = strcmp(a->rule->id, b->rule->id)) != 0) ||
	    (c = file_cmp(a->file, b->file)) != 0 || (c = strcmp(a->subject, b->subject)) != 0)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->column != b->column)
		return a->column < b->column ? -1 : 1;
	return a < b ? -1 : a > b;
}

/*
 * One rule may meet the same subject more than once in a file (a script run
 * on five lines): the second and later, in line order, get "#2", "#3"... so
 * that every evaluation has its own fingerprint.
 */
static void number_repeated_subjects(or_results *results)
{
	or_evaluation **order = or_xmalloc((results->count ? results->count : 1) * sizeof(*order));
	const char *base = NULL;
	size_t i, run = 1;

	for (i = 0; i < results->count; i++)
		order[i] = &results->items[i];
	qsort(order, results->count, sizeof(*order), compare_identity);
	for (i = 0; i < results->count; i++) {
		or_evaluation *e = order[i];
		const or_evaluation *prev = i ? order[i - 1] : NULL;

		if (prev && prev->rule == e->rule && file_cmp(prev->file, e->file) == 0 &&
		    strcmp(base, e->subject) == 0) {
			run++;
			e->subject = or_arena_printf(results->arena, "%s#%zu", base, run);
		} else {
			base = e->subject;
			run = 1;
		}
	}
	free(order);
}

void or_results_finish(or_results *results)
{
	size_t i;

	number_repeated_subjects(results);
	for (i = 0; i < results->count; i++) /* only findings are told apart by one */
		if (or_evaluation_is_finding(&results->items[i]))
			fingerprint(&results->items[i]);
	if (results->count > 1)
		qsort(results->items, results->count, sizeof(or_evaluation), compare_evaluations);
	/* no more are added: give back what doubling left unused (up to half) */
	if (results->count && results->count < results->capacity) {
		results->items = or_xrealloc(results->items, results->count * sizeof(or_evaluation));
		results->capacity = results->count;
	}
}
