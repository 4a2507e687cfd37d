/*
 * The evaluations of a report that are not findings (passes and skips), as
 * the JSON report's "evaluations" lists them: groups of one rule, file,
 * outcome and reason, each with its subjects.
 *
 * They are kept typed, not as jansson values: an organisation's report holds
 * 600,000 of them, and a jansson object per group was 110 MB of a scan of
 * 10,000 documents (this is 15 MB). Every string is interned: a subject such
 * as "section:Overview" is stored once.
 */
#ifndef OR_REPORT_EVAL_TABLE_H
#define OR_REPORT_EVAL_TABLE_H

#include <stddef.h>

#include <jansson.h>

#include "opsready/common.h"
#include "util/strset.h"

typedef struct or_eval_group {
	const char *rule;
	const char *file;    /* NULL: a repository-wide subject */
	const char *outcome; /* "pass" or "skipped", as the report writes it */
	const char *reason;  /* NULL when there is none */
	size_t first, count; /* its subjects: subjects[first .. first + count) */
} or_eval_group;

typedef struct or_eval_table {
	or_eval_group *groups;
	size_t ngroups, groups_cap;
	const char **subjects;
	size_t nsubjects, subjects_cap;
	or_strset strings;
} or_eval_table;

void or_eval_table_init(or_eval_table *table);
void or_eval_table_dispose(or_eval_table *table);

/* Starts a group (the strings are copied; NULL stays NULL). `prefix`, when
 * not NULL, is put before the file with a '/' (a merged report's
 * "NAME/path"). */
void or_eval_table_group(or_eval_table *table, const char *rule, const char *prefix,
			 const char *file, const char *outcome, const char *reason);
/* Adds a subject to the group started last. */
void or_eval_table_subject(or_eval_table *table, const char *subject);

/* Group `i` as the JSON report writes it: {rule, file, outcome, reason,
 * subjects} (a new reference). */
json_t *or_eval_table_json(const or_eval_table *table, size_t i);

/* Appends the groups of a saved report's "evaluations" array (files prefixed
 * as or_eval_table_group does). A group that is not an object with a string
 * rule and an array of string subjects is not one opsready wrote: -1 with
 * exit 2 and where it is. */
int or_eval_table_load(or_eval_table *table, const json_t *array, const char *prefix,
		       const char *path, or_diag *diag);

#endif
