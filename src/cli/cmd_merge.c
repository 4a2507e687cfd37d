/* opsready merge REPORT.json... [--report FMT=FILE]: one organisation-wide
 * report from the JSON reports of many repositories. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "opsready/compare.h"

static const char merge_usage[] =
	"Usage: opsready merge REPORT.json... [--format FMT] [--report FMT=FILE]...\n"
	"\n"
	"One organisation-wide report from the JSON reports of many repositories: a\n"
	"row per repository with its verdict and scores, every finding under the\n"
	"repository's name (the report file's name without .json), and one training\n"
	"matrix where people of several repositories appear once. Exit 0 when the\n"
	"merged gate passes, 1 when it fails.\n";

static const struct option long_options[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "report", required_argument, NULL, 'r' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* "reports/payments.json" -> "payments"; a repeated name gets "-2", "-3". */
static char *report_name(const char *path, char **names, size_t n)
{
	const char *base = strrchr(path, '/');
	size_t len, k, suffix = 1;
	char *name;

	base = base ? base + 1 : path;
	len = strlen(base);
	if (len > 5 && strcmp(base + len - 5, ".json") == 0)
		len -= 5;
	name = malloc(len + 16);
	if (!name)
		abort();
	snprintf(name, len + 16, "%.*s", (int)len, base);
	for (k = 0; k < n; k++) {
		if (strcmp(names[k], name) == 0) {
			snprintf(name, len + 16, "%.*s-%zu", (int)len, base, ++suffix);
			k = (size_t)-1; /* check again from the start */
		}
	}
	return name;
}

int or_cmd_merge(int argc, char **argv)
{
	or_render_options render = OR_RENDER_OPTIONS_INIT;
	or_cli_events events;
	or_report_targets targets = { NULL, 0 };
	or_report **reports = NULL, *merged = NULL;
	char **names = NULL;
	const char *format = NULL;
	or_diag diag = OR_DIAG_INIT;
	size_t n = 0, i;
	int c, code = OR_EXIT_USAGE;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", long_options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (or_cli_set_format(&format, "merge", optarg) != 0)
				goto cleanup;
			break;
		case 'r':
			if (or_cli_add_report(&targets, "merge", optarg) != 0)
				goto cleanup;
			break;
		case 'h':
			fputs(merge_usage, stdout);
			code = OR_EXIT_PASS;
			goto cleanup;
		case ':':
			or_cli_usage_error("merge", "option '%s' needs a value", argv[optind - 1]);
			goto cleanup;
		default:
			or_cli_usage_error("merge", "unknown option '%s'", argv[optind - 1]);
			goto cleanup;
		}
	}
	if (optind >= argc) {
		or_cli_usage_error("merge", "give one or more JSON reports");
		goto cleanup;
	}
	reports = calloc((size_t)(argc - optind), sizeof(*reports));
	names = calloc((size_t)(argc - optind), sizeof(*names));
	if (!reports || !names)
		abort();
	for (; optind < argc; optind++, n++) {
		if (or_report_load(&reports[n], argv[optind], &diag) != 0) {
			code = or_cli_error(&diag);
			goto cleanup;
		}
		names[n] = report_name(argv[optind], names, n);
	}
	if (or_report_merge(&merged, (const or_report *const *)reports, (const char *const *)names,
			    n, &diag) != 0) {
		code = or_cli_error(&diag);
		goto cleanup;
	}
	/* OPSREADY_TIMING=1: each report's writing time */
	or_cli_events_init(&events, false, false);
	if (events.timings) {
		render.on_event = or_cli_draw_event;
		render.event_data = &events;
	}
	code = or_cli_write_reports(merged, &targets, or_cli_stdout_format(format, &targets),
				    &render);
	if (!code)
		code = or_report_passed(merged) ? OR_EXIT_PASS : OR_EXIT_FAIL;
cleanup:
	for (i = 0; i < n; i++) {
		or_report_free(reports[i]);
		free(names[i]);
	}
	free(reports);
	free(names);
	or_report_free(merged);
	or_cli_report_targets_dispose(&targets);
	return code;
}
