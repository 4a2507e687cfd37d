/*
 * Exceptions: what keeps a finding from failing the gate while it is still
 * reported — inline suppressions, waivers from the config, a baseline
 * report, and (pre-merge) files outside the change. Applied to the
 * evaluations after the checks, in two steps around the waiver checks.
 */
#ifndef OR_GATE_EXCEPTIONS_H
#define OR_GATE_EXCEPTIONS_H

#include "checks/check.h"
#include "checks/results.h"
#include "model/model.h"
#include "util/strset.h"

typedef struct or_exceptions {
	or_exception_use use;             /* what the waiver checks judge */
	const or_strset *baseline;        /* fingerprints of the baseline's findings
					     (borrowed), or NULL without --baseline */
	const char *baseline_path;        /* where they came from, for the report */
	size_t baseline_matched;
} or_exceptions;

/* List the suppressions and the waivers' state. `baseline` (borrowed, may be
 * NULL) holds the fingerprints of a baseline report's findings, read from
 * `baseline_path`. */
void or_exceptions_init(or_exceptions *out, const or_model *model, const or_strset *baseline,
			const char *baseline_path, bool no_inline_suppressions);
void or_exceptions_dispose(or_exceptions *exceptions);

/* Step 1, before the waiver checks: suppressed, then waived. */
void or_exceptions_waive(or_exceptions *exceptions, or_results *results, const or_model *model);
/* Step 2, after them: findings in the baseline, then outside the change. */
void or_exceptions_gate(or_exceptions *exceptions, or_results *results, const or_model *model);

#endif
