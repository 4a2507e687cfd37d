/*
 * The finished report: one value from which every format is rendered.
 * Its serialisation is the JSON report (schema: include/opsready/report.schema.json),
 * so a saved JSON report renders into any format again, byte for byte.
 */
#ifndef OPSREADY_REPORT_H
#define OPSREADY_REPORT_H

#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>

#include "opsready/common.h"

typedef struct or_report or_report;

typedef enum or_color {
	OR_COLOR_NEVER = 0,
	OR_COLOR_ALWAYS
} or_color;

/* As OR_SCAN_OPTIONS_VERSION (opsready/scan.h), for or_render_options. */
#define OR_RENDER_OPTIONS_VERSION 1

typedef struct or_render_options {
	unsigned int version; /* OR_RENDER_OPTIONS_VERSION */
	or_color color;       /* ANSI colour in the text format */
	bool quiet;           /* the text format prints only findings that fail the gate, and the summary */
	or_event_fn on_event; /* each report's writing time (an OR_EVENT_PHASE named by
				 its format), or NULL */
	void *event_data;
} or_render_options;

#define OR_RENDER_OPTIONS_INIT { .version = OR_RENDER_OPTIONS_VERSION, .color = OR_COLOR_NEVER }

/* True when the gate passed. */
bool or_report_passed(const or_report *report);

/*
 * Reading the report (for bindings; src/report/read.h has the rest). Every
 * string is borrowed from the report and lives as long as it does; a part
 * the report lacks is NULL, or a number with `known` false. Reading never
 * changes the report, so any number of threads may read one report at once.
 */

/* A whole number of the report; `known` is false (and `value` 0) when the
 * report lacks it or holds null or another type there. */
typedef struct or_report_int {
	long long value;
	bool known;
} or_report_int;

/* A number of the report (whole or not); `known` as for or_report_int. */
typedef struct or_report_real {
	double value;
	bool known;
} or_report_real;

/* The readiness score, 0 to 100: false when the report holds none. */
bool or_report_score(const or_report *report, double *score);

/* "pass" or "fail", or NULL when the report holds no verdict. */
const char *or_report_verdict(const or_report *report);

/* One area of the summary ("docs", "training", ...) with its score (not
 * known when none of its rules was evaluated). */
typedef struct or_report_area_view {
	const char *name;         /* never NULL */
	or_report_real score;
	or_report_int evaluations;
	or_report_int findings;   /* its active findings */
} or_report_area_view;

/* The areas, in the report's order; `i` < or_report_nareas. */
size_t or_report_nareas(const or_report *report);
void or_report_read_area(const or_report *report, size_t i, or_report_area_view *out);

/* One finding. */
typedef struct or_report_finding_view {
	const char *rule;         /* never NULL */
	const char *severity;     /* never NULL: "error", "warning" or "notice" */
	const char *status;       /* never NULL: "active", "waived", "suppressed", ... */
	const char *file;         /* NULL: about the repository as a whole */
	long long line, column;   /* 0: none */
	const char *message;      /* never NULL */
	const char *fingerprint;  /* never NULL */
} or_report_finding_view;

/* The findings, in the report's order; `i` < or_report_nfindings. */
size_t or_report_nfindings(const or_report *report);
void or_report_read_finding(const or_report *report, size_t i, or_report_finding_view *out);

/* Load a JSON report saved earlier (for render, diff and merge). */
int or_report_load(or_report **out, const char *path, or_diag *diag);
void or_report_free(or_report *report);

/* True when `format` names a reporter ("text", "json", ...). */
bool or_report_format_known(const char *format);
/* The known formats, comma-separated, for messages (static). */
const char *or_report_format_list(void);

/* Render into a malloc'd, NUL-terminated buffer (*out, *len). */
int or_report_render(char **out, size_t *len, const or_report *report, const char *format,
		     const or_render_options *options, or_diag *diag);

/* Render and write to `path` whole or not at all (a temporary file, written
 * as the report is rendered, then renamed into place). Errors are
 * OR_EXIT_RUNTIME. */
int or_report_write(const or_report *report, const char *format, const char *path,
		    const or_render_options *options, or_diag *diag);

/* Whether `path` may be written as a report of the scan of `root`: the
 * report's folder must not be reached through a symbolic link inside
 * `root` that leads out of it (a pull request can commit one, and the
 * pre-merge recipe writes its reports in the checkout). Returns 0, or -1
 * with OR_EXIT_RUNTIME in `diag`, before anything is written. */
int or_report_path_check(const char *root, const char *path, or_diag *diag);

/* Render to `stream` (standard output) as it goes, and flush it. */
int or_report_print(const or_report *report, const char *format, FILE *stream,
		    const or_render_options *options, or_diag *diag);

/* One output of or_report_write_all: a file (`path`) or a stream. */
typedef struct or_report_output {
	const char *format;
	const char *path;                 /* a file, or NULL to print to `stream` */
	FILE *stream;
	const or_render_options *options; /* NULL: the defaults */
	int error;                        /* out: 0, or -1 with `diag` */
	or_diag diag;
} or_report_output;

/* Render and write every output, as or_report_write and or_report_print
 * do, several at once when the machine has more than one processor (the
 * report is only read). Returns 0, or -1 when any output failed. */
int or_report_write_all(const or_report *report, or_report_output *outputs, size_t n);

#endif
