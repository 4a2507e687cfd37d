/*
 * The readiness score (gate/score.h) and the gate, read off the evaluations.
 *
 * Gate: fails when an active finding is at or above fail_on, or the
 * score is below min_score.
 */
#ifndef OR_GATE_GATE_H
#define OR_GATE_GATE_H

#include <stdbool.h>
#include <stddef.h>

#include "checks/results.h"
#include "gate/score.h"

typedef struct or_gate_options {
	or_severity fail_on;
	bool has_min_score;
	double min_score;
	const or_strset *documents; /* the scanned documents' paths: their evaluations
				       weigh once per rule (score.h); NULL: none */
} or_gate_options;

typedef struct or_gate {
	bool passed;
	or_score score;         /* overall and by area (owned: or_gate_dispose) */
	size_t counts[3];       /* active findings by severity (notice, warning, error) */
	size_t waived, suppressed, baseline, outside_change;
	size_t evaluations, findings;
	size_t failing;         /* active findings at or above fail_on */
} or_gate;

void or_gate_evaluate(or_gate *out, const or_results *results, const or_gate_options *options);
void or_gate_dispose(or_gate *gate);

#endif
