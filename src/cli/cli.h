/* The command line: one function per subcommand, each returning an exit code. */
#ifndef OR_CLI_H
#define OR_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "opsready/opsready.h"

typedef int (*or_cmd_fn)(int argc, char **argv);

int or_cmd_check(int argc, char **argv);
int or_cmd_rules(int argc, char **argv);
int or_cmd_explain(int argc, char **argv);
int or_cmd_init(int argc, char **argv);
int or_cmd_render(int argc, char **argv);
int or_cmd_diff(int argc, char **argv);
int or_cmd_merge(int argc, char **argv);

/* A `--report FMT=FILE` argument. */
typedef struct or_report_target {
	char *format;
	char *path;
} or_report_target;

typedef struct or_report_targets {
	or_report_target *items;
	size_t count;
} or_report_targets;

/* Parse "FMT=FILE" and add it; prints the error (for `command`) and returns
 * -1 if bad. */
int or_cli_add_report(or_report_targets *targets, const char *command, const char *arg);
/* --format FMT: a known format into *format; prints the error and returns -1
 * if unknown. */
int or_cli_set_format(const char **format, const char *command, const char *value);
void or_cli_report_targets_dispose(or_report_targets *targets);
/* Write every target, and `stdout_format` (unless NULL) to standard output,
 * several at once; prints errors; returns the exit code to use (0 or 3). */
int or_cli_write_reports(const or_report *report, const or_report_targets *targets,
			 const char *stdout_format, const or_render_options *options);

/* What render and merge print: --format, or text when no --report was
 * given; NULL (nothing) when only --report was. */
const char *or_cli_stdout_format(const char *format, const or_report_targets *targets);

/* --color WHEN: "auto" (a terminal and no NO_COLOR), "always", "never". */
int or_cli_parse_color(or_color *out, const char *when);

/* What the CLI draws of a scan's or a render's events on standard error:
 * the progress line, and each phase's time. */
typedef struct or_cli_events {
	bool progress;  /* --progress, or standard error is a terminal */
	bool timings;   /* --timings, or OPSREADY_TIMING in the environment */
	size_t drawn;   /* documents drawn so far */
} or_cli_events;

void or_cli_events_init(or_cli_events *events, bool progress, bool timings);
/* An or_event_fn; `data` is an or_cli_events. */
void or_cli_draw_event(const or_event *event, void *data);

/* Print a diagnostic on standard error, compiler-style, and return its exit code. */
int or_cli_error(const or_diag *diag);
/* prefix, `value` escaped as the text report escapes repository values, suffix */
void or_cli_print(const char *prefix, const char *value, const char *suffix);
/* Print "opsready: <message>" and the hint to see --help; returns OR_EXIT_USAGE. */
int or_cli_usage_error(const char *command, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
