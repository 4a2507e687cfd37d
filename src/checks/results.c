#include "checks/results.h"

#include <stdarg.h>
#include <stdint.h>
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
	or_strset empty = OR_STRSET_INIT;

	memset(results, 0, sizeof(*results));
	results->arena = or_arena_new();
	results->strings = empty;
}

void or_results_dispose(or_results *results)
{
	free(results->items);
	or_arena_free(results->arena);
	or_strset_dispose(&results->strings);
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
	subject = subject ? subject : "";
	e->subject = or_strset_intern(&r->strings, subject, strlen(subject));
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
	or_finding_detail *d = or_arena_alloc(ctx->results->arena, sizeof(*d));
	or_buf message = OR_BUF_INIT;
	va_list ap;

	e->line = line;
	e->column = column;
	e->detail = d;
	d->evidence = or_arena_strdup(ctx->results->arena, evidence);
	va_start(ap, fmt);
	or_buf_vprintf(&message, fmt, ap);
	va_end(ap);
	d->message = or_arena_strdup(ctx->results->arena, or_buf_cstr(&message));
	or_buf_dispose(&message);
}

void or_eval_fold_last(or_check_ctx *ctx, const or_rule *into, const char *reason)
{
	or_evaluation *e = &ctx->results->items[ctx->results->count - 1];

	if (e->outcome != OR_OUTCOME_FAIL || !into)
		return;
	e->detail->folded_into = into;
	e->reason = or_strset_intern(&ctx->results->strings, reason, strlen(reason));
}

void or_eval_skip(or_check_ctx *ctx, const char *file, const char *subject, const char *reason)
{
	or_evaluation *e = add(ctx, OR_OUTCOME_SKIPPED, file, subject);
	e->reason = reason ? or_strset_intern(&ctx->results->strings, reason, strlen(reason)) : NULL;
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
	memcpy(e->detail->fingerprint, hex, 16);
	e->detail->fingerprint[16] = '\0';
	or_buf_dispose(&text);
}

/*
 * Sorting 600,000 evaluations by strings is most of the cost of finishing
 * them: each distinct file and rule is ranked once (by strcmp), and the
 * sorts compare the ranks. Subjects, which rarely tie the rest, are still
 * compared as strings.
 */
typedef struct sort_key {
	uint32_t file;   /* rank of the path; 0: no file (repository-wide) */
	uint32_t rule;   /* rank of the rule id */
	int line, column;
	const char *subject;
	int outcome;
	size_t index;    /* the evaluation's place in results->items */
} sort_key;

typedef struct ranked {
	const void *ptr; /* a distinct pointer */
	const char *name;
	uint32_t rank;
} ranked;

static int compare_ptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const ranked *)a)->ptr, y = (uintptr_t)((const ranked *)b)->ptr;

	return x < y ? -1 : x > y;
}

static int compare_name(const void *a, const void *b)
{
	return strcmp(((const ranked *const *)a)[0]->name, ((const ranked *const *)b)[0]->name);
}

/* The distinct pointers of `ptrs` (with their names), ranked by name from
 * `first` on, sorted by address for rank_of. */
static ranked *rank_names(const void **ptrs, const char **names, size_t n, uint32_t first,
			  size_t *out_n)
{
	ranked *all = or_xmalloc((n ? n : 1) * sizeof(*all)), **by_name;
	size_t i, m = 0;
	uint32_t rank = first;

	for (i = 0; i < n; i++) {
		all[i].ptr = ptrs[i];
		all[i].name = names[i];
	}
	qsort(all, n, sizeof(*all), compare_ptr);
	for (i = 0; i < n; i++)
		if (m == 0 || all[m - 1].ptr != all[i].ptr)
			all[m++] = all[i];
	by_name = or_xmalloc((m ? m : 1) * sizeof(*by_name));
	for (i = 0; i < m; i++)
		by_name[i] = &all[i];
	qsort(by_name, m, sizeof(*by_name), compare_name);
	for (i = 0; i < m; i++) {
		if (i > 0 && strcmp(by_name[i - 1]->name, by_name[i]->name) != 0)
			rank++;
		by_name[i]->rank = rank;
	}
	free(by_name);
	*out_n = m;
	return all;
}

static uint32_t rank_of(const ranked *table, size_t n, const void *ptr)
{
	ranked probe = { ptr, NULL, 0 };
	const ranked *hit = bsearch(&probe, table, n, sizeof(*table), compare_ptr);

	return hit ? hit->rank : 0;
}

/* The distinct files (or rules) of the evaluations, ranked. Evaluations come
 * in runs of one rule and one file, so consecutive repeats are dropped
 * before the sort. */
static ranked *rank_all(const or_results *results, bool files, size_t *out_n)
{
	const void **ptrs = NULL;
	const char **names = NULL;
	size_t i, n = 0, cap_ptrs = 0, cap_names = 0;
	const void *last = NULL;
	ranked *table;

	for (i = 0; i < results->count; i++) {
		const or_evaluation *e = &results->items[i];
		const void *ptr = files ? (const void *)e->file : (const void *)e->rule;

		if (!ptr || ptr == last)
			continue;
		ptrs = or_xgrow(ptrs, &cap_ptrs, n + 1, sizeof(*ptrs));
		names = or_xgrow(names, &cap_names, n + 1, sizeof(*names));
		ptrs[n] = ptr;
		names[n++] = files ? e->file : e->rule->id;
		last = ptr;
	}
	table = rank_names(ptrs, names, n, files ? 1 : 0, out_n);
	free(ptrs);
	free(names);
	return table;
}

