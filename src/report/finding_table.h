/*
 * The findings of a report, as the JSON report's "findings" lists them,
 * held typed rather than as jansson values: an organisation's report can
 * hold 100,000 findings, and a jansson object of eleven members each was
 * 160 MB of a scan of 10,000 documents. Every string is interned, so the
 * rule ids, severities, paths and the many messages that repeat ("runbook
 * has no 'Rollback Procedures' section") are stored once.
 *
 * Reporters read the rows directly; or_finding_table_json gives the JSON
 * report's object for one row, and or_finding_json the objects of many.
 */
#ifndef OR_REPORT_FINDING_TABLE_H
#define OR_REPORT_FINDING_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "opsready/common.h"
#include "util/strset.h"

/* Who waived a finding and until when. A saved report may lack any part
 * (NULL). */
typedef struct or_report_waiver {
	const char *reason;
	const char *approved_by;
	const char *expires; /* "YYYY-MM-DD" */
} or_report_waiver;

typedef struct or_report_finding {
	const char *rule;        /* never NULL */
	const char *severity;    /* never NULL: "error", "warning" or "notice" */
	const char *area;        /* NULL only in a saved report that lacks it */
	const char *message;     /* never NULL */
	const char *file;        /* NULL: about the repository as a whole */
	const char *subject;
	const char *evidence;    /* NULL: none */
	const char *fingerprint; /* never NULL */
	const char *status;      /* never NULL: "active", "waived", "suppressed", ... */
	const char *reason;      /* NULL: none */
	long long line, column;  /* 0: none */
	bool waived;             /* `waiver` holds the waiver */
	or_report_waiver waiver;
} or_report_finding;

typedef struct or_finding_table {
	or_report_finding *items;
	size_t count, capacity;
	or_strset strings;
} or_finding_table;

void or_finding_table_init(or_finding_table *table);
void or_finding_table_dispose(or_finding_table *table);

/* Appends a copy of `finding`, its strings interned (text that is not
 * UTF-8 is kept as or_strset_intern_text keeps it). `prefix`, when not
 * NULL, is put before the file with a '/' (a merged report's "NAME/path").
 * Returns the table's row, valid until the next append. */
or_report_finding *or_finding_table_add(or_finding_table *table, const or_report_finding *finding,
				       const char *prefix);

/* Row `i` as the JSON report writes it (a new reference). */
json_t *or_finding_table_json(const or_finding_table *table, size_t i);

/* A waiver as the JSON report writes it: {reason, approved_by, expires},
 * null for a part it lacks (a new reference). */
json_t *or_report_waiver_json(const or_report_waiver *waiver);

/*
 * The JSON objects of many rows, one after another, as the JSON report
 * writes them: one object is reused, its members replaced for each row, and
 * each of the few strings that most rows repeat (rules, severities, areas,
 * paths, statuses) becomes one jansson value. Building a new object of eleven members for each of
 * 100,000 findings cost more than serialising them. One writer belongs to
 * one thread.
 */
typedef struct or_finding_json {
	json_t *object;  /* the row's object, reused */
	json_t *strings; /* string -> its one value; NULL: none are shared */
} or_finding_json;

void or_finding_json_init(or_finding_json *writer);
void or_finding_json_dispose(or_finding_json *writer);

/* Row `i` as or_finding_table_json gives it, in the writer's object (a
 * borrowed reference, valid until the next call), or NULL when it cannot
 * be built. */
json_t *or_finding_json_row(or_finding_json *writer, const or_finding_table *table, size_t i);

/* Appends the findings of a saved report's "findings" array (files
 * prefixed as or_finding_table_add does). A finding without a string rule,
 * severity, message, fingerprint and status is not one opsready wrote: -1
 * with OR_EXIT_USAGE and where it is. */
int or_finding_table_load(or_finding_table *table, const json_t *array, const char *prefix,
			  const char *path, or_diag *diag);

#endif
