/*
 * The readiness score: its one definition, for a scan's gate and for a
 * merged report alike.
 *
 * 100 x weighted passed evaluations / all weighted evaluations (error 3,
 * warning 1, notice 0; waived and suppressed count as passed, skipped ones
 * not at all), one decimal, overall and per area; 100 when nothing weighted
 * was evaluated. Any number of areas: the five of SPEC section 6 first, in
 * that order, then the others as they first appear.
 */
#ifndef OR_GATE_SCORE_H
#define OR_GATE_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "rules/severity.h"

typedef struct or_area_score {
	char *area;             /* "docs", "review", ... (owned) */
	double score;           /* one decimal; 100 when nothing weighted was evaluated */
	size_t evaluations;     /* evaluated: skipped ones are not */
	size_t findings;        /* active (counted by the caller) */
	double passed, total;   /* the weights of the passed evaluations, and of all */
} or_area_score;

typedef struct or_score {
	double value;           /* overall, one decimal (set by or_score_finish) */
	double passed, total;
	or_area_score *areas;
	size_t nareas, capacity;
} or_score;

/* What one evaluation of a rule of this severity weighs: error 3, warning 1,
 * anything else 0. */
int or_score_weight(or_severity severity);
/* 100 x passed / total to one decimal; 100 when total is 0. */
double or_score_round(double passed, double total);

/* An empty score holding the five fixed areas; free with or_score_dispose. */
void or_score_init(or_score *score);
void or_score_dispose(or_score *score);
/* The index in score->areas of `area`, added (copied) when new. */
size_t or_score_area(or_score *score, const char *area);
/* Count `n` evaluations (not skipped ones) of a rule of `severity` in area
 * `area` (an index), passed or not. Waived and suppressed ones are passed. */
void or_score_add(or_score *score, size_t area, or_severity severity, size_t n, bool passed);
/* Round the score, overall and of each area, from what was counted. */
void or_score_finish(or_score *score);

#endif
