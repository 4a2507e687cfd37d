#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int or_cli_error(const or_diag *diag)
{
	if (diag->file[0] && diag->line > 0 && diag->column > 0)
		fprintf(stderr, "%s:%d:%d: error: %s\n", diag->file, diag->line, diag->column,
			diag->message);
	else if (diag->file[0] && diag->line > 0)
		fprintf(stderr, "%s:%d: error: %s\n", diag->file, diag->line, diag->message);
	else if (diag->file[0])
		fprintf(stderr, "%s: error: %s\n", diag->file, diag->message);
	else
		fprintf(stderr, "opsready: error: %s\n", diag->message);
	return diag->code ? (int)diag->code : OR_EXIT_RUNTIME;
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

