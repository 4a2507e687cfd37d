#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int or_cli_error(const or_diag *diag)
{
	char line[OR_DIAG_FORMAT_SIZE];

	or_diag_format(diag, line, sizeof(line));
	fprintf(stderr, "%s\n", line);
	return diag->code ? (int)diag->code : OR_EXIT_RUNTIME;
}

void or_cli_print(const char *prefix, const char *value, const char *suffix)
{
	char *escaped = or_escape_for_terminal(value);

	printf("%s%s%s", prefix, escaped, suffix);
	free(escaped);
}

void or_cli_draw_event(const or_event *event, void *data)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	or_cli_events *events = data;

	pthread_mutex_lock(&lock);
	if (event->kind == OR_EVENT_PROGRESS && events->progress &&
	    event->done > events->drawn) {
		/* documents are read on several threads: draw each count once,
		 * in order, and end the line with the last */
		events->drawn = event->done;
		fprintf(stderr, "\ropsready: reading %zu/%zu documents%s", event->done,
			event->total, event->done == event->total ? "\n" : "");
	} else if (event->kind == OR_EVENT_PHASE && events->timings) {
		fprintf(stderr,
			"opsready: timing: %-18s %8.3f s  (total %8.3f s, peak %ld MB; now %ld MB heap, %ld MB mapped files)\n",
			event->phase, event->seconds, event->total_seconds, event->peak_mb,
			event->heap_mb, event->mapped_mb);
	}
	pthread_mutex_unlock(&lock);
}

void or_cli_events_init(or_cli_events *events, bool progress, bool timings)
{
	const char *env = getenv("OPSREADY_TIMING");

	events->progress = progress;
	/* OPSREADY_TIMING=1: the phases' times without --timings' duration in
	 * the reports (for profiling a run whose reports are compared) */
	events->timings = timings || (env && *env && *env != '0');
	events->drawn = 0;
}

int or_cli_usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;

	fputs("opsready: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'opsready %s%s--help'.\n", command ? command : "",
		command ? " " : "");
	return OR_EXIT_USAGE;
}

int or_cli_set_format(const char **format, const char *command, const char *value)
{
	if (!or_report_format_known(value)) {
		or_cli_usage_error(command, "--format: unknown format '%s' (known: %s)", value,
				   or_report_format_list());
		return -1;
	}
	*format = value;
	return 0;
}

int or_cli_add_report(or_report_targets *targets, const char *command, const char *arg)
{
	const char *eq = strchr(arg, '=');
	or_report_target *t;
	char *format;

	if (!eq || eq == arg || !eq[1]) {
		or_cli_usage_error(command, "--report takes FORMAT=FILE, not '%s'", arg);
		return -1;
	}
	format = strndup(arg, (size_t)(eq - arg));
	if (!or_report_format_known(format)) {
		or_cli_usage_error(command, "--report: unknown format '%s' (known: %s)", format,
				   or_report_format_list());
		free(format);
		return -1;
	}
	targets->items = realloc(targets->items, (targets->count + 1) * sizeof(*t));
	if (!targets->items)
		abort();
	t = &targets->items[targets->count++];
	t->format = format;
	t->path = strdup(eq + 1);
	return 0;
}

void or_cli_report_targets_dispose(or_report_targets *targets)
{
	size_t i;

	for (i = 0; i < targets->count; i++) {
		free(targets->items[i].format);
		free(targets->items[i].path);
	}
	free(targets->items);
	targets->items = NULL;
	targets->count = 0;
}

const char *or_cli_stdout_format(const char *format, const or_report_targets *targets)
{
	if (format)
		return format;
	return targets->count == 0 ? "text" : NULL;
}

int or_cli_write_reports(const or_report *report, const or_report_targets *targets,
			 const char *stdout_format, const or_render_options *options)
{
	or_render_options plain = *options;
	or_report_output *outputs;
	size_t i, n = targets->count;
	int code = 0;

	plain.color = OR_COLOR_NEVER; /* files never get escape codes */
	outputs = calloc(n + 1, sizeof(*outputs));
	if (!outputs)
		abort();
	for (i = 0; i < targets->count; i++) {
		outputs[i].format = targets->items[i].format;
		outputs[i].path = targets->items[i].path;
		outputs[i].options = &plain;
	}
	if (stdout_format) {
		outputs[n].format = stdout_format;
		outputs[n].stream = stdout;
		outputs[n].options = options;
		n++;
	}
	if (or_report_write_all(report, outputs, n) != 0)
		for (i = 0; i < n; i++) /* in the order given, whatever order they finished in */
			if (outputs[i].error)
				code = or_cli_error(&outputs[i].diag);
	free(outputs);
	return code ? OR_EXIT_RUNTIME : 0;
}

int or_cli_parse_color(or_color *out, const char *when)
{
	const char *no_color = getenv("NO_COLOR");

	if (strcmp(when, "always") == 0) {
		*out = OR_COLOR_ALWAYS;
	} else if (strcmp(when, "never") == 0) {
		*out = OR_COLOR_NEVER;
	} else if (strcmp(when, "auto") == 0) {
		*out = isatty(STDOUT_FILENO) && !(no_color && *no_color) ? OR_COLOR_ALWAYS
									 : OR_COLOR_NEVER;
	} else {
		return -1;
	}
	return 0;
}

