/* opsready check [PATH] [options]: the main job. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char check_usage[] =
	"Usage: opsready check [PATH] [options]\n"
	"\n"
	"Scan PATH (default .) and report. Exit 0 when the gate passes, 1 when it\n"
	"fails, 2 on a usage or configuration error, 3 on a runtime error.\n"
	"\n"
	"Options:\n"
	"  --config FILE        config file (default: PATH/.opsready.yml, else built-in defaults)\n"
	"  --format FMT         standard output: text (default), json, junit, sarif,\n"
	"                       markdown, html\n"
	"  --report FMT=FILE    also write a report in FMT to FILE (repeatable)\n"
	"  --fail-on LEVEL      error (default), warning, notice, never\n"
	"  --min-score N        also fail when the readiness score is below N (0-100)\n"
	"  --now DATE           the date ages are measured against (YYYY-MM-DD)\n"
	"  --rule ID=VALUE      override one rule: off, on, error, warning, notice (repeatable)\n"
	"  --since REV          pre-merge mode: read and gate only the files changed since the\n"
	"                       merge base of REV and HEAD, and in the work tree\n"
	"  --no-history         do not read git history (history checks are skipped)\n"
	"  --baseline FILE      a JSON report from before: its findings do not fail the gate\n"
	"  --no-inline-suppressions  ignore <!-- opsready-disable ... --> comments (audits)\n"
	"  --timings            each phase's time on standard error, and the scan's duration\n"
	"                       in the reports (they are then no longer reproducible)\n"
	"  -q, --quiet          print only findings that fail the gate, and the summary\n"
	"  --color WHEN         auto (default; honours NO_COLOR), always, never\n"
	"  --progress           a progress line on standard error (default on a terminal)\n"
	"  --no-progress        no progress line\n"
	"  -h, --help           this help\n";

enum {
	OPT_CONFIG = 256,
	OPT_FORMAT,
	OPT_REPORT,
	OPT_FAIL_ON,
	OPT_MIN_SCORE,
	OPT_NOW,
	OPT_RULE,
	OPT_COLOR,
	OPT_PROGRESS,
	OPT_NO_PROGRESS,
	OPT_SINCE,
	OPT_NO_HISTORY,
	OPT_BASELINE,
	OPT_NO_INLINE,
	OPT_TIMINGS
};

static const struct option long_options[] = {
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "report", required_argument, NULL, OPT_REPORT },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "min-score", required_argument, NULL, OPT_MIN_SCORE },
	{ "now", required_argument, NULL, OPT_NOW },
	{ "rule", required_argument, NULL, OPT_RULE },
	{ "quiet", no_argument, NULL, 'q' },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "colour", required_argument, NULL, OPT_COLOR },
	{ "progress", no_argument, NULL, OPT_PROGRESS },
	{ "no-progress", no_argument, NULL, OPT_NO_PROGRESS },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "no-history", no_argument, NULL, OPT_NO_HISTORY },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "no-inline-suppressions", no_argument, NULL, OPT_NO_INLINE },
	{ "timings", no_argument, NULL, OPT_TIMINGS },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int or_cmd_check(int argc, char **argv)
{
	or_scan_options scan = OR_SCAN_OPTIONS_INIT;
	or_render_options render = OR_RENDER_OPTIONS_INIT;
	or_report_targets targets = { NULL, 0 };
	const char **rules = NULL;
	const char *format = "text", *color = "auto";
	or_report *report = NULL;
	or_diag diag = OR_DIAG_INIT;
	int c, code = OR_EXIT_USAGE;
	size_t i;
	char *end;

	bool progress = isatty(STDERR_FILENO), timings = false;
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	or_cli_events events;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":qh", long_options, NULL)) != -1) {
		switch (c) {
		case OPT_CONFIG:
			scan.config_path = optarg;
			break;
		case OPT_FORMAT:
			if (or_cli_set_format(&format, "check", optarg) != 0)
				goto cleanup;
			break;
		case OPT_REPORT:
			if (or_cli_add_report(&targets, "check", optarg) != 0)
				goto cleanup;
			break;
		case OPT_FAIL_ON:
			scan.fail_on = optarg;
			break;
		case OPT_MIN_SCORE:
			scan.min_score = strtod(optarg, &end);
			if (end == optarg || *end) {
				or_cli_usage_error("check", "--min-score: '%s' is not a number", optarg);
				goto cleanup;
			}
			scan.has_min_score = true;
			break;
		case OPT_NOW:
			scan.now = optarg;
			break;
		case OPT_RULE:
			rules = realloc(rules, (scan.nrules + 1) * sizeof(*rules));
			if (!rules)
				abort();
			rules[scan.nrules++] = optarg;
			break;
		case 'q':
			render.quiet = true;
			break;
		case OPT_COLOR:
			color = optarg;
			break;
		case OPT_PROGRESS:
			progress = true;
			break;
		case OPT_NO_PROGRESS:
			progress = false;
			break;
		case OPT_SINCE:
			scan.since = optarg;
			break;
		case OPT_NO_HISTORY:
			scan.no_history = true;
			break;
		case OPT_BASELINE:
			scan.baseline = optarg;
			break;
		case OPT_NO_INLINE:
			scan.no_inline_suppressions = true;
			break;
		case OPT_TIMINGS:
			timings = true;
			break;
		case 'h':
			fputs(check_usage, stdout);
			code = OR_EXIT_PASS;
			goto cleanup;
		case ':':
			or_cli_usage_error("check", "option '%s' needs a value", argv[optind - 1]);
			goto cleanup;
		default:
			or_cli_usage_error("check", "unknown option '%s'", argv[optind - 1]);
			goto cleanup;
		}
	}
	if (or_cli_parse_color(&render.color, color) != 0) {
		or_cli_usage_error("check", "--color: '%s' is not auto, always or never", color);
		goto cleanup;
	}
	if (optind < argc)
		scan.path = argv[optind++];
	if (optind < argc) {
		or_cli_usage_error("check", "one PATH only (also got '%s')", argv[optind]);
		goto cleanup;
	}
	scan.rules = rules;
	scan.timings = timings;
	/* the library reads no environment: the CLI passes what it holds */
	scan.source_date_epoch = epoch && *epoch ? epoch : NULL;
	or_cli_events_init(&events, progress, timings);
	if (events.progress || events.timings) {
		scan.on_event = render.on_event = or_cli_draw_event;
		scan.event_data = render.event_data = &events;
	}

	/* before the scan: nothing is written when a report path is refused */
	for (i = 0; i < targets.count; i++)
		if (or_report_path_check(scan.path ? scan.path : ".", targets.items[i].path,
					 &diag) != 0) {
			code = or_cli_error(&diag);
			goto cleanup;
		}
	if (or_scan(&report, &scan, &diag) != 0) {
		code = or_cli_error(&diag);
		goto cleanup;
	}
	if (or_cli_write_reports(report, &targets, format, &render) != 0)
		code = OR_EXIT_RUNTIME;
	else
		code = or_report_passed(report) ? OR_EXIT_PASS : OR_EXIT_FAIL;
cleanup:
	or_report_free(report);
	or_cli_report_targets_dispose(&targets);
	free(rules);
	return code;
}
