/*
 * Exceptions: what keeps a finding from failing the gate while it is still
 * reported — inline suppressions, waivers from the config, a baseline
 * report, and (pre-merge) files outside the change. Applied to the
 * evaluations after the checks, in two steps around the waiver checks.
 */
#ifndef OR_GATE_EXCEPTIONS_H
#define OR_GATE_EXCEPTIONS_H

#include <jansson.h>

#include "model/model.h"
#include "checks/results.h"

typedef struct or_suppression_use {
	const char *file;                 /* the document */
	const or_suppression *suppression;
	size_t matched;                   /* findings it suppressed */
} or_suppression_use;

typedef struct or_exceptions {
	size_t *waiver_matches;           /* per config waiver: findings it waived */
	bool *waiver_expired;             /* per config waiver: expired on `now` */
	or_suppression_use *suppressions; /* every inline suppression of the scanned documents */
	size_t nsuppressions;
	bool inline_disabled;             /* --no-inline-suppressions */
	json_t *baseline;                 /* fingerprint -> true, or NULL without --baseline */
	const char *baseline_path;
	size_t baseline_matched;
} or_exceptions;

/* Load the baseline report (a JSON report of opsready; a missing, truncated
 * or foreign file is OR_EXIT_USAGE) and list the suppressions. */
int or_exceptions_init(or_exceptions *out, const or_model *model, const char *baseline_path,
		       bool no_inline_suppressions, or_diag *diag);
void or_exceptions_dispose(or_exceptions *exceptions);

/* Step 1, before the waiver checks: suppressed, then waived. */
void or_exceptions_waive(or_exceptions *exceptions, or_results *results, const or_model *model);
/* Step 2, after them: findings in the baseline, then outside the change. */
void or_exceptions_gate(or_exceptions *exceptions, or_results *results, const or_model *model);

#endif
