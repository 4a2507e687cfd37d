/*
 * The check plug-in interface. A check reads the model and one rule (its
 * params) and records evaluations; it never reads files and never formats
 * output. A family (docs, review, training, ...) is one file exposing a
 * table of checks; registry.c lists the families.
 */
#ifndef OR_CHECKS_CHECK_H
#define OR_CHECKS_CHECK_H

#include "checks/results.h"
#include "model/model.h"

/* How the scan's exceptions were used, for the checks that judge them (the
 * OR_PHASE_AFTER_EXCEPTIONS families): the gate's first step fills it in. */
/* Why the config refuses an inline suppression (`suppressions:`), if it does. */
typedef enum or_suppression_refusal {
	OR_SUPPRESSION_ALLOWED = 0,
	OR_SUPPRESSION_OFF,               /* allow: false */
	OR_SUPPRESSION_BLANKET,           /* no rule ids, without allow: blanket */
	OR_SUPPRESSION_RULES              /* it names, or (blanket) covered, a rule that
					     is not in allowed_rules: not for those */
} or_suppression_refusal;

typedef struct or_suppression_use {
	const char *file;                 /* the document */
	const or_suppression *suppression;
	size_t matched;                   /* findings it suppressed */
	size_t blocked;                   /* findings it covers but may not suppress
					     (refused, or a required reason missing):
					     they stay active */
	or_suppression_refusal refused;
	bool no_reason;                   /* require_reason, and it gives none: it
					     suppresses nothing */
} or_suppression_use;

typedef struct or_exception_use {
	size_t nwaivers;                  /* the config's */
	size_t *waiver_matches;           /* per config waiver: findings it waived */
	bool *waiver_expired;             /* per config waiver: expired on `now` */
	char **waiver_hints;              /* per config waiver that matched nothing: what
					     would have matched ("did you mean `path:
					     runbooks/x.md`?"), or NULL */
	or_suppression_use *suppressions; /* every inline suppression of the scanned documents */
	size_t nsuppressions;
	bool inline_disabled;             /* --no-inline-suppressions */
} or_exception_use;

typedef struct or_check_ctx {
	const or_model *model;
	const or_rule *rule;       /* the rule being evaluated */
	or_results *results;
	const or_exception_use *exceptions; /* for OR_PHASE_AFTER_EXCEPTIONS families; else NULL */
} or_check_ctx;

/* When a family runs: with the others, or after suppressions and waivers
 * were applied (the waiver checks judge how they were used). */
typedef enum or_check_phase {
	OR_PHASE_CHECKS = 0,
	OR_PHASE_AFTER_EXCEPTIONS
} or_check_phase;

typedef void (*or_check_fn)(or_check_ctx *ctx);

typedef struct or_check {
	const char *name;          /* the `check:` of a rule: "required-sections" */
	or_check_fn run;
} or_check;

typedef struct or_check_family {
	const char *name;          /* "docs" */
	const or_check *checks;    /* ends with { NULL, NULL } */
	or_check_phase phase;
} or_check_family;

/* The check called `name`, or NULL; *phase (if not NULL) gets its family's. */
const or_check *or_check_find(const char *name, or_check_phase *phase);
/* The families, ending with NULL. */
const or_check_family *const *or_check_families(void);

/* Record evaluations of ctx->rule. `file` is borrowed from the model;
 * subject, evidence and message are copied. */
void or_eval_pass(or_check_ctx *ctx, const char *file, const char *subject);
void or_eval_fail(or_check_ctx *ctx, const char *file, int line, int column,
		  const char *subject, const char *evidence, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
void or_eval_skip(or_check_ctx *ctx, const char *file, const char *subject,
		  const char *reason);
/* Mark the evaluation just recorded (a fail) as folded into `into`'s
 * finding on the same file: or_exceptions_waive skips it, giving `reason`,
 * unless that finding is waived, suppressed or absent. */
void or_eval_fold_last(or_check_ctx *ctx, const or_rule *into, const char *reason);

#endif