/* Keys for every evaluation, in results->items order. */
static sort_key *sort_keys(const or_results *results)
{
	size_t n = results->count, i, nfiles = 0, nrules = 0;
	sort_key *keys = or_xmalloc((n ? n : 1) * sizeof(*keys));
	ranked *files = rank_all(results, true, &nfiles);
	ranked *rules = rank_all(results, false, &nrules);

	for (i = 0; i < n; i++) {
		const or_evaluation *e = &results->items[i];

		keys[i].file = e->file ? rank_of(files, nfiles, e->file) : 0;
		keys[i].rule = rank_of(rules, nrules, e->rule);
		keys[i].line = e->line;
		keys[i].column = e->column;
		keys[i].subject = e->subject;
		keys[i].outcome = (int)e->outcome;
		keys[i].index = i;
	}
	free(files);
	free(rules);
	return keys;
}

#define CMP(a, b) ((a) < (b) ? -1 : (a) > (b) ? 1 : 0)

/* The report's order (SPEC: by file, line, rule): file (repository-wide
 * first), line, rule, then column, subject, outcome. */
static int compare_report_order(const void *pa, const void *pb)
{
	const sort_key *a = pa, *b = pb;
	int c;

	if ((c = CMP(a->file, b->file)) || (c = CMP(a->line, b->line)) ||
	    (c = CMP(a->rule, b->rule)) || (c = CMP(a->column, b->column)))
		return c;
	if ((c = strcmp(a->subject, b->subject)) != 0)
		return c;
	if ((c = CMP(a->outcome, b->outcome)))
		return c;
	return CMP(a->index, b->index);
}

/* Identity: rule, file, subject; then line, column, and the order made. */
static int compare_identity(const void *pa, const void *pb)
{
	const sort_key *a = pa, *b = pb;
	int c;

	if ((c = CMP(a->rule, b->rule)) || (c = CMP(a->file, b->file)))
		return c;
	if ((c = strcmp(a->subject, b->subject)) != 0)
		return c;
	if ((c = CMP(a->line, b->line)) || (c = CMP(a->column, b->column)))
		return c;
	return CMP(a->index, b->index);
}

/*
 * One rule may meet the same subject more than once in a file (a script run
 * on five lines): the second and later, in line order, get "#2", "#3"... so
 * that every evaluation has its own fingerprint.
 */
static void number_repeated_subjects(or_results *results, sort_key *keys)
{
	size_t i, run = 1;
	const char *base = NULL;

	qsort(keys, results->count, sizeof(*keys), compare_identity);
	for (i = 0; i < results->count; i++) {
		or_evaluation *e = &results->items[keys[i].index];

		if (i > 0 && keys[i - 1].rule == keys[i].rule && keys[i - 1].file == keys[i].file &&
		    strcmp(base, e->subject) == 0) {
			run++;
			e->subject = or_arena_printf(results->arena, "%s#%zu", base, run);
			keys[i].subject = e->subject;
		} else {
			base = e->subject;
			run = 1;
		}
	}
}

void or_results_finish(or_results *results)
{
	size_t i, n = results->count;
	sort_key *keys;

	if (n == 0)
		return;
	keys = sort_keys(results);
	number_repeated_subjects(results, keys);
	for (i = 0; i < n; i++) /* only findings are told apart by one */
		if (or_evaluation_is_finding(&results->items[i]))
			fingerprint(&results->items[i]);
	qsort(keys, n, sizeof(*keys), compare_report_order);
	/* into that order, in place: slot i takes items[keys[i].index], cycle by cycle */
	for (i = 0; i < n; i++) {
		size_t j = i;
		or_evaluation first;

		if (keys[i].index == SIZE_MAX || keys[i].index == i)
			continue;
		first = results->items[i];
		for (;;) {
			size_t from = keys[j].index;

			keys[j].index = SIZE_MAX;
			if (from == i) {
				results->items[j] = first;
				break;
			}
			results->items[j] = results->items[from];
			j = from;
		}
	}
	free(keys);
	/* no more are added: give back what doubling left unused (up to half) */
	if (n < results->capacity) {
		results->items = or_xrealloc(results->items, n * sizeof(or_evaluation));
		results->capacity = n;
	}
}

void or_results_detach(or_results *results)
{
	const char *file = NULL, *copy = NULL;
	size_t i;

	for (i = 0; i < results->count; i++) {
		or_evaluation *e = &results->items[i];

		/* a document's evaluations are together, sharing one path */
		if (e->file && e->file != file) {
			file = e->file;
			copy = or_arena_strdup(results->arena, file);
		}
		if (e->file)
			e->file = copy;
		if (e->reason)
			e->reason = or_strset_intern(&results->strings, e->reason, strlen(e->reason));
	}
}
