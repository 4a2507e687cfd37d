/* opsready render REPORT.json [--format FMT] [--report FMT=PATH]: any report
 * again from a saved JSON report, through the same reporters. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char render_usage[] =
	"Usage: opsready render REPORT.json [--format FMT] [--report FMT=FILE]...\n"
	"\n"
	"Render a saved JSON report again, in any format. Without --report, the\n"
	"report goes to standard output in --format (default text).\n";

static const struct option long_options[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "report", required_argument, NULL, 'r' },
	{ "color", required_argument, NULL, 'c' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int or_cmd_render(int argc, char **argv)
{
	or_render_options render = OR_RENDER_OPTIONS_INIT;
	or_cli_events events;
	or_report_targets targets = { NULL, 0 };
	const char *format = NULL, *color = "auto";
	or_report *report = NULL;
	or_diag diag = OR_DIAG_INIT;
	int c, code = OR_EXIT_USAGE;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", long_options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (or_cli_set_format(&format, "render", optarg) != 0)
				goto cleanup;
			break;
		case 'r':
			if (or_cli_add_report(&targets, "render", optarg) != 0)
				goto cleanup;
			break;
		case 'c':
			color = optarg;
			break;
		case 'h':
			fputs(render_usage, stdout);
			code = OR_EXIT_PASS;
			goto cleanup;
		case ':':
			or_cli_usage_error("render", "option '%s' needs a value", argv[optind - 1]);
			goto cleanup;
		default:
			or_cli_usage_error("render", "unknown option '%s'", argv[optind - 1]);
			goto cleanup;
		}
	}
	if (or_cli_parse_color(&render.color, color) != 0) {
		or_cli_usage_error("render", "--color: '%s' is not auto, always or never", color);
		goto cleanup;
	}
	if (optind + 1 != argc) {
		or_cli_usage_error("render", "give exactly one REPORT.json");
		goto cleanup;
	}
	if (or_report_load(&report, argv[optind], &diag) != 0) {
		code = or_cli_error(&diag);
		goto cleanup;
	}
	/* OPSREADY_TIMING=1: each report's writing time */
	or_cli_events_init(&events, false, false);
	if (events.timings) {
		render.on_event = or_cli_draw_event;
		render.event_data = &events;
	}
	code = or_cli_write_reports(report, &targets, or_cli_stdout_format(format, &targets),
				    &render);
cleanup:
	or_report_free(report);
	or_cli_report_targets_dispose(&targets);
	return code;
}
