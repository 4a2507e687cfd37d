/*
 * The readiness score: its one definition, for a scan's gate and for a
 * merged report alike.
 *
 * 100 x weighted passed evaluations / all weighted evaluations (error 3,
 * warning 1, notice 0; waived and suppressed count as passed, skipped ones
 * not at all), one decimal, overall and per area; 100 when nothing weighted
 * was evaluated. Any number of areas: the five of SPEC section 6 first, in
 * that order, then the others as they first appear.
 *
 * Padding does not move it: the evaluations of a rule on one document
 * (its links, sections, placeholders, contacts...) weigh as one, passed
 * when none of them failed (or_score_units). A document's weight cannot be
 * inflated by repeating passing items; records (person x course, drills,
 * a contacts registry) still count each subject.
 */
#ifndef OR_GATE_SCORE_H
#define OR_GATE_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "rules/severity.h"
#include "util/strset.h"

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
/* Count `n` evaluations of area `area` without weighing them (their weight
 * is that of their unit: or_score_units). */
void or_score_count(or_score *score, size_t area, size_t n);

/* The (rule, document) units of a score: every evaluation of one rule on
 * one document weighs once, passed when none of them failed. */
typedef struct or_score_unit {
	const char *key;        /* "RULE\x1fFILE", the set's copy */
	size_t area;
	or_severity severity;
} or_score_unit;

typedef struct or_score_units {
	or_strset keys, failed;
	or_score_unit *items;
	size_t count, capacity;
} or_score_units;

void or_score_units_init(or_score_units *units);
/* One evaluation of `rule` on the document `file`, passed or not. */
void or_score_units_add(or_score_units *units, const char *rule, const char *file, size_t area,
			or_severity severity, bool passed);
/* Weigh every unit into `score`, and free the units. */
void or_score_units_finish(or_score_units *units, or_score *score);

/* Round the score, overall and of each area, from what was counted. */
void or_score_finish(or_score *score);

#endif
