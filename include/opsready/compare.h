/*
 * Over time and across repositories: `opsready diff` and `opsready merge`
 * work on report values loaded from JSON files.
 */
#ifndef OPSREADY_COMPARE_H
#define OPSREADY_COMPARE_H

#include <stddef.h>

#include "opsready/report.h"

/*
 * New, fixed and unchanged findings between two reports (by fingerprint),
 * and the score change overall and per area. The result is a value of kind
 * "diff" that the diff renderers (text, json, markdown) print.
 */
int or_report_diff(or_report **out, const or_report *old_report, const or_report *new_report,
		   or_diag *diag);
/* New active findings in a diff at or above `fail_on` ("error", "warning",
 * "notice", "never"). */
size_t or_diff_new_at_or_above(const or_report *diff, const char *fail_on);
/* Render a diff as "text", "json" or "markdown" into a malloc'd buffer. */
int or_diff_render(char **out, size_t *len, const or_report *diff, const char *format,
		   or_diag *diag);

/*
 * One organisation-wide report from the reports of many repositories;
 * names[i] names reports[i] (paths become "NAME/path", fingerprints are made
 * unique, the summary is recomputed with the scan's formula, people in
 * several repositories count with their best completion of each course).
 * The result has the report schema plus `repositories` (a row each).
 */
int or_report_merge(or_report **out, const or_report *const *reports, const char *const *names,
		    size_t n, or_diag *diag);

#endif
