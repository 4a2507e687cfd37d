/*
 * Evaluations: the outcome of one rule on one subject (a document, a
 * section, a person x course, a contact). A finding is a failed evaluation;
 * exceptions (waivers, suppressions, baseline, --since) give it a status.
 */
#ifndef OR_CHECKS_RESULTS_H
#define OR_CHECKS_RESULTS_H

#include <stdbool.h>
#include <stddef.h>

#include "rules/config.h"
#include "rules/ruleset.h"
#include "util/arena.h"
#include "util/strset.h"

typedef enum or_outcome {
	OR_OUTCOME_PASS = 0,
	OR_OUTCOME_FAIL,
	OR_OUTCOME_WAIVED,
	OR_OUTCOME_SUPPRESSED,
	OR_OUTCOME_SKIPPED
} or_outcome;

typedef enum or_finding_status {
	OR_FINDING_ACTIVE = 0,
	OR_FINDING_WAIVED,
	OR_FINDING_SUPPRESSED,
	OR_FINDING_BASELINE,
	OR_FINDING_OUTSIDE_CHANGE
} or_finding_status;

/* "pass", "fail", ... and "active", "waived", ... (static). */
const char *or_outcome_name(or_outcome outcome);
const char *or_finding_status_name(or_finding_status status);

/* What only a finding has (a pass or a skip has none: most evaluations). */
typedef struct or_finding_detail {
	const char *message;       /* what is wrong, for people */
	const char *evidence;      /* the text it is about, as written, or NULL */
	const or_waiver *waiver;   /* the waiver that applied, or NULL */
	const or_rule *folded_into; /* the same lapse is this rule's finding on the same
				       file, which says it too: skipped (with the
				       evaluation's `reason`) while that finding is
				       active, reported when it is waived or suppressed */
	char fingerprint[17];      /* hex; rule + file + subject */
} or_finding_detail;

/* 600,000 of these in an organisation's scan: kept small. */
typedef struct or_evaluation {
	const or_rule *rule;
	const char *file;          /* repository-relative, or NULL for repository-wide subjects */
	const char *subject;       /* what was evaluated, stable across edits: "section:Overview" */
	const char *reason;        /* skipped, waived, suppressed: why */
	or_finding_detail *detail; /* findings only (outcome fail, waived, suppressed); else NULL */
	int line, column;          /* 0 when not tied to a line */
	unsigned char outcome;     /* or_outcome */
	unsigned char status;      /* or_finding_status, for findings */
} or_evaluation;

typedef struct or_results {
	or_arena *arena;           /* the strings of every evaluation */
	or_strset strings;         /* subjects and reasons: one copy of each (most repeat) */
	or_evaluation *items;
	size_t count, capacity;
} or_results;

void or_results_init(or_results *results);
void or_results_dispose(or_results *results);

/* A finding: an evaluation that failed, whatever exception applies to it. */
bool or_evaluation_is_finding(const or_evaluation *evaluation);

/* Give every evaluation its fingerprint and sort them by file, line,
 * column, rule, subject (repository-wide subjects first). */
void or_results_finish(or_results *results);

/* Copy the strings evaluations borrow from the documents (their file, the
 * reason of an inline suppression) into the results' own arena, so that the
 * model can be freed before the report's findings are built. Rules and
 * waivers are still borrowed from the ruleset and the config. */
void or_results_detach(or_results *results);

#endif
