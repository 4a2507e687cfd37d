/*
 * Severity: the one definition of its names, its values and their order.
 * The enum's values are the ranks (a higher one is more severe); a gate's
 * fail_on compares a finding's severity by them. How much a severity weighs
 * in the score is the gate's (gate/score.h).
 */
#ifndef OR_RULES_SEVERITY_H
#define OR_RULES_SEVERITY_H

typedef enum or_severity {
	OR_SEV_NOTICE = 0,
	OR_SEV_WARNING = 1,
	OR_SEV_ERROR = 2,
	OR_SEV_NEVER = 3 /* only as a fail_on threshold: nothing fails the gate */
} or_severity;

/* "notice", "warning", "error", "never" (static). */
const char *or_severity_name(or_severity severity);
/* 0 and *out for one of those names (case-sensitive), else -1. */
int or_severity_parse(or_severity *out, const char *name);
/* The severity named `name`, or `otherwise` for any other text or NULL
 * (a saved report may hold anything). */
or_severity or_severity_of(const char *name, or_severity otherwise);

#endif
