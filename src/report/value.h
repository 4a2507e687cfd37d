/*
 * The finished report as one value: a jansson tree whose serialisation is
 * the JSON report, and beside it its two largest parts held typed, the
 * findings and the evaluations that are not findings. In the tree,
 * "findings" and "evaluations" are empty arrays that keep their places; the
 * JSON reporter writes the rows there. The scan (src/scan.c) builds the value;
 * reporters only read it.
 */
#ifndef OR_REPORT_VALUE_H
#define OR_REPORT_VALUE_H

#include <jansson.h>

#include "report/eval_table.h"
#include "report/finding_table.h"
#include "opsready/report.h"

struct or_report {
	json_t *root;               /* owned */
	or_finding_table findings;  /* owned */
	or_eval_table evaluations;  /* owned */
};

/* Wrap `root` (the reference is stolen), with no findings or evaluations
 * yet. */
or_report *or_report_wrap(json_t *root);

/* A saved report's value (`root` is stolen): checked to be one opsready
 * wrote, its findings and evaluations taken into the typed tables. A report
 * opsready wrote renders again byte for byte; a finding edited by hand is
 * taken in the schema's shape: keys the schema does not know are dropped,
 * a missing area, file, subject or evidence is null, a missing line or
 * column 0, and a waiver that is not an object is none. Errors name `path`
 * and are OR_EXIT_USAGE. */
int or_report_from_json(or_report **out, json_t *root, const char *path, or_diag *diag);

/* Add the fingerprints of the findings of the saved report at `path` to
 * `out` (for --baseline). Errors as for or_report_load. */
int or_report_load_fingerprints(or_strset *out, const char *path, or_diag *diag);
/* The same for a saved report's text (`len` bytes), named `name` in errors. */
int or_report_fingerprints_of_text(or_strset *out, const char *data, size_t len,
				   const char *name, or_diag *diag);

/* The string at `key` of `object`, or `fallback`. */
const char *or_report_str(const json_t *object, const char *key, const char *fallback);

#endif
