/*
 * The readiness score and the gate, read off the evaluations.
 *
 * Score: 100 x weighted passed evaluations / all weighted evaluations
 * (error 3, warning 1, notice 0; waived and suppressed count as passed,
 * skipped ones not at all), one decimal, overall and per area.
 * Gate: fails when an active finding is at or above fail_on, or the
 * score is below min_score.
 */
#ifndef OR_GATE_GATE_H
#define OR_GATE_GATE_H

#include <stdbool.h>
#include <stddef.h>

#include "checks/results.h"

#define OR_GATE_MAX_AREAS 8

typedef struct or_area_score {
	const char *area;       /* "docs", "review", ... (static or a rule's area) */
	double score;           /* one decimal; 100 when nothing weighted was evaluated */
	size_t evaluations;
	size_t findings;        /* active */
} or_area_score;

typedef struct or_gate_options {
	or_severity fail_on;
	bool has_min_score;
	double min_score;
} or_gate_options;

typedef struct or_gate {
	bool passed;
	double score;
	or_area_score areas[OR_GATE_MAX_AREAS];
	size_t nareas;
	size_t counts[3];       /* active findings by severity (notice, warning, error) */
	size_t waived, suppressed, baseline, outside_change;
	size_t evaluations, findings;
	size_t failing;         /* active findings at or above fail_on */
} or_gate;

void or_gate_evaluate(or_gate *out, const or_results *results, const or_gate_options *options);

#endif
