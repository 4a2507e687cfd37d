/*
 * Running a scan: options in, one finished report out.
 */
#ifndef OPSREADY_SCAN_H
#define OPSREADY_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "opsready/common.h"
#include "opsready/report.h"

/* The version of or_scan_options this header describes. A caller sets it
 * with OR_SCAN_OPTIONS_INIT; one built against an older header passes its
 * older version, and the library reads only the fields that version had
 * (new fields are added at the end). 0, or a version newer than the
 * library's, is refused (OR_EXIT_USAGE). */
#define OR_SCAN_OPTIONS_VERSION 1

typedef struct or_scan_options {
	unsigned int version;        /* OR_SCAN_OPTIONS_VERSION */
	const char *path;            /* the repository or folder to scan; "." by default */
	const char *config_path;     /* NULL: PATH/.opsready.yml or .yaml, else built-in defaults */
	const char *now;             /* ISO 8601 date; NULL: config `now:`, else
					source_date_epoch, else today */
	const char *source_date_epoch; /* seconds since 1970 as text (the CLI passes
					  SOURCE_DATE_EPOCH); NULL: none */
	const char *fail_on;         /* "error", "warning", "notice", "never"; NULL: config or error */
	bool has_min_score;
	double min_score;            /* 0-100 */
	const char *const *rules;    /* "ID=off", "ID=warning" ... from --rule */
	size_t nrules;
	or_event_fn on_event;        /* progress and phase times, or NULL */
	void *event_data;            /* passed to on_event */
	bool no_history;             /* do not read git history */
	const char *since;           /* pre-merge mode: only files changed since the merge base
					of this revision and HEAD (and in the work tree) can fail
					the gate, and only they are read */
	const char *baseline;        /* a JSON report: its findings are marked baseline */
	bool no_inline_suppressions; /* ignore <!-- opsready-disable... --> comments (audits) */
	bool timings;                /* the scan's duration in the report
					(scan.duration_seconds): the one wall-clock value
					a report can hold (--timings) */
} or_scan_options;

#define OR_SCAN_OPTIONS_INIT { .version = OR_SCAN_OPTIONS_VERSION, .path = "." }

/*
 * Scan and evaluate. On success *out is the finished report (the caller
 * frees it with or_report_free) and 0 is returned; the gate's verdict is
 * or_report_passed(*out). On error returns -1 with diag->code
 * OR_EXIT_USAGE (options, config, rules) or OR_EXIT_RUNTIME (the
 * repository could not be read).
 */
int or_scan(or_report **out, const or_scan_options *options, or_diag *diag);

#endif
